import type { Pdl } from '@med/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PdlRow } from '../../src/db/database.ts';
import type { TestServer } from './test-server.ts';

let sequence = 0;

/** A fresh, valid 14-digit PDL number (unique within the process). */
export function nextPrm(): string {
  sequence += 1;
  return String(30_000_000_000_000 + (process.pid % 100_000) * 100_000 + sequence);
}

/** Adds a meter through the API and returns it. */
export async function createPdl(
  server: TestServer,
  headers: Record<string, string>,
  body: { usage_point_id?: string; name?: string } = {},
): Promise<Pdl> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/pdl',
    headers,
    payload: { usage_point_id: nextPrm(), ...body },
  });
  if (response.statusCode !== 201) {
    throw new Error(`create pdl failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<{ data: Pdl }>().data;
}

export function pdlRow(server: TestServer, id: string): Promise<PdlRow | undefined> {
  return server.deps.db.selectFrom('pdls').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRows(server: TestServer, table: 'pdls' | 'users'): Promise<number> {
  const row = await server.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asserts the error envelope `{success:false,data:null,error:{code,message},timestamp}` with status and code. */
export function expectError(response: LightMyRequestResponse, status: number, code: string, field?: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual(['data', 'error', 'success', 'timestamp']);
  expect(body).toMatchObject({ success: false, data: null, error: { code, message: expect.any(String) as string } });
  expect((body.error as { message: string }).message.length).toBeGreaterThan(0);
  expect(Number.isNaN(Date.parse(body.timestamp as string))).toBe(false);
  if (field !== undefined) {
    expect((body.error as { field?: string }).field).toBe(field);
  }
}
