import type { ConsentRecord } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { groupConsentVisits, recordEnding } from './consentHistory.ts';

function record(id: string, flowId: string, grantedAt: string, overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  const expires = new Date(grantedAt);
  expires.setUTCFullYear(expires.getUTCFullYear() + 3);
  return {
    id,
    flow_id: flowId,
    usage_point_id: id.padStart(14, '0'),
    pdl_name: null,
    status: 'active',
    granted_at: grantedAt,
    expires_at: expires.toISOString(),
    ended_at: null,
    end_reason: null,
    ...overrides,
  };
}

describe('groupConsentVisits', () => {
  it('groups the meters of one visit to Enedis, newest visit first, with its date and expiry', () => {
    const first = record('1', 'flow-a', '2025-03-01T10:00:00.000Z', {
      status: 'ended',
      end_reason: 'renewed',
      ended_at: '2026-12-02T09:00:00.000Z',
    });
    const revoked = record('2', 'flow-b', '2026-12-02T09:00:00.000Z', {
      status: 'revoked',
      end_reason: 'revoked_by_enedis',
      ended_at: '2026-12-02T09:00:00.000Z',
    });
    const renewed = record('1', 'flow-b', '2026-12-02T09:00:00.000Z', { pdl_name: 'Maison' });
    // The server sends the newest first.
    expect(groupConsentVisits([revoked, renewed, first])).toEqual([
      {
        flowId: 'flow-b',
        grantedAt: '2026-12-02T09:00:00.000Z',
        expiresAt: '2029-12-02T09:00:00.000Z',
        records: [revoked, renewed],
      },
      {
        flowId: 'flow-a',
        grantedAt: '2025-03-01T10:00:00.000Z',
        expiresAt: '2028-03-01T10:00:00.000Z',
        records: [first],
      },
    ]);
  });

  it('orders visits by date even when the records come mixed, and keeps the earliest dates of a visit', () => {
    const late = record('1', 'flow-b', '2026-01-01T00:00:00.001Z');
    const early = record('2', 'flow-a', '2025-01-01T00:00:00.000Z');
    const sameVisitEarlier = record('3', 'flow-b', '2026-01-01T00:00:00.000Z');
    const visits = groupConsentVisits([early, late, sameVisitEarlier]);
    expect(visits.map((visit) => visit.flowId)).toEqual(['flow-b', 'flow-a']);
    expect(visits[0]?.grantedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(visits[0]?.expiresAt).toBe('2029-01-01T00:00:00.000Z');
    expect(visits[0]?.records).toEqual([late, sameVisitEarlier]);
  });

  it('has nothing to show for no records', () => {
    expect(groupConsentVisits([])).toEqual([]);
  });
});

describe('recordEnding', () => {
  it('says nothing while a consent runs', () => {
    expect(recordEnding(record('1', 'f', '2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('gives the reason and date of an ended or revoked record', () => {
    expect(
      recordEnding(
        record('1', 'f', '2026-01-01T00:00:00Z', {
          status: 'revoked',
          end_reason: 'holder_changed',
          ended_at: '2026-06-01T00:00:00Z',
        }),
      ),
    ).toEqual({ reason: 'holder_changed', at: '2026-06-01T00:00:00Z' });
    expect(
      recordEnding(
        record('1', 'f', '2026-01-01T00:00:00Z', { status: 'ended', end_reason: 'removed', ended_at: null }),
      ),
    ).toEqual({ reason: 'removed', at: null });
  });

  it('shows a record past its expiry as having reached its end on its expiry date', () => {
    expect(recordEnding(record('1', 'f', '2023-01-01T00:00:00.000Z', { status: 'expired' }))).toEqual({
      reason: 'expired',
      at: '2026-01-01T00:00:00.000Z',
    });
  });
});
