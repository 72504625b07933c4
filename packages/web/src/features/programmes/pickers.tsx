import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { getPersonRoute } from '@promatlas/core/api/contract/registry.ts';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { MEASURE_PARTY_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { useRoute } from '../../shared/api/api.ts';
import { SearchPicker, usePickerQuery } from './SearchPicker.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { useLang } from './i18n.tsx';
import { PersonPicker } from './PersonPicker.tsx';

export interface Picked {
  id: number;
  title: string;
}

/** Finds a record of one type by name through the registry search (organisation, person, event, plan). */
export function RecordPicker({
  types,
  value,
  onChange,
  id,
  testId,
  ...aria
}: {
  types: 'organisation' | 'person' | 'event' | 'action_plan';
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  id?: string;
  testId: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useLang();
  const search = usePickerQuery(!value);
  const results = useRoute(
    searchRoute,
    search.q ? { query: { q: search.q, types, limit: 10 } } : null,
  );
  return (
    <SearchPicker
      picked={value?.title ?? null}
      onClear={() => onChange(null)}
      search={search}
      loading={results.loading}
      options={(results.data?.items ?? []).map((item) => ({
        key: item.id,
        pick: () => onChange({ id: Number(item.id), title: item.title }),
        content: (
          <>
            {item.title}
            {item.subtitle ? <span className="muted small"> · {item.subtitle}</span> : null}
          </>
        ),
      }))}
      placeholder={t('Начните вводить название', 'Start typing a name')}
      change={t('изменить', 'change')}
      empty={t('Ничего не найдено', 'Nothing found')}
      id={id}
      testId={testId}
      {...aria}
    />
  );
}

/** The positions a person has held (a participant or signatory «with the position held then»). */
export function PositionSelect({
  personId,
  value,
  onChange,
  testId,
}: {
  personId: number;
  value: number | null;
  onChange: (id: number | null) => void;
  testId: string;
}) {
  const { t } = useLang();
  const person = useRoute(getPersonRoute, { params: { id: personId } });
  const positions = person.data?.positions ?? [];
  return (
    <select
      data-testid={testId}
      aria-label={t('Должность', 'Position')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">{t('— должность не указана —', '— no position —')}</option>
      {positions.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}
          {p.organisation ? ` · ${p.organisation.title}` : ''}
        </option>
      ))}
    </select>
  );
}

/** A responsible party: an organisation, a region or a person. */
export type PartyValue =
  { type: 'organisation' | 'person'; picked: Picked | null } | { type: 'region'; code: string };

export const EMPTY_PARTY: PartyValue = { type: 'organisation', picked: null };

export function partyInput(
  value: PartyValue,
): { type: 'organisation' | 'person' | 'region'; id: string } | null {
  if (value.type === 'region') return value.code ? { type: 'region', id: value.code } : null;
  return value.picked ? { type: value.type, id: String(value.picked.id) } : null;
}

export function PartyPicker({
  value,
  onChange,
  user,
  testId,
}: {
  value: PartyValue;
  onChange: (value: PartyValue) => void;
  user: User;
  testId: string;
}) {
  const { label, t } = useLang();
  return (
    <span className="party-picker">
      <select
        aria-label={t('Кто отвечает', 'Responsible')}
        data-testid={`${testId}-type`}
        value={value.type}
        onChange={(e) => {
          const type = e.target.value as PartyValue['type'];
          onChange(type === 'region' ? { type, code: '' } : { type, picked: null });
        }}
      >
        {MEASURE_PARTY_TYPES.values.map((type) => (
          <option key={type} value={type}>
            {label(MEASURE_PARTY_TYPES, type)}
          </option>
        ))}
      </select>{' '}
      {value.type === 'region' ? (
        <RegionSelect
          user={{ ...user, role: 'administrator' }}
          id={`${testId}-region`}
          data-testid={`${testId}-region`}
          value={value.code}
          onChange={(code) => onChange({ type: 'region', code })}
        />
      ) : value.type === 'person' ? (
        <PersonPicker
          value={value.picked}
          onChange={(person) =>
            onChange({ type: 'person', picked: person && { id: person.id, title: person.title } })
          }
          testId={testId}
        />
      ) : (
        <RecordPicker
          key={value.type}
          types={value.type}
          value={value.picked}
          onChange={(picked) => onChange({ type: value.type, picked })}
          testId={testId}
        />
      )}
    </span>
  );
}
