/**
 * The set of meters the emulator knows: sandbox fake clients, demo meters and meters from the options.
 * Defaults that are not given are derived from the PRM, so a configured meter is stable across runs.
 */
import { isIsoDate } from '@med/core';
import { seededRandom } from '../generator/prng.ts';
import { CITY_POOL, STREET_POOL } from './addresses.ts';
import { DEMO_METERS } from './demo.ts';
import { parseOffpeakRange } from './offpeak.ts';
import { SANDBOX_CLIENTS, sandboxMeterInputs } from './sandbox.ts';
import type { MeterAddress, MeterCustomer, MeterDefinition, MeterInput } from './types.ts';

const PRM = /^\d{14}$/;
const FIRST_NAMES = ['Jeanne', 'Louis', 'Camille', 'Hugo', 'Léa', 'Paul', 'Chloé', 'Lucas', 'Manon', 'Jules'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function defaultAddress(prm: string, given: Partial<MeterAddress> | undefined): MeterAddress {
  const random = seededRandom(prm, 'address');
  const city = pick(CITY_POOL, random);
  const street = `${1 + Math.floor(random() * 90)} ${pick(STREET_POOL, random)}`;
  return { street, ...city, ...given };
}

function defaultCustomer(prm: string, sandboxClient: number | null, given: Partial<MeterCustomer> | undefined) {
  // Meters of one sandbox client belong to one person, like the three PRMs of client 7.
  const random = seededRandom(sandboxClient === null ? prm : `sandbox-client-${sandboxClient}`, 'customer');
  const firstname = pick(FIRST_NAMES, random);
  const lastname = pick(LAST_NAMES, random);
  const customer: MeterCustomer = {
    customerId: String(1_000_000_000 + Math.floor(random() * 8_999_999_999)),
    title: FIRST_NAMES.indexOf(firstname) % 2 === 0 ? 'Mme' : 'M',
    firstname,
    lastname,
    email: `${firstname}.${lastname}@example.fr`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
    phone: `06${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
  };
  return { ...customer, ...given };
}

/** Applies defaults and checks a meter input; throws a `RangeError` naming the bad field. */
export function defineMeter(input: MeterInput): MeterDefinition {
  const { prm } = input;
  if (!PRM.test(prm)) {
    throw new RangeError(`meter prm must be 14 digits, got "${prm}"`);
  }
  const random = seededRandom(prm, 'defaults');
  const activationDate = input.activationDate ?? `2018-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
  if (!isIsoDate(activationDate)) {
    throw new RangeError(`meter ${prm}: activationDate must be YYYY-MM-DD`);
  }
  const stepMinutes = input.stepMinutes ?? 30;
  if (![5, 10, 15, 20, 30, 60].includes(stepMinutes)) {
    throw new RangeError(`meter ${prm}: unsupported stepMinutes`);
  }
  for (const [name, value, minimum] of [
    ['subscribedKva', input.subscribedKva, 1],
    ['dailyKwh', input.dailyKwh, 0],
    ['peakKw', input.peakKw, 0],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= minimum)) {
      throw new RangeError(`meter ${prm}: ${name} must be a number ≥ ${minimum}`);
    }
  }
  const directions = input.directions ?? ['consumption'];
  if (directions.length === 0) {
    throw new RangeError(`meter ${prm}: directions must not be empty`);
  }
  const offpeakHours = input.offpeakHours === undefined ? ['22:00-06:00'] : input.offpeakHours;
  offpeakHours?.forEach(parseOffpeakRange);
  const sandboxClient = input.sandboxClient ?? null;
  return {
    prm,
    label: input.label ?? `Compteur ${prm}`,
    directions: [...new Set(directions)],
    netMetering: input.netMetering ?? false,
    activationDate,
    subscribedKva: input.subscribedKva ?? 6,
    offpeakHours,
    loadCurve: input.loadCurve ?? true,
    stepMinutes,
    dailyKwh: input.dailyKwh ?? 15,
    electricHeating: input.electricHeating ?? true,
    peakKw: input.peakKw ?? 3,
    occupiedMonths: input.occupiedMonths ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    holesOnWeekdays: input.holesOnWeekdays ?? [],
    revoked: input.revoked ?? false,
    preConsented: input.preConsented ?? false,
    sandboxClient,
    address: defaultAddress(prm, input.address),
    customer: defaultCustomer(prm, sandboxClient, input.customer),
  };
}

/** A titled group of meters, in the order the consent page lists them. */
export interface MeterGroup {
  title: string;
  description: string;
  meters: MeterDefinition[];
}

/** The meters known to one emulator instance. */
export interface MeterCatalogue {
  get(prm: string): MeterDefinition | undefined;
  all(): MeterDefinition[];
  groups(): MeterGroup[];
  /** PRMs of sandbox fake client `n`, as the trailing digit of `state` selects them. */
  sandboxClientPrms(n: number): string[];
}

/** What decides the catalogue's content. */
export interface CatalogueOptions {
  includeSandboxMeters: boolean;
  sandboxPreConsented: boolean;
  includeDemoMeters: boolean;
  meters: readonly MeterInput[];
}

/** Builds the catalogue; a configured meter replaces a built-in one with the same PRM. */
export function buildCatalogue(options: CatalogueOptions): MeterCatalogue {
  const configured = options.meters.map(defineMeter);
  const configuredPrms = new Set(configured.map((m) => m.prm));
  const keep = (meter: MeterDefinition) => !configuredPrms.has(meter.prm);
  const sandbox = options.includeSandboxMeters
    ? sandboxMeterInputs(options.sandboxPreConsented).map(defineMeter).filter(keep)
    : [];
  const demo = options.includeDemoMeters ? DEMO_METERS.map(defineMeter).filter(keep) : [];

  const groups: MeterGroup[] = [];
  for (const client of SANDBOX_CLIENTS) {
    const meters = sandbox.filter((m) => m.sandboxClient === client.number);
    if (meters.length > 0) {
      groups.push({ title: `Client sandbox ${client.number}`, description: client.description, meters });
    }
  }
  if (demo.length > 0) {
    groups.push({ title: 'Compte de démonstration', description: 'Compteurs du compte démo', meters: demo });
  }
  if (configured.length > 0) {
    groups.push({
      title: 'Compteurs configurés',
      description: "Compteurs ajoutés dans les options de l'émulateur",
      meters: configured,
    });
  }

  const byPrm = new Map<string, MeterDefinition>();
  for (const meter of [...sandbox, ...demo, ...configured]) {
    byPrm.set(meter.prm, meter);
  }
  return {
    get: (prm) => byPrm.get(prm),
    all: () => [...byPrm.values()],
    groups: () => groups,
    sandboxClientPrms: (n) => sandbox.filter((m) => m.sandboxClient === n).map((m) => m.prm),
  };
}
