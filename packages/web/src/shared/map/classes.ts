/**
 * Colour classes for the choropleth. Counts per region are small and skewed
 * (most regions hold no records yet), so zero gets its own neutral class and
 * the positive values are split by quantiles into at most five classes.
 */
export interface ColourClass {
  min: number;
  max: number;
  colour: string;
  label: string;
}

export const ZERO_COLOUR = '#dce2e9';
const PALETTE = ['#cfe1f2', '#93c4de', '#4a98c9', '#1764ab', '#08306b'];

function rangeLabel(min: number, max: number): string {
  const f = (n: number) => n.toLocaleString('ru-RU');
  return min === max ? f(min) : `${f(min)}–${f(max)}`;
}

export function classify(values: number[]): ColourClass[] {
  const classes: ColourClass[] = [{ min: 0, max: 0, colour: ZERO_COLOUR, label: '0' }];
  const positive = [...new Set(values.filter((v) => v > 0))].sort((a, b) => a - b);
  if (positive.length === 0) return classes;
  const count = Math.min(5, positive.length);
  // Spread the palette so that two classes are still clearly different.
  const colours = Array.from(
    { length: count },
    (_, i) =>
      PALETTE[
        count === 1 ? PALETTE.length - 2 : Math.round((i * (PALETTE.length - 1)) / (count - 1))
      ]!,
  );
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end =
      i === count - 1 ? positive.length - 1 : Math.floor(((i + 1) * positive.length) / count) - 1;
    const min = positive[start]!;
    const max = positive[Math.max(end, start)]!;
    classes.push({ min, max, colour: colours[i]!, label: rangeLabel(min, max) });
    start = Math.max(end, start) + 1;
  }
  return classes;
}

export function colourFor(value: number, classes: ColourClass[]): string {
  for (const c of classes) if (value >= c.min && value <= c.max) return c.colour;
  // Values between classes (fractional measures) take the next class up.
  return classes.find((c) => value <= c.max)?.colour ?? classes[classes.length - 1]!.colour;
}
