import { useState, type FormEvent } from 'react';
import type { TerritoryFlagRecord } from '@promatlas/core/api/support.schema.ts';
import {
  createTerritoryFlagRoute,
  deleteTerritoryFlagRoute,
  importTerritoryFlagsRoute,
  listTerritoryFlagsRoute,
} from '@promatlas/core/api/contract/support.ts';
import { TERRITORY_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { canEditRegistry } from '../../../shared/auth/permissions.ts';
import { useSession } from '../../../shared/auth/session.ts';
import { errorMessage, fieldMessages, ruDate, useLang } from '../support/i18n.ts';
import { TerritoryFlagEditor } from './TerritoryFlagEditor.tsx';
import { conflictOf } from './territory-flag-conflict.ts';

type Flag = (typeof TERRITORY_FLAGS.values)[number];

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Territory flags (regions with individual development programmes,
 * geostrategic territories, single-industry towns) with where each list came
 * from; an editor adds, changes or deletes one, an administrator loads a
 * list from CSV/XLSX.
 */
export function TerritoryFlagsSection() {
  const { lang, tr } = useLang();
  const session = useSession();
  const list = useRoute(listTerritoryFlagsRoute, {});
  const [flag, setFlag] = useState<Flag>('individual_programme');
  const [region, setRegion] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [listSource, setListSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<TerritoryFlagRecord | null>(null);
  // Flags newer than the list's copy, from 409 answers; a later read of the list supersedes them.
  const [newer, setNewer] = useState<Record<number, TerritoryFlagRecord>>({});
  const shown = (f: TerritoryFlagRecord) => {
    const n = newer[f.id];
    return n && n.version > f.version ? n : f;
  };
  // The server still checks each flag's region: a regional editor is refused another region's.
  const canEdit = canEditRegistry(session.user);
  const labelOf = (f: Flag) =>
    lang === 'en' ? TERRITORY_FLAGS.labelsEn[f] : TERRITORY_FLAGS.labels[f];

  async function run(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'client'));
    }
  }
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api(createTerritoryFlagRoute, {
        body: {
          flag,
          regionCode: region.trim(),
          municipality: municipality.trim() || null,
          listSource: listSource.trim(),
        },
      });
      return tr('Отметка добавлена', 'Flag added');
    });
  };
  const load = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void run(async () => {
      const r = await api(importTerritoryFlagsRoute, {
        body: {
          fileName: file.name,
          contentBase64: await base64Of(file),
          listSource: listSource.trim(),
        },
      });
      return tr(
        `Загружено: новых ${r.created}, уже было ${r.unchanged}`,
        `Loaded: ${r.created} new, ${r.unchanged} already present`,
      );
    });
  };
  const remove = (f: TerritoryFlagRecord) => {
    if (
      !window.confirm(
        tr(
          'Удалить отметку? Администратор сможет её восстановить.',
          'Delete the flag? An administrator can restore it.',
        ),
      )
    )
      return;
    setError(null);
    setNotice(null);
    void (async () => {
      try {
        await api(deleteTerritoryFlagRoute, {
          params: { id: f.id },
          query: { version: f.version },
        });
        if (editing?.id === f.id) setEditing(null);
        setNotice(tr('Отметка удалена', 'Flag deleted'));
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(String(e), 0, 'client');
        if (err.status === 409 && err.code === 'conflict') {
          // A stale version: the answer carries the flag as it is now, shown in its row
          // (the next delete names its version) without reading the list again.
          const { current } = conflictOf(err);
          if (current) setNewer((m) => ({ ...m, [current.id]: current }));
          setError(
            new ApiError(
              tr(
                'Отметку уже изменил кто-то другой: в строке её текущий вид, проверьте её и повторите.',
                'Someone else has changed the flag: its row shows it as it is now; check it and try again.',
              ),
              409,
              'conflict',
            ),
          );
          if (!current) list.reload();
          return;
        }
        setError(err);
      }
      list.reload();
    })();
  };
  const problems = error ? fieldMessages(error, lang) : [];
  return (
    <section data-testid="territory-flags">
      <h2>{tr('Отмеченные территории', 'Flagged territories')}</h2>
      <ul className="muted">
        {(list.data?.sources ?? []).map((s) => (
          <li key={s.flag}>{lang === 'en' ? s.noteEn : s.note}</li>
        ))}
      </ul>
      <table className="data-table">
        <thead>
          <tr>
            <th>{tr('Вид', 'Kind')}</th>
            <th>{tr('Регион', 'Region')}</th>
            <th>{tr('Муниципальное образование', 'Municipality')}</th>
            <th>{tr('Период', 'Period')}</th>
            <th>{tr('Источник перечня', 'List source')}</th>
            {canEdit ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map(shown).map((f) => (
            <tr key={f.id} data-testid={`territory-flag-${f.id}`} data-version={f.version}>
              <td>{labelOf(f.flag)}</td>
              <td>{f.region.name}</td>
              <td>{f.municipality ?? tr('весь регион', 'whole region')}</td>
              <td>
                {f.validFrom || f.validTo ? `${ruDate(f.validFrom)} — ${ruDate(f.validTo)}` : '—'}
              </td>
              <td>{f.listSource}</td>
              {canEdit ? (
                <td className="row-actions">
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`edit-territory-flag-${f.id}`}
                    onClick={() => {
                      setNotice(null);
                      setEditing(f);
                    }}
                  >
                    {tr('изменить', 'edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`delete-territory-flag-${f.id}`}
                    onClick={() => remove(f)}
                  >
                    {tr('удалить', 'delete')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && editing ? (
        <TerritoryFlagEditor
          key={editing.id}
          record={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(tr('Отметка изменена', 'Flag changed'));
            list.reload();
          }}
        />
      ) : null}
      {session.user ? (
        <>
          <form className="support-form" onSubmit={add}>
            <h3>{tr('Добавить отметку', 'Add a flag')}</h3>
            <label>
              {tr('Вид', 'Kind')}
              <select value={flag} onChange={(e) => setFlag(e.target.value as Flag)}>
                {TERRITORY_FLAGS.values.map((f) => (
                  <option key={f} value={f}>
                    {labelOf(f)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {tr('Код региона', 'Region code')}
              <input value={region} onChange={(e) => setRegion(e.target.value)} placeholder="42" />
            </label>
            <label>
              {tr(
                'Муниципальное образование (для моногорода)',
                'Municipality (single-industry town)',
              )}
              <input value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
            </label>
            <label>
              {tr('Источник перечня (документ, дата)', 'List source (document, date)')}
              <input value={listSource} onChange={(e) => setListSource(e.target.value)} />
            </label>
            <button type="submit">{tr('Добавить', 'Add')}</button>
          </form>
          <form className="support-form" onSubmit={load}>
            <h3>{tr('Загрузить перечень из CSV/XLSX', 'Load a list from CSV/XLSX')}</h3>
            <p className="muted">
              {tr(
                'Столбцы: вид, код региона, муниципальное образование, действует с, действует по. Всё или ничего: файл с ошибкой не записывается.',
                'Columns: вид, код региона, муниципальное образование, действует с, действует по. All or nothing: a file with an error writes nothing.',
              )}
            </p>
            <input
              type="file"
              accept=".csv,.xlsx"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <button type="submit" disabled={!file}>
              {tr('Загрузить', 'Load')}
            </button>
          </form>
        </>
      ) : null}
      {notice ? <p>{notice}</p> : null}
      {error ? (
        <div className="error" role="alert">
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
    </section>
  );
}
