import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import { backoffDelayMs } from '../jobs/backoff.ts';
import { open, seal } from '../security/aead.ts';
import type { ServerKeys } from '../security/keys.ts';
import {
  claimMailJob,
  deleteMailJob,
  findDueMailJobIds,
  insertMailJob,
  rescheduleMailJob,
  type MailOutboxRow,
} from './mail-outbox.repository.ts';

/** A unit of mail work; `kind` is stored in clear, the rest is sealed. */
export interface MailJob {
  kind: string;
}

export interface MailQueueOptions<Job extends MailJob> {
  db: Db;
  keys: ServerKeys;
  log: FastifyBaseLogger;
  /** Does the job's work (look the account up, issue a link, send). Throwing means "try again later". */
  perform(job: Job): Promise<void>;
  /** Attempts before a job is given up (logged as an error). */
  maxAttempts?: number;
  /** Wait before the first retry; doubles per failure up to `retryMaxMs`. */
  retryMinMs: number;
  retryMaxMs: number;
  /** How often a started worker looks for jobs it was not told about (retries, other instances' leftovers). */
  pollMs?: number;
  now?: () => Date;
}

const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_POLL_MS = 10_000;
/** A claimed job stays with its worker this long; if the worker dies, another instance takes it after. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/**
 * Account mails leave the request path through this queue: a request stores a job and returns; a
 * worker in every instance sends it. Why a table rather than memory or a Valkey list: a job must
 * survive a restart and be picked up by any instance when the one that took it dies, and the database
 * is the one store every deployment has (SQLite alone, or PostgreSQL shared by instances). Mails are
 * rare, so a table costs nothing worth a second mechanism.
 *
 * - `enqueue` seals the job (it holds an e-mail address) and inserts it; the worker of this instance
 *   starts on the next turn of the event loop, after the answer is on its way.
 * - Every instance also polls every `pollMs` for due jobs (retries, jobs of a dead instance).
 * - A job is claimed by a conditional update with a lease (one worker per job), deleted once done,
 *   retried with exponential backoff on failure, dropped after `maxAttempts`. Delivery is at least
 *   once: a worker dying between sending and deleting means a second mail, never a lost one.
 */
export function createMailQueue<Job extends MailJob>(options: MailQueueOptions<Job>) {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const key = options.keys.derive('mail-queue');
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let started = false;
  let stopped = false;
  let poller: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  // Set when work may have arrived while a pass was running: the pass then looks once more.
  let again = false;

  function decode(row: MailOutboxRow): Job | null {
    // The row id is the associated data: a payload copied onto another row does not open.
    const plain = open(key, Buffer.from(row.payload, 'base64url'), row.id);
    return plain ? (JSON.parse(plain.toString('utf8')) as Job) : null;
  }

  async function runJob(row: MailOutboxRow, at: Date): Promise<void> {
    const job = decode(row);
    if (!job) {
      // Sealed under another SECRET_KEY (rotated) or altered: nothing can be done with it.
      log.error({ kind: row.kind, id: row.id }, 'mail job unreadable; dropped');
      await deleteMailJob(db, row.id);
      return;
    }
    try {
      await options.perform(job);
      await deleteMailJob(db, row.id);
    } catch (error) {
      if (row.attempts >= maxAttempts) {
        log.error({ err: error, kind: row.kind, attempts: row.attempts }, 'mail job failed; given up');
        await deleteMailJob(db, row.id);
        return;
      }
      const delay = backoffDelayMs(row.attempts, options.retryMinMs, options.retryMaxMs);
      log.warn({ err: error, kind: row.kind, attempts: row.attempts, retryInMs: delay }, 'mail job failed; will retry');
      await rescheduleMailJob(db, row.id, new Date(at.getTime() + delay).toISOString());
    }
  }

  /** Runs the jobs due now; whether any was found (the caller then looks again). */
  async function pass(): Promise<boolean> {
    const at = now();
    const ids = await findDueMailJobIds(db, at.toISOString(), BATCH);
    for (const id of ids) {
      const row = await claimMailJob(db, id, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString());
      // Undefined: another instance took it between the two queries.
      if (row) {
        await runJob(row, at);
      }
    }
    return ids.length > 0;
  }

  /** One worker loop per instance at a time; a request for work during a pass adds one more pass. */
  function work(): Promise<void> {
    again = true;
    running ??= (async () => {
      try {
        while (again) {
          again = false;
          while (await pass()) {
            // Until nothing is due.
          }
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function kick(): void {
    if (started && !stopped) {
      void work().catch((error: unknown) => log.error({ err: error }, 'mail worker failed'));
    }
  }

  return {
    /** Stores the job for the worker. The same work whatever the job says (one sealed insert). */
    async enqueue(job: Job): Promise<void> {
      const id = randomUUID();
      const at = now().toISOString();
      const payload = seal(key, Buffer.from(JSON.stringify(job), 'utf8'), id).toString('base64url');
      await insertMailJob(db, { id, kind: job.kind, payload, run_at: at, created_at: at });
      // After the answer: setImmediate runs once this request's pending callbacks have.
      if (started && !stopped) {
        setImmediate(kick);
      }
    },

    /** Starts this instance's worker: jobs already waiting (from before a restart) and polling. */
    start(): void {
      if (started || stopped) {
        return;
      }
      started = true;
      poller = setInterval(kick, options.pollMs ?? DEFAULT_POLL_MS);
      poller.unref();
      setImmediate(kick);
    },

    /** Stops polling and waits for the job in hand (the database must outlive it). */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(poller);
      await running?.catch(() => undefined);
    },

    /**
     * Tests: runs every job due now, on this instance, and resolves once none is left (a job that
     * failed and waits for its retry is not due). Works whether or not the worker was started.
     */
    drain(): Promise<void> {
      return work();
    },
  };
}
export type MailQueue<Job extends MailJob> = ReturnType<typeof createMailQueue<Job>>;
