import fc from 'fast-check';
import type { JsonSchema } from './openapi.ts';

/**
 * Values the fuzzer puts in parameters and bodies: valid-ish ones derived from the JSON Schema (so
 * requests get past validation and reach handlers, services and the database) and hostile ones
 * (NUL, lone surrogates, huge strings, impossible dates, wrong types, boundaries).
 */

/** Valid-ish strings known to the app (ids of the test user's meters, its PRMs, its e-mail…). */
export interface ValuePools {
  /** By parameter or property name (`id`, `pdl`, `email`, `password`…). */
  byName: Readonly<Record<string, readonly string[]>>;
  /** Real calendar dates around today, plus far past and far future ones. */
  dates: readonly string[];
  /**
   * Names of date parameters (`start`, `end_date`…): dates even when the schema does not say
   * `format: date`, so that a route checking only the shape still gets real and impossible days.
   */
  dateNames: ReadonlySet<string>;
}

/** Over every `maxLength` of the API; big enough to stress, small enough to send thousands of times. */
export const HUGE = 'x'.repeat(70_000);

/** Well-shaped days that do not exist: what a regex-only check lets through to date arithmetic. */
export const NONEXISTENT_DAYS = [
  '2025-02-30',
  '2025-02-31',
  '2024-02-30',
  '2023-02-29',
  '2100-02-29',
  '2025-04-31',
  '2025-06-31',
  '2025-09-31',
  '2025-11-31',
] as const;

/** Dates in the wrong shape or out of range. */
export const MALFORMED_DATES = [
  '2025-13-01',
  '2025-00-10',
  '2025-01-00',
  '2025-01-32',
  '0000-00-00',
  '9999-99-99',
  '2025-1-1',
  '20250101',
  '2025-01-01T00:00:00Z',
  ' 2025-01-01',
  '2025-01-01\u0000',
  '+02025-01-01',
  '２０２５-０１-０１',
] as const;

/** Strings no field accepts as such, or that stress decoding and storage. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  '😀',
  '\u202eevil',
  'e\u0301'.repeat(200),
  'é'.repeat(5000),
  '１２３４５６７８９０１２３４',
  '١٢٣٤٥٦٧٨٩٠١٢٣٤',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../../etc/passwd',
  '%00',
  '%',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e400',
  '0x10',
  'true',
  '\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  HUGE,
  ...NONEXISTENT_DAYS,
  ...MALFORMED_DATES,
] as const;

/** JSON values of the wrong type for whatever field receives them. */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0,
  2 ** 53 + 1,
  1e308,
  -1e308,
  [],
  [1, 2],
  ['a'],
  {},
  { a: 1 },
  // An own `__proto__` key, as a JSON parser creates it.
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  [[[[[[[[[[[]]]]]]]]]]],
];

/** Already percent-encoded text that is not valid UTF-8 or not valid percent-encoding at all. */
export const RAW_URL_TOKENS = [
  '%',
  '%0',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%FF',
  '%C0%80',
  '%00',
  '%2500',
  '%u0000',
  '%F4%90%80%80',
  '%EF%BF%BF',
  '..%2F..%2F',
  '%2F',
] as const;

export const hostileString = (): fc.Arbitrary<string> => fc.constantFrom(...HOSTILE_STRINGS);

/** Any hostile JSON value: hostile strings, wrong types, boundaries of the schema. */
export function hostileJson(schema: JsonSchema = {}): fc.Arbitrary<unknown> {
  const boundaries: unknown[] = [];
  for (const bound of [schema.minimum, schema.maximum]) {
    if (bound !== undefined) {
      boundaries.push(bound - 1, bound, bound + 1, bound + 0.5);
    }
  }
  if (schema.maxLength !== undefined) {
    boundaries.push('a'.repeat(schema.maxLength), 'a'.repeat(schema.maxLength + 1));
  }
  return fc.oneof(
    { arbitrary: hostileString(), weight: 3 },
    { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 2 },
    { arbitrary: boundaries.length > 0 ? fc.constantFrom(...boundaries) : fc.constant(''), weight: 1 },
  );
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) {
    return schema.type;
  }
  return schema.type === undefined ? [] : [schema.type];
}

function stringArbitrary(schema: JsonSchema, name: string, pools: ValuePools): fc.Arbitrary<string> {
  if (schema.format === 'date' || pools.dateNames.has(name)) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...pools.dates), weight: 6 },
      { arbitrary: fc.constantFrom(...NONEXISTENT_DAYS), weight: 3 },
      { arbitrary: fc.constantFrom(...MALFORMED_DATES), weight: 1 },
    );
  }
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  let generic: fc.Arbitrary<string> = fc.string({ minLength, maxLength, unit: 'binary' });
  if (schema.pattern !== undefined) {
    generic = fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length <= 200);
  }
  const pool = pools.byName[name];
  return fc.oneof(
    ...(pool && pool.length > 0 ? [{ arbitrary: fc.constantFrom(...pool), weight: 6 }] : []),
    { arbitrary: generic, weight: 3 },
    { arbitrary: hostileString(), weight: 1 },
  );
}

/**
 * A value that mostly satisfies `schema` (named `name` in its parent), with a few hostile values mixed
 * in at every level so nested fields get their share too.
 */
export function validish(schema: JsonSchema, name: string, pools: ValuePools, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum);
  }
  if (schema.const !== undefined) {
    return fc.constant(schema.const);
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined && branches.length > 0) {
    return fc.oneof(...branches.map((branch) => validish(branch, name, pools, depth + 1)));
  }
  const types = typesOf(schema);
  const nonNull = types.filter((type) => type !== 'null');
  if (types.includes('null')) {
    const rest = validish({ ...schema, type: nonNull }, name, pools, depth + 1);
    return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: rest, weight: 4 });
  }
  if (nonNull.length > 1) {
    return fc.oneof(...nonNull.map((type) => validish({ ...schema, type }, name, pools, depth + 1)));
  }
  switch (nonNull[0] ?? 'any') {
    case 'string':
      return stringArbitrary(schema, name, pools);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = validish(schema.items ?? {}, name, pools, depth + 1);
      return fc.array(items, { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object':
      return objectArbitrary(schema, pools, depth);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, pools: ValuePools, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) {
    model[key] = validish(property, key, pools, depth + 1);
  }
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}
