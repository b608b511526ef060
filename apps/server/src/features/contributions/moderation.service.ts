import { randomUUID } from 'node:crypto';
import type {
  ApprovalResult,
  CatalogueImportResult,
  Contribution,
  ContributionMessage,
  ContributionStats,
  ModerationContribution,
} from '@med/contracts';
import { parisMidnightUtc, parisToday } from '@med/core';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { importProviderFile, logImport, sha256Of } from '../offers/catalogue-import.ts';
import type { ContributionMails, ContributionSummary } from './contribution-mails.ts';
import { planContribution, summaryOfRow } from './contribution-records.ts';
import { contributionRowToDto, messageRowToDto, rowToDraft } from './contribution.mapper.ts';
import {
  countApprovedSince,
  countByStatus,
  findContribution,
  findContributions,
  findUserEmails,
  insertMessage,
  listMessages,
  listPending,
  topContributors,
  updateContributionIf,
  type ContributionRow,
} from './contributions.repository.ts';
import { contributionNotFound, stateInvalid } from './contributions.service.ts';

/** Prefixes an error's field with the contribution it is about (bulk actions). */
function about(id: string, error: unknown): unknown {
  if (error instanceof AppError) {
    return new AppError(error.status, error.code, `${error.message} (contribution ${id})`, {
      ...(error.field === undefined ? {} : { field: error.field }),
    });
  }
  return error;
}

/**
 * The moderators' side (permission `contributions`). Approving runs the catalogue import with the
 * contribution's records in one transaction: the contribution is claimed first (pending → approved, so
 * a second moderator gets 409 instead of a second import), then the records are written (a newer
 * period closes the one in force; nothing is overwritten) and the import is logged with the moderator.
 */
