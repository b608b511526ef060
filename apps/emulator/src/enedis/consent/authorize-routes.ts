/**
 * The consent flow: `GET /dataconnect/v1/oauth2/authorize` shows the consent page, the form posts back
 * to the same path, and the browser is redirected to the application with
 * `code`, `state` and `usage_point_id=p1;p2` (reference §A2).
 *
 * Automation (tests, e2e) can skip the page:
 * - `auto_select=p1;p2` in the query (or the `autoSelect` option) redirects at once with those PRMs;
 *   `auto_select=state` picks the sandbox client named by the last digit of `state`, like the sandbox;
 * - or POST the form fields directly: the authorize parameters plus one `usage_point_id` field per PRM
 *   (or one field `p1;p2`), and `decision=accept` (default) or `decision=refuse`.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MeterCatalogue } from '../meters/catalogue.ts';
import type { EmulatorState } from '../state.ts';
import { renderConsentPage, renderErrorPage, type AuthorizeParams } from './consent-page.ts';
import { consentExpiry } from './duration.ts';

export const AUTHORIZE_PATH = '/dataconnect/v1/oauth2/authorize';
const PRM = /^\d{14}$/;

type Fields = Record<string, unknown>;

function text(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (Array.isArray(value)) {
    return typeof value[0] === 'string' ? value[0] : undefined;
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every PRM named by `usage_point_id` fields (repeated, or joined by `;` or `,`). */
function selectedPrms(fields: Fields): string[] {
  const raw = fields.usage_point_id;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const prms = values.filter((v): v is string => typeof v === 'string').flatMap((v) => v.split(/[;,]/));
  return [...new Set(prms.map((p) => p.trim()).filter((p) => p !== ''))];
}

type Checked =
  | { ok: true; params: AuthorizeParams; redirectUri: string; expiresAt: Date }
  | { ok: false; status: number; error: string; description: string };

function checkParams(state: EmulatorState, fields: Fields): Checked {
  const params: AuthorizeParams = {
    client_id: text(fields, 'client_id') ?? '',
    response_type: text(fields, 'response_type') ?? '',
    duration: text(fields, 'duration') ?? '',
    state: text(fields, 'state'),
    redirect_uri: text(fields, 'redirect_uri'),
  };
  const missing = (['client_id', 'response_type', 'duration'] as const).filter((name) => params[name] === '');
  if (missing.length > 0) {
    return {
      ok: false,
      status: 400,
      error: 'invalid_request',
      description: `missing_parameter: ${missing.join(', ')}`,
    };
  }
  if (params.response_type !== 'code') {
    return { ok: false, status: 400, error: 'invalid_request', description: 'response_type must be "code"' };
  }
  const client = state.options.clients.find((c) => c.clientId === params.client_id);
  if (!client) {
    return { ok: false, status: 400, error: 'invalid_request', description: 'unknown client_id' };
  }
  if (params.state !== undefined && params.state.length > 100) {
    return { ok: false, status: 400, error: 'invalid_request', description: 'state must be at most 100 characters' };
  }
  const duration = consentExpiry(params.duration, state.options.now());
  if (!duration.ok) {
    return { ok: false, status: 400, error: 'invalid_request', description: duration.reason };
  }
  return { ok: true, params, redirectUri: params.redirect_uri ?? client.redirectUri, expiresAt: duration.expiresAt };
}

/** Appends a query the way Enedis writes it: PRMs joined by a literal `;`. */
function redirectUrl(base: string, query: Array<[string, string | undefined]>): string {
  const pairs = query
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}=${name === 'usage_point_id' ? value : encodeURIComponent(value)}`);
  return `${base}${base.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

/** The sandbox client named by the last character of `state`, as in the real sandbox. */
function sandboxClientOfState(catalogue: MeterCatalogue, state: string | undefined): string[] {
  const last = state?.at(-1);
  return last !== undefined && /\d/.test(last) ? catalogue.sandboxClientPrms(Number(last)) : [];
}

function errorPage(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage(error, description));
}

/** Records consent for `prms` and redirects to the application. */
function grantAndRedirect(state: EmulatorState, reply: FastifyReply, checked: Checked & { ok: true }, prms: string[]) {
  const now = state.options.now();
  for (const prm of prms) {
    state.consents.grant({ clientId: checked.params.client_id, prm, grantedAt: now, expiresAt: checked.expiresAt });
  }
  const code = randomBytes(18).toString('base64url');
  return reply.redirect(
    redirectUrl(checked.redirectUri, [
      ['code', code],
      ['state', checked.params.state],
      ['usage_point_id', prms.join(';')],
    ]),
    302,
  );
}

function unknownPrms(catalogue: MeterCatalogue, prms: string[]): string[] {
  return prms.filter((prm) => !PRM.test(prm) || catalogue.get(prm) === undefined);
}

export function registerAuthorizeRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(AUTHORIZE_PATH, async (request, reply) => {
    const fields = request.query as Fields;
    const checked = checkParams(state, fields);
    if (!checked.ok) {
      return errorPage(reply, checked.status, checked.error, checked.description);
    }

    const auto = text(fields, 'auto_select') ?? state.options.autoSelect;
    if (auto !== null) {
      const prms =
        auto === 'state'
          ? sandboxClientOfState(state.catalogue, checked.params.state)
          : selectedPrms({ usage_point_id: auto });
      const unknown = unknownPrms(state.catalogue, prms);
      if (prms.length === 0 || unknown.length > 0) {
        return errorPage(reply, 400, 'invalid_request', `auto_select names no known meter (${unknown.join(', ')})`);
      }
      return grantAndRedirect(state, reply, checked, prms);
    }

    const page = renderConsentPage({
      action: AUTHORIZE_PATH,
      params: checked.params,
      groups: state.catalogue.groups(),
      preselected: new Set(sandboxClientOfState(state.catalogue, checked.params.state)),
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });

  app.post(AUTHORIZE_PATH, async (request, reply) => {
    const fields = { ...(request.query as Fields), ...((request.body ?? {}) as Fields) };
    const checked = checkParams(state, fields);
    if (!checked.ok) {
      return errorPage(reply, checked.status, checked.error, checked.description);
    }

    if (text(fields, 'decision') === 'refuse') {
      return reply.redirect(
        redirectUrl(checked.redirectUri, [
          ['error', 'access_denied'],
          ['error_description', 'The user denied access to the usage points'],
          ['state', checked.params.state ?? ''],
        ]),
        302,
      );
    }

    const prms = selectedPrms(fields);
    const unknown = unknownPrms(state.catalogue, prms);
    if (prms.length === 0 || unknown.length > 0) {
      const page = renderConsentPage({
        action: AUTHORIZE_PATH,
        params: checked.params,
        groups: state.catalogue.groups(),
        preselected: new Set(prms),
        message:
          unknown.length > 0 ? `Compteur inconnu : ${unknown.join(', ')}` : 'Cochez au moins un compteur à partager.',
      });
      return reply.code(400).type('text/html; charset=utf-8').send(page);
    }
    return grantAndRedirect(state, reply, checked, prms);
  });
}
