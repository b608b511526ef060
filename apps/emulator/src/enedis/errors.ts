/**
 * Error bodies as Enedis sends them (reference §A7). Data and customer APIs answer
 * `{"error","error_description"}`; the WSO2 gateway in front of them answers authentication and
 * throttling failures with its own `fault` bodies.
 */
import type { FastifyReply } from 'fastify';

/** An HTTP status with the JSON body to send. */
export interface EnedisFailure {
  status: number;
  body: unknown;
}

/** `{"error","error_description"}` failure. */
export function apiError(status: number, error: string, description: string): EnedisFailure {
  return { status, body: { error, error_description: description } };
}

/** A WSO2 gateway fault (`{"fault":{"code","message","description"}}`). */
export function gatewayFault(status: number, code: number, message: string, description: string): EnedisFailure {
  return { status, body: { fault: { code, message, description } } };
}

/** Sends a failure; every error path of the emulator goes through here. */
export function sendFailure(reply: FastifyReply, failure: EnedisFailure): FastifyReply {
  return reply.code(failure.status).type('application/json').send(failure.body);
}

const invalid = (description: string) => apiError(400, 'invalid_request', description);

/** The catalogue of data/customer API errors, with the descriptions clients have observed. */
export const ERRORS = {
  usagePointMissing: invalid('usage_point_id parameter is required'),
  usagePointFormat: invalid('usage_point_id parameter must be 14 digits long'),
  personIdFormat: invalid('person_id parameter must be 10 digits long'),
  startMissing: invalid('Start date parameter is required'),
  startFormat: invalid('Start date parameter must be in the format YYYY-MM-DD'),
  endMissing: invalid('End date parameter is required'),
  endFormat: invalid('End date parameter must be in the format YYYY-MM-DD'),
  endAfterToday: invalid('The end date parameter must be earlier than the current date'),
  startNotBeforeEnd: invalid('Start date should be before end date'),
  spanTooLong: (days: number) => invalid(`The requested period must be less than ${days} days`),
  noConsent: apiError(403, 'ADAM-DC-0008', 'No consent can be found for this customer and this usage point.'),
  // Observed in 2026 as a 400 with this French text (reference §A9).
  notHolder: apiError(400, 'ADAM-DC-0007', "Le client n'est pas titulaire du point demandé."),
  wrongDirection: apiError(400, 'ADAM-ERR0069', 'Le sens de la mesure ne correspond pas pour le PRM demandé'),
  beforeHistory: apiError(400, 'ADAM-ERR0125', 'The start date must be greater than the history deadline.'),
  beforeActivation: apiError(
    400,
    'ADAM-ERR0123',
    "The requested period cannot be anterior to the meter's last activation date",
  ),
  loadCurveSpan: apiError(
    400,
    'ADAM-ERR0126',
    'The requested period must be less than 7 days for an access to the load curve.',
  ),
  loadCurveRefused: apiError(400, 'ADAM-ERR0075', 'The customer objected to the load curve recording'),
  noData: apiError(404, 'no_data_found', 'no measure found for this usage point'),
  technical: apiError(500, 'technical_error', 'Technical error. Please try later.'),
  unavailable: apiError(503, 'service_unavailable', 'The service is temporarily unavailable. Please try later.'),
  gatewayTimeout: gatewayFault(504, 101504, 'Runtime Error', 'Send timeout'),
  missingToken: gatewayFault(
    401,
    900902,
    'Missing Credentials',
    'Invalid Credentials. Make sure your API invocation call has a header: "Authorization: Bearer ACCESS_TOKEN"',
  ),
  invalidToken: gatewayFault(
    401,
    900901,
    'Invalid Credentials',
    'Access failure for API: /, version: v5. Make sure you have given the correct access token',
  ),
  perSecondQuota: gatewayFault(429, 900807, 'Message throttled out', 'You have exceeded your quota'),
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-Jul-17 05:00:00+0000 UTC`, the WSO2 way of writing `nextAccessTime`. */
export function formatNextAccessTime(instant: Date): string {
  const iso = instant.toISOString();
  return `${iso.slice(0, 4)}-${MONTHS[instant.getUTCMonth()]}-${iso.slice(8, 10)} ${iso.slice(11, 19)}+0000 UTC`;
}

/** The hourly (Q4) quota body, which is not wrapped in `fault` (observed 2026). */
export function hourlyQuotaExceeded(nextAccess: Date): EnedisFailure {
  const next = formatNextAccessTime(nextAccess);
  return {
    status: 429,
    body: {
      code: '900804',
      message: 'Message throttled out',
      description: `You have exceeded your quota .You can access API after ${next}`,
      nextAccessTime: next,
    },
  };
}
