import { listPeopleRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { SearchPicker, usePickerQuery } from './SearchPicker.tsx';
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
  const search = usePickerQuery(!value);
  const people = useRoute(
    listPeopleRoute,
    search.q ? { query: { q: search.q, pageSize: 10, sort: 'name' } } : null,
  );
  return (
    <SearchPicker
      picked={value?.title ?? null}
      onClear={() => onChange(null)}
      search={search}
      loading={people.loading}
      options={(people.data?.items ?? []).map((p) => ({
        key: p.id,
        pick: () => onChange({ id: p.id, title: p.fullName, position: p.currentTitle }),
        content: (
          <>
            {p.fullName}
            <span className="muted small" data-testid="person-position">
              {' · '}
              {p.currentTitle ?? t('должность не указана', 'no position given')}
            </span>
          </>
        ),
      }))}
      placeholder={t('Фамилия или имя', 'Surname or name')}
      change={t('изменить', 'change')}
      empty={t('Никого не найдено', 'Nobody found')}
      id={id}
      testId={testId}
      {...aria}
    />
  );
}