export function createModerationService(deps: { db: Db; mails: ContributionMails; now?: () => Date }) {
  const { db, mails } = deps;
  const now = deps.now ?? (() => new Date());

  async function rowsOf(ids: readonly string[]): Promise<ContributionRow[]> {
    const unique = [...new Set(ids)];
    const rows = await findContributions(db, unique);
    const missing = unique.find((id) => !rows.some((row) => row.id === id));
    if (missing !== undefined) {
      throw about(missing, contributionNotFound());
    }
    const settled = rows.find((row) => row.status !== 'pending');
    if (settled) {
      throw about(settled.id, stateInvalid('Cette contribution a déjà été traitée.'));
    }
    return rows;
  }

  async function dtos(ids: readonly string[]): Promise<Contribution[]> {
    const rows = await findContributions(db, ids);
    const messages = await listMessages(db, ids);
    return ids.flatMap((id) => {
      const row = rows.find((candidate) => candidate.id === id);
      return row
        ? [
            contributionRowToDto(
              row,
              messages.filter((message) => message.contribution_id === id),
            ),
          ]
        : [];
    });
  }

  /** One notice per contributor, naming each of their contributions. */
  async function tellContributors(
    rows: readonly ContributionRow[],
    send: (to: string, items: ContributionSummary[]) => Promise<void>,
  ): Promise<void> {
    const emails = await findUserEmails(
      db,
      rows.map((row) => row.contributor_user_id),
    );
    const byContributor = new Map<string, ContributionSummary[]>();
    for (const row of rows) {
      const to = emails.get(row.contributor_user_id);
      if (to !== undefined) {
        byContributor.set(to, [...(byContributor.get(to) ?? []), await summaryOfRow(db, row)]);
      }
    }
    for (const [to, items] of byContributor) {
      await send(to, items);
    }
  }

  async function approveAll(moderator: AuthUser, ids: string[]): Promise<ApprovalResult> {
    const rows = await rowsOf(ids);
    // Older periods first: a later one then closes the one before it, as the data set's history reads.
    rows.sort((a, b) => a.valid_from.localeCompare(b.valid_from) || a.created_at.localeCompare(b.created_at));
    const at = now().toISOString();
    const catalogue = await db.transaction().execute(async (trx) => {
      const results: CatalogueImportResult[] = [];
      for (const row of rows) {
        try {
          const claimed = await updateContributionIf(trx, row.id, ['pending'], {
            status: 'approved',
            reviewed_by: moderator.id,
            reviewed_at: at,
            review_comment: null,
            updated_at: at,
          });
          if (!claimed) {
            throw stateInvalid('Cette contribution a déjà été traitée.');
          }
          const plan = await planContribution(trx, row.id, rowToDraft(row));
          const result = await importProviderFile(trx, plan.file, { dryRun: false, now: at });
          await logImport(trx, {
            origin: 'contribution',
            sha256: sha256Of(JSON.stringify(plan.file)),
            userId: moderator.id,
            summary: {
              contribution_id: row.id,
              create: result.create.length,
              update: result.update.length,
              close: result.close.length,
            },
            now: at,
          });
          results.push(result);
        } catch (error) {
          throw about(row.id, error);
        }
      }
      return results;
    });
    await tellContributors(rows, (to, items) => mails.approved(to, items));
    return { contributions: await dtos(rows.map((row) => row.id)), catalogue };
  }

  async function rejectAll(moderator: AuthUser, ids: string[], reason: string | null): Promise<Contribution[]> {
    const rows = await rowsOf(ids);
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const changed = await updateContributionIf(trx, row.id, ['pending'], {
          status: 'rejected',
          reviewed_by: moderator.id,
          reviewed_at: at,
          review_comment: reason,
          updated_at: at,
        });
        if (!changed) {
          throw about(row.id, stateInvalid('Cette contribution a déjà été traitée.'));
        }
      }
    });
    await tellContributors(rows, (to, items) => mails.rejected(to, items, reason));
    return dtos(rows.map((row) => row.id));
  }

  return {
    approveAll,
    rejectAll,

    async stats(): Promise<ContributionStats> {
      const counts = await countByStatus(db);
      return {
        pending: counts.pending ?? 0,
        approved: counts.approved ?? 0,
        // Since Paris midnight on the 1st of this Paris month.
        approved_this_month: await countApprovedSince(
          db,
          parisMidnightUtc(`${parisToday(now()).slice(0, 7)}-01`).toISOString(),
        ),
        rejected: counts.rejected ?? 0,
        top_contributors: await topContributors(db, 5),
      };
    },

    /** The queue, oldest first, each with the records its approval would write and what they replace. */
    async pending(): Promise<ModerationContribution[]> {
      const rows = await listPending(db);
      const messages = await listMessages(
        db,
        rows.map((row) => row.id),
      );
      const at = now().toISOString();
      const items: ModerationContribution[] = [];
      for (const row of rows) {
        const base = {
          ...contributionRowToDto(
            row,
            messages.filter((message) => message.contribution_id === row.id),
          ),
          contributor_email: row.contributor_email,
        };
        try {
          const plan = await planContribution(db, row.id, rowToDraft(row));
          const result = await importProviderFile(db, plan.file, { dryRun: true, now: at });
          items.push({ ...base, target_provider: plan.provider, changes: plan.changes, plan: result, conflict: null });
        } catch (error) {
          if (!(error instanceof AppError)) {
            throw error;
          }
          const summary = await summaryOfRow(db, row);
          items.push({
            ...base,
            target_provider: { id: null, slug: '', name: summary.provider },
            changes: [],
            plan: null,
            conflict: error.message,
          });
        }
      }
      return items;
    },

    async reject(moderator: AuthUser, id: string, reason: string | null): Promise<Contribution> {
      const [rejected] = await rejectAll(moderator, [id], reason);
      if (!rejected) {
        throw contributionNotFound();
      }
      return rejected;
    },

    /** A question to the contributor; the contribution stays pending until they answer and it is decided. */
    async requestInfo(moderator: AuthUser, id: string, question: string): Promise<Contribution> {
      const row = await findContribution(db, id);
      if (!row) {
        throw contributionNotFound();
      }
      if (row.status !== 'pending') {
        throw stateInvalid('Cette contribution a déjà été traitée.');
      }
      await insertMessage(db, {
        id: randomUUID(),
        contribution_id: id,
        sender_user_id: moderator.id,
        message_type: 'info_request',
        content: question,
        is_from_admin: true,
        created_at: now().toISOString(),
      });
      const [to] = (await findUserEmails(db, [row.contributor_user_id])).values();
      if (to !== undefined) {
        await mails.infoRequested(to, await summaryOfRow(db, row), question);
      }
      const [updated] = await dtos([id]);
      if (!updated) {
        throw contributionNotFound();
      }
      return updated;
    },

    async messages(id: string): Promise<ContributionMessage[]> {
      if (!(await findContribution(db, id))) {
        throw contributionNotFound();
      }
      return (await listMessages(db, [id])).map(messageRowToDto);
    },
  };
}
export type ModerationService = ReturnType<typeof createModerationService>;
