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

/** Why a read is refused: no consent for this application, or the consenting customer moved out. */
export type ConsentRefusal = 'no_consent' | 'not_holder';

export class ConsentStore {
  #records = new Map<string, ConsentRecord>();
  /** PRMs whose occupant changed: every consent given before ended, reads say "not the holder". */
  #movedOut = new Set<string>();

  static #key(clientId: string, prm: string): string {
    return `${clientId}|${prm}`;
  }

  grant(record: ConsentRecord): void {
    this.#records.set(ConsentStore.#key(record.clientId, record.prm), record);
    this.#movedOut.delete(record.prm);
  }

  /** A new occupant: the contract changes hands, so every application's consent for the PRM ends. */
  moveOut(prm: string): void {
    for (const [key, record] of this.#records) {
      if (record.prm === prm) {
        this.#records.delete(key);
      }
    }
    this.#movedOut.add(prm);
  }

  revoke(clientId: string, prm: string): void {
    this.#records.delete(ConsentStore.#key(clientId, prm));
  }

  list(): ConsentRecord[] {
    return [...this.#records.values()];
  }

  clear(): void {
    this.#records.clear();
    this.#movedOut.clear();
  }

  /** `allows`, with the reason of a refusal (ADAM-DC-0008 or ADAM-DC-0007). */
  refusal(clientId: string, meter: MeterDefinition, now: Date, requireConsent: boolean): ConsentRefusal | null {
    if (this.allows(clientId, meter, now, requireConsent)) {
      return null;
    }
    return this.#movedOut.has(meter.prm) ? 'not_holder' : 'no_consent';
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
