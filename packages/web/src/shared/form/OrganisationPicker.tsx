import { useState } from 'react';
import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../api/api.ts';
import { useDebounced } from './useDebounced.ts';

export interface PickedOrganisation {
  id: number;
  title: string;
  regionName: string | null;
}

/** Finds an organisation by name through the registry search (GET /api/search?types=organisation). */
export function OrganisationPicker({
  value,
  onChange,
  id,
  testId,
  ...aria
}: {
  value: PickedOrganisation | null;
  onChange: (value: PickedOrganisation | null) => void;
  id: string;
  testId: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const results = useRoute(
    searchRoute,
    q.length >= 2 && !value ? { query: { q, types: 'organisation', limit: 10 } } : null,
  );
  if (value) {
    return (
      <div className="picked" data-testid={`${testId}-picked`}>
        <span>{value.title}</span>
        {value.regionName ? <span className="muted small"> · {value.regionName}</span> : null}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          изменить
        </button>
      </div>
    );
  }
  const items = results.data?.items ?? [];
  return (
    <div className="picker">
      <input
        id={id}
        data-testid={testId}
        type="search"
        autoComplete="off"
        placeholder="Начните вводить название"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        {...aria}
      />
      {q.length >= 2 ? (
        <ul className="picker-options" role="listbox" data-testid={`${testId}-options`}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                data-testid={`${testId}-option`}
                onClick={() =>
                  onChange({
                    id: Number(item.id),
                    title: item.title,
                    regionName: item.region?.name ?? null,
                  })
                }
              >
                {item.title}
                {item.subtitle ? <span className="muted small"> · {item.subtitle}</span> : null}
              </button>
            </li>
          ))}
          {!results.loading && items.length === 0 ? (
            <li className="muted small">Ничего не найдено</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
