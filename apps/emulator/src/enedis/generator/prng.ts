/**
 * Deterministic pseudo-random numbers. The emulator must answer the same request with the same body
 * forever (tests, caches and benchmarks compare bodies), so every random draw comes from a generator
 * seeded by what it describes (PRM, date, purpose), never from `Math.random`.
 */

/** 32-bit FNV-1a hash of a string, finished with a murmur-style avalanche so close inputs diverge. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A uniform generator over [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast, good enough statistical quality for synthetic meter data. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generator seeded by the given parts, e.g. `seededRandom(prm, date, 'weather')`. */
export function seededRandom(...parts: Array<string | number>): Random {
  return mulberry32(hashString(parts.join('|')));
}

/** Uniform value in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Roughly normal value (mean 0, standard deviation 1) from a sum of uniforms; never beyond ±4.3. */
export function gaussian(random: Random): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    sum += random();
  }
  return (sum - 3) * Math.SQRT2;
}
