import { randomGamma } from './randomGamma.ts';

/**
 * A draw from the Dirichlet distribution with parameters alpha: independent
 * gamma draws G_i ~ Gamma(alpha_i) divided by their sum. The result sums to 1
 * and has mean alpha_i / Σ alpha; entries with alpha_i = 0 are always 0. To
 * perturb weights w with concentration κ, pass alpha_i = κ · w_i / Σ w: the
 * mean is the stated weights and the larger κ, the closer the draws stay to
 * them (variance w_i(1 − w_i)/(κ + 1) for weights summing to 1).
 */
export function randomDirichlet(alpha: readonly number[], random: () => number): number[] {
  const draws = alpha.map((a) => randomGamma(a, random));
  const sum = draws.reduce((s, x) => s + x, 0);
  if (sum > 0) return draws.map((x) => x / sum);
  // Every draw underflowed (tiny shapes): fall back to the mean.
  const total = alpha.reduce((s, a) => s + a, 0);
  return alpha.map((a) => (total > 0 ? a / total : 0));
}
