import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import { DEMO_EMAIL } from '../../http/auth.ts';
import { newClientId, newClientSecret, protectClientSecret } from '../../security/client-credentials.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { findUserByEmail, insertUser } from '../accounts/users.repository.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import { findUserPdlByUsagePoint, updateUserPdl } from '../pdl/pdl.repository.ts';
import { bindConsent } from '../consent/consent-binding.ts';
import { findLatestConsent } from '../consent/consent.repository.ts';
import { refreshMeterProfile } from '../consent/meter-profile.ts';
import { findRoleIdByName } from '../roles/roles.repository.ts';

/** The demo meters served by the emulator (main home, solar home, secondary home). */
export const DEMO_METERS = [
  { prm: '04004253849200', name: 'Résidence principale' },
  { prm: '04004253849201', name: 'Maison solaire' },
  { prm: '04004253849202', name: 'Résidence secondaire' },
] as const;

/**
 * Creates (once) the read-only demo account and its three emulator meters, and records their consent
 * at the embedded emulator. The account has no password and a secret nobody knows: the only way in
 * is `POST /api/accounts/demo`, and every write is refused for it.
 */
export async function ensureDemoAccount(deps: {
  db: Db;
  keys: ServerKeys;
  gateway: EnedisGateway;
  log: FastifyBaseLogger;
}): Promise<string> {
  const { db, keys, gateway } = deps;
  gateway.emulator?.grantConsent(
    DEMO_METERS.map((meter) => meter.prm),
    { duration: 'P3Y' },
  );
  let user = await findUserByEmail(db, DEMO_EMAIL);
  if (!user) {
    const id = randomUUID();
    const now = new Date().toISOString();
    try {
      await insertUser(db, {
        id,
        email: DEMO_EMAIL,
        hashed_password: null,
        client_id: newClientId(),
        ...protectClientSecret(keys, id, newClientSecret()),
        is_active: true,
        email_verified: true,
        debug_mode: false,
        admin_data_sharing: false,
        admin_data_sharing_enabled_at: null,
        role_id: await findRoleIdByName(db, 'visitor'),
        created_at: now,
        updated_at: now,
      });
    } catch {
      // Another instance created it at the same moment.
    }
    user = await findUserByEmail(db, DEMO_EMAIL);
    if (!user) {
      throw new Error('demo account could not be created');
    }
  }
  const flowId = 'demo';
  for (const [index, meter] of DEMO_METERS.entries()) {
    // The demo's meters are consented at the emulator above; its records follow the same rules as anyone's.
    const current = await findLatestConsent(db, user.id, meter.prm);
    if (current?.status !== 'active') {
      const result = await bindConsent(db, { userId: user.id, usagePointId: meter.prm, flowId, at: new Date() });
      if (result === 'held') {
        deps.log.warn("a demo meter is under another account's consent; the demo account does not list it");
        continue;
      }
      const row = await findUserPdlByUsagePoint(db, user.id, meter.prm);
      if (row) {
        await updateUserPdl(db, user.id, row.id, { name: meter.name, display_order: index });
        await refreshMeterProfile(db, gateway.demoApi, row, deps.log);
      }
    }
  }
  return user.id;
}
