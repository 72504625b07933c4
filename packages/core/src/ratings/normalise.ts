import { normalisationParameters, type NormalisationSpec } from './normalisationParameters.ts';
import { normaliseValue } from './normaliseValue.ts';

/**
 * Normalises a column of raw values of one indicator so that columns in
 * different units can be weighted and summed. Missing values (null, undefined,
 * NaN, ±Infinity) stay null and take no part in fitting the parameters.
 * Formulas, direction handling and the constant-column rule are documented on
 * normalisationParameters.
 *
 * @example normalise([0, 5, 10], { method: 'min_max', direction: 'lower_is_better' }) // [1, 0.5, 0]
 */
export function normalise(
  values: readonly (number | null | undefined)[],
  spec: NormalisationSpec,
): (number | null)[] {
  const parameters = normalisationParameters(values, spec);
  if (parameters === null) return values.map(() => null);
  return values.map((v) => normaliseValue(v, parameters));
}
