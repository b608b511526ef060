import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';

/**
 * Portable column conventions, identical on SQLite and PostgreSQL:
 * - ids are UUID strings; instants are ISO-8601 UTC text (sortable); calendar dates are `YYYY-MM-DD` text;
 * - booleans are `boolean` columns (SQLite stores 0/1, so rows are read through `toBool`);
 * - JSON is stored as text and parsed by mappers.
 */
type Bool = ColumnType<boolean | number, boolean, boolean>;

export interface UsersTable {
  id: string;
  email: string;
  hashed_password: string | null;
  client_id: string;
  client_secret_hash: string;
  client_secret_enc: string;
  is_active: Bool;
  email_verified: Bool;
  debug_mode: Bool;
  admin_data_sharing: Bool;
  admin_data_sharing_enabled_at: string | null;
  role_id: string | null;
  token_version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  is_system: Bool;
}

export interface PermissionsTable {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  resource: string;
}

export interface RolePermissionsTable {
  role_id: string;
  permission_id: string;
}

export interface PdlsTable {
  id: string;
  usage_point_id: string;
  user_id: string;
  name: string | null;
  display_order: number | null;
  subscribed_power: number | null;
  offpeak_hours: string | null;
  pricing_option: string | null;
  has_consumption: Bool;
  has_production: Bool;
  is_active: Bool;
  oldest_available_data_date: string | null;
  activation_date: string | null;
  linked_production_pdl_id: string | null;
  selected_offer_id: string | null;
  created_at: string;
  updated_at: string;
}

export type ConsentStatus = 'active' | 'revoked' | 'ended';
export type ConsentEndReason =
  'removed' | 'account_deleted' | 'revoked_by_enedis' | 'holder_changed' | 'taken_over' | 'renewed' | 'expired';

/** One consent given through our callback, by one account, for one PRM (see migration 0003). */
export interface ConsentsTable {
  id: string;
  user_id: string | null;
  usage_point_id: string;
  flow_id: string;
  status: ConsentStatus;
  granted_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: ConsentEndReason | null;
  expiry_notice_sent_at: string | null;
}

/** Single-use tokens (email verification, password reset); only a SHA-256 of the token is stored. */
export interface UserTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: string;
  created_at: string;
}

export interface ActivityLogTable {
  id: Generated<number>;
  user_id: string | null;
  action: string;
  ip: string | null;
  details: string | null;
  created_at: string;
}

/** A read of a user's meter data by an administrator, under data sharing (audit trail). */
export interface SharedDataReadsTable {
  id: Generated<number>;
  owner_id: string;
  reader_id: string | null;
  reader_email: string;
  route: string;
  usage_point_id: string | null;
  created_at: string;
}

/** Published Tempo colour per Paris calendar date (`BLUE`, `WHITE`, `RED`). */
export interface TempoDaysTable {
  date: string;
  color: string;
  rte_updated_date: string | null;
  updated_at: string;
}

/** EcoWatt day signal; `hourly_values` is a JSON array of the hourly `hvalue`s (0–3). */
export interface EcowattTable {
  periode: string;
  generation_datetime: string;
  dvalue: number;
  message: string;
  hourly_values: string;
  created_at: string;
  updated_at: string;
}

/** National consumption (MW) per type (REALISED, ID, D-1, D-2, WEEKLY) and slot start (ISO UTC). */
export interface ConsumptionFranceTable {
  id: Generated<number>;
  type: string;
  start_date: string;
  end_date: string;
  value: number;
  updated_date: string | null;
  created_at: string;
  updated_at: string;
}

/** Solar and wind (onshore + offshore) forecasts in MW per forecast type and slot start (ISO UTC). */
export interface GenerationForecastTable {
  id: Generated<number>;
  production_type: string;
  forecast_type: string;
  start_date: string;
  end_date: string;
  value: number;
  updated_date: string | null;
  created_at: string;
  updated_at: string;
}

/** Scheduler state per job: last slot done, last outcome, backoff. */
export interface JobStateTable {
  job: string;
  last_slot: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_outcome: string | null;
  last_error: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  updated_at: string;
}

/** One row per job attempt (scheduled slot or manual refresh). */
export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  slot: string;
  instance: string;
  outcome: string;
  detail: string | null;
  started_at: string;
  finished_at: string | null;
}

/** Access tokens revoked by logout, kept until they would have expired (`jti` = the token's id). */
export interface RevokedTokensTable {
  jti: string;
  expires_at: string;
  revoked_at: string;
}

/** Mails waiting for the background worker; `payload` is the sealed job (see mail/mail-queue.ts). */
export interface MailOutboxTable {
  id: string;
  kind: string;
  payload: string;
  attempts: ColumnType<number, number | undefined, number>;
  run_at: string;
  locked_until: string | null;
  created_at: string;
}

/** A supplier of the offers catalogue; `scraper_urls` is a JSON array of price-sheet URLs. */
export interface EnergyProvidersTable {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  logo_url: string | null;
  scraper_urls: ColumnType<string, string | undefined, string>;
  is_active: Bool;
  created_at: string;
  updated_at: string;
}

