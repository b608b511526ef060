import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { MailMessage, Mailer } from '../../src/mail/mailer.ts';

/**
 * A mailer the test controls: `block()` makes every send wait until `release()`; `fail(n)` makes the
 * next n sends throw. `calls` lists every send started, `sent` the ones that went through.
 */
export function gatedMailer() {
  const sent: MailMessage[] = [];
  const calls: MailMessage[] = [];
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  let failures = 0;
  let onCall: (() => void) | null = null;
  const mailer = {
    sent,
    calls,
    async send(message: MailMessage): Promise<void> {
      calls.push(message);
      onCall?.();
      if (gate) {
        await gate.promise;
      }
      if (failures > 0) {
        failures -= 1;
        throw new Error('SMTP unavailable (test)');
      }
      sent.push(message);
    },
    block(): void {
      const { promise, resolve } = Promise.withResolvers<void>();
      gate = { promise, open: resolve };
    },
    release(): void {
      gate?.open();
      gate = null;
    },
    fail(count: number): void {
      failures = count;
    },
    /** Resolves once `calls` holds at least `count` sends (started, maybe still blocked). */
    async callsReach(count: number): Promise<void> {
      while (calls.length < count) {
        const { promise, resolve } = Promise.withResolvers<void>();
        onCall = resolve;
        await promise;
      }
      onCall = null;
    },
  } satisfies Mailer & Record<string, unknown>;
  return mailer;
}

/** Records the statements a Kysely instance runs, as `SelectQueryNode(users)`, while `steps` is set. */
export class QueryRecorder implements KyselyPlugin {
  steps: string[] | null = null;

  transformQuery({ node }: PluginTransformQueryArgs) {
    this.steps?.push(`${node.kind}(${[...new Set(tablesOf(node))].join(',')})`);
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs) {
    return Promise.resolve(result);
  }

  async record(action: () => Promise<unknown>): Promise<string[]> {
    this.steps = [];
    try {
      await action();
      return this.steps;
    } finally {
      this.steps = null;
    }
  }
}

function tablesOf(node: unknown): string[] {
  if (node === null || typeof node !== 'object') {
    return [];
  }
  if (Array.isArray(node)) {
    return node.flatMap(tablesOf);
  }
  const operation = node as OperationNode & { table?: { identifier?: { name?: unknown } } };
  const own =
    operation.kind === 'TableNode' && typeof operation.table?.identifier?.name === 'string'
      ? [operation.table.identifier.name]
      : [];
  return [...own, ...Object.values(node).flatMap(tablesOf)];
}
