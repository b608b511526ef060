import fc from 'fast-check';
import { formEncode } from './encoding.ts';
import type { JsonSchema, Operation } from './openapi.ts';
import { HUGE, hostileJson, validish, type ValuePools } from './values.ts';

/** A request body: payload and the content type it is sent with, and how it was bent. */
export interface BodyPart {
  payload: string | Buffer | undefined;
  contentType: string | undefined;
  how: string | undefined;
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{"a":1}}',
  "{'a':1}",
  '',
  ' ',
  'nul',
  '[',
  '{"a":"\\u00"}',
  '{"a": NaN}',
  '\uFEFF{}',
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
] as const;

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'application/jsonx',
  'application/json, text/plain',
  '*/*',
  ';',
] as const;

const INVALID_UTF8_BODIES = [
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  Buffer.from([0x00, 0x7b, 0x7d]),
];

const encode = (value: unknown, contentType: string) =>
  contentType === 'application/x-www-form-urlencoded' ? formEncode(value) : JSON.stringify(value);

/** Valid-ish object with one property replaced by a hostile value, removed, or an unknown one added. */
function bentObject(schema: JsonSchema, pools: ValuePools): fc.Arbitrary<{ value: unknown; how: string }> {
  const keys = Object.keys(schema.properties ?? {});
  return fc
    .tuple(validish(schema, '', pools), fc.nat(Math.max(keys.length - 1, 0)), fc.nat(3), hostileJson())
    .map(([value, index, action, hostile]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || keys.length === 0) {
        return { value: hostile, how: 'body=hostile' };
      }
      const bent: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const key = keys[index] ?? 'x';
      if (action === 0) {
        delete bent[key];
        return { value: bent, how: `body.${key}=missing` };
      }
      if (action === 1) {
        bent[`extra_${key}`] = hostile;
        return { value: bent, how: 'body+extra' };
      }
      bent[key] = hostile;
      return { value: bent, how: `body.${key}=hostile` };
    });
}

/** The body a well-behaved client sends: a valid-ish one in a declared content type, or none. */
export function okBody(operation: Operation, pools: ValuePools): fc.Arbitrary<BodyPart> {
  const declared = operation.body;
  if (!declared) {
    return fc.constant({ payload: undefined, contentType: undefined, how: undefined });
  }
  return fc
    .tuple(validish(declared.schema, '', pools), fc.constantFrom(...declared.contentTypes))
    .map(([value, contentType]) => ({ payload: encode(value, contentType), contentType, how: undefined }));
}

/**
 * A bent body: one field hostile, missing or unknown; a hostile top-level value; malformed or deeply
 * nested JSON; invalid UTF-8; just over the body limit; a wrong content type; or none when one is due.
 */
export function bentBody(operation: Operation, pools: ValuePools, bodyLimit: number): fc.Arbitrary<BodyPart> {
  const declared = operation.body;
  const schema = declared?.schema ?? { type: 'object' };
  const contentTypes = declared?.contentTypes ?? ['application/json'];
  const json = (how: string) => (payload: string | Buffer) => ({ payload, contentType: 'application/json', how });
  const nesting = Math.floor(bodyLimit / 4);
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(bentObject(schema, pools), fc.constantFrom(...contentTypes))
        .map(([bent, contentType]) => ({ payload: encode(bent.value, contentType), contentType, how: bent.how })),
      weight: declared ? 8 : 1,
    },
    { arbitrary: hostileJson().map((value) => json('body=top-level')(JSON.stringify(value))), weight: 2 },
    { arbitrary: fc.constantFrom(...MALFORMED_JSON).map(json('body=malformed')), weight: 2 },
    {
      arbitrary: fc
        .constantFrom(
          '['.repeat(nesting) + ']'.repeat(nesting),
          '{"a":'.repeat(nesting / 4) + '1' + '}'.repeat(nesting / 4),
        )
        .map(json('body=deep')),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...INVALID_UTF8_BODIES).map(json('body=bytes')), weight: 1 },
    {
      arbitrary: fc.constant(
        json('body=oversized')(JSON.stringify({ padding: HUGE.repeat(Math.ceil(bodyLimit / HUGE.length) + 1) })),
      ),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(validish(schema, '', pools), fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(([value, contentType]) => ({ payload: JSON.stringify(value), contentType, how: 'body=content-type' })),
      weight: 1,
    },
    { arbitrary: fc.constant({ payload: undefined, contentType: undefined, how: 'body=none' }), weight: 1 },
  );
}
