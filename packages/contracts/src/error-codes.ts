/**
 * Stable error codes of the public API. Clients match on these, never on messages.
 * Adding a code is fine; renaming or removing one is a breaking change.
 */
export const ErrorCode = {
  // request shape
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  INVALID_JSON: 'INVALID_JSON',
  /** A NUL character (U+0000) or a lone UTF-16 surrogate in a path, query, header, cookie or body value. */
  INVALID_CHARACTERS: 'INVALID_CHARACTERS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** 431: the request's headers (often a huge cookie) exceed the server's limit. */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  /** 408: the request did not arrive in time. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  // authentication and accounts
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /**
   * 403: the current password typed to confirm an action (change password, delete the account) is wrong.
   * Never 401: clients read 401 as "session expired" and sign the user out.
   */
  INVALID_PASSWORD: 'INVALID_PASSWORD',
  /** 403: the action needs a recent login (within 15 minutes) or the current password. */
  REAUTHENTICATION_REQUIRED: 'REAUTHENTICATION_REQUIRED',
  USER_INACTIVE: 'USER_INACTIVE',
  EMAIL_NOT_VERIFIED: 'EMAIL_NOT_VERIFIED',
  USER_EXISTS: 'USER_EXISTS',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  INVALID_TOKEN: 'INVALID_TOKEN',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  CAPTCHA_REQUIRED: 'CAPTCHA_REQUIRED',
  CAPTCHA_INVALID: 'CAPTCHA_INVALID',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  // authorization
  FORBIDDEN: 'FORBIDDEN',
  ACCESS_DENIED: 'ACCESS_DENIED',
  DEMO_READ_ONLY: 'DEMO_READ_ONLY',
  // admin console
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  ROLE_NOT_FOUND: 'ROLE_NOT_FOUND',
  /** Another role already has this name. */
  ROLE_NAME_TAKEN: 'ROLE_NAME_TAKEN',
  /** admin, moderator and visitor cannot be renamed, re-permissioned or deleted. */
  SYSTEM_ROLE_PROTECTED: 'SYSTEM_ROLE_PROTECTED',
  /** A role still held by users cannot be deleted (move them first). */
  ROLE_IN_USE: 'ROLE_IN_USE',
  UNKNOWN_PERMISSION: 'UNKNOWN_PERMISSION',
  /** An administrator cannot do this to their own account (delete it, change its role). */
  SELF_ACTION_FORBIDDEN: 'SELF_ACTION_FORBIDDEN',
  /** The address is in ADMIN_EMAILS: the server gives it the admin role at every start. */
  ADMIN_EMAIL_ROLE_LOCKED: 'ADMIN_EMAIL_ROLE_LOCKED',
  /** X-Impersonate-User-Id names an account that does not share its data (sharing off, deleted, inactive). */
  DATA_SHARING_DISABLED: 'DATA_SHARING_DISABLED',
  /** X-Impersonate-User-Id on a route that is not a read of meter data (writes are never allowed). */
  IMPERSONATION_NOT_ALLOWED: 'IMPERSONATION_NOT_ALLOWED',
  // meters (PDL)
  PDL_NOT_FOUND: 'PDL_NOT_FOUND',
  PDL_ALREADY_EXISTS: 'PDL_ALREADY_EXISTS',
  INVALID_PDL: 'INVALID_PDL',
  PDL_LINK_INVALID: 'PDL_LINK_INVALID',
  // quotas
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  // metering data
  INVALID_DATE_FORMAT: 'INVALID_DATE_FORMAT',
  INVALID_DATE_RANGE: 'INVALID_DATE_RANGE',
  DATE_TOO_OLD: 'DATE_TOO_OLD',
  NO_DATA: 'NO_DATA',
  PARTIAL_DATA: 'PARTIAL_DATA',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  CONSENT_STATE_INVALID: 'CONSENT_STATE_INVALID',
  CONSENT_REVOKED: 'CONSENT_REVOKED',
  CONSENT_EXPIRED: 'CONSENT_EXPIRED',
  BEFORE_ACTIVATION_DATE: 'BEFORE_ACTIVATION_DATE',
  WRONG_DIRECTION: 'WRONG_DIRECTION',
  LOAD_CURVE_DISABLED: 'LOAD_CURVE_DISABLED',
  ENEDIS_ERROR: 'ENEDIS_ERROR',
  ENEDIS_UNAVAILABLE: 'ENEDIS_UNAVAILABLE',
  RTE_ERROR: 'RTE_ERROR',
  RTE_UNAVAILABLE: 'RTE_UNAVAILABLE',
  // local history import (client mode): the file as a whole is refused, nothing is written (422)
  /** The uploaded file has no text. */
  CSV_EMPTY_FILE: 'CSV_EMPTY_FILE',
  /** A binary file (the customer area's Excel workbooks), not a CSV export. */
  CSV_NOT_TEXT: 'CSV_NOT_TEXT',
  /** Not an Enedis customer-area, flat or Conso Downloader export, or unreadable as CSV. */
  CSV_UNKNOWN_FORMAT: 'CSV_UNKNOWN_FORMAT',
  CSV_MISSING_COLUMN: 'CSV_MISSING_COLUMN',
  /** The export measures something we do not store (not W, Wh or VA). */
  CSV_UNKNOWN_UNIT: 'CSV_UNKNOWN_UNIT',
  /** The declared load-curve step is not 5 to 60 minutes. */
  CSV_BAD_STEP: 'CSV_BAD_STEP',
  /** The file names another meter than the one it is imported for. */
  CSV_METER_MISMATCH: 'CSV_METER_MISMATCH',
  // Home Assistant statistics export (client mode): HA's own words are kept in the message (502)
  /** Home Assistant answered `auth_invalid`: the exporter's access token is refused. */
  HA_AUTH_INVALID: 'HA_AUTH_INVALID',
  /** The token's user is not an administrator: HA refuses statistics imports and clears. */
  HA_NOT_ADMIN: 'HA_NOT_ADMIN',
  /** Home Assistant's WebSocket API cannot be reached (refused, timeout, closed mid-import). */
  HA_UNREACHABLE: 'HA_UNREACHABLE',
  /** Home Assistant refused a command (e.g. a statistics message it found invalid). */
  HA_COMMAND_FAILED: 'HA_COMMAND_FAILED',
  // offers catalogue and contributions
  OFFER_NOT_FOUND: 'OFFER_NOT_FOUND',
  PROVIDER_NOT_FOUND: 'PROVIDER_NOT_FOUND',
  /** The offer is for another subscribed power than the meter's. */
  OFFER_POWER_MISMATCH: 'OFFER_POWER_MISMATCH',
  /** Two validity periods of one offer option × power would overlap, or a file disagrees with itself. */
  CATALOGUE_CONFLICT: 'CATALOGUE_CONFLICT',
  CONTRIBUTION_NOT_FOUND: 'CONTRIBUTION_NOT_FOUND',
  /** The contribution's status does not allow this action (e.g. replying to an approved one). */
  CONTRIBUTION_STATE_INVALID: 'CONTRIBUTION_STATE_INVALID',
  // costs and simulator
  /** No offer given and none selected for the meter. */
  OFFER_NOT_SELECTED: 'OFFER_NOT_SELECTED',
  /** The offer has no price for some days of the period (not sold yet, withdrawn, or a gap in its history). */
  OFFER_PERIOD_UNCOVERED: 'OFFER_PERIOD_UNCOVERED',
  /** The meter's subscribed power is unknown and the request does not give one. */
  POWER_UNKNOWN: 'POWER_UNKNOWN',
  // exporters (client mode)
  EXPORTER_NOT_FOUND: 'EXPORTER_NOT_FOUND',
  /** Another exporter already has this name. */
  EXPORTER_NAME_TAKEN: 'EXPORTER_NAME_TAKEN',
  /** This exporter type has no implementation in this version: it cannot be configured. */
  EXPORTER_TYPE_UNSUPPORTED: 'EXPORTER_TYPE_UNSUPPORTED',
  /** The exporter is already running (scheduled or manual); try again when it has finished. */
  EXPORTER_BUSY: 'EXPORTER_BUSY',
  /** Energy statistics are a Home Assistant exporter's feature; this exporter is of another type. */
  EXPORTER_NOT_HOME_ASSISTANT: 'EXPORTER_NOT_HOME_ASSISTANT',
  /** The Home Assistant exporter has no HA URL or no access token for the statistics. */
  HA_STATISTICS_NOT_CONFIGURED: 'HA_STATISTICS_NOT_CONFIGURED',
  /** A statistics import of this exporter is already going on (one at a time). */
  HA_IMPORT_RUNNING: 'HA_IMPORT_RUNNING',
  /** No statistics import of this exporter has run since the client started. */
  HA_IMPORT_NONE: 'HA_IMPORT_NONE',
  // generic
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
