/**
 * Consents recorded per (application, PRM), as Enedis stores them after the consent page. In v5 the
 * authorization `code` is useless; data access depends only on this record (reference §A2).
 */
import type { MeterDefinition } from '../meters/types.ts';

export interface ConsentRecord {
  clientId: string;
  prm: string;
  grantedAt: Date;
  expiresAt: Date;
}

export class ConsentStore {
  #records = new Map<string, ConsentRecord>();

  static #key(clientId: string, prm: string): string {
    return `${clientId}|${prm}`;
  }

  grant(record: ConsentRecord): void {
    this.#records.set(ConsentStore.#key(record.clientId, record.prm), record);
  }

  revoke(clientId: string, prm: string): void {
    this.#records.delete(ConsentStore.#key(clientId, prm));
  }

  list(): ConsentRecord[] {
    return [...this.#records.values()];
  }

  clear(): void {
    this.#records.clear();
  }

  /**
   * Whether `clientId` may read `meter` at `now`. A revoked meter (sandbox client 8) never passes;
   * otherwise `requireConsent: false` or a pre-consented meter (the sandbox) always passes.
   */
  allows(clientId: string, meter: MeterDefinition, now: Date, requireConsent: boolean): boolean {
    if (meter.revoked) {
      return false;
    }
    if (!requireConsent || meter.preConsented) {
      return true;
    }
    const record = this.#records.get(ConsentStore.#key(clientId, meter.prm));
    return record !== undefined && record.expiresAt.getTime() > now.getTime();
  }
}
