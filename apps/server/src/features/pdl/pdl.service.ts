import { randomUUID } from 'node:crypto';
import { ErrorCode, type OffpeakHours, type Pdl, type PricingOption } from '@med/contracts';
import { toBool } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { conflict, notFound, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { pdlRowToDto } from './pdl.mapper.ts';
import { deleteUserPdl, findPdlOwner, findUserPdl, insertPdl, listUserPdls, updateUserPdl } from './pdl.repository.ts';

const pdlNotFound = () => notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable.');
const alreadyRegistered = () =>
  conflict(ErrorCode.PDL_ALREADY_EXISTS, 'Ce PDL est déjà enregistré sur un compte.', 'usage_point_id');

/** Every operation is scoped to the caller: other users' meters are invisible (404), never 403. */
export function createPdlService(deps: AppDeps) {
  const { db } = deps;

  async function requireOwned(user: AuthUser, pdlId: string) {
    const row = await findUserPdl(db, user.id, pdlId);
    if (!row) {
      throw pdlNotFound();
    }
    return row;
  }

  async function updated(user: AuthUser, pdlId: string): Promise<Pdl> {
    return pdlRowToDto(await requireOwned(user, pdlId));
  }

  return {
    requireOwned,

    async list(user: AuthUser): Promise<Pdl[]> {
      return (await listUserPdls(db, user.id)).map(pdlRowToDto);
    },

    async get(user: AuthUser, pdlId: string): Promise<Pdl> {
      return updated(user, pdlId);
    },

    async create(
      user: AuthUser,
      input: { usage_point_id: string; name?: string | undefined },
      extra: Partial<Pick<Pdl, 'has_consumption' | 'has_production'>> = {},
    ): Promise<Pdl> {
      if (await findPdlOwner(db, input.usage_point_id)) {
        throw alreadyRegistered();
      }
      const id = randomUUID();
      const now = new Date().toISOString();
      try {
        await insertPdl(db, {
          id,
          usage_point_id: input.usage_point_id,
          user_id: user.id,
          name: input.name ?? null,
          display_order: null,
          subscribed_power: null,
          offpeak_hours: null,
          pricing_option: null,
          has_consumption: extra.has_consumption ?? true,
          has_production: extra.has_production ?? false,
          is_active: true,
          oldest_available_data_date: null,
          activation_date: null,
          linked_production_pdl_id: null,
          selected_offer_id: null,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        // Lost a race on the global unique index.
        if (await findPdlOwner(db, input.usage_point_id)) {
          throw alreadyRegistered();
        }
        throw error;
      }
      return updated(user, id);
    },

    async remove(user: AuthUser, pdlId: string): Promise<void> {
      if (!(await deleteUserPdl(db, user.id, pdlId))) {
        throw pdlNotFound();
      }
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
      return (await listUserPdls(db, user.id)).map(pdlRowToDto);
    },
  };
}
export type PdlService = ReturnType<typeof createPdlService>;
