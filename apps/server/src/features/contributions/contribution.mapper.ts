import type {
  Contribution,
  ContributionMessage,
  ContributionStatus,
  ContributionType,
  HcSchedule,
  OfferType,
} from '@med/contracts';
import { toBool } from '../../db/database.ts';
import type { ContributionDraft, StoredVariant } from './contribution-records.ts';
import type { ContributionMessageRow, ContributionRow } from './contributions.repository.ts';

export function messageRowToDto(row: ContributionMessageRow): ContributionMessage {
  return {
    id: row.id,
    message_type: row.message_type === 'info_request' ? 'info_request' : 'contributor_response',
    content: row.content,
    is_from_admin: toBool(row.is_from_admin),
    created_at: row.created_at,
  };
}

/** The part of a stored contribution the catalogue change is built from. */
export function rowToDraft(row: ContributionRow): ContributionDraft {
  return {
    contribution_type: row.contribution_type as ContributionType,
    provider_name: row.provider_name,
    provider_website: row.provider_website,
    existing_provider_id: row.existing_provider_id,
    existing_offer_id: row.existing_offer_id,
    offer_name: row.offer_name,
    offer_type: row.offer_type as OfferType,
    power_variants: JSON.parse(row.power_variants) as StoredVariant[],
    hc_schedule: row.hc_schedule === null ? null : (JSON.parse(row.hc_schedule) as HcSchedule),
    price_sheet_url: row.price_sheet_url,
    valid_from: row.valid_from,
  };
}

/** The reference's contribution shape, with its messages (oldest first). */
export function contributionRowToDto(row: ContributionRow, messages: readonly ContributionMessageRow[]): Contribution {
  const draft = rowToDraft(row);
  const thread = messages.map(messageRowToDto);
  return {
    id: row.id,
    contribution_type: draft.contribution_type,
    status: row.status as ContributionStatus,
    provider_name: row.provider_name,
    provider_website: row.provider_website,
    existing_provider_id: row.existing_provider_id,
    existing_offer_id: row.existing_offer_id,
    offer_name: row.offer_name,
    offer_type: draft.offer_type,
    description: row.description,
    power_variants: draft.power_variants.map((variant) => ({
      power_kva: variant.power_kva,
      subscription_price: variant.subscription_eur_per_month,
      prices: variant.prices,
    })),
    hc_schedules: draft.hc_schedule,
    price_sheet_url: row.price_sheet_url,
    screenshot_url: row.screenshot_url,
    valid_from: row.valid_from,
    reviewed_at: row.reviewed_at,
    review_comment: row.review_comment,
    created_at: row.created_at,
    updated_at: row.updated_at,
    messages: thread,
    has_unread_messages: thread.at(-1)?.is_from_admin === true,
  };
}
