import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from '../cache/cache.port.ts';
import type { Db } from '../db/database.ts';
import { backoffDelayMs } from './backoff.ts';
import { createJobLock } from './job-lock.ts';
import { createJobRunsRepository, type JobOutcome, type JobStateRow } from './job-runs.repository.ts';

const ZONE = 'Europe/Paris';
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface JobContext {
  /** The slot being run (the latest schedule occurrence), or the start of a manual run. */
  slot: Date;
  /**
   * The instant the run was decided at, on the scheduler's clock (`trigger({ at })` in tests): what
   * `isDue` was asked about, so a job reads the same time (real time in production).
   */
  now: Date;
  manual: boolean;
  /** Aborted on shutdown and when the run exceeds its timeout. */
  signal: AbortSignal;
  log: FastifyBaseLogger;
}

export interface JobDefinition {
  name: string;
  /** croner patterns in Paris time. A slot is the latest occurrence of any of them. */
  schedule: readonly string[];
  /** Scheduled fires wait a random 0..jitterMs first, so instances and other clients do not all call at :00. */
  jitterMs?: number;
  /** Longest run; also the TTL of the run's lock. */
  timeoutMs?: number;
  /** Whether the slot needs work. `false`: nothing is called and no run is recorded (checked again next fire). */
  isDue?(context: { now: Date; slot: Date }): Promise<boolean>;
  /** Does the work; returns a one-line summary stored with the run. */
  run(context: JobContext): Promise<string>;
}

/** "Not now, come back at `retryAt`" (e.g. EcoWatt's 15-minute rule): recorded as deferred, not as a failure. */
export class JobDeferred extends Error {
  readonly retryAt: Date;
  constructor(message: string, retryAt: Date) {
    super(message);
    this.name = 'JobDeferred';
    this.retryAt = retryAt;
  }
}

