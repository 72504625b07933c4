/**
 * A seeded pseudo-random generator, mulberry32 (Tommy Ettinger, public
 * domain): 32 bits of state, uniform floats in [0, 1), fast, and good enough
 * for Monte Carlo over weights (not for cryptography). The same seed always
 * gives the same sequence, on every platform, so a published sensitivity
 * analysis can be reproduced from its seed. The seed is taken modulo 2^32.
 */
export function createRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
