import { useState } from 'react';
import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { useDebounced } from '../../shared/form/useDebounced.ts';

export interface PickedRecord {
  id: number;
  title: string;
}

/** Finds a site or a cluster by name through the registry search. */
export function RecordPicker({
  type,
  value,
  onChange,
  id,
  testId,
  placeholder,
  change,
  ...aria
}: {
  type: 'site' | 'cluster';
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  id: string;
  testId: string;
  placeholder: string;
  change: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const results = useRoute(
    searchRoute,
    q.length >= 2 && !value ? { query: { q, types: type, limit: 10 } } : null,
  );
  if (value)
    return (
      <div className="picked" data-testid={`${testId}-picked`}>
        <span>{value.title}</span>{' '}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {change}
        </button>
      </div>
    );
  return (
    <div className="picker">
      <input
        id={id}
        data-testid={testId}
        type="search"
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        {...aria}
      />
      {q.length >= 2 ? (
        <ul className="picker-options" role="listbox">
          {(results.data?.items ?? []).map((item) => (
            <li key={item.id}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                data-testid={`${testId}-option`}
                onClick={() => onChange({ id: Number(item.id), title: item.title })}
              >
                {item.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
