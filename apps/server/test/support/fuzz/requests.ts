import fc from 'fast-check';
import { bentBody, okBody, type BodyPart } from './bodies.ts';
import { asText, encodeUrlComponent } from './encoding.ts';
import type { Operation, Parameter } from './openapi.ts';
import { HUGE, hostileString, RAW_URL_TOKENS, validish, type ValuePools } from './values.ts';

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
 * What one slot of the request contributes: a path parameter's text, query pairs (none when the
 * parameter is absent, two when repeated), the body, or extra headers. `how` says what was bent.
 */
type Part =
  | { kind: 'path'; name: string; text: string; how: string | undefined }
  | { kind: 'query'; pairs: string[]; how: string | undefined }
  | ({ kind: 'body' } & BodyPart)
  | { kind: 'headers'; headers: Record<string, string>; how: string | undefined };

/** A place in the request, with how a well-behaved client fills it and how a hostile one does. */
interface Slot {
  ok: fc.Arbitrary<Part>;
  bent: fc.Arbitrary<Part>;
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

const EXTRA_QUERY_PAIRS = ['unknown=1', 'admin=true', `${encodeUrlComponent('\u0000')}=x`, '=', '&&'] as const;

const okText = (parameter: Parameter, pools: ValuePools) =>
  validish(parameter.schema, parameter.name, pools).map((value) => encodeUrlComponent(asText(value)));

/** Hostile text for a URL: hostile strings (NUL, surrogates, impossible dates…) or malformed encoding. */
const bentText = fc.oneof(
  { arbitrary: hostileString().map((value) => ({ text: encodeUrlComponent(value), how: 'hostile' })), weight: 3 },
  { arbitrary: fc.constantFrom(...RAW_URL_TOKENS).map((raw) => ({ text: `a${raw}`, how: 'raw' })), weight: 1 },
);

function pathSlot(parameter: Parameter, pools: ValuePools): Slot {
  const { name } = parameter;
  const part = (text: string, how: string | undefined): Part => ({ kind: 'path', name, text, how });
  return {
    ok: okText(parameter, pools).map((text) => part(text, undefined)),
    bent: fc.oneof(
      { arbitrary: bentText.map(({ text, how }) => part(text, `path.${name}=${how}`)), weight: 6 },
      { arbitrary: fc.constant(part('', `path.${name}=empty`)), weight: 1 },
    ),
  };
}

function querySlot(parameter: Parameter, pools: ValuePools): Slot {
  const { name } = parameter;
  const part = (pairs: string[], how: string | undefined): Part => ({ kind: 'query', pairs, how });
  const ok = okText(parameter, pools).map((text) => `${name}=${text}`);
  return {
    // Optional parameters are given half of the time.
    ok: parameter.required
      ? ok.map((pair) => part([pair], undefined))
      : fc.option(ok, { nil: undefined }).map((pair) => part(pair === undefined ? [] : [pair], undefined)),
    bent: fc.oneof(
      { arbitrary: bentText.map(({ text, how }) => part([`${name}=${text}`], `query.${name}=${how}`)), weight: 6 },
      { arbitrary: fc.constant(part([], `query.${name}=missing`)), weight: 1 },
      {
        arbitrary: fc
          .tuple(ok, bentText)
          .map(([pair, bent]) => part([pair, `${name}=${bent.text}`], `query.${name}=repeated`)),
        weight: 1,
      },
    ),
  };
}

function slotsOf(operation: Operation, context: RequestContext): Slot[] {
  const { pools } = context;
  const parameters = operation.parameters;
  return [
    ...parameters.filter((parameter) => parameter.in === 'path').map((parameter) => pathSlot(parameter, pools)),
    ...parameters.filter((parameter) => parameter.in === 'query').map((parameter) => querySlot(parameter, pools)),
    {
      ok: fc.constant({ kind: 'query', pairs: [], how: undefined }),
      bent: fc.constantFrom(...EXTRA_QUERY_PAIRS).map((pair) => ({ kind: 'query', pairs: [pair], how: 'query+extra' })),
    },
    {
      ok: okBody(operation, pools).map((body) => ({ kind: 'body', ...body })),
      bent: bentBody(operation, pools, context.bodyLimit).map((body) => ({ kind: 'body', ...body })),
    },
    {
      ok: fc.constant({ kind: 'headers', headers: {}, how: undefined }),
      bent: fc
        .constantFrom(...HOSTILE_HEADERS)
        .map((headers) => ({ kind: 'headers', headers, how: `header=${Object.keys(headers).join(',')}` })),
    },
  ];
}

function compose(operation: Operation, parts: Part[]): Omit<FuzzRequest, 'remoteAddress' | 'label'> {
  let path = operation.path;
  const pairs: string[] = [];
  let headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  for (const part of parts) {
    switch (part.kind) {
      case 'path':
        path = path.replace(`{${part.name}}`, part.text);
        break;
      case 'query':
        pairs.push(...part.pairs);
        break;
      case 'body':
        payload = part.payload;
        headers = { ...(part.contentType === undefined ? {} : { 'content-type': part.contentType }), ...headers };
        break;
      case 'headers':
        headers = { ...headers, ...part.headers };
        break;
    }
  }
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return { operation: operation.id, method: operation.method, url: `${path}${query}`, headers, payload };
}

/**
 * Requests for one operation. Every slot (each parameter, extra query pairs, the body, extra headers)
 * has a well-behaved filling and a hostile one; four requests in ten bend nothing (so valid-ish input
 * reaches services, the database and the emulator), five bend one slot, one bends two. The caller is
 * one of the operation's auth choices.
 */
export function requestArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<FuzzRequest> {
  const slots = slotsOf(operation, context);
  const slotIndex = fc.nat(slots.length - 1);
  const bentSlots = fc.oneof(
    { arbitrary: fc.constant<number[]>([]), weight: 4 },
    { arbitrary: fc.tuple(slotIndex), weight: 5 },
    { arbitrary: fc.tuple(slotIndex, slotIndex), weight: 1 },
  );
  const auth = fc.oneof(...context.auths.map((choice) => ({ arbitrary: fc.constant(choice), weight: choice.weight })));
  return fc
    .record({
      ok: fc.tuple(...slots.map((slot) => slot.ok)),
      bent: fc.tuple(...slots.map((slot) => slot.bent)),
      bentSlots,
      auth,
      remoteAddress: fc.constantFrom(...context.addresses),
    })
    .map(({ ok, bent, bentSlots: chosen, auth: choice, remoteAddress }) => {
      const parts = ok.map((part, index) => (chosen.includes(index) ? (bent[index] ?? part) : part));
      const request = compose(operation, [{ kind: 'headers', headers: choice.headers, how: undefined }, ...parts]);
      const how = parts.map((part) => part.how).filter((text): text is string => text !== undefined);
      return { ...request, remoteAddress, label: [`auth=${choice.name}`, ...how].join(' ') };
    });
}