/** One record of the offers data set (option × power × validity period); see migration 0007. */
export interface EnergyOffersTable {
  id: string;
  record_id: string;
  series_key: string;
  provider_id: string;
  name: string;
  offer_type: string;
  description: string | null;
  power_kva: number;
  subscription_eur_per_month: number;
  /** JSON object, EUR TTC per kWh by the data set's price keys. */
  prices: string;
  /** JSON hc_schedule of the data set, or null (the meter's own windows). */
  hc_schedule: string | null;
  valid_from: string;
  /** Last day the prices apply, inclusive; null = no later version known. */
  valid_to: string | null;
  source: string;
  confidence: string;
  /** JSON of the data set's optional fields (notes, rules, reference, …). */
  details: ColumnType<string, string | undefined, string>;
  offer_url: string | null;
  is_active: Bool;
  price_updated_at: string;
  created_at: string;
  updated_at: string;
}

/** A catalogue change applied from a file (the shipped data set, an admin's upload) or a contribution. */
export interface CatalogueImportsTable {
  id: string;
  origin: string;
  sha256: string;
  /** The shipped data set's SHA-256 (unique: one application per version); null for other origins. */
  seed_sha256: string | null;
  user_id: string | null;
  /** JSON counts of what was created, updated and closed. */
  summary: string;
  created_at: string;
}

export interface OfferContributionsTable {
  id: string;
  contributor_user_id: string;
  contribution_type: string;
  status: string;
  provider_name: string | null;
  provider_website: string | null;
  existing_provider_id: string | null;
  existing_offer_id: string | null;
  offer_name: string;
  offer_type: string;
  description: string | null;
  /** JSON array of `{power_kva, subscription_eur_per_month, prices}`. */
  power_variants: string;
  hc_schedule: string | null;
  price_sheet_url: string | null;
  screenshot_url: string | null;
  valid_from: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContributionMessagesTable {
  id: string;
  contribution_id: string;
  sender_user_id: string | null;
  message_type: string;
  content: string;
  is_from_admin: Bool;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  roles: RolesTable;
  permissions: PermissionsTable;
  role_permissions: RolePermissionsTable;
  pdls: PdlsTable;
  consents: ConsentsTable;
  email_verification_tokens: UserTokensTable;
  password_reset_tokens: UserTokensTable;
  activity_log: ActivityLogTable;
  shared_data_reads: SharedDataReadsTable;
  tempo_days: TempoDaysTable;
  ecowatt: EcowattTable;
  consumption_france: ConsumptionFranceTable;
  generation_forecast: GenerationForecastTable;
  job_state: JobStateTable;
  job_runs: JobRunsTable;
  revoked_tokens: RevokedTokensTable;
  mail_outbox: MailOutboxTable;
  energy_providers: EnergyProvidersTable;
  energy_offers: EnergyOffersTable;
  catalogue_imports: CatalogueImportsTable;
  offer_contributions: OfferContributionsTable;
  contribution_messages: ContributionMessagesTable;
  client_meters: ClientMetersTable;
  client_daily: ClientDailyTable;
  client_curve: ClientCurveTable;
  client_max_power: ClientMaxPowerTable;
  client_sync_state: ClientSyncStateTable;
  exporter_configs: ExporterConfigsTable;
}

/** Client mode (migration 0008): the household's meters and readings, synced from the gateway. */
export interface ClientMetersTable {
  usage_point_id: string;
  pdl: string;
  contract: string | null;
  address: string | null;
  updated_at: string;
  /** The offer chosen locally (migration 0012); only read when `selected_offer_set_at` is set. */
  selected_offer_id: string | null;
  selected_offer_set_at: string | null;
}
export interface ClientDailyTable {
  usage_point_id: string;
  direction: 'consumption' | 'production';
  day: string;
  value_wh: number;
}
export interface ClientCurveTable {
  usage_point_id: string;
  direction: 'consumption' | 'production';
  start_at: string;
  day: string;
  minutes: number;
  value_w: number;
}
export interface ClientMaxPowerTable {
  usage_point_id: string;
  day: string;
  value_va: number;
  at: string;
}
export interface ClientSyncStateTable {
  usage_point_id: string;
  dataset: string;
  status: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  error: string | null;
  error_code: string | null;
}

export type Db = Kysely<Database>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type PdlRow = Selectable<PdlsTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type NewPdl = Insertable<PdlsTable>;
export type PdlUpdate = Updateable<PdlsTable>;

/** SQLite hands booleans back as 0/1. */
export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** Client mode's exporters (migration 0010): settings JSON, secrets sealed, run bookkeeping. */
export interface ExporterConfigsTable {
  id: string;
  name: string;
  export_type: string;
  settings: string;
  secrets: string | null;
  usage_point_ids: string | null;
  is_enabled: Bool;
  export_consumption: Bool;
  export_production: Bool;
  export_daily: Bool;
  export_detailed: Bool;
  export_interval_minutes: number | null;
  next_export_at: string | null;
  last_export_at: string | null;
  last_export_status: string | null;
  last_export_summary: string | null;
  last_export_error: string | null;
  last_success_at: string | null;
  memo: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  export_count: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}
