import { useState, type FormEvent } from 'react';
import type { TerritoryFlagRecord } from '@promatlas/core/api/support.schema.ts';
import { updateTerritoryFlagRoute } from '@promatlas/core/api/contract/support.ts';
import { TERRITORY_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import { api } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { ConflictDialog } from '../../../shared/record-form/ConflictDialog.tsx';
import { conflictOf } from './territory-flag-conflict.ts';
import { errorMessage, fieldMessages, ruDate, useLang } from '../support/i18n.ts';

type Flag = TerritoryFlagRecord['flag'];

interface FlagValues {
  flag: Flag;
  regionCode: string;
  municipality: string;
  validFrom: string;
  validTo: string;
  listSource: string;
}

const valuesOf = (f: TerritoryFlagRecord): FlagValues => ({
  flag: f.flag,
  regionCode: f.region.code,
  municipality: f.municipality ?? '',
  validFrom: f.validFrom ?? '',
  validTo: f.validTo ?? '',
  listSource: f.listSource,
});

const bodyOf = (v: FlagValues, version: number) => ({
  version,
  flag: v.flag,
  regionCode: v.regionCode.trim(),
  municipality: v.municipality.trim() || null,
  validFrom: v.validFrom || null,
  validTo: v.validTo || null,
  listSource: v.listSource.trim(),
});

/**
 * One territory flag opened for editing. A save against a version someone
 * else has changed meanwhile (409) opens the conflict dialog with both
 * versions side by side: save mine over the new version, or take theirs.
 */
export function TerritoryFlagEditor({
  record,
  onClose,
  onSaved,
}: {
  record: TerritoryFlagRecord;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { lang, tr } = useLang();
  const [values, setValues] = useState<FlagValues>(() => valuesOf(record));
  const [version, setVersion] = useState(record.version);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<{
    message: string;
    current: TerritoryFlagRecord | null;
    currentVersion: number;
  } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FlagValues>(key: K, value: FlagValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const labelOf = (f: Flag) =>
    lang === 'en' ? TERRITORY_FLAGS.labelsEn[f] : TERRITORY_FLAGS.labels[f];

  async function save(withVersion: number) {
    setError(null);
    setSaving(true);
    try {
      await api(updateTerritoryFlagRoute, {
        params: { id: record.id },
        body: bodyOf(values, withVersion),
      });
      onSaved();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(String(e), 0, 'client');
      if (err.status === 409 && err.code === 'conflict') {
        // The conflict carries the flag as it is now: compared without reading the list again.
        const { current, currentVersion } = conflictOf(err);
        setConflict({ message: errorMessage(err, lang), current, currentVersion });
      } else setError(err);
    } finally {
      setSaving(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(version);
  };

  const compared = (current: TerritoryFlagRecord | null) => {
    const theirs = current ? valuesOf(current) : null;
    const date = (iso: string) => (iso ? ruDate(iso) : '');
    return [
      {
        label: tr('Вид', 'Kind'),
        mine: labelOf(values.flag),
        theirs: theirs ? labelOf(theirs.flag) : '',
      },
      {
        label: tr('Код региона', 'Region code'),
        mine: values.regionCode,
        theirs: theirs?.regionCode ?? '',
      },
      {
        label: tr('Муниципальное образование', 'Municipality'),
        mine: values.municipality,
        theirs: theirs?.municipality ?? '',
      },
      {
        label: tr('Действует с', 'Valid from'),
        mine: date(values.validFrom),
        theirs: date(theirs?.validFrom ?? ''),
      },
      {
        label: tr('Действует по', 'Valid to'),
        mine: date(values.validTo),
        theirs: date(theirs?.validTo ?? ''),
      },
      {
        label: tr('Источник перечня', 'List source'),
        mine: values.listSource,
        theirs: theirs?.listSource ?? '',
      },
    ];
  };

  const problems = error ? fieldMessages(error, lang) : [];
  return (
    <form
      className="support-form"
      onSubmit={onSubmit}
      data-testid="territory-flag-editor"
      noValidate
    >
      <h3>
        {tr('Изменить отметку', 'Edit the flag')} · {record.region.name}
      </h3>
      <label>
        {tr('Вид', 'Kind')}
        <select
          name="flag"
          value={values.flag}
          onChange={(e) => set('flag', e.target.value as Flag)}
        >
          {TERRITORY_FLAGS.values.map((f) => (
            <option key={f} value={f}>
              {labelOf(f)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('Код региона', 'Region code')}
        <input
          name="regionCode"
          value={values.regionCode}
          onChange={(e) => set('regionCode', e.target.value)}
        />
      </label>
      <label>
        {tr('Муниципальное образование (для моногорода)', 'Municipality (single-industry town)')}
        <input
          name="municipality"
          value={values.municipality}
          onChange={(e) => set('municipality', e.target.value)}
        />
      </label>
      <label>
        {tr('Действует с', 'Valid from')}
        <input
          type="date"
          name="validFrom"
          value={values.validFrom}
          onChange={(e) => set('validFrom', e.target.value)}
        />
      </label>
      <label>
        {tr('Действует по', 'Valid to')}
        <input
          type="date"
          name="validTo"
          value={values.validTo}
          onChange={(e) => set('validTo', e.target.value)}
        />
      </label>
      <label>
        {tr('Источник перечня (документ, дата)', 'List source (document, date)')}
        <input
          name="listSource"
          value={values.listSource}
          onChange={(e) => set('listSource', e.target.value)}
        />
      </label>
      <button type="submit" disabled={saving} data-testid="territory-flag-save">
        {tr('Сохранить', 'Save')}
      </button>{' '}
      <button type="button" onClick={onClose}>
        {tr('Отмена', 'Cancel')}
      </button>
      {error ? (
        <div className="error" role="alert" data-testid="territory-flag-edit-error">
          <p>{errorMessage(error, lang)}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={compared(conflict.current)}
          currentVersion={conflict.currentVersion}
          onReapply={() => {
            const next = conflict.currentVersion;
            setConflict(null);
            setVersion(next);
            void save(next);
          }}
          onTakeCurrent={() => {
            if (conflict.current) setValues(valuesOf(conflict.current));
            setVersion(conflict.currentVersion);
            setConflict(null);
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </form>
  );
}
