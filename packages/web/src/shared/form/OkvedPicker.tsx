import { useState } from 'react';
import { okvedProblem } from '@promatlas/core/validation/organisation-rules.ts';
import { listOkvedRoute } from '@promatlas/core/api/contract/registry.ts';
import { api, useRoute } from '../api/api.ts';
import { useDebounced } from './useDebounced.ts';

export interface OkvedValue {
  code: string;
  name: string;
  isMain: boolean;
}

/**
 * ОКВЭД2 codes of an organisation: search by code or words (GET /api/okved?q=),
 * add from the suggestions or by typing a code and pressing Enter; a code the
 * classifier does not hold is refused with the reason.
 */
export function OkvedPicker({
  value,
  onChange,
  id,
  ...aria
}: {
  value: OkvedValue[];
  onChange: (value: OkvedValue[]) => void;
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const q = useDebounced(query.trim(), 250);
  const suggestions = useRoute(listOkvedRoute, q ? { query: { q, limit: 12 } } : null);

  const add = (item: { code: string; name: string }) => {
    setProblem(null);
    setQuery('');
    if (value.some((v) => v.code === item.code)) return;
    onChange([...value, { code: item.code, name: item.name, isMain: value.length === 0 }]);
  };

  const addTyped = async () => {
    const code = query.trim();
    if (!code) return;
    const format = okvedProblem(code);
    if (format) {
      setProblem(format);
      return;
    }
    try {
      const found = await api(listOkvedRoute, { query: { q: code, limit: 50 } });
      const exact = found.items.find((item) => item.code === code);
      if (exact) add(exact);
      else setProblem(`Код ОКВЭД2 ${code} не найден в классификаторе`);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const chosen = new Set(value.map((v) => v.code));
  const items = query.trim()
    ? (suggestions.data?.items ?? []).filter(
        (item) => item.level !== 'section' && !chosen.has(item.code),
      )
    : [];
  return (
    <div className="okved-picker">
      {value.length ? (
        <ul className="chips" data-testid="okved-chosen">
          {value.map((item) => (
            <li key={item.code} className="chip" data-testid="okved-chip" data-code={item.code}>
              <code>{item.code}</code> <span className="chip-name">{item.name}</span>
              <label className="small">
                <input
                  type="radio"
                  name={`${id}-main`}
                  checked={item.isMain}
                  onChange={() =>
                    onChange(value.map((v) => ({ ...v, isMain: v.code === item.code })))
                  }
                />{' '}
                основной
              </label>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Убрать ${item.code}`}
                onClick={() => onChange(value.filter((v) => v.code !== item.code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="picker">
        <input
          id={id}
          data-testid="okved-search"
          type="search"
          autoComplete="off"
          placeholder="Код (28.30) или слова из названия, Enter — добавить код"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void addTyped();
            }
          }}
          {...aria}
        />
        {items.length ? (
          <ul className="picker-options" data-testid="okved-options">
            {items.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  data-testid="okved-option"
                  data-code={item.code}
                  onClick={() => add(item)}
                >
                  <code>{item.code}</code> {item.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {problem ? (
        <p className="field-error" role="alert" data-testid="okved-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
