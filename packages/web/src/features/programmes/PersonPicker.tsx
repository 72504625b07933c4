import { useState } from 'react';
import { listPeopleRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { useDebounced } from '../../shared/form/useDebounced.ts';
import { useLang } from './i18n.tsx';

/** A person as a picker hands it on: the registry id, the name, and what the list said of them. */
export interface PickedPerson {
  id: number;
  title: string;
  position: string | null;
}

/**
 * Finds a person of the registry by name (the people list's prefix search)
 * and shows each with their current position, so two namesakes are told
 * apart: the owner of a measure or a task is then chosen, not typed as a number.
 */
export function PersonPicker({
  value = null,
  onChange,
  id,
  testId,
  ...aria
}: {
  /** The person chosen (shown with a way to change it), or null to search. */
  value?: { id: number; title: string } | null;
  onChange: (person: PickedPerson | null) => void;
  id?: string;
  testId: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const people = useRoute(
    listPeopleRoute,
    q.length >= 2 && !value ? { query: { q, pageSize: 10, sort: 'name' } } : null,
  );
  if (value)
    return (
      <div className="picked" data-testid={`${testId}-picked`}>
        <span>{value.title}</span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setQuery('');
            onChange(null);
          }}
        >
          {t('изменить', 'change')}
        </button>
      </div>
    );
  const items = people.data?.items ?? [];
  return (
    <div className="picker">
      <input
        id={id}
        data-testid={testId}
        type="search"
        autoComplete="off"
        placeholder={t('Фамилия или имя', 'Surname or name')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        {...aria}
      />
      {q.length >= 2 ? (
        <ul className="picker-options" role="listbox" data-testid={`${testId}-options`}>
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                data-testid={`${testId}-option`}
                onClick={() => onChange({ id: p.id, title: p.fullName, position: p.currentTitle })}
              >
                {p.fullName}
                <span className="muted small" data-testid="person-position">
                  {' · '}
                  {p.currentTitle ?? t('должность не указана', 'no position given')}
                </span>
              </button>
            </li>
          ))}
          {!people.loading && items.length === 0 ? (
            <li className="muted small">{t('Никого не найдено', 'Nobody found')}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
