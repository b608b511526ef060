import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyEnedisFailure, EnedisError, nextAccessWaitMs, throttledQuota } from './enedis-errors.ts';
import { enedisAdapter, PATHS, PRMS, rejection, startTestEmulator } from './enedis-test-support.ts';

/** Wednesday 5 November 2025, 11:00 in Paris: today = 2025-11-05. */
const NOW = new Date('2025-11-05T10:00:00Z');

describe('Enedis failure classification', () => {
  it('matches the error code case-insensitively, in both spellings of ADAM-DC-0008', () => {
    for (const error of ['ADAM-DC-0008', 'adam-dc-0008', 'ADAM_DC_0008']) {
      const verdict = classifyEnedisFailure(403, { error, error_description: 'x' }, NOW);
      expect(verdict).toMatchObject({ kind: 'permanent', error: { status: 403, code: 'CONSENT_REQUIRED' } });
    }
  });

  it('tells the hourly quota from the per-second one, in the 2020 and 2026 bodies', () => {
    expect(
      throttledQuota({ error: '429', error_description: 'Quota Q4 reached Call threshold allowed on 0:-30:-40' }),
    ).toBe('hour');
    expect(throttledQuota({ error: '429', error_description: 'Quota Q3 reached Call threshold' })).toBe('second');
    expect(throttledQuota({ code: '900804', message: 'Message throttled out', description: 'x' })).toBe('hour');
    expect(throttledQuota({ fault: { code: 900807, message: 'Message throttled out' } })).toBe('second');
    expect(throttledQuota(null)).toBe('second');
  });

  it('reads nextAccessTime, also when it is only inside the description', () => {
    const now = new Date('2026-07-17T04:59:30Z');
    expect(nextAccessWaitMs({ nextAccessTime: '2026-Jul-17 05:00:00+0000 UTC' }, now)).toBe(30_000);
    expect(
      nextAccessWaitMs(
        { description: 'You have exceeded your quota .You can access API after 2026-Jul-17 05:00:00+0000 UTC' },
        now,
      ),
    ).toBe(30_000);
    expect(nextAccessWaitMs({ fault: { code: 900807 } }, now)).toBeNull();
  });
});

/**
 * Permanent Enedis answers, produced by the real emulator from the sandbox meters of reference §A8:
 * each becomes its gateway code after exactly one call, however many attempts are allowed.
 */
describe('Enedis permanent errors', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const control = () => emulator.app.enedisEmulator;
  /** Every data call the emulator answered (token calls excluded). */
  const dataCalls = () =>
    Object.entries(control().stats.byRoute)
      .filter(([route]) => route !== PATHS.token)
      .reduce((sum, [, count]) => sum + count, 0);
  const api = () => enedisAdapter(emulator.url, { maxAttempts: 5 }).api;

  beforeAll(async () => {
    emulator = await startTestEmulator({ now: () => NOW });
  });
  afterAll(async () => emulator.close());
  beforeEach(() => {
    control().resetStats();
    control().configure({ now: () => NOW, loadCurveDisabledError: 'no_data_found' });
  });

  async function expectPermanent(call: Promise<unknown>, status: number, code: string, enedisCode: string) {
    const error = await rejection(call);
    expect(error).toBeInstanceOf(EnedisError);
    expect(error).toMatchObject({ status, code, enedisCode });
    expect(dataCalls()).toBe(1);
  }

  it('ADAM-DC-0008 (sandbox client 8, consent revoked) → 403 CONSENT_REQUIRED', async () => {
    await expectPermanent(
      api().dailyEnergy('consumption', PRMS.revoked, '2025-10-01', '2025-10-08'),
      403,
      'CONSENT_REQUIRED',
      'ADAM-DC-0008',
    );
  });

  it('ADAM-ERR0123 (before the activation of sandbox client 1) → 422 BEFORE_ACTIVATION_DATE', async () => {
    // In 2021 the activation date 2019-08-27 is within the daily history, so the activation check answers.
    control().configure({ now: () => new Date('2021-06-01T10:00:00Z') });
    await expectPermanent(
      api().dailyEnergy('consumption', PRMS.activated20190827, '2019-08-01', '2019-09-01'),
      422,
      'BEFORE_ACTIVATION_DATE',
      'ADAM-ERR0123',
    );
  });

  it('ADAM-ERR0125 (start beyond the history) → 422 DATE_TOO_OLD', async () => {
    await expectPermanent(
      api().dailyEnergy('consumption', PRMS.complete, '2021-01-01', '2021-02-01'),
      422,
      'DATE_TOO_OLD',
      'ADAM-ERR0125',
    );
  });

  it('ADAM-ERR0126 (load curve over 7 days) → 422 INVALID_DATE_RANGE', async () => {
    await expectPermanent(
      api().loadCurve('consumption', PRMS.complete, '2025-10-01', '2025-10-11'),
      422,
      'INVALID_DATE_RANGE',
      'ADAM-ERR0126',
    );
  });

  it('ADAM-ERR0075 (load curve refused, sandbox client 2) → 422 LOAD_CURVE_DISABLED', async () => {
    control().configure({ loadCurveDisabledError: 'ADAM-ERR0075' });
    await expectPermanent(
      api().loadCurve('consumption', PRMS.noLoadCurve, '2025-10-01', '2025-10-08'),
      422,
      'LOAD_CURVE_DISABLED',
      'ADAM-ERR0075',
    );
  });

  it('ADAM-ERR0069 (production asked of a consumption meter) → 422 WRONG_DIRECTION', async () => {
    await expectPermanent(
      api().dailyEnergy('production', PRMS.complete, '2025-10-01', '2025-10-08'),
      422,
      'WRONG_DIRECTION',
      'ADAM-ERR0069',
    );
  });

  it('no_data_found → 404 NO_DATA', async () => {
    await expectPermanent(
      api().loadCurve('consumption', PRMS.noLoadCurve, '2025-10-01', '2025-10-08'),
      404,
      'NO_DATA',
      'no_data_found',
    );
  });

  it('an unlisted 400 (invalid_request) → 502 ENEDIS_ERROR with Enedis’s code', async () => {
    await expectPermanent(
      api().dailyEnergy('consumption', PRMS.complete, '2025-11-01', '2025-11-20'),
      502,
      'ENEDIS_ERROR',
      'invalid_request',
    );
  });
});
