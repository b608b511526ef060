import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { gatedMailer, QueryRecorder } from './support/mail-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let ipSequence = 0;
function freshIp(): string {
  ipSequence += 1;
  return `203.0.113.${ipSequence}`;
}

describe.each(backends)('account mails leave the request path on $name', (backend) => {
  const mailer = gatedMailer();
  const recorder = new QueryRecorder();
  let server: TestServer;
  beforeAll(async () => {
    // No worker: the test decides when queued mails go (drain), so it can look at the request path alone.
    server = await startTestServer(backend, {}, { mailer, mailWorker: false, wrapDb: (db) => db.withPlugin(recorder) });
  });
  afterAll(async () => server.close());

  const forgot = (email: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/accounts/forgot-password',
      payload: { email },
      remoteAddress: freshIp(),
    });
  const resetTokens = async (user: TestUser) =>
    (
      await server.deps.db
        .selectFrom('password_reset_tokens')
        .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
        .select('password_reset_tokens.id')
        .where('users.email', '=', user.email)
        .execute()
    ).length;
  const outbox = () => server.deps.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();
  const activityRows = async () => (await server.deps.db.selectFrom('activity_log').select('id').execute()).length;

  it('forgot-password runs the same statements for a known and an unknown address, and no lookup', async () => {
    const user = await createUser(server, 'same-steps');
    await server.deps.mailQueue.drain();
    const unknown = `nobody-${Date.now()}@example.org`;
    const mailsBefore = mailer.calls.length;
    const activityBefore = await activityRows();

    let knownAnswer: { statusCode: number; body: string } | undefined;
    let unknownAnswer: { statusCode: number; body: string } | undefined;
    const knownSteps = await recorder.record(async () => {
      knownAnswer = await forgot(user.email);
    });
    const unknownSteps = await recorder.record(async () => {
      unknownAnswer = await forgot(unknown);
    });
    expect(knownAnswer?.statusCode).toBe(200);
    expect(unknownAnswer?.statusCode).toBe(200);
    const data = (answer: typeof knownAnswer) => (JSON.parse(answer?.body ?? '{}') as { data: unknown }).data;
    expect(data(knownAnswer)).toEqual(data(unknownAnswer));
    // One sealed insert into the queue, and nothing else: not even a read of the users table.
    expect(knownSteps).toEqual(['InsertQueryNode(mail_outbox)']);
    expect(unknownSteps).toEqual(knownSteps);

    // The request left no trace of the account: no link issued, no mail, no activity row yet.
    expect(await resetTokens(user)).toBe(0);
    expect(mailer.calls).toHaveLength(mailsBefore);
    expect(await activityRows()).toBe(activityBefore);
    const queued = await outbox();
    expect(queued.map((job) => job.kind)).toEqual(['password-reset', 'password-reset']);
    for (const job of queued) {
      // Sealed: the address is not in the row, in clear or base64.
      for (const email of [user.email, unknown]) {
        expect(job.payload).not.toContain(email);
        expect(Buffer.from(job.payload, 'base64url').toString('latin1')).not.toContain(email);
      }
    }

    // The worker does the rest: a link and a mail for the account, nothing for the unknown address.
    await server.deps.mailQueue.drain();
    expect(await outbox()).toEqual([]);
    expect(await resetTokens(user)).toBe(1);
    expect(mailer.sent.slice(mailsBefore).map((mail) => mail.to)).toEqual([user.email]);
    expect(mailer.sent.at(-1)?.text).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]+/);
    expect(await activityRows()).toBe(activityBefore + 1);
  });

  it('resend-verification also runs the same statements for both', async () => {
    const user = await createUser(server, 'same-steps-resend');
    await server.deps.mailQueue.drain();
    const resend = (email: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/accounts/resend-verification',
        payload: { email },
        remoteAddress: freshIp(),
      });
    const knownSteps = await recorder.record(() => resend(user.email));
    const unknownSteps = await recorder.record(() => resend(`nobody-${Date.now()}@example.org`));
    expect(knownSteps).toEqual(['InsertQueryNode(mail_outbox)']);
    expect(unknownSteps).toEqual(knownSteps);
    const before = mailer.sent.length;
    await server.deps.mailQueue.drain();
    expect(mailer.sent.slice(before).map((mail) => mail.to)).toEqual([user.email]);
  });

  it('a failed send is retried later with a new link, and given up after the last attempt', async () => {
    const user = await createUser(server, 'retry');
    await server.deps.mailQueue.drain();
    const before = mailer.sent.length;
    mailer.fail(1);
    expect((await forgot(user.email)).statusCode).toBe(200);
    await server.deps.mailQueue.drain();
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ kind: 'password-reset', attempts: 1, locked_until: null });
    // Not due yet: its backoff (JOBS_RETRY_MIN_SECONDS) has not elapsed, so a drain leaves it.
    expect(Date.parse(waiting?.run_at ?? '')).toBeGreaterThan(Date.now());
    await server.deps.mailQueue.drain();
    expect(await outbox()).toHaveLength(1);
    expect(mailer.sent).toHaveLength(before);

    // Time passes (the row is made due): the retry goes through.
    await server.deps.db
      .updateTable('mail_outbox')
      .set({ run_at: new Date(0).toISOString() })
      .execute();
    await server.deps.mailQueue.drain();
    expect(await outbox()).toEqual([]);
    expect(mailer.sent.slice(before).map((mail) => mail.to)).toEqual([user.email]);
    expect(await resetTokens(user)).toBe(1);

    // A job failing its last attempt is dropped (and logged) rather than retried forever.
    expect((await forgot(user.email)).statusCode).toBe(200);
    await server.deps.db.updateTable('mail_outbox').set({ attempts: 5 }).execute();
    mailer.fail(1);
    await server.deps.mailQueue.drain();
    expect(await outbox()).toEqual([]);
    expect(mailer.sent.slice(before)).toHaveLength(1);
  });
});

