import {
  exporterReadBackSchema,
  exporterSchema,
  exporterTestResultSchema,
  exportRunReportSchema,
  haImportStartedSchema,
  haStatisticsClearedSchema,
  haStatisticsListSchema,
  type CreateExporterRequest,
  type UpdateExporterRequest,
} from '@med/contracts';
import { z } from 'zod';
import { request } from '../../api/client.ts';

const base = '/export/configs';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Client mode: every exporter with its last and next run. */
export function listExporters(signal?: AbortSignal) {
  return request('GET', base, { schema: z.array(exporterSchema), signal });
}

export function getExporter(id: string, signal?: AbortSignal) {
  return request('GET', one(id), { schema: exporterSchema, signal });
}

export function createExporter(body: CreateExporterRequest) {
  return request('POST', base, { body, schema: exporterSchema });
}

/** `config` is merged over the stored one: an absent secret is kept, `null` clears it. */
export function updateExporter(id: string, body: UpdateExporterRequest) {
  return request('PUT', one(id), { body, schema: exporterSchema });
}

export function deleteExporter(id: string) {
  return request('DELETE', one(id));
}

export function testExporter(id: string) {
  return request('POST', `${one(id)}/test`, { schema: exporterTestResultSchema });
}

export function runExporter(id: string) {
  return request('POST', `${one(id)}/run`, { schema: exportRunReportSchema });
}

export function readBackExporter(id: string) {
  return request('GET', `${one(id)}/metrics`, { schema: exporterReadBackSchema });
}

export function listHaStatistics(id: string, signal?: AbortSignal) {
  return request('GET', `${one(id)}/ha-statistics`, { schema: haStatisticsListSchema, signal });
}

export function clearHaStatistics(id: string) {
  return request('POST', `${one(id)}/ha-statistics/clear`, { schema: haStatisticsClearedSchema });
}

export function startHaImport(id: string, options: { clearFirst: boolean; incremental: boolean }) {
  return request('POST', `${one(id)}/ha-statistics/import`, {
    query: { clear_first: options.clearFirst, incremental: options.incremental },
    schema: haImportStartedSchema,
  });
}

/** Where an import's progress is streamed (Server-Sent Events: `progress`, then `done` or `error`). */
export const haImportStreamUrl = (id: string) => `/api${one(id)}/ha-statistics/import/stream`;
