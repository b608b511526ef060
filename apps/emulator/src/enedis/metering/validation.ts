/**
 * Validation of a metering request, in the order of reference §A9.3: `usage_point_id`, then
 * `start`/`end` presence and format, `end ≤ today`, `start < end`, then the configurable sequence
 * consent → direction → history → activation → span. Dates are Paris calendar dates.
 */
import { addDays, addMonths, daysBetween, isIsoDate, parisToday } from '@med/core';
import { ERRORS, type EnedisFailure } from '../errors.ts';
import { measures, type MeterDefinition } from '../meters/types.ts';
import type { MeteringCheck } from '../options.ts';
import type { EmulatorState } from '../state.ts';
import type { MeteringEndpoint } from './endpoints.ts';

const PRM = /^\d{14}$/;
const PERSON_ID = /^\d{10}$/;

/** A request that passed every check. */
export interface ValidRequest {
  meter: MeterDefinition;
  start: string;
  end: string;
}

function param(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Checks `usage_point_id` and finds the meter (an unknown PRM can hold no consent: ADAM-DC-0008). */
export function checkUsagePoint(
  state: EmulatorState,
  query: Record<string, unknown>,
): EnedisFailure | { meter: MeterDefinition; prm: string } {
  const prm = param(query, 'usage_point_id');
  if (prm === undefined) {
    return ERRORS.usagePointMissing;
  }
  if (!PRM.test(prm)) {
    return ERRORS.usagePointFormat;
  }
  const meter = state.catalogue.get(prm);
  return meter ? { meter, prm } : ERRORS.noConsent;
}

function runCheck(
  check: MeteringCheck,
  state: EmulatorState,
  clientId: string,
  endpoint: MeteringEndpoint,
  request: ValidRequest,
  today: string,
): EnedisFailure | null {
  const { meter, start, end } = request;
  const options = state.options;
  switch (check) {
    case 'consent': {
      const refusal = state.consents.refusal(clientId, meter, options.now(), options.requireConsent);
      return refusal === null ? null : refusal === 'not_holder' ? ERRORS.notHolder : ERRORS.noConsent;
    }
    case 'direction':
      return measures(meter, endpoint.direction) ? null : ERRORS.wrongDirection;
    case 'history': {
      const depth = endpoint.family === 'loadCurve' ? options.history.loadCurve : options.history.daily;
      const deadline = addDays(addMonths(today, -depth.months), -depth.days);
      return start < deadline ? ERRORS.beforeHistory : null;
    }
    case 'activation':
      return start < meter.activationDate ? ERRORS.beforeActivation : null;
    case 'span': {
      const days = daysBetween(start, end);
      if (endpoint.family === 'loadCurve') {
        return days > options.loadCurveMaxDays ? ERRORS.loadCurveSpan : null;
      }
      return options.dailyMaxDays !== null && days > options.dailyMaxDays
        ? ERRORS.spanTooLong(options.dailyMaxDays)
        : null;
    }
  }
}

/** Runs every check of a metering call; the first failure wins. */
export function validateMeteringRequest(
  state: EmulatorState,
  clientId: string,
  endpoint: MeteringEndpoint,
  query: Record<string, unknown>,
): EnedisFailure | ValidRequest {
  const usagePoint = checkUsagePoint(state, query);
  if ('status' in usagePoint) {
    return usagePoint;
  }

  const start = param(query, 'start');
  const end = param(query, 'end');
  if (start === undefined) {
    return ERRORS.startMissing;
  }
  if (!isIsoDate(start)) {
    return ERRORS.startFormat;
  }
  if (end === undefined) {
    return ERRORS.endMissing;
  }
  if (!isIsoDate(end)) {
    return ERRORS.endFormat;
  }
  const personId = param(query, 'person_id');
  if (personId !== undefined && !PERSON_ID.test(personId)) {
    return ERRORS.personIdFormat;
  }

  const today = parisToday(state.options.now());
  if (end > today) {
    return ERRORS.endAfterToday;
  }
  if (start >= end) {
    return ERRORS.startNotBeforeEnd;
  }

  const request: ValidRequest = { meter: usagePoint.meter, start, end };
  for (const check of state.options.validationOrder) {
    const failure = runCheck(check, state, clientId, endpoint, request, today);
    if (failure) {
      return failure;
    }
  }
  return request;
}
