import { randomUUID } from 'node:crypto';
import { ErrorCode, type Contribution, type ContributionBatch, type ContributionInput } from '@med/contracts';
import { parisToday } from '@med/core';
import { toBool, type Db } from '../../db/database.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { importProviderFile } from '../offers/catalogue-import.ts';
import type { ContributionMails } from './contribution-mails.ts';
import {
  planContribution,
  summaryOf,
  summaryOfRow,
  variantPrices,
  type ContributionDraft,
} from './contribution-records.ts';
import { contributionRowToDto } from './contribution.mapper.ts';
import {
  deleteContributionIf,
  findContribution,
  insertContribution,
  insertMessage,
  listContributorContributions,
  listMessages,
  updateContributionIf,
  type ContributionRow,
} from './contributions.repository.ts';

export const contributionNotFound = () => notFound(ErrorCode.CONTRIBUTION_NOT_FOUND, 'Contribution introuvable.');
export const stateInvalid = (message: string) => conflict(ErrorCode.CONTRIBUTION_STATE_INVALID, message);

/** Moderators may contribute without a price sheet and approve their own batches at once. */
export const isModerator = (user: AuthUser) => user.permissions.has('contributions');

const EDITABLE = ['pending', 'rejected'] as const;

/** Prefixes the field of a validation error (`power_variants.0.prices` → `contributions.2.power_variants.0.prices`). */
function within(prefix: string, error: unknown): unknown {
  if (error instanceof AppError && prefix !== '') {
    return new AppError(error.status, error.code, error.message, {
      field: error.field === undefined ? prefix.slice(0, -1) : `${prefix}${error.field}`,
    });
  }
  return error;
}

/**
 * The contributor's side: submit (one or a batch), follow, edit or withdraw while pending or rejected,
 * answer a moderator. A contribution is checked when it is submitted exactly as its approval will check
 * it (records of the data set's schema, the import's dry run), so a moderator reviews only what can apply.
 */
