/**
 * Enedis emulator options from environment variables, for the standalone emulator (`npm run emulator`).
 * Every variable is optional; a malformed value throws, naming the variable, instead of being ignored.
 *
 * | Variable | Option |
 * | --- | --- |
 * | `EMULATOR_CLIENT_ID`, `EMULATOR_CLIENT_SECRET`, `EMULATOR_REDIRECT_URI` | the default application |
 * | `EMULATOR_LATENCY_MS`, `EMULATOR_LATENCY_JITTER_MS` | `latency` |
 * | `EMULATOR_FAULT_RATE` (500), `EMULATOR_FAULT_503_RATE`, `EMULATOR_FAULT_429_RATE`, `EMULATOR_FAULT_TIMEOUT_RATE`, `EMULATOR_FAULT_TRUNCATE_RATE`, `EMULATOR_FAULT_GAP_RATE` | `faults.*Rate` (0–1) |
 * | `EMULATOR_FAULT_TIMEOUT_MS`, `EMULATOR_FAULT_SEED`, `EMULATOR_FAULT_TARGETS` (`token,metering,customers`) | `faults` |
 * | `EMULATOR_RATE_LIMIT` (`on`/`off`), `EMULATOR_RATE_PER_SECOND`, `EMULATOR_RATE_PER_HOUR` | `rateLimit` |
 * | `EMULATOR_REQUIRE_CONSENT` (`true`/`false`), `EMULATOR_AUTO_SELECT` (`state` or `p1;p2`) | consent |
 * | `EMULATOR_PUBLICATION_HOUR` (0–23), `EMULATOR_DST_STAMPING` (`start-plus-length`/`end-instant`) | data |
 */
import { DEFAULT_CLIENT, type EnedisEmulatorOptions, type FaultOptions, type FaultTarget } from './options.ts';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function number(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) {
    return undefined;
  }
  const parsed = Number(raw);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new RangeError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  }
  return parsed;
}

function boolean(env: Env, name: string): boolean | undefined {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined) {
    return undefined;
  }
  if (['true', 'on', '1', 'yes'].includes(raw)) {
    return true;
  }
  if (['false', 'off', '0', 'no'].includes(raw)) {
    return false;
  }
  throw new RangeError(`${name} must be true/false (or on/off), got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T | undefined {
  const raw = value(env, name);
  if (raw === undefined) {
    return undefined;
  }
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function faultTargets(env: Env): FaultTarget[] | undefined {
  const raw = value(env, 'EMULATOR_FAULT_TARGETS');
  if (raw === undefined) {
    return undefined;
  }
  const allowed: FaultTarget[] = ['token', 'metering', 'customers'];
  const targets = raw.split(',').map((t) => t.trim());
  const bad = targets.filter((t) => !(allowed as string[]).includes(t));
  if (bad.length > 0) {
    throw new RangeError(`EMULATOR_FAULT_TARGETS: unknown target ${bad.join(', ')}`);
  }
  return targets as FaultTarget[];
}

/** The Enedis options set by `env`; unset variables keep the emulator defaults. */
export function enedisOptionsFromEnv(env: Env): EnedisEmulatorOptions {
  const faults: Partial<FaultOptions> = withoutUndefined({
    error500Rate: number(env, 'EMULATOR_FAULT_RATE', 0, 1),
    error503Rate: number(env, 'EMULATOR_FAULT_503_RATE', 0, 1),
    error429Rate: number(env, 'EMULATOR_FAULT_429_RATE', 0, 1),
    timeoutRate: number(env, 'EMULATOR_FAULT_TIMEOUT_RATE', 0, 1),
    truncatedRate: number(env, 'EMULATOR_FAULT_TRUNCATE_RATE', 0, 1),
    gapRate: number(env, 'EMULATOR_FAULT_GAP_RATE', 0, 1),
    timeoutMs: number(env, 'EMULATOR_FAULT_TIMEOUT_MS', 0, 600_000),
    seed: number(env, 'EMULATOR_FAULT_SEED', 0, 2 ** 31),
    targets: faultTargets(env),
  });
  const autoSelect = value(env, 'EMULATOR_AUTO_SELECT');
  return withoutUndefined({
    clients: [
      {
        clientId: value(env, 'EMULATOR_CLIENT_ID') ?? DEFAULT_CLIENT.clientId,
        clientSecret: value(env, 'EMULATOR_CLIENT_SECRET') ?? DEFAULT_CLIENT.clientSecret,
        redirectUri: value(env, 'EMULATOR_REDIRECT_URI') ?? DEFAULT_CLIENT.redirectUri,
      },
    ],
    latency: withoutUndefined({
      fixedMs: number(env, 'EMULATOR_LATENCY_MS', 0, 600_000),
      jitterMs: number(env, 'EMULATOR_LATENCY_JITTER_MS', 0, 600_000),
    }),
    faults,
    rateLimit: withoutUndefined({
      enabled: boolean(env, 'EMULATOR_RATE_LIMIT'),
      perSecond: number(env, 'EMULATOR_RATE_PER_SECOND', 1, 1_000_000),
      perHour: number(env, 'EMULATOR_RATE_PER_HOUR', 1, 1_000_000_000),
    }),
    requireConsent: boolean(env, 'EMULATOR_REQUIRE_CONSENT'),
    autoSelect: autoSelect === undefined ? undefined : autoSelect === 'state' ? 'state' : autoSelect.split(/[;,]/),
    publicationHour: number(env, 'EMULATOR_PUBLICATION_HOUR', 0, 23),
    dstStamping: oneOf(env, 'EMULATOR_DST_STAMPING', ['start-plus-length', 'end-instant'] as const),
  });
}
