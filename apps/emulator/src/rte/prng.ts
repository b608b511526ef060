/**
 * Deterministic randomness. Every generated value in the RTE emulator is a pure function of a string
 * key (season, date, slot…), so two emulators, or two calls, always agree, whatever order data is
 * requested in.
 */

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, well-distributed 32-bit generator; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generator seeded by a string key. */
export function randomFor(key: string): () => number {
  return seededRandom(hashString(key));
}

/** Standard normal variate (Box–Muller) from a uniform generator. */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A deterministic value in [-1, 1) for a key: small per-slot noise without keeping state. */
export function signedNoise(key: string): number {
  return randomFor(key)() * 2 - 1;
}
