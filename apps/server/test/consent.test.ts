import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser } from './support/accounts-helpers.ts';
import { completeConsent, startConsent } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 7: three consumption PRMs, one per test below.
const PRMS = ['64975835695673', '63695879465986', '22315546958763'] as const;

describe.each(backends)('Enedis consent state on $name', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  async function meters(cookie: string): Promise<string[]> {
    const list = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie } });
    return list.json<{ data: { usage_point_id: string }[] }>().data.map((pdl) => pdl.usage_point_id);
  }

  it('another user presenting my state neither completes it nor burns it', async () => {
    const owner = await createUser(server, 'state-owner');
    const intruder = await createUser(server, 'state-intruder');
    const consentUrl = await startConsent(server, owner);

    const hijack = await completeConsent(server, intruder, consentUrl, [PRMS[0]]);
    expect(hijack.get('consent_error')).toBe('invalid_state');
    expect(await meters(intruder.cookie)).toEqual([]);

    // The state is still there for its owner, once.
    const done = await completeConsent(server, owner, consentUrl, [PRMS[0]]);
    expect(Object.fromEntries(done)).toMatchObject({ consent_success: 'true', pdl_count: '1' });
    expect(await meters(owner.cookie)).toEqual([PRMS[0]]);
    const replay = await completeConsent(server, owner, consentUrl, [PRMS[1]]);
    expect(replay.get('consent_error')).toBe('invalid_state');
    expect(await meters(owner.cookie)).toEqual([PRMS[0]]);
  });

  it('a state is valid for 10 minutes, not longer', async () => {
    const user = await createUser(server, 'state-clock');
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const early = await startConsent(server, user);
    const late = await startConsent(server, user);

    vi.setSystemTime(Date.now() + 9 * 60_000 + 30_000);
    const inTime = await completeConsent(server, user, early, [PRMS[1]]);
    expect(inTime.get('consent_success')).toBe('true');

    vi.setSystemTime(Date.now() + 31_000);
    const expired = await completeConsent(server, user, late, [PRMS[2]]);
    expect(expired.get('consent_error')).toBe('invalid_state');
    expect((await meters(user.cookie)).sort()).toEqual([PRMS[1]]);
  });
});
