import { randomUUID } from 'node:crypto';
import { ErrorCode, type OffpeakHours, type Pdl, type PricingOption } from '@med/contracts';
import { toBool, type ConsentRow } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { conflict, notFound, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { endOpenConsents, findLatestConsent, listUserConsents } from '../consent/consent.repository.ts';
import { pdlRowToDto } from './pdl.mapper.ts';
import {
  deleteUserPdl,
  findUserPdl,
  findUserPdlByUsagePoint,
  insertPdl,
  listUserPdls,
  newPdlRow,
  updateUserPdl,
} from './pdl.repository.ts';

const pdlNotFound = () => notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable.');
// Only ever about the caller's own list: whether another account lists the PRM is never revealed.
const alreadyListed = () =>
  conflict(ErrorCode.PDL_ALREADY_EXISTS, 'Ce PDL figure déjà dans votre liste.', 'usage_point_id');

/**
 * Every operation is scoped to the caller: other users' meters are invisible (404), never 403.
 * A meter added by hand is a private placeholder awaiting consent: it grants nothing, and never blocks
 * another account (data access comes only from a consent record, see features/consent).
 */
export function createPdlService(deps: Pick<AppDeps, 'db'> & { now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function requireOwned(user: AuthUser, pdlId: string) {
    const row = await findUserPdl(db, user.id, pdlId);
    if (!row) {
      throw pdlNotFound();
    }
    return row;
  }

  async function updated(user: AuthUser, pdlId: string): Promise<Pdl> {
    const row = await requireOwned(user, pdlId);
    return pdlRowToDto(row, await findLatestConsent(db, user.id, row.usage_point_id), now());
  }

  async function listed(userId: string): Promise<Pdl[]> {
    const latest = new Map<string, ConsentRow>();
    for (const record of await listUserConsents(db, userId)) {
      if (!latest.has(record.usage_point_id)) {
        latest.set(record.usage_point_id, record); // newest first
      }
    }
    const at = now();
    return (await listUserPdls(db, userId)).map((row) => pdlRowToDto(row, latest.get(row.usage_point_id), at));
  }

  return {
    requireOwned,

    async list(user: AuthUser): Promise<Pdl[]> {
      return listed(user.id);
    },

    async get(user: AuthUser, pdlId: string): Promise<Pdl> {
      return updated(user, pdlId);
    },

    async create(user: AuthUser, input: { usage_point_id: string; name?: string | undefined }): Promise<Pdl> {
      if (await findUserPdlByUsagePoint(db, user.id, input.usage_point_id)) {
        throw alreadyListed();
      }
      const id = randomUUID();
      try {
        await insertPdl(
          db,
          newPdlRow({
            id,
            userId: user.id,
            usagePointId: input.usage_point_id,
            name: input.name,
            now: now().toISOString(),
          }),
        );
      } catch (error) {
        // Lost a race with the same account's other request on the (user, PRM) unique index.
        if (await findUserPdlByUsagePoint(db, user.id, input.usage_point_id)) {
          throw alreadyListed();
        }
        throw error;
      }
      return updated(user, id);
    },

    /** Removing a meter ends its consent record: reading it again takes a new consent, even for this account. */
    async remove(user: AuthUser, pdlId: string): Promise<void> {
      const row = await requireOwned(user, pdlId);
      await db.transaction().execute(async (trx) => {
        await endOpenConsents(
          trx,
          { userId: user.id, usagePointId: row.usage_point_id },
          'removed',
          now().toISOString(),
        );
        if (!(await deleteUserPdl(trx, user.id, pdlId))) {
          throw pdlNotFound();
        }
      });
    },

    async rename(user: AuthUser, pdlId: string, name: string | null): Promise<Pdl> {
      await requireOwned(user, pdlId);
      await updateUserPdl(db, user.id, pdlId, { name });
      return updated(user, pdlId);
    },

    async setType(user: AuthUser, pdlId: string, hasConsumption: boolean, hasProduction: boolean): Promise<Pdl> {
      await requireOwned(user, pdlId);
      if (!hasConsumption && !hasProduction) {
        throw unprocessable(
          ErrorCode.VALIDATION_ERROR,
          'Un PDL doit avoir au moins la consommation ou la production.',
          'has_consumption',
        );
      }
      await updateUserPdl(db, user.id, pdlId, { has_consumption: hasConsumption, has_production: hasProduction });
      return updated(user, pdlId);
    },

    async setActive(user: AuthUser, pdlId: string, isActive: boolean): Promise<Pdl> {
      await requireOwned(user, pdlId);
      await updateUserPdl(db, user.id, pdlId, { is_active: isActive });
      return updated(user, pdlId);
    },

    async setPricingOption(user: AuthUser, pdlId: string, pricingOption: PricingOption | null): Promise<Pdl> {
      await requireOwned(user, pdlId);
      await updateUserPdl(db, user.id, pdlId, { pricing_option: pricingOption });
      return updated(user, pdlId);
    },

    async setContract(
      user: AuthUser,
      pdlId: string,
      input: {
        subscribed_power?: number | null | undefined;
        offpeak_hours?: OffpeakHours | string[] | null | undefined;
      },
    ): Promise<Pdl> {
      await requireOwned(user, pdlId);
      const offpeak =
        input.offpeak_hours === undefined
          ? undefined
          : input.offpeak_hours === null
            ? null
            : Array.isArray(input.offpeak_hours)
              ? { ranges: input.offpeak_hours }
              : input.offpeak_hours;
      await updateUserPdl(db, user.id, pdlId, {
        ...(input.subscribed_power !== undefined ? { subscribed_power: input.subscribed_power } : {}),
        ...(offpeak !== undefined ? { offpeak_hours: offpeak === null ? null : JSON.stringify(offpeak) } : {}),
      });
      return updated(user, pdlId);
    },

    /** Source must measure consumption, target production, both owned by the caller; null unlinks. */
    async linkProduction(user: AuthUser, pdlId: string, productionPdlId: string | null): Promise<Pdl> {
      const source = await requireOwned(user, pdlId);
      if (productionPdlId !== null) {
        if (productionPdlId === pdlId) {
          throw unprocessable(
            ErrorCode.PDL_LINK_INVALID,
            'Un PDL ne peut pas être lié à lui-même.',
            'linked_production_pdl_id',
          );
        }
        const target = await findUserPdl(db, user.id, productionPdlId);
        if (!target) {
          throw pdlNotFound();
        }
        if (!toBool(source.has_consumption)) {
          throw unprocessable(
            ErrorCode.PDL_LINK_INVALID,
            'Le PDL source doit mesurer la consommation.',
            'linked_production_pdl_id',
          );
        }
        if (!toBool(target.has_production)) {
          throw unprocessable(
            ErrorCode.PDL_LINK_INVALID,
            'Le PDL lié doit mesurer la production.',
            'linked_production_pdl_id',
          );
        }
      }
      await updateUserPdl(db, user.id, pdlId, { linked_production_pdl_id: productionPdlId });
      return updated(user, pdlId);
    },

    /** All ids must belong to the caller; the whole reorder is one transaction. */
    async reorder(user: AuthUser, orders: { id: string; order: number }[]): Promise<Pdl[]> {
      const owned = new Set((await listUserPdls(db, user.id)).map((row) => row.id));
      const unknown = orders.find((entry) => !owned.has(entry.id));
      if (unknown) {
        throw pdlNotFound();
      }
      await db.transaction().execute(async (trx) => {
        for (const entry of orders) {
          await updateUserPdl(trx, user.id, entry.id, { display_order: entry.order });
        }
      });
      return listed(user.id);
    },
  };
}
export type PdlService = ReturnType<typeof createPdlService>;
