import { randomBytes, randomUUID } from 'node:crypto';
import { PDL_PATTERN } from '@med/contracts';
import { parisMidnightUtc, parisToday } from '@med/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { AuthUser } from '../../http/auth.ts';
import type { ServerKeys } from '../../security/keys.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import { logActivity } from '../accounts/users.repository.ts';
import { findUserPdlByUsagePoint } from '../pdl/pdl.repository.ts';
import { bindConsent } from './consent-binding.ts';
import { revokeFromEnedis } from './consent-access.ts';
import { countConsentsGrantedSince, findLatestConsent } from './consent.repository.ts';
import { refreshMeterProfile } from './meter-profile.ts';

const STATE_TTL_MS = 10 * 60_000;
/** Enedis codes are opaque URL-safe tokens; anything else is not one. */
const CODE_PATTERN = /^[A-Za-z0-9._~-]{4,512}$/;

export interface CallbackQuery {
  code?: string | undefined;
  state?: string | undefined;
  usage_point_id?: string | undefined;
  error?: string | undefined;
}

/** Where the callback sends the browser: the dashboard with a success or a precise error. */
export type ConsentOutcome = { kind: 'login' } | { kind: 'done'; params: Record<string, string> };

export interface ConsentDeps {
  db: Db;
  cache: CachePort;
  keys: ServerKeys;
  config: Config;
  gateway: EnedisGateway;
  log: FastifyBaseLogger;
  /** The clock the state's 10 minutes are measured with (tests move it). */
  now?: () => number;
}

/**
 * Enedis consent at account level. The `state` is random, single-use, expires after 10 minutes and is
 * bound to the user who started the flow: completing it from another session fails, so nobody can
 * attach their meter to someone else's account (or the reverse) with a crafted link — and presenting
 * someone else's state does not consume it: its owner can still finish.
 *
 * A callback that passes these checks (and carries the `code` Enedis always sends) records one consent
 * per PRM for this account (consent-binding.ts): that record, not the meter list, is what grants data.
 * A PRM under another account's live consent stays there; at most `consentMaxPrmsPerDay` are bound per
 * account and Paris day; a PRM Enedis then refuses (no consent on its side) is revoked on the spot.
 * What this cannot prove — that the person consented for this PRM — is ADR 0004.
 *
 * The cache entry is `<user id> <issued at ms>`: the entry's own TTL ends it, and the issue time is
 * checked as well, so the 10 minutes hold whatever the cache backend's clock says.
 */
