/**
 * Exact money. Floating-point euros drift (0.1 + 0.2), and a year of half-hours is 17,520 products, so
 * the engine never multiplies floats:
 * - prices are integer micro-euros (the data set has at most 6 decimals);
 * - energy is integer watt-minutes (W × minutes: exact for every Enedis step, 1 kWh = 60,000 W·min);
 * - an energy amount is W·min × µ€/kWh, i.e. in units of 1/60,000 µ€ ("energy units");
 * - a subscription day is monthly × 12 / 365, i.e. monthly µ€ × 12 in units of 1/365 µ€ ("subscription units").
 * One day's amounts stay far below 2^53, so they are plain numbers; sums over longer periods are
 * bigint. Rounding to the cent happens once, on the final figure (half away from zero).
 */

export const WATT_MINUTES_PER_KWH = 60_000;
/** Days of the year used to spread the yearly subscription (tariff-rules §8 convention). */
export const SUBSCRIPTION_DAYS_PER_YEAR = 365;
const MICRO = 1_000_000;
const MICRO_PER_CENT = 10_000n;
const ENERGY_DENOMINATOR = BigInt(WATT_MINUTES_PER_KWH);
const SUBSCRIPTION_DENOMINATOR = BigInt(SUBSCRIPTION_DAYS_PER_YEAR);

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

/**
 * Micro-euros of a price written as a number (`0.1952`) or a decimal string (`"0.195200"`). Reads the
 * decimal text, not the binary float, so `0.1952` is exactly 195,200. More than 6 decimals is refused
 * rather than silently rounded.
 */
export function toMicroEuros(value: number | string): number {
  // String(number) is the shortest round-trip text; exponent forms (1e-7) are refused by the pattern.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new RangeError(`price must be a decimal with at most 6 decimals, got "${String(value)}"`);
  }
  const [, sign, whole, fraction = ''] = match;
  const micro = Number(whole) * MICRO + Number(fraction.padEnd(6, '0'));
  if (!Number.isSafeInteger(micro)) {
    throw new RangeError(`price out of range: "${String(value)}"`);
  }
  return sign === '-' ? -micro : micro;
}

/** An exact amount: energy units (1/60,000 µ€) plus subscription units (1/365 µ€). */
export interface ExactAmount {
  energy: bigint;
  subscription: bigint;
}

export const zeroAmount = (): ExactAmount => ({ energy: 0n, subscription: 0n });

/** Adds one day's amounts (plain numbers, exact integers) into a running exact sum. */
export function addDay(sum: ExactAmount, energyUnits: number, subscriptionUnits: number): void {
  sum.energy += BigInt(energyUnits);
  sum.subscription += BigInt(subscriptionUnits);
}

/** Rounds `numerator / denominator` to the nearest integer, halves away from zero. */
function roundDivide(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** Energy units to cents. */
export function energyCents(energyUnits: bigint): number {
  return Number(roundDivide(energyUnits, ENERGY_DENOMINATOR * MICRO_PER_CENT));
}

/** Subscription units to cents. */
export function subscriptionCents(subscriptionUnits: bigint): number {
  return Number(roundDivide(subscriptionUnits, SUBSCRIPTION_DENOMINATOR * MICRO_PER_CENT));
}

/** Energy plus subscription, rounded once (so the total may differ by a cent from the sum of the rounded parts). */
export function totalCents(amount: ExactAmount): number {
  const numerator = amount.energy * SUBSCRIPTION_DENOMINATOR + amount.subscription * ENERGY_DENOMINATOR;
  return Number(roundDivide(numerator, ENERGY_DENOMINATOR * SUBSCRIPTION_DENOMINATOR * MICRO_PER_CENT));
}

/** Cents as euros for display and JSON (`1234` → `12.34`). */
export const centsToEuros = (cents: number): number => Math.round(cents) / 100;

/** Watt-minutes as kWh, to the Wh (energy figures are reported, not summed again). */
export const wattMinutesToKwh = (wattMinutes: number): number => Math.round(wattMinutes / 60) / 1000;