describe.each(backends)('the mail worker on $name', (backend) => {
  it('answers before the mail is sent: a blocked mailer does not hold the request', async () => {
    const mailer = gatedMailer();
    const server = await startTestServer(backend, {}, { mailer });
    try {
      const user = await createUser(server, 'blocked');
      await server.deps.mailQueue.drain();
      const before = mailer.calls.length;
      const sentBefore = mailer.sent.length;
      mailer.block();
      const answer = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/forgot-password',
        payload: { email: user.email },
        remoteAddress: freshIp(),
      });
      // Had the request waited for the mail, it would still be waiting: the mailer is blocked.
      expect(answer.statusCode).toBe(200);
      // The started worker picks the job up by itself and is now stuck in send().
      await mailer.callsReach(before + 1);
      expect(mailer.calls.at(-1)?.to).toBe(user.email);
      expect(mailer.sent).toHaveLength(sentBefore);
      mailer.release();
      await server.deps.mailQueue.drain();
      expect(mailer.sent.slice(sentBefore).map((mail) => mail.to)).toEqual([user.email]);
      expect(mailer.sent.at(-1)?.text).toMatch(/reset-password/);
    } finally {
      mailer.release();
      await server.close();
    }
  });

  it('a mail queued by one instance is sent by another; racing workers send each mail once', async () => {
    const firstMailer = gatedMailer();
    const secondMailer = gatedMailer();
    const first = await startTestServer(backend, {}, { mailer: firstMailer, mailWorker: false });
    const second = await startTestServer(
      backend,
      { SECRET_KEY: first.config.secretKey },
      { joinWith: first.storage, mailer: secondMailer, mailWorker: false },
    );
    try {
      const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createUser(first, 'multi')));
      for (const user of users) {
        await first.app.inject({
          method: 'POST',
          url: '/api/accounts/forgot-password',
          payload: { email: user.email },
          remoteAddress: freshIp(),
        });
      }
      // The first instance never sends (think: it stopped); the second finds everything in the shared table.
      await second.deps.mailQueue.drain();
      expect(firstMailer.calls).toEqual([]);
      const resets = secondMailer.sent.filter((mail) => /reset-password/.test(mail.text)).map((mail) => mail.to);
      expect(resets.sort()).toEqual(users.map((user) => user.email).sort());

      // Both instances drain at once: the claims let each job through exactly once.
      for (const user of users) {
        await first.app.inject({
          method: 'POST',
          url: '/api/accounts/resend-verification',
          payload: { email: user.email },
          remoteAddress: freshIp(),
        });
      }
      const sentBefore = firstMailer.sent.length + secondMailer.sent.length;
      await Promise.all([first.deps.mailQueue.drain(), second.deps.mailQueue.drain()]);
      const verifications = [...firstMailer.sent, ...secondMailer.sent].filter((mail) =>
        /verify-email/.test(mail.text),
      );
      expect(firstMailer.sent.length + secondMailer.sent.length - sentBefore).toBe(users.length);
      // Each user: one verification at sign-up (sent by the second instance above) and one now.
      for (const user of users) {
        expect(
          verifications.filter((mail) => mail.to === user.email),
          user.email,
        ).toHaveLength(2);
      }
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe.each(backends)('queued mails across a restart on $name', (backend) => {
  it('survive the instance that queued them', async () => {
    const mailer = gatedMailer();
    const first = await startTestServer(backend, {}, { mailWorker: false });
    let restarted: TestServer | undefined;
    try {
      const user = await createUser(first, 'restart');
      // A started second instance on the same database: its worker looks at the queue as it starts.
      restarted = await startTestServer(
        backend,
        { SECRET_KEY: first.config.secretKey },
        { joinWith: first.storage, mailer },
      );
      await restarted.deps.mailQueue.drain();
      expect(mailer.sent.map((mail) => mail.to)).toEqual([user.email]);
    } finally {
      await restarted?.close();
      await first.close();
    }
  });
});