export function createConsentService(deps: ConsentDeps) {
  const now = deps.now ?? (() => Date.now());
  const stateKey = (state: string) => `oauth_state:${deps.keys.hmac('cache-keys', `state:${state}`).slice(0, 32)}`;
  const stateValue = (userId: string, issuedAt: number) => `${userId} ${issuedAt}`;
  const stateOwner = (value: Buffer | null): string | null => {
    const [userId, issuedAt] = value?.toString().split(' ') ?? [];
    const age = now() - Number(issuedAt);
    return userId && age >= 0 && age <= STATE_TTL_MS ? userId : null;
  };

  return {
    async authorize(user: AuthUser): Promise<{ authorize_url: string; description: string; state: string }> {
      const state = randomBytes(24).toString('base64url');
      await deps.cache.setIfAbsent(stateKey(state), stateValue(user.id, now()), STATE_TTL_MS);
      const url = new URL(deps.gateway.main.authorizeUrl);
      url.search = new URLSearchParams({
        client_id: deps.gateway.main.clientId,
        response_type: 'code',
        duration: 'P36M',
        state,
        redirect_uri: deps.config.enedis.redirectUri,
      }).toString();
      return {
        authorize_url: url.toString(),
        description:
          'Ouvrez cette adresse pour autoriser MyElectricalData à lire vos données chez Enedis (valable 36 mois, révocable à tout moment).',
        state,
      };
    },

    async callback(user: AuthUser | null, query: CallbackQuery, ip: string | null): Promise<ConsentOutcome> {
      if (!user) {
        return { kind: 'login' };
      }
      if (!query.state) {
        return fail('invalid_state');
      }
      const key = stateKey(query.state);
      // Ownership first: only the user who started the flow may consume the single-use state.
      if (stateOwner(await deps.cache.get(key)) !== user.id) {
        return fail('invalid_state');
      }
      // Atomic take: of two concurrent callbacks of that user, one wins.
      if (stateOwner(await deps.cache.take(key)) !== user.id) {
        return fail('invalid_state');
      }
      if (query.error) {
        return fail(query.error === 'access_denied' ? 'access_denied' : 'enedis_error');
      }

      // v5 has no use for the code, but Enedis always sends one: a callback without it did not come from
      // the consent page (a forged link), so it grants nothing.
      if (!query.code || !CODE_PATTERN.test(query.code)) {
        return fail('invalid_code');
      }

      const prms = [
        ...new Set(
          (query.usage_point_id ?? '')
            .split(/[;,]/)
            .map((value) => value.trim())
            .filter(Boolean),
        ),
      ];
      if (prms.length === 0 || prms.some((prm) => !PDL_PATTERN.test(prm))) {
        return fail('invalid_pdl');
      }

      const at = new Date(now());
      const flowId = randomUUID();
      const alreadyToday = await countConsentsGrantedSince(
        deps.db,
        user.id,
        parisMidnightUtc(parisToday(at)).toISOString(),
      );
      const allowance = Math.max(0, deps.config.consentMaxPrmsPerDay - alreadyToday);
      const bindable = prms.slice(0, allowance);
      const overLimit = prms.length - bindable.length;

      let created = 0;
      let held = 0;
      let refused = 0;
      for (const prm of bindable) {
        const result = await bindConsent(deps.db, { userId: user.id, usagePointId: prm, flowId, at });
        if (result === 'held') {
          held += 1;
          await logActivity(deps.db, {
            user_id: user.id,
            action: 'consent_contested',
            ip,
            details: { flow_id: flowId },
          });
          continue;
        }
        const row = await findUserPdlByUsagePoint(deps.db, user.id, prm);
        const consent = await findLatestConsent(deps.db, user.id, prm);
        if (row && consent) {
          const profile = await refreshMeterProfile(deps.db, deps.gateway.apiFor(user), row, deps.log);
          if (profile.consentRefused) {
            // Enedis holds no consent for it: not a real consent (a forged callback, or revoked at once).
            await revokeFromEnedis(deps.db, consent, profile.consentRefused.enedisCode, at);
            refused += 1;
            continue;
          }
        }
        // Only meters that now read data count as added (the meter stays listed, shown as revoked, if refused).
        created += result === 'created' ? 1 : 0;
      }
      const accepted = bindable.length - held - refused;
      if (accepted > 0) {
        await logActivity(deps.db, {
          user_id: user.id,
          action: 'consent_granted',
          ip,
          details: { flow_id: flowId, meters: accepted },
        });
      }
      if (accepted === 0) {
        return fail(
          refused > 0 ? 'consent_refused' : overLimit > 0 && held === 0 ? 'daily_limit' : 'pdl_already_exists',
        );
      }
      return {
        kind: 'done',
        params: {
          consent_success: 'true',
          pdl_count: String(accepted),
          created_count: String(created),
          ...partialFailure({ held, refused, overLimit }),
        },
      };
    },
  };

  /** Some meters were bound, others not: say why for the most telling reason, and how many. */
  function partialFailure(counts: { held: number; refused: number; overLimit: number }): Record<string, string> {
    const rejected = counts.held + counts.refused + counts.overLimit;
    if (rejected === 0) {
      return {};
    }
    const reason = counts.held > 0 ? 'pdl_already_exists' : counts.refused > 0 ? 'consent_refused' : 'daily_limit';
    return { consent_error: reason, rejected_count: String(rejected) };
  }

  function fail(reason: string): ConsentOutcome {
    return { kind: 'done', params: { consent_error: reason } };
  }
}
export type ConsentService = ReturnType<typeof createConsentService>;
