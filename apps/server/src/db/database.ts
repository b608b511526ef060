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
  tempo_days: TempoDaysTable;
  ecowatt: EcowattTable;
  consumption_france: ConsumptionFranceTable;
  generation_forecast: GenerationForecastTable;
  job_state: JobStateTable;
  job_runs: JobRunsTable;
  revoked_tokens: RevokedTokensTable;
  mail_outbox: MailOutboxTable;
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
