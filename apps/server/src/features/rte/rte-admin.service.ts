import type { JobState, RteApiKey, RteStatus, RteTestAll, RteTestResult } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { Scheduler } from '../../jobs/scheduler.ts';
import type { ConsumptionRepository } from './consumption.repository.ts';
import type { EcowattRepository } from './ecowatt.repository.ts';
import type { GenerationRepository } from './generation.repository.ts';
import type { RteApi } from './rte-api.ts';
import { RTE_PATHS } from './rte-api.ts';
import { RteError, type RteFailureKind } from './rte-errors.ts';
import type { RteGateway } from './rte-gateway.ts';
import type { TempoRepository } from './tempo.repository.ts';
import { EcowattCooldown, type EcowattService } from './ecowatt.service.ts';

const PORTAL = 'https://data.rte-france.com/catalog/-/api';
/** The four APIs, in the order the connection test calls them (the reference's keys and names). */
export const RTE_APIS: RteStatus['apis'] = {
  tempo: {
    name: 'Tempo Calendar',
    description: 'Tempo days published by RTE (blue, white, red)',
    endpoint: RTE_PATHS.tempo,
    doc_url: `${PORTAL}/consumption/Tempo-Like-Supply-Contract/v1.1`,
  },
  ecowatt: {
    name: 'EcoWatt Signals',
    description: 'Signals of the French grid (four days, hourly)',
    endpoint: RTE_PATHS.ecowatt,
    doc_url: `${PORTAL}/consumption/Ecowatt/v5.0`,
  },
  consumption: {
    name: 'Consumption Forecast',
    description: 'National consumption, realised and forecast',
    endpoint: RTE_PATHS.shortTerm,
    doc_url: `${PORTAL}/consumption/Consumption/v1.2`,
  },
  generation: {
    name: 'Generation Forecast',
    description: 'Solar and wind generation forecasts',
    endpoint: RTE_PATHS.generation,
    doc_url: `${PORTAL}/generation/Generation-Forecast/v3.0`,
  },
};
export const RTE_API_KEYS = Object.keys(RTE_APIS) as RteApiKey[];

const STATUS_OF: Record<RteFailureKind, RteTestResult['status']> = {
  forbidden: 'forbidden',
  throttled: 'rate_limited',
  server_error: 'server_error',
  timeout: 'timeout',
  network: 'error',
  unauthorized: 'error',
  bad_request: 'error',
  invalid_response: 'error',
};

export interface RteAdminDeps {
  gateway: RteGateway;
  /** Single-attempt API used by the connection test (no retries: the admin wants the raw answer). */
  probe: RteApi;
  scheduler: Scheduler;
  jobsEnabled: boolean;
  tempo: TempoRepository;
  ecowatt: EcowattRepository;
  /** EcoWatt's test goes through the job's own fetch (15-minute guard, storage). */
  ecowattService: EcowattService;
  consumption: ConsumptionRepository;
  generation: GenerationRepository;
  /** Clock of `tested_at`. */
  now?: () => Date;
}

