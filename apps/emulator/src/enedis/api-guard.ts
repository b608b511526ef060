/**
 * What happens to every API call before its handler: added latency, bearer authentication, the
 * per-application quotas, then fault injection — the order of a gateway in front of a backend.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ERRORS, sendFailure } from './errors.ts';
import { hold } from './faults.ts';
import type { FaultTarget } from './options.ts';
import { callContext, type EmulatorState } from './state.ts';

function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Applies the fault drawn for this call; returns true when it answered the request. */
async function injectFault(state: EmulatorState, target: FaultTarget, request: FastifyRequest, reply: FastifyReply) {
  const context = callContext(state, request);
  const fault = state.faults.drawFault(target);
  switch (fault) {
    case null:
      return false;
    case 'truncated':
      context.truncate = true;
      context.injected = 'truncated';
      return false;
    case 'gap':
      context.gap = true;
      context.injected = 'gap';
      return false;
    case 'timeout':
      context.injected = 'timeout';
      await hold(state.options.faults.timeoutMs, context.abort.signal);
      sendFailure(reply, ERRORS.gatewayTimeout);
      return true;
    case '500':
    case '503':
    case '429': {
      context.injected = fault;
      const failure = { '500': ERRORS.technical, '503': ERRORS.unavailable, '429': ERRORS.perSecondQuota }[fault];
      sendFailure(reply, failure);
      return true;
    }
  }
}

/** The `preHandler` of the token endpoint: latency and (when targeted) faults, no bearer. */
export function tokenGuard(state: EmulatorState): preHandlerAsyncHookHandler {
  return async function guardTokenCall(request, reply) {
    await hold(state.faults.drawDelayMs(), callContext(state, request).abort.signal);
    if (await injectFault(state, 'token', request, reply)) {
      return reply;
    }
  };
}

/** The `preHandler` of data and customer endpoints. */
export function dataGuard(state: EmulatorState, target: 'metering' | 'customers'): preHandlerAsyncHookHandler {
  return async function guardDataCall(request, reply) {
    const context = callContext(state, request);
    await hold(state.faults.drawDelayMs(), context.abort.signal);

    const token = bearerToken(request);
    if (token === null) {
      return sendFailure(reply, ERRORS.missingToken);
    }
    const clientId = state.tokens.clientOf(token, state.options.now());
    if (clientId === null) {
      return sendFailure(reply, ERRORS.invalidToken);
    }
    context.clientId = clientId;

    const quota = state.limiter.take(clientId);
    if (!quota.allowed) {
      context.injected = quota.quota === 'second' ? 'quota-second' : 'quota-hour';
      return sendFailure(reply, quota.failure);
    }
    if (await injectFault(state, target, request, reply)) {
      return reply;
    }
  };
}

/** The client id the data guard authenticated. */
export function authenticatedClient(state: EmulatorState, request: FastifyRequest): string {
  const clientId = callContext(state, request).clientId;
  if (clientId === null) {
    throw new Error('Enedis emulator: data route reached without authentication');
  }
  return clientId;
}