export function createContributionsService(deps: {
  db: Db;
  mails: ContributionMails;
  /** Approves at once a moderator's batch sent with `auto_approve` (the moderation service does it). */
  approveAll: (moderator: AuthUser, ids: string[]) => Promise<unknown>;
  now?: () => Date;
}) {
  const { db, mails } = deps;
  const now = deps.now ?? (() => new Date());

  /** The input as stored, checked against the catalogue; the provider name for notices. */
  async function draftOf(
    user: AuthUser,
    input: ContributionInput,
    batchSheet: string | null | undefined,
    id: string,
  ): Promise<{ draft: ContributionDraft; provider: string }> {
    const priceSheet = input.price_sheet_url ?? batchSheet ?? null;
    if (priceSheet === null && !isModerator(user)) {
      throw unprocessable(
        ErrorCode.VALIDATION_ERROR,
        'Donnez le lien de la grille tarifaire du fournisseur.',
        'price_sheet_url',
      );
    }
    const required = {
      NEW_PROVIDER: ['provider_name', input.provider_name],
      NEW_OFFER: ['existing_provider_id', input.existing_provider_id],
      UPDATE_OFFER: ['existing_offer_id', input.existing_offer_id],
    } as const;
    const [field, value] = required[input.contribution_type];
    if (value === undefined || value === null) {
      throw unprocessable(ErrorCode.VALIDATION_ERROR, `${field} est requis pour ${input.contribution_type}.`, field);
    }
    const draft: ContributionDraft = {
      contribution_type: input.contribution_type,
      provider_name: input.contribution_type === 'NEW_PROVIDER' ? (input.provider_name ?? null) : null,
      provider_website: input.contribution_type === 'NEW_PROVIDER' ? (input.provider_website ?? null) : null,
      existing_provider_id: input.contribution_type === 'NEW_OFFER' ? (input.existing_provider_id ?? null) : null,
      existing_offer_id: input.contribution_type === 'UPDATE_OFFER' ? (input.existing_offer_id ?? null) : null,
      offer_name: input.offer_name,
      offer_type: input.offer_type,
      power_variants: input.power_variants.map((variant) => ({
        power_kva: variant.power_kva,
        subscription_eur_per_month: variant.subscription_price,
        prices: variantPrices(input.offer_type, variant),
      })),
      hc_schedule: input.hc_schedules ?? null,
      price_sheet_url: priceSheet,
      valid_from: input.valid_from ?? parisToday(now()),
    };
    const plan = await planContribution(db, id, draft);
    // The import's own checks (overlapping periods, a provider name taken under another id), read-only.
    await importProviderFile(db, plan.file, { dryRun: true, now: now().toISOString() });
    return { draft, provider: plan.provider.name };
  }

  function rowOf(user: AuthUser, id: string, draft: ContributionDraft, input: ContributionInput, at: string) {
    return {
      id,
      contributor_user_id: user.id,
      contribution_type: draft.contribution_type,
      status: 'pending',
      provider_name: draft.provider_name,
      provider_website: draft.provider_website,
      existing_provider_id: draft.existing_provider_id,
      existing_offer_id: draft.existing_offer_id,
      offer_name: draft.offer_name,
      offer_type: draft.offer_type,
      description: input.description ?? null,
      power_variants: JSON.stringify(draft.power_variants),
      hc_schedule: draft.hc_schedule === null ? null : JSON.stringify(draft.hc_schedule),
      price_sheet_url: draft.price_sheet_url,
      screenshot_url: input.screenshot_url ?? null,
      valid_from: draft.valid_from,
      reviewed_by: null,
      reviewed_at: null,
      review_comment: null,
      created_at: at,
      updated_at: at,
    };
  }

  async function ownRow(user: AuthUser, id: string): Promise<ContributionRow> {
    const row = await findContribution(db, id);
    // Someone else's contribution does not exist for this caller.
    if (!row || row.contributor_user_id !== user.id) {
      throw contributionNotFound();
    }
    return row;
  }

  async function dto(row: ContributionRow): Promise<Contribution> {
    return contributionRowToDto(row, await listMessages(db, [row.id]));
  }

  async function submitMany(user: AuthUser, batch: ContributionBatch): Promise<Contribution[]> {
    if (batch.auto_approve && !isModerator(user)) {
      throw forbidden('Seuls les modérateurs peuvent approuver leurs propres contributions.');
    }
    const at = now().toISOString();
    const prepared: { id: string; draft: ContributionDraft; provider: string; input: ContributionInput }[] = [];
    for (const [index, input] of batch.contributions.entries()) {
      const id = randomUUID();
      try {
        prepared.push({ id, input, ...(await draftOf(user, input, batch.price_sheet_url, id)) });
      } catch (error) {
        throw within(batch.contributions.length > 1 || index > 0 ? `contributions.${String(index)}.` : '', error);
      }
    }
    // Older periods first: the moderation queue (and an auto-approval) applies them in that order.
    prepared.sort((a, b) => a.draft.valid_from.localeCompare(b.draft.valid_from));
    await db.transaction().execute(async (trx) => {
      for (const item of prepared) {
        await insertContribution(trx, rowOf(user, item.id, item.draft, item.input, at));
      }
    });
    const ids = prepared.map((item) => item.id);
    if (batch.auto_approve) {
      await deps.approveAll(user, ids);
    } else {
      await mails.submitted(
        user.email,
        prepared.map((item) => summaryOf(item.draft, item.provider)),
      );
    }
    return Promise.all(ids.map(async (id) => dto(await ownRow(user, id))));
  }

  return {
    async submit(user: AuthUser, input: ContributionInput): Promise<Contribution> {
      const [created] = await submitMany(user, { contributions: [input] });
      if (!created) {
        throw new Error('contribution not stored');
      }
      return created;
    },

    submitBatch: submitMany,

    async list(user: AuthUser): Promise<Contribution[]> {
      const rows = await listContributorContributions(db, user.id);
      const messages = await listMessages(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((row) =>
        contributionRowToDto(
          row,
          messages.filter((message) => message.contribution_id === row.id),
        ),
      );
    },

    async unreadCount(user: AuthUser): Promise<number> {
      const rows = await listContributorContributions(db, user.id);
      const messages = await listMessages(
        db,
        rows.map((row) => row.id),
      );
      const lastByContribution = new Map(messages.map((message) => [message.contribution_id, message]));
      return [...lastByContribution.values()].filter((message) => toBool(message.is_from_admin)).length;
    },

    /** Edits a pending or rejected contribution; a rejected one goes back to the moderation queue. */
    async update(user: AuthUser, id: string, input: ContributionInput): Promise<Contribution> {
      const row = await ownRow(user, id);
      if (!(EDITABLE as readonly string[]).includes(row.status)) {
        throw stateInvalid('Une contribution acceptée ne se modifie plus.');
      }
      const { draft, provider } = await draftOf(user, input, undefined, id);
      const at = now().toISOString();
      const {
        created_at: _created,
        id: _id,
        contributor_user_id: _owner,
        ...changes
      } = rowOf(user, id, draft, input, at);
      if (!(await updateContributionIf(db, id, EDITABLE, changes))) {
        throw stateInvalid('Cette contribution vient d’être traitée par un modérateur.');
      }
      if (row.status === 'rejected') {
        await mails.submitted(user.email, [summaryOf(draft, provider)]);
      }
      return dto(await ownRow(user, id));
    },

    async remove(user: AuthUser, id: string): Promise<void> {
      const row = await ownRow(user, id);
      if (!(await deleteContributionIf(db, row.id, EDITABLE))) {
        throw stateInvalid('Une contribution acceptée ne se supprime plus.');
      }
    },

    /** Answers a moderator while the contribution is pending; the moderators are told. */
    async reply(user: AuthUser, id: string, message: string): Promise<Contribution> {
      const row = await ownRow(user, id);
      if (row.status !== 'pending') {
        throw stateInvalid('On ne répond qu’à une contribution en attente.');
      }
      await insertMessage(db, {
        id: randomUUID(),
        contribution_id: id,
        sender_user_id: user.id,
        message_type: 'contributor_response',
        content: message,
        is_from_admin: false,
        created_at: now().toISOString(),
      });
      await mails.replied(await mails.moderators(), user.email, await summaryOfRow(db, row), message);
      return dto(row);
    },
  };
}
export type ContributionsService = ReturnType<typeof createContributionsService>;