/** Errors may say how long the upstream wants us to wait (a 429's Retry-After); backoff honours it. */
function retryAfterMsOf(error: unknown): number {
  const value = typeof error === 'object' && error !== null && 'retryAfterMs' in error ? Number(error.retryAfterMs) : 0;
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export type TriggerStatus = 'success' | 'failure' | 'deferred' | 'done' | 'not_due' | 'backoff' | 'busy' | 'stopped';

export interface RunResult {
  status: 'success' | 'failure' | 'deferred';
  detail: string;
  error?: unknown;
  slot: string;
  startedAt: string;
  finishedAt: string;
}

export interface SchedulerOptions {
  db: Db;
  cache: CachePort;
  log: FastifyBaseLogger;
  retryMinMs: number;
  retryMaxMs: number;
  /**
   * Clock used to pick slots and handed to runs as `now` (tests may pass their own); the bookkeeping
   * (run instants, backoff, timeouts) reads real time.
   */
  now?: () => Date;
  /** Told of every finished run (the Prometheus job counters). */
  onRunFinished?: (run: { job: string; status: RunResult['status']; seconds: number }) => void;
}

/**
 * Runs scheduled jobs so that, with any number of instances sharing the database and the cache, each
 * slot of each job succeeds once:
 *
 * 1. every instance fires on the croner patterns (plus jitter) and once at start (initial fill);
 * 2. a fire computes the slot (latest pattern occurrence) and skips it when `job_state.last_slot`
 *    already covers it, when a backoff is pending, or when the job is not due;
 * 3. otherwise it takes the slot's lock in the cache (`jobs:<name>:<slot>`), re-reads the state under
 *    the lock (another instance may have just finished), runs, records the run in `job_runs` and the
 *    outcome in `job_state`, then releases the lock;
 * 4. a failure sets `next_attempt_at` with exponential backoff (shared through the database, so the
 *    instances together still make one attempt per backoff step) and arms a local retry timer.
 */
export function createScheduler(options: SchedulerOptions) {
  const { db, cache, log } = options;
  const clock = options.now ?? (() => new Date());
  const repo = createJobRunsRepository(db);
  const lock = createJobLock(cache);
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const jobs = new Map<string, { definition: JobDefinition; evaluators: Cron[] }>();
  const crons: Cron[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let stopController = new AbortController();
  let started = false;
  let stopped = false;

  function definitionOf(name: string): JobDefinition {
    const job = jobs.get(name);
    if (!job) {
      throw new Error(`Unknown job ${name}`);
    }
    return job.definition;
  }

  /** Latest occurrence of any pattern at or before `now` (1 s of tolerance for timers firing a hair early). */
  function slotOf(name: string, now: Date): Date {
    const job = jobs.get(name);
    if (!job) {
      throw new Error(`Unknown job ${name}`);
    }
    const reference = new Date(now.getTime() + 1000);
    const previous = job.evaluators.map((cron) => cron.previousRuns(1, reference)[0]?.getTime() ?? 0);
    return new Date(Math.max(...previous));
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  function armRetry(name: string, at: Date): void {
    if (stopped || !started) {
      return;
    }
    const existing = retryTimers.get(name);
    if (existing) {
      clearTimeout(existing);
    }
    const delay = Math.max(0, at.getTime() - Date.now()) + 50;
    const timer = setTimeout(() => {
      retryTimers.delete(name);
      void trigger(name).catch((error: unknown) => log.error({ err: error, job: name }, 'job retry failed'));
    }, delay);
    timer.unref();
    retryTimers.set(name, timer);
  }

  /** One run, reported to `onRunFinished` whatever its outcome. */
  async function execute(...args: Parameters<typeof executeRun>): Promise<RunResult> {
    const started = performance.now();
    const result = await executeRun(...args);
    options.onRunFinished?.({
      job: args[0].name,
      status: result.status,
      seconds: (performance.now() - started) / 1000,
    });
    return result;
  }

  async function executeRun(
    job: JobDefinition,
    run: { slot: Date; slotLabel: string; now: Date; manual: boolean },
    state: JobStateRow | undefined,
  ): Promise<RunResult> {
    const { slot, slotLabel, now, manual } = run;
    const startedAt = new Date().toISOString();
    const runId = await repo.startRun({ job: job.name, slot: slotLabel, instance, startedAt });
    const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = AbortSignal.any([stopController.signal, AbortSignal.timeout(timeoutMs)]);
    const base = {
      job: job.name,
      last_slot: state?.last_slot ?? null,
      last_success_at: state?.last_success_at ?? null,
      consecutive_failures: state?.consecutive_failures ?? 0,
      next_attempt_at: state?.next_attempt_at ?? null,
      last_error: state?.last_error ?? null,
    };
    try {
      const detail = await abortable(job.run({ slot, now, manual, signal, log: log.child({ job: job.name }) }), signal);
      const finishedAt = new Date().toISOString();
      await repo.finishRun(runId, 'success', detail);
      log.info({ job: job.name, slot: slotLabel, detail }, 'job run succeeded');
      await repo.saveState({
        ...base,
        last_slot: manual ? base.last_slot : slotLabel,
        last_run_at: finishedAt,
        last_success_at: finishedAt,
        last_outcome: 'success',
        last_error: null,
        consecutive_failures: 0,
        next_attempt_at: null,
      });
      return { status: 'success', detail, slot: slotLabel, startedAt, finishedAt };
    } catch (error) {
      const finishedAt = new Date().toISOString();
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobDeferred) {
        await repo.finishRun(runId, 'deferred', message);
        if (!manual) {
          await repo.saveState({
            ...base,
            last_run_at: finishedAt,
            last_outcome: 'deferred',
            next_attempt_at: error.retryAt.toISOString(),
          });
          armRetry(job.name, error.retryAt);
        }
        return { status: 'deferred', detail: message, error, slot: slotLabel, startedAt, finishedAt };
      }
      const interrupted = stopController.signal.aborted;
      await repo.finishRun(runId, 'failure', interrupted ? `interrupted by shutdown: ${message}` : message);
      if (manual || interrupted) {
        // A failed admin refresh or a shutdown says nothing about the upstream: no backoff.
        await repo.saveState({ ...base, last_run_at: finishedAt, last_outcome: 'failure', last_error: message });
      } else {
        const failures = base.consecutive_failures + 1;
        const delay = Math.max(
          backoffDelayMs(failures, options.retryMinMs, options.retryMaxMs),
          Math.min(retryAfterMsOf(error), options.retryMaxMs),
        );
        const nextAttempt = new Date(Date.now() + delay);
        await repo.saveState({
          ...base,
          last_run_at: finishedAt,
          last_outcome: 'failure',
          last_error: message,
          consecutive_failures: failures,
          next_attempt_at: nextAttempt.toISOString(),
        });
        log.warn({ job: job.name, failures, retryInMs: delay, err: message }, 'job failed; backing off');
        armRetry(job.name, nextAttempt);
      }
      return { status: 'failure', detail: message, error, slot: slotLabel, startedAt, finishedAt };
    }
  }

  /** Runs the current slot of a job unless it is done, backing off, not due, or running elsewhere. */
  function trigger(name: string, opts: { at?: Date } = {}): Promise<TriggerStatus> {
    return stopped ? Promise.resolve('stopped') : track(attempt(name, opts.at));
  }

  async function attempt(name: string, at: Date | undefined): Promise<TriggerStatus> {
    const job = definitionOf(name);
    const now = at ?? clock();
    const slot = slotOf(name, now);
    const slotLabel = slot.toISOString();
    const decide = (state: JobStateRow | undefined): TriggerStatus | null => {
      if (state?.last_slot && state.last_slot >= slotLabel) {
        return 'done';
      }
      if (state?.next_attempt_at && state.next_attempt_at > now.toISOString()) {
        armRetry(name, new Date(state.next_attempt_at));
        return 'backoff';
      }
      return null;
    };
    const early = decide(await repo.getState(name));
    if (early) {
      return early;
    }
    if (job.isDue && !(await job.isDue({ now, slot }))) {
      return 'not_due';
    }

    const key = `jobs:${name}:${slotLabel}`;
    const token = await lock.acquire(key, job.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (!token) {
      return 'busy';
    }
    try {
      const state = await repo.getState(name);
      const late = decide(state);
      if (late) {
        return late;
      }
      if (stopped) {
        return 'stopped';
      }
      return (await execute(job, { slot, slotLabel, now, manual: false }, state)).status;
    } finally {
      await lock.release(key, token);
    }
  }

  /**
   * Admin refresh: runs now, outside the slot bookkeeping (recorded with slot `manual:<instant>`).
   * Refuses (null) while another manual refresh of the same job runs anywhere.
   */
  function runNow(name: string): Promise<RunResult | null> {
    if (stopped) {
      return Promise.reject(new Error('scheduler stopped'));
    }
    return track(runManual(definitionOf(name)));
  }

  async function runManual(job: JobDefinition): Promise<RunResult | null> {
    const name = job.name;
    const key = `jobs:${name}:manual`;
    const token = await lock.acquire(key, job.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (!token) {
      return null;
    }
    try {
      const now = new Date();
      return await execute(
        job,
        { slot: now, slotLabel: `manual:${now.toISOString()}`, now, manual: true },
        await repo.getState(name),
      );
    } finally {
      await lock.release(key, token);
    }
  }

  function fire(name: string, jitterMs: number): void {
    if (stopped) {
      return;
    }
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void trigger(name).catch((error: unknown) =>
          log.error({ err: error, job: name }, 'scheduled job failed to start'),
        );
      },
      Math.floor(Math.random() * jitterMs),
    );
    timer.unref();
    timers.add(timer);
  }

  return {
    instance,
    register(definition: JobDefinition): void {
      if (jobs.has(definition.name)) {
        throw new Error(`Job ${definition.name} registered twice`);
      }
      const evaluators = definition.schedule.map((pattern) => new Cron(pattern, { timezone: ZONE, paused: true }));
      jobs.set(definition.name, { definition, evaluators });
    },

    /** Arms the schedules and starts every job once now, which is the initial fill on a fresh install. */
    start(): void {
      if (started) {
        return;
      }
      started = true;
      stopped = false;
      stopController = new AbortController();
      for (const { definition } of jobs.values()) {
        for (const pattern of definition.schedule) {
          crons.push(
            new Cron(pattern, { timezone: ZONE, unref: true, catch: true }, () =>
              fire(definition.name, definition.jitterMs ?? 0),
            ),
          );
        }
        void trigger(definition.name).catch((error: unknown) =>
          log.error({ err: error, job: definition.name }, 'initial job run failed to start'),
        );
      }
    },

    /** Stops every schedule and timer, aborts running jobs and waits until they have recorded their outcome. */
    async stop(): Promise<void> {
      stopped = true;
      started = false;
      for (const cron of crons.splice(0)) {
        cron.stop();
      }
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      for (const timer of retryTimers.values()) {
        clearTimeout(timer);
      }
      retryTimers.clear();
      stopController.abort(new Error('scheduler stopping'));
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
      }
    },

    trigger,
    runNow,
    slotOf,
    get running(): boolean {
      return started;
    },
    names(): string[] {
      return [...jobs.keys()];
    },
    definition: definitionOf,
    states: () => repo.listStates(),
    repository: repo,
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
export type { JobOutcome };

/** Settles with the job's result, or rejects as soon as `signal` aborts (a job ignoring its signal cannot hang shutdown). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The job was started anyway and will fail on the aborted signal: observe that failure so it is not
    // reported as an unhandled rejection (it raced with a shutdown under load).
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
