import { randomBytes } from 'node:crypto';
import { PDL_PATTERN } from '@med/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { AuthUser } from '../../http/auth.ts';
import type { ServerKeys } from '../../security/keys.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import { findPdlOwner, findUserPdlByUsagePoint } from '../pdl/pdl.repository.ts';
import type { PdlService } from '../pdl/pdl.service.ts';
import { refreshMeterProfile } from './meter-profile.ts';

const STATE_TTL_MS = 10 * 60_000;

export interface CallbackQuery {
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
  pdls: PdlService;
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

    async callback(user: AuthUser | null, query: CallbackQuery): Promise<ConsentOutcome> {
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

      let created = 0;
      const ownedElsewhere: string[] = [];
      for (const prm of prms) {
        const existing = await findPdlOwner(deps.db, prm);
        if (existing && existing.user_id !== user.id) {
          ownedElsewhere.push(prm);
          continue;
        }
        if (!existing) {
          try {
            await deps.pdls.create(user, { usage_point_id: prm });
            created += 1;
          } catch {
            ownedElsewhere.push(prm); // lost a race with another account
            continue;
          }
        }
        const row = await findUserPdlByUsagePoint(deps.db, user.id, prm);
        if (row) {
          await refreshMeterProfile(deps.db, deps.gateway.apiFor(user), row, deps.log);
        }
      }
      const accepted = prms.length - ownedElsewhere.length;
      if (accepted === 0) {
        return fail('pdl_already_exists');
      }
      return {
        kind: 'done',
        params: {
          consent_success: 'true',
          pdl_count: String(accepted),
          created_count: String(created),
          ...(ownedElsewhere.length > 0
            ? { consent_error: 'pdl_already_exists', rejected_count: String(ownedElsewhere.length) }
            : {}),
        },
      };
    },
  };

  function fail(reason: string): ConsentOutcome {
    return { kind: 'done', params: { consent_error: reason } };
  }
}
export type ConsentService = ReturnType<typeof createConsentService>;
