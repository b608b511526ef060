import fc from 'fast-check';
import type { JsonSchema, Operation, Parameter } from './openapi.ts';
import { HUGE, hostileJson, hostileString, RAW_URL_TOKENS, validish, type ValuePools } from './values.ts';

/** One generated HTTP request, ready for `app.inject`, with a label saying what was bent. */
export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
  remoteAddress: string;
  label: string;
}

export interface AuthChoice {
  name: string;
  headers: Record<string, string>;
  weight: number;
}

export interface RequestContext {
  pools: ValuePools;
  /** Ways to (not) authenticate for this operation, weighted. */
  auths: readonly AuthChoice[];
  /** Client addresses, few enough that per-IP throttles kick in now and then. */
  addresses: readonly string[];
  /** The server's BODY_LIMIT_BYTES: oversized bodies go just past it. */
  bodyLimit: number;
}

/**
 * Percent-encodes like `encodeURIComponent`, except that a lone surrogate (which makes
 * `encodeURIComponent` throw) is written as its WTF-8 bytes: what a careless client sends, and not UTF-8.
 */
export function encodeUrlComponent(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(text.charAt(index));
    }
  }
  return encoded;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** `arbitrary`'s value in about one case in `outOf`, null otherwise. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, outOf: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: outOf - 1 }, { arbitrary, weight: 1 });
}

/** One URL-borne value, already encoded: valid-ish, hostile, or raw malformed percent-encoding. */
function urlValue(parameter: Parameter, pools: ValuePools): fc.Arbitrary<{ text: string; how: string }> {
  return fc.oneof(
    {
      arbitrary: validish(parameter.schema, parameter.name, pools).map((value) => ({
        text: encodeUrlComponent(asText(value)),
        how: 'ok',
      })),
      weight: 6,
    },
    { arbitrary: hostileString().map((value) => ({ text: encodeUrlComponent(value), how: 'hostile' })), weight: 3 },
    { arbitrary: fc.constantFrom(...RAW_URL_TOKENS).map((raw) => ({ text: `a${raw}`, how: 'raw' })), weight: 1 },
  );
}

function pathArbitrary(operation: Operation, pools: ValuePools): fc.Arbitrary<{ path: string; how: string[] }> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  return fc.tuple(...parameters.map((parameter) => urlValue(parameter, pools))).map((values) => {
    let path = operation.path;
    const how: string[] = [];
    parameters.forEach((parameter, index) => {
      const value = values[index] ?? { text: '', how: 'ok' };
      path = path.replace(`{${parameter.name}}`, value.text);
      if (value.how !== 'ok') {
        how.push(`path.${parameter.name}=${value.how}`);
      }
    });
    return { path, how };
  });
}

function queryArbitrary(operation: Operation, pools: ValuePools): fc.Arbitrary<{ query: string; how: string[] }> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const entries = parameters.map((parameter) =>
    fc.record({
      // Optional ones are given half of the time; required ones always, unless dropped below.
      present: parameter.required ? fc.constant(true) : fc.boolean(),
      value: urlValue(parameter, pools),
      repeated: rarely(urlValue(parameter, pools), 10),
    }),
  );
  const extra = rarely(fc.constantFrom('unknown=1', 'admin=true', `${encodeUrlComponent('\u0000')}=x`, '=', '&&'), 6);
  return fc.tuple(fc.tuple(...entries), extra, fc.nat(19)).map(([values, extraPair, dropIndex]) => {
    const pairs: string[] = [];
    const how: string[] = [];
    values.forEach((entry, index) => {
      const parameter = parameters[index];
      if (!parameter) {
        return;
      }
      // Each required parameter goes missing in about one request in twenty.
      const dropped = parameter.required && dropIndex === index;
      if (!entry.present || dropped) {
        if (dropped) {
          how.push(`query.${parameter.name}=missing`);
        }
        return;
      }
      pairs.push(`${parameter.name}=${entry.value.text}`);
      if (entry.value.how !== 'ok') {
        how.push(`query.${parameter.name}=${entry.value.how}`);
      }
      if (entry.repeated !== null) {
        pairs.push(`${parameter.name}=${entry.repeated.text}`);
        how.push(`query.${parameter.name}=repeated`);
      }
    });
    if (extraPair !== null) {
      pairs.push(extraPair);
      how.push('query+extra');
    }
    return { query: pairs.length > 0 ? `?${pairs.join('&')}` : '', how };
  });
}

