/**
 * A repeatable pseudo-random sequence (mulberry32): every run, and the baseline and the measured side of one
 * run, read the same records in the same order, so they differ only in what they read through.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `count` indexes drawn uniformly from [0, size), the same ones for the same seed. */
export function randomIndexes(count: number, size: number, seed = 22): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Math.floor(next() * size));
}
