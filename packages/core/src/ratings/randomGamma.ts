/**
 * A draw from the gamma distribution with the given shape and scale 1, by
 * Marsaglia & Tsang, "A simple method for generating gamma variables", ACM
 * TOMS 26(3), 2000. For shape < 1 it uses their boost:
 * Gamma(k) = Gamma(k + 1) · U^(1/k). Normal deviates come from Box–Muller.
 * Shape 0 gives 0 (the degenerate distribution), so a zero weight stays zero
 * in a Dirichlet draw. `random` must return uniform floats in [0, 1).
 */
export function randomGamma(shape: number, random: () => number): number {
  if (!(shape >= 0) || !Number.isFinite(shape))
    throw new RangeError(`параметр формы гамма-распределения должен быть ≥ 0, получено ${shape}`);
  if (shape === 0) return 0;
  if (shape < 1) return randomGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random(); // (0, 1], so log(u) is finite
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