/** `GET /api/admin/rte/status` and `/test`: configuration, job states, stored data and a live call per API. */
export function createRteAdminService(deps: RteAdminDeps) {
  async function probeApi(api: RteApiKey): Promise<{ summary: string; data: unknown }> {
    const today = parisToday(new Date());
    switch (api) {
      case 'tempo': {
        const days = await deps.probe.tempo(addDays(today, -1), addDays(today, 1));
        return { summary: days.map((day) => `${day.date} ${day.color ?? '?'}`).join(', '), data: days };
      }
      case 'ecowatt': {
        // The test spends the 15-minute allowance the scheduled job lives on: it goes through the job's
        // own fetch, so the file is stored (the job's freshness sees it) instead of thrown away.
        const days = await deps.ecowattService.fetchAndStore({ api: deps.probe });
        return { summary: days.map((day) => `${day.periode} dvalue ${day.dvalue}`).join(', '), data: days };
      }
      case 'consumption': {
        const series = await deps.probe.shortTerm(today, addDays(today, 1), undefined, ['REALISED']);
        const values = series.flatMap((entry) => entry.values);
        const last = values.at(-1);
        return {
          summary: `${values.length} realised value(s)${last ? `, last ${last.value} MW at ${last.start.toISOString()}` : ''}`,
          data: values.slice(-8),
        };
      }
      case 'generation': {
        const series = await deps.probe.generation('ID', today, addDays(today, 1));
        return {
          summary: series.map((entry) => `${entry.productionType ?? '?'} ${entry.values.length} value(s)`).join(', '),
          data: series.map((entry) => ({ ...entry, values: entry.values.slice(0, 8) })),
        };
      }
    }
  }

  /** One live call, one attempt; the outcome is reported, never thrown. */
  async function test(api: RteApiKey): Promise<RteTestResult> {
    const started = Date.now();
    const outcome = { api, name: RTE_APIS[api].name };
    try {
      const { summary, data } = await probeApi(api);
      const elapsed = Date.now() - started;
      return {
        ...outcome,
        status: 'ok',
        status_code: 200,
        response_time_ms: elapsed,
        summary,
        data,
        error: null,
        help: null,
      };
    } catch (error) {
      const failed = { ...outcome, response_time_ms: Date.now() - started, summary: null, data: null, help: null };
      if (error instanceof EcowattCooldown) {
        // Our guard refused before calling: nothing was sent, so there is no HTTP status to show.
        return { ...failed, status: 'rate_limited', status_code: null, error: `${error.message} Test non envoyé.` };
      }
      if (error instanceof RteError) {
        const status = STATUS_OF[error.kind];
        return {
          ...failed,
          status,
          status_code: error.httpStatus,
          error: error.message,
          help: status === 'forbidden' ? `API not enabled for this RTE application: ${RTE_APIS[api].doc_url}` : null,
        };
      }
      return {
        ...failed,
        status: 'error',
        status_code: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  return {
    test,

    async status(): Promise<RteStatus> {
      const states = new Map((await deps.scheduler.states()).map((row) => [row.job, row]));
      const jobs: JobState[] = deps.scheduler.names().map((name) => {
        const row = states.get(name);
        return {
          job: name,
          schedule: [...deps.scheduler.definition(name).schedule],
          last_slot: row?.last_slot ?? null,
          last_run_at: row?.last_run_at ?? null,
          last_success_at: row?.last_success_at ?? null,
          last_outcome: (row?.last_outcome as JobState['last_outcome'] | undefined) ?? null,
          last_error: row?.last_error ?? null,
          consecutive_failures: Number(row?.consecutive_failures ?? 0),
          next_attempt_at: row?.next_attempt_at ?? null,
        };
      });
      const [tempo, ecowatt, consumptionRows, generationRows] = await Promise.all([
        deps.tempo.count(),
        deps.ecowatt.freshness(),
        deps.consumption.count(),
        deps.generation.count(),
      ]);
      return {
        has_credentials: deps.gateway.configured,
        base_url: deps.gateway.baseUrl,
        client_id_configured: deps.gateway.credentials.clientId,
        client_secret_configured: deps.gateway.credentials.clientSecret,
        apis: RTE_APIS,
        mode: deps.gateway.mode,
        jobs_enabled: deps.jobsEnabled,
        jobs,
        data: {
          tempo_days: tempo.days,
          tempo_last_date: tempo.last,
          ecowatt_days: ecowatt.days,
          ecowatt_last_date: ecowatt.last,
          consumption_rows: consumptionRows,
          generation_rows: generationRows,
        },
      };
    },

    /** `GET /api/admin/rte/test`: one after the other, so the report reads like the calls RTE saw. */
    async testAll(): Promise<RteTestAll> {
      const results: Partial<RteTestAll['results']> = {};
      for (const api of RTE_API_KEYS) {
        results[api] = await test(api);
      }
      const list = Object.values(results);
      const ok = list.filter((result) => result.status === 'ok').length;
      return {
        summary: { total_apis: list.length, apis_ok: ok, apis_failed: list.length - ok, all_ok: ok === list.length },
        results: results as RteTestAll['results'],
        tested_at: (deps.now?.() ?? new Date()).toISOString(),
      };
    },
  };
}
export type RteAdminService = ReturnType<typeof createRteAdminService>;