interface BodyChoice {
  payload: string | Buffer | undefined;
  contentType: string | undefined;
  how: string;
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

function formEncode(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return encodeUrlComponent(asText(value));
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${encodeUrlComponent(key)}=${encodeUrlComponent(asText(item))}`)
    .join('&');
}

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

function bodyArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<BodyChoice> {
  const declared = operation.body;
  const schema = declared?.schema ?? { type: 'object' };
  const contentTypes = declared?.contentTypes ?? ['application/json'];
  const encode = (value: unknown, contentType: string) =>
    contentType === 'application/x-www-form-urlencoded' ? formEncode(value) : JSON.stringify(value);
  const json = (how: string) => (value: unknown) => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
    how,
  });
  const deep = Math.floor(context.bodyLimit / 4);
  const variants: fc.WeightedArbitrary<BodyChoice>[] = [
    { arbitrary: fc.constant({ payload: undefined, contentType: undefined, how: 'body=none' }), weight: 1 },
    { arbitrary: hostileJson().map(json('body=top-level')), weight: 1 },
    {
      arbitrary: fc
        .constantFrom(...MALFORMED_JSON)
        .map((payload) => ({ payload, contentType: 'application/json', how: 'body=malformed' })),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        { payload: '['.repeat(deep) + ']'.repeat(deep), contentType: 'application/json', how: 'body=deep-array' },
        {
          payload: '{"a":'.repeat(deep / 4) + '1' + '}'.repeat(deep / 4),
          contentType: 'application/json',
          how: 'body=deep-object',
        },
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constant({
        payload: JSON.stringify({ padding: HUGE.repeat(Math.ceil(context.bodyLimit / HUGE.length) + 1) }),
        contentType: 'application/json',
        how: 'body=oversized',
      }),
      weight: 1,
    },
    {
      arbitrary: fc
        .constantFrom(
          Buffer.concat([
            Buffer.from('{"name":"'),
            Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
            Buffer.from('"}'),
          ]),
          Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
          Buffer.from([0x00, 0x7b, 0x7d]),
        )
        .map((payload) => ({ payload, contentType: 'application/json', how: 'body=bytes' })),
      weight: 1,
    },
  ];
  if (declared) {
    variants.push(
      {
        arbitrary: fc
          .tuple(validish(schema, '', context.pools), fc.constantFrom(...contentTypes))
          .map(([value, contentType]) => ({ payload: encode(value, contentType), contentType, how: 'body=ok' })),
        weight: 6,
      },
      {
        arbitrary: fc
          .tuple(bentObject(schema, context.pools), fc.constantFrom(...contentTypes))
          .map(([bent, contentType]) => ({ payload: encode(bent.value, contentType), contentType, how: bent.how })),
        weight: 5,
      },
      {
        arbitrary: fc
          .tuple(validish(schema, '', context.pools), fc.constantFrom(...WRONG_CONTENT_TYPES))
          .map(([value, contentType]) => ({ payload: JSON.stringify(value), contentType, how: 'body=content-type' })),
        weight: 1,
      },
    );
  } else {
    // No body expected: mostly none; the variants above are the stray bodies (one request in five).
    variants.push({
      arbitrary: fc.constant({ payload: undefined, contentType: undefined, how: 'body=none' }),
      weight: 24,
    });
  }
  return fc.oneof(...variants);
}

const HOSTILE_HEADERS: readonly Record<string, string>[] = [
  { 'content-length': '1' },
  { 'content-length': '999999999' },
  { 'content-length': '-1' },
  { 'x-forwarded-for': '\u0000, 1.2.3.4' },
  { 'x-forwarded-for': 'not-an-ip' },
  { accept: '\u0000' },
  { 'x-fuzz': 'a\u0000b' },
  { authorization: 'Bearer \u0000' },
  { authorization: 'Bearer a.b.c' },
  { authorization: `Bearer ${'a'.repeat(300)}` },
  { authorization: `Bearer ${HUGE}` },
  { authorization: 'Bearer' },
  { authorization: 'Basic !!!' },
  { authorization: `Basic ${Buffer.from('%00:secret').toString('base64')}` },
  { authorization: `Basic ${Buffer.from('id:%ED%A0%80').toString('base64')}` },
  { authorization: `Basic ${Buffer.from('\u0000:\u0000').toString('base64')}` },
  { cookie: 'access_token=%00' },
  { cookie: 'access_token=%E0%A4%A' },
  { cookie: 'access_token=a.b.c' },
  { cookie: `access_token=${'a'.repeat(5000)}` },
  { cookie: 'x=\u0000; access_token=' },
  { cookie: '=;;=' },
];

function headersArbitrary(context: RequestContext): fc.Arbitrary<{ headers: Record<string, string>; how: string[] }> {
  const auth = fc.oneof(...context.auths.map((choice) => ({ arbitrary: fc.constant(choice), weight: choice.weight })));
  const extra = rarely(fc.constantFrom(...HOSTILE_HEADERS), 8);
  return fc.tuple(auth, extra).map(([choice, hostile]) => ({
    headers: { ...choice.headers, ...(hostile ?? {}) },
    how: [`auth=${choice.name}`, ...(hostile ? [`header=${Object.keys(hostile).join(',')}`] : [])],
  }));
}

/** Requests for one operation: valid-ish most of the time, bent in one or more places otherwise. */
export function requestArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathArbitrary(operation, context.pools),
      query: queryArbitrary(operation, context.pools),
      body: bodyArbitrary(operation, context),
      headers: headersArbitrary(context),
      remoteAddress: fc.constantFrom(...context.addresses),
    })
    .map(({ path, query, body, headers, remoteAddress }) => ({
      operation: operation.id,
      method: operation.method,
      url: `${path.path}${query.query}`,
      headers: { ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }), ...headers.headers },
      payload: body.payload,
      remoteAddress,
      label: [...path.how, ...query.how, body.how, ...headers.how].join(' '),
    }));
}
