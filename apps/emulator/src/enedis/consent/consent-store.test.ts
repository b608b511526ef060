import { describe, expect, it } from 'vitest';
import type { MeterDefinition } from '../meters/types.ts';
import { ConsentStore } from './consent-store.ts';

const meter = { prm: '04004253849200', preConsented: false, revoked: false } as MeterDefinition;
const now = new Date('2026-06-01T10:00:00Z');
const grant = (store: ConsentStore, clientId: string) =>
  store.grant({ clientId, prm: meter.prm, grantedAt: now, expiresAt: new Date('2029-06-01T10:00:00Z') });

describe('ConsentStore', () => {
  it('keeps consent per application and PRM, with revocation and expiry', () => {
    const store = new ConsentStore();
    expect(store.refusal('app-a', meter, now, true)).toBe('no_consent');
    grant(store, 'app-a');
    expect(store.refusal('app-a', meter, now, true)).toBeNull();
    expect(store.refusal('app-b', meter, now, true)).toBe('no_consent');
    expect(store.refusal('app-a', meter, new Date('2029-06-01T10:00:01Z'), true)).toBe('no_consent');
    store.revoke('app-a', meter.prm);
    expect(store.refusal('app-a', meter, now, true)).toBe('no_consent');
  });

  it('a new occupant ends every application’s consent and reads say "not the holder" until a new consent', () => {
    const store = new ConsentStore();
    grant(store, 'app-a');
    grant(store, 'app-b');
    store.moveOut(meter.prm);
    expect(store.refusal('app-a', meter, now, true)).toBe('not_holder');
    expect(store.refusal('app-b', meter, now, true)).toBe('not_holder');
    grant(store, 'app-a');
    expect(store.refusal('app-a', meter, now, true)).toBeNull();
    expect(store.refusal('app-b', meter, now, true)).toBe('no_consent');
  });
});
