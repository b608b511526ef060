import type { TestUser } from './accounts-helpers.ts';
import type { TestServer } from './test-server.ts';

/**
 * Runs the whole consent flow over real HTTP: our authorize URL → the emulator's consent page
 * (auto-selecting `prms`) → its 302 back to our callback → our 302 to the dashboard.
 * Returns the dashboard query parameters.
 */
export async function giveConsent(server: TestServer, user: TestUser, prms: string[]): Promise<URLSearchParams> {
  return completeConsent(server, user, await startConsent(server, user), prms);
}

/** `GET /api/oauth/authorize` for `user`: the Enedis consent URL, carrying a fresh single-use `state`. */
export async function startConsent(server: TestServer, user: TestUser): Promise<URL> {
  const authorize = await server.app.inject({
    method: 'GET',
    url: '/api/oauth/authorize',
    headers: { cookie: user.cookie },
  });
  if (authorize.statusCode !== 200) {
    throw new Error(`authorize failed: ${authorize.body}`);
  }
  return new URL(authorize.json<{ data: { authorize_url: string } }>().data.authorize_url);
}

/**
 * The rest of the flow from a consent URL: the emulator's page (auto-selecting `prms`), its 302 back to
 * our callback presented with `user`'s session, our 302 to the dashboard. Returns the dashboard query.
 */
export async function completeConsent(
  server: TestServer,
  user: TestUser,
  consentUrl: URL,
  prms: string[],
): Promise<URLSearchParams> {
  const url = new URL(consentUrl);
  url.searchParams.set('auto_select', prms.join(';'));
  const enedis = await fetch(url, { redirect: 'manual' });
  const back = enedis.headers.get('location');
  if (enedis.status !== 302 || !back) {
    throw new Error(`consent page did not redirect: ${enedis.status}`);
  }
  const callback = new URL(back);
  const done = await server.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: user.cookie },
  });
  const location = done.headers.location;
  if (done.statusCode !== 302 || typeof location !== 'string') {
    throw new Error(`callback did not redirect: ${done.statusCode} ${done.body}`);
  }
  return new URL(location).searchParams;
}

export interface MeterReadingBody {
  success: boolean;
  data: {
    meter_reading: {
      start: string;
      end: string;
      interval_reading: { value: number; date: string; interval_length?: string }[];
    };
    missing_dates: string[];
  } | null;
  error: { code: string; message: string } | null;
}
