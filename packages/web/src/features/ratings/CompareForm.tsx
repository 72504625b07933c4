import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ratingPaths, type EditionSummary } from './ratings-api.ts';

const optionLabel = (e: EditionSummary) =>
  `${e.year} · ${e.kind === 'published' ? 'опубликовано' : 'расчёт'} · ${e.label}`;

/** Two edition pickers that open the comparison page. */
export function CompareForm({
  editions,
  initialBefore,
  initialAfter,
}: {
  editions: EditionSummary[];
  initialBefore?: number | undefined;
  initialAfter?: number | undefined;
}) {
  const sorted = [...editions].sort((a, b) => a.year - b.year || a.id - b.id);
  const [before, setBefore] = useState<number>(initialBefore ?? sorted[0]?.id ?? 0);
  const [after, setAfter] = useState<number>(initialAfter ?? sorted[sorted.length - 1]?.id ?? 0);
  const navigate = useNavigate();
  return (
    <form
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(ratingPaths.compare(before, after));
      }}
    >
      <label>
        Раньше{' '}
        <select
          value={before}
          onChange={(e) => setBefore(Number(e.target.value))}
          data-testid="compare-before"
        >
          {sorted.map((e) => (
            <option key={e.id} value={e.id}>
              {optionLabel(e)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Позже{' '}
        <select
          value={after}
          onChange={(e) => setAfter(Number(e.target.value))}
          data-testid="compare-after"
        >
          {sorted.map((e) => (
            <option key={e.id} value={e.id}>
              {optionLabel(e)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={before === after} data-testid="compare-submit">
        Сравнить
      </button>
    </form>
  );
}
