import { useState } from 'react';
import { OrganisationPicker } from '../../shared/form/OrganisationPicker.tsx';
import { useRegions } from '../../shared/lib/regions.ts';
import { PersonPicker } from './PersonPicker.tsx';
import type { T } from './work-i18n.ts';

/** A responsible party or co-executor as the form keeps it: type, id and the title shown. */
export interface PartyValue {
  type: 'organisation' | 'region' | 'person';
  id: string;
  title: string;
}

/**
 * Chooses an organisation (by name through the registry search), a region
 * (from the list) or a person (by name, with their current position): the three kinds of party
 * a measure can have. Any region may be named; the server checks the editor's rights.
 */
export function PartyPicker({
  value,
  onChange,
  id,
  testId,
  t,
  types = ['organisation', 'region', 'person'],
  ...aria
}: {
  value: PartyValue | null;
  onChange: (value: PartyValue | null) => void;
  id: string;
  testId: string;
  t: T;
  types?: Array<PartyValue['type']>;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [type, setType] = useState<PartyValue['type']>(value?.type ?? types[0]!);
  const regions = useRegions();
  if (value) {
    return (
      <div className="picked" data-testid={`${testId}-picked`}>
        <span className="muted small">{t(value.type)}: </span>
        <span>{value.title}</span>{' '}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('remove')}
        </button>
      </div>
    );
  }
  return (
    <div className="party-picker">
      <select
        aria-label={t('kind')}
        data-testid={`${testId}-type`}
        value={type}
        onChange={(e) => setType(e.target.value as PartyValue['type'])}
      >
        {types.map((k) => (
          <option key={k} value={k}>
            {t(k)}
          </option>
        ))}
      </select>{' '}
      {type === 'organisation' ? (
        <OrganisationPicker
          id={id}
          testId={testId}
          value={null}
          onChange={(o) => o && onChange({ type, id: String(o.id), title: o.title })}
          {...aria}
        />
      ) : type === 'region' ? (
        <select
          id={id}
          data-testid={`${testId}-region`}
          value=""
          onChange={(e) => {
            const r = regions.find((x) => x.code === e.target.value);
            if (r) onChange({ type, id: r.code, title: r.name });
          }}
          {...aria}
        >
          <option value="">{t('none')}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      ) : (
        <PersonPicker
          id={id}
          testId={`${testId}-person`}
          onChange={(person) =>
            person && onChange({ type, id: String(person.id), title: person.title })
          }
          {...aria}
        />
      )}
    </div>
  );
}
