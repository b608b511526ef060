import type {
  ApprovalResult,
  Contribution,
  ContributionStats,
  EnergyOffer,
  EnergyProvider,
  ModerationContribution,
} from '@med/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionCookie, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { freshCatalogueEntry } from './support/catalogue-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'contributions-admin@example.org';
const SHEET = 'https://fournisseur.example/grille-2026.pdf';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.each(backends)('contributions and moderation on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let moderator: TestUser;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN, DEMO_ENABLED: 'true' });
    admin = await createAdmin(server, ADMIN);
    alice = await createUser(server, 'contrib-alice');
    bob = await createUser(server, 'contrib-bob');
    moderator = await createUser(server, 'contrib-moderator');
    const roles = await server.app.inject({ url: '/api/admin/roles', headers: { cookie: admin } });
    const moderatorRole = roles
      .json<{ data: { id: string; name: string }[] }>()
      .data.find((r) => r.name === 'moderator');
    const target = await server.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', moderator.email)
      .executeTakeFirstOrThrow();
    const assigned = await server.app.inject({
      method: 'PUT',
      url: `/api/admin/roles/users/${target.id}/role`,
      headers: { cookie: admin },
      payload: { role_id: moderatorRole?.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
  afterAll(async () => server.close());

  const call = (cookie: string | undefined, method: Method, url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      ...(cookie === undefined ? {} : { headers: { cookie } }),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const data = <T>(response: LightMyRequestResponse, status = 200): T => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json<{ data: T }>().data;
  };
  const history = async () =>
    data<EnergyOffer[]>(await call(undefined, 'GET', '/api/energy/offers?include_history=true'));
  /** How many mails went out so far, once every queued one is sent. */
  const mailMark = async () => {
    await server.deps.mailQueue.drain();
    return server.deps.mailer.sent.length;
  };
  /** Mails sent since `before` (the queue drained first), as `to: subject`. */
  const mailsSince = async (before: number) => {
    await server.deps.mailQueue.drain();
    return server.deps.mailer.sent.slice(before).map((mail) => `${mail.to}: ${mail.subject}`);
  };
  const priceChange = (offerId: string, overrides: Record<string, unknown> = {}) => ({
    contribution_type: 'UPDATE_OFFER',
    existing_offer_id: offerId,
    offer_name: 'Simple',
    offer_type: 'BASE',
    power_variants: [{ power_kva: 6, subscription_price: 13.1, base_price: 0.2213 }],
    price_sheet_url: SHEET,
    valid_from: '2026-02-01',
    ...overrides,
  });

  it('contributor and moderator: submit, question, answer, approve; the new period closes the old one', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    const before = (await history()).find((offer) => offer.id === offerId);
    expect(before).toMatchObject({ valid_from: '2025-01-01', valid_to: null });
    const sent = await mailMark();

    const submitted = data<Contribution>(
      await call(alice.cookie, 'POST', '/api/energy/contribute', priceChange(offerId)),
      201,
    );
    expect(submitted).toMatchObject({
      status: 'pending',
      contribution_type: 'UPDATE_OFFER',
      power_variants: [{ power_kva: 6, subscription_price: 13.1, prices: { base: 0.2213 } }],
      price_sheet_url: SHEET,
      has_unread_messages: false,
    });
    // The moderators (role holders and ADMIN_EMAILS) are told, one mail each.
    const notices = await mailsSince(sent);
    expect(
      notices
        .filter((mail) => mail.includes('Nouvelle contribution'))
        .map((mail) => mail.split(':')[0])
        .sort(),
    ).toEqual([ADMIN, moderator.email].sort());

    // The queue shows the record the approval writes beside the one in force.
    const pending = data<ModerationContribution[]>(
      await call(moderator.cookie, 'GET', '/api/energy/contributions/pending'),
    );
    const item = pending.find((entry) => entry.id === submitted.id);
    expect(item).toMatchObject({
      contributor_email: alice.email,
      conflict: null,
      changes: [
        {
          valid_from: '2026-02-01',
          valid_to: null,
          prices: { base: 0.2213 },
          previous: { id: offerId, valid_from: '2025-01-01', prices: { base: 0.2 }, subscription_price: 12.5 },
        },
      ],
      plan: { close: [{ record_id: before?.record_id, valid_to: '2026-01-31' }] },
    });

    const asked = await mailMark();
    const question = data<Contribution>(
      await call(moderator.cookie, 'POST', `/api/energy/contributions/${submitted.id}/request-info`, {
        message: 'Le prix du kWh est-il TTC ?',
      }),
    );
    expect(question.status).toBe('pending');
    expect(await mailsSince(asked)).toEqual([`${alice.email}: Question sur votre contribution — MyElectricalData`]);
    expect(
      data<{ unread_count: number }>(await call(alice.cookie, 'GET', '/api/energy/contributions/unread-count')),
    ).toEqual({
      unread_count: 1,
    });
    const answered = data<Contribution>(
      await call(alice.cookie, 'POST', `/api/energy/contributions/${submitted.id}/reply`, { message: 'Oui, TTC.' }),
    );
    expect(answered.messages.map((message) => [message.message_type, message.is_from_admin, message.content])).toEqual([
      ['info_request', true, 'Le prix du kWh est-il TTC ?'],
      ['contributor_response', false, 'Oui, TTC.'],
    ]);
    expect(answered.has_unread_messages).toBe(false);
    expect(
      data<{ unread_count: number }>(await call(alice.cookie, 'GET', '/api/energy/contributions/unread-count')),
    ).toEqual({
      unread_count: 0,
    });
    const thread = data<{ content: string }[]>(
      await call(moderator.cookie, 'GET', `/api/energy/contributions/${submitted.id}/messages`),
    );
    expect(thread.map((message) => message.content)).toEqual(['Le prix du kWh est-il TTC ?', 'Oui, TTC.']);

    const approvedAt = await mailMark();
    const approval = data<ApprovalResult>(
      await call(moderator.cookie, 'POST', `/api/energy/contributions/${submitted.id}/approve`),
    );
    expect(approval.contributions[0]).toMatchObject({ id: submitted.id, status: 'approved' });
    expect(approval.catalogue[0]?.create).toHaveLength(1);
    expect(await mailsSince(approvedAt)).toEqual([`${alice.email}: Contribution acceptée — MyElectricalData`]);

    const series = (await history()).filter((offer) => offer.series_key === before?.series_key);
    expect(
      series.map((offer) => [offer.valid_from, offer.valid_to, offer.base_price, offer.subscription_price]),
    ).toEqual([
      ['2026-02-01', null, 0.2213, 13.1],
      ['2025-01-01', '2026-01-31', 0.2, 12.5],
    ]);
    expect(series[0]).toMatchObject({ source: SHEET, confidence: 'medium' });
    const logged = await server.deps.db
      .selectFrom('catalogue_imports')
      .select(['origin', 'user_id'])
      .where('origin', '=', 'contribution')
      .execute();
    expect(logged.length).toBeGreaterThan(0);

    // Settled: no second approval, no edit, no answer, no withdrawal.
    expectError(
      await call(moderator.cookie, 'POST', `/api/energy/contributions/${submitted.id}/approve`),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    expectError(
      await call(alice.cookie, 'PUT', `/api/energy/contributions/${submitted.id}`, priceChange(offerId)),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    expectError(
      await call(alice.cookie, 'POST', `/api/energy/contributions/${submitted.id}/reply`, { message: 'x' }),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    expectError(
      await call(alice.cookie, 'DELETE', `/api/energy/contributions/${submitted.id}`),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    const stats = data<ContributionStats>(await call(moderator.cookie, 'GET', '/api/energy/contributions/stats'));
    expect(stats.approved).toBeGreaterThanOrEqual(1);
    expect(stats.approved_this_month).toBeGreaterThanOrEqual(1);
    expect(stats.top_contributors.map((entry) => entry.email)).toContain(alice.email);
  });

  it('a past period fills the gap before the next one instead of overlapping it', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    const past = data<Contribution>(
      await call(alice.cookie, 'POST', '/api/energy/contribute', priceChange(offerId, { valid_from: '2024-02-01' })),
      201,
    );
    data<ApprovalResult>(await call(admin, 'POST', `/api/energy/contributions/${past.id}/approve`));
    const offer = (await history()).find((entry) => entry.id === offerId);
    const series = (await history()).filter((entry) => entry.series_key === offer?.series_key);
    expect(series.map((entry) => [entry.valid_from, entry.valid_to])).toEqual([
      ['2025-01-01', null],
      ['2024-02-01', '2024-12-31'],
    ]);
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const { offerId, providerId } = await freshCatalogueEntry(server);
    const mine = async () => data<Contribution[]>(await call(alice.cookie, 'GET', '/api/energy/contributions')).length;
    const count = await mine();
    const submit = (payload: unknown) => call(alice.cookie, 'POST', '/api/energy/contribute', payload);
    expectError(
      await submit(priceChange(offerId, { price_sheet_url: undefined })),
      422,
      'VALIDATION_ERROR',
      'price_sheet_url',
    );
    expectError(
      await submit(priceChange(offerId, { power_variants: [{ power_kva: 6, subscription_price: 13, hp_price: 0.2 }] })),
      422,
      'VALIDATION_ERROR',
      'power_variants.0.prices',
    );
    expectError(
      await submit(
        priceChange(offerId, { power_variants: [{ power_kva: 7, subscription_price: 13, base_price: 0.2 }] }),
      ),
      422,
      'VALIDATION_ERROR',
    );
    expectError(
      await submit(
        priceChange(offerId, {
          power_variants: [
            { power_kva: 6, subscription_price: 13, base_price: 0.2 },
            { power_kva: 6, subscription_price: 14, base_price: 0.2 },
          ],
        }),
      ),
      422,
      'VALIDATION_ERROR',
      'power_variants.1.power_kva',
    );
    expectError(await submit(priceChange(offerId, { offer_type: 'HC_HP' })), 422, 'VALIDATION_ERROR', 'offer_type');
    expectError(await submit(priceChange('no-such-offer')), 404, 'OFFER_NOT_FOUND');
    expectError(
      await submit(priceChange(offerId, { valid_from: '2026-02-30' })),
      422,
      'INVALID_DATE_FORMAT',
      'valid_from',
    );
    expectError(
      await submit(priceChange(offerId, { price_sheet_url: 'javascript:alert(1)' })),
      422,
      'VALIDATION_ERROR',
    );
    expectError(await submit(priceChange(offerId, { surprise: true })), 422, 'VALIDATION_ERROR');
    expectError(
      await submit({ ...priceChange(offerId), contribution_type: 'NEW_OFFER', existing_offer_id: undefined }),
      422,
      'VALIDATION_ERROR',
      'existing_provider_id',
    );
    expectError(
      await submit({
        ...priceChange(offerId),
        contribution_type: 'NEW_OFFER',
        existing_offer_id: undefined,
        existing_provider_id: 'gone',
      }),
      404,
      'PROVIDER_NOT_FOUND',
    );
    expectError(
      await submit({
        ...priceChange(offerId),
        contribution_type: 'NEW_OFFER',
        existing_offer_id: undefined,
        existing_provider_id: providerId,
        offer_name: '!!!',
      }),
      422,
      'VALIDATION_ERROR',
      'offer_name',
    );
    // A batch is all or nothing; the field names the faulty item.
    expectError(
      await call(alice.cookie, 'POST', '/api/energy/contribute/batch', {
        contributions: [priceChange(offerId), priceChange(offerId, { offer_type: 'TEMPO' })],
      }),
      422,
      'VALIDATION_ERROR',
      'contributions.1.offer_type',
    );
    expect(await mine()).toBe(count);
  });

  it('keeps each contribution to its contributor; the demo account and anonymous callers only get errors', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    const own = data<Contribution>(
      await call(alice.cookie, 'POST', '/api/energy/contribute', priceChange(offerId)),
      201,
    );
    for (const [method, url, payload] of [
      ['PUT', `/api/energy/contributions/${own.id}`, priceChange(offerId)],
      ['DELETE', `/api/energy/contributions/${own.id}`, undefined],
      ['POST', `/api/energy/contributions/${own.id}/reply`, { message: 'Je réponds à sa place' }],
    ] as const) {
      expectError(await call(bob.cookie, method, url, payload), 404, 'CONTRIBUTION_NOT_FOUND');
      expectError(await call(undefined, method, url, payload), 401, 'UNAUTHORIZED');
    }
    const bobs = data<Contribution[]>(await call(bob.cookie, 'GET', '/api/energy/contributions'));
    expect(bobs.map((entry) => entry.id)).not.toContain(own.id);
    // Not a moderator: no queue, no decision.
    expectError(await call(alice.cookie, 'POST', `/api/energy/contributions/${own.id}/approve`), 403, 'FORBIDDEN');
    expectError(await call(alice.cookie, 'GET', '/api/energy/contributions/pending'), 403, 'FORBIDDEN');
    expectError(
      await call(alice.cookie, 'POST', '/api/energy/contribute/batch', {
        contributions: [priceChange(offerId)],
        auto_approve: true,
      }),
      403,
      'FORBIDDEN',
    );

    const demo = sessionCookie(await server.app.inject({ method: 'POST', url: '/api/accounts/demo' }));
    expectError(await call(demo, 'POST', '/api/energy/contribute', priceChange(offerId)), 403, 'DEMO_READ_ONLY');
    expect(data<Contribution[]>(await call(demo, 'GET', '/api/energy/contributions'))).toEqual([]);

    // A logged-out session and a deleted account are strangers.
    const carol = await createUser(server, 'contrib-carol');
    const carols = data<Contribution>(
      await call(carol.cookie, 'POST', '/api/energy/contribute', priceChange(offerId)),
      201,
    );
    expect((await call(carol.cookie, 'POST', '/api/accounts/logout')).statusCode).toBeLessThan(300);
    expectError(await call(carol.cookie, 'GET', '/api/energy/contributions'), 401, 'UNAUTHORIZED');
    const dave = await createUser(server, 'contrib-dave');
    data<Contribution>(await call(dave.cookie, 'POST', '/api/energy/contribute', priceChange(offerId)), 201);
    const deleted = await call(dave.cookie, 'DELETE', '/api/accounts/me', { password: dave.password });
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    expectError(await call(dave.cookie, 'GET', '/api/energy/contributions'), 401, 'UNAUTHORIZED');
    const queue = data<ModerationContribution[]>(
      await call(moderator.cookie, 'GET', '/api/energy/contributions/pending'),
    );
    expect(queue.map((entry) => entry.contributor_email)).not.toContain(dave.email);
    expect(queue.map((entry) => entry.id)).toContain(carols.id);
  });

  it('reject with a reason, edit back into the queue, withdraw; bulk reject and bulk approve', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    const first = data<Contribution>(
      await call(bob.cookie, 'POST', '/api/energy/contribute', priceChange(offerId)),
      201,
    );
    const sent = await mailMark();
    const rejected = data<Contribution>(
      await call(moderator.cookie, 'POST', `/api/energy/contributions/${first.id}/reject`, {
        reason: 'Grille illisible',
      }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', review_comment: 'Grille illisible' });
    expect(await mailsSince(sent)).toEqual([`${bob.email}: Contribution refusée — MyElectricalData`]);
    expectError(
      await call(bob.cookie, 'POST', `/api/energy/contributions/${first.id}/reply`, { message: 'x' }),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    const edited = data<Contribution>(
      await call(
        bob.cookie,
        'PUT',
        `/api/energy/contributions/${first.id}`,
        priceChange(offerId, { valid_from: '2026-03-01' }),
      ),
    );
    expect(edited).toMatchObject({ status: 'pending', valid_from: '2026-03-01', review_comment: null });
    expect((await call(bob.cookie, 'DELETE', `/api/energy/contributions/${first.id}`)).statusCode).toBe(200);
    expectError(
      await call(bob.cookie, 'DELETE', `/api/energy/contributions/${first.id}`),
      404,
      'CONTRIBUTION_NOT_FOUND',
    );

    const batch = data<Contribution[]>(
      await call(bob.cookie, 'POST', '/api/energy/contribute/batch', {
        price_sheet_url: SHEET,
        contributions: [
          priceChange(offerId, { valid_from: '2026-09-01', price_sheet_url: undefined }),
          priceChange(offerId, { valid_from: '2026-05-01', price_sheet_url: undefined }),
          priceChange(offerId, { valid_from: '2026-07-01', price_sheet_url: undefined }),
        ],
      }),
      201,
    );
    expect(batch.map((entry) => entry.valid_from)).toEqual(['2026-05-01', '2026-07-01', '2026-09-01']);
    const [may, july, september] = batch.map((entry) => entry.id);
    const refused = data<Contribution[]>(
      await call(moderator.cookie, 'POST', '/api/energy/contributions/bulk-reject', {
        contribution_ids: [july],
        reason: 'Doublon',
      }),
    );
    expect(refused.map((entry) => entry.status)).toEqual(['rejected']);
    // One settled id in a bulk approval: nothing applied.
    const offer = (await history()).find((entry) => entry.id === offerId);
    expectError(
      await call(moderator.cookie, 'POST', '/api/energy/contributions/bulk-approve', {
        contribution_ids: [september, july],
      }),
      409,
      'CONTRIBUTION_STATE_INVALID',
    );
    expect((await history()).filter((entry) => entry.series_key === offer?.series_key)).toHaveLength(1);
    const approved = data<ApprovalResult>(
      await call(moderator.cookie, 'POST', '/api/energy/contributions/bulk-approve', {
        contribution_ids: [september, may],
      }),
    );
    expect(approved.contributions.map((entry) => entry.status)).toEqual(['approved', 'approved']);
    const series = (await history()).filter((entry) => entry.series_key === offer?.series_key);
    expect(series.map((entry) => [entry.valid_from, entry.valid_to])).toEqual([
      ['2026-09-01', null],
      ['2026-05-01', '2026-08-31'],
      ['2025-01-01', '2026-04-30'],
    ]);
  });

  it('a moderator adds a new provider without a price sheet and approves the batch at once', async () => {
    const batch = data<Contribution[]>(
      await call(moderator.cookie, 'POST', '/api/energy/contribute/batch', {
        auto_approve: true,
        contributions: [
          {
            contribution_type: 'NEW_PROVIDER',
            provider_name: 'Énergie Contribuée',
            provider_website: 'https://contribuee.example',
            offer_name: 'Heures Creuses Malines',
            offer_type: 'HC_HP',
            hc_schedules: { default: ['23:00-07:00'] },
            power_variants: [
              { power_kva: 6, subscription_price: 14, prices: { hp: 0.25, hc: 0.18 } },
              { power_kva: 9, subscription_price: 17.5, hp_price: 0.25, hc_price: 0.18 },
            ],
            valid_from: '2026-01-01',
          },
        ],
      }),
      201,
    );
    expect(batch.map((entry) => entry.status)).toEqual(['approved']);
    const providers = data<EnergyProvider[]>(await call(undefined, 'GET', '/api/energy/providers'));
    const provider = providers.find((entry) => entry.name === 'Énergie Contribuée');
    expect(provider).toMatchObject({ slug: 'energie-contribuee', website: 'https://contribuee.example' });
    const offers = data<EnergyOffer[]>(
      await call(undefined, 'GET', `/api/energy/offers?provider_id=${provider?.id ?? ''}`),
    );
    expect(
      offers
        .map((offer) => [offer.record_id, offer.hp_price, offer.hc_price, offer.hc_schedules, offer.confidence])
        .sort(),
    ).toEqual([
      ['energie-contribuee:heures-creuses-malines:HC_HP:6:2026-01-01', 0.25, 0.18, { default: ['23:00-07:00'] }, 'low'],
      ['energie-contribuee:heures-creuses-malines:HC_HP:9:2026-01-01', 0.25, 0.18, { default: ['23:00-07:00'] }, 'low'],
    ]);
  });
});
