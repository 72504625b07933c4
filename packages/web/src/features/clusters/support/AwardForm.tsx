import { useState, type FormEvent } from 'react';
import { getClusterRoute, listProjectsRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  createSupportAwardRoute,
  updateSupportAwardRoute,
} from '@promatlas/core/api/contract/support.ts';
import type { SupportAward } from '@promatlas/core/api/registry.schema.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { useSession } from '../../../shared/auth/session.ts';
import {
  OrganisationPicker,
  type PickedOrganisation,
} from '../../../shared/form/OrganisationPicker.tsx';
import {
  NO_SOURCE,
  SourceFields,
  provenanceInput,
  useQuoteProblem,
  type SourceValue,
} from '../../../shared/form/SourceFields.tsx';
import { errorMessage, fieldMessages, rub, useLang } from './i18n.ts';

const QUALIFIERS = {
  exact: ['ровно', 'exactly'],
  more_than: ['более', 'more than'],
  about: ['около', 'about'],
  up_to: ['до', 'up to'],
  at_least: ['не менее', 'at least'],
  less_than: ['менее', 'less than'],
} as const;

/**
 * Records a support award: the amount with its qualifier («более 600 млн ₽»),
 * the date, who granted it, the source and the projects it covers — several
 * when the source gives one sum for them together.
 */
export function AwardForm({
  measureId,
  clusterId,
}: {
  measureId: number | null;
  clusterId: number | null;
}) {
  const session = useSession();
  const cluster = useRoute(
    getClusterRoute,
    session.user && clusterId ? { params: { id: clusterId } } : null,
  );
  const [editing, setEditing] = useState<SupportAward | null>(null);
  const { tr } = useLang();
  if (!session.user) return null;
  const awards = cluster.data?.support ?? [];
  return (
    <>
      {awards.length ? (
        <section data-testid="cluster-awards">
          <h2>{tr('Поддержка проектов кластера', 'Support of the cluster’s projects')}</h2>
          <ul>
            {awards.map((a) => (
              <li key={a.id}>
                {a.projects.map((p) => p.title).join('; ') || '—'}:{' '}
                {a.qualifier in QUALIFIERS
                  ? QUALIFIERS[a.qualifier as keyof typeof QUALIFIERS][0]
                  : a.qualifier}{' '}
                {a.amount === null ? '—' : rub(a.amount)}{' '}
                <button type="button" className="link-button" onClick={() => setEditing(a)}>
                  {tr('Изменить', 'Edit')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AwardEditor
        key={editing ? `${editing.id}-${editing.version}` : 'new'}
        measureId={measureId}
        award={editing}
        onSaved={() => {
          setEditing(null);
          cluster.reload();
        }}
      />
    </>
  );
}

function AwardEditor({
  measureId,
  award,
  onSaved,
}: {
  measureId: number | null;
  award: SupportAward | null;
  onSaved: () => void;
}) {
  const { lang, tr } = useLang();
  const session = useSession();
  const projects = useRoute(listProjectsRoute, session.user ? { query: { pageSize: 100 } } : null);
  const [provider, setProvider] = useState<PickedOrganisation | null>(
    award?.provider
      ? { id: Number(award.provider.id), title: award.provider.title, regionName: null }
      : null,
  );
  const [amount, setAmount] = useState(
    award?.amount === null || !award ? '' : String(award.amount),
  );
  const [qualifier, setQualifier] = useState<keyof typeof QUALIFIERS>(
    award && award.qualifier in QUALIFIERS ? (award.qualifier as keyof typeof QUALIFIERS) : 'exact',
  );
  const [date, setDate] = useState(award?.asOf?.from ?? '');
  const [chosen, setChosen] = useState<number[]>(
    award ? award.projects.map((p) => Number(p.id)) : [],
  );
  const [source, setSource] = useState<SourceValue>(NO_SOURCE);
  const quoteProblem = useQuoteProblem(source);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  if (!session.user) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const cleaned = amount.replace(/[\s\u00a0]/g, '').replace(',', '.');
    const fields = {
      providerId: provider?.id ?? null,
      amount:
        cleaned === ''
          ? null
          : /^-?\d+(\.\d+)?$/.test(cleaned)
            ? Number(cleaned)
            : (amount as unknown as number),
      qualifier,
      date: date || null,
      projectIds: chosen,
      ...provenanceInput(source),
    };
    try {
      const saved = award
        ? await api(updateSupportAwardRoute, {
            params: { id: award.id },
            body: { version: award.version, ...fields },
          })
        : await api(createSupportAwardRoute, { body: { measureId, ...fields } });
      setSaved(saved.id);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'client'));
    }
  }
  const problems = error ? fieldMessages(error, lang) : [];
  const errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
  return (
    <section className="support-award" data-testid="award-form">
      <h2>
        {award
          ? tr(`Изменить запись о поддержке № ${award.id}`, `Edit support award ${award.id}`)
          : tr('Записать оказанную поддержку', 'Record a support award')}
      </h2>
      <form onSubmit={(e) => void save(e)} className="support-form">
        <label htmlFor="award-provider">{tr('Кто оказал', 'Provider')}</label>
        <OrganisationPicker
          id="award-provider"
          testId="award-provider"
          value={provider}
          onChange={setProvider}
        />
        <label>
          {tr('Сумма, ₽', 'Amount, ₽')}
          <span className="inline">
            <select
              value={qualifier}
              onChange={(e) => setQualifier(e.target.value as keyof typeof QUALIFIERS)}
              data-testid="award-qualifier"
            >
              {Object.entries(QUALIFIERS).map(([value, names]) => (
                <option key={value} value={value}>
                  {names[lang === 'ru' ? 0 : 1]}
                </option>
              ))}
            </select>
            <input
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              inputMode="decimal"
              data-testid="award-amount"
            />
          </span>
        </label>
        <label>
          {tr('Дата', 'Date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <fieldset>
          <legend>
            {tr(
              'Проекты (одна сумма может относиться к нескольким)',
              'Projects (one sum may cover several)',
            )}
          </legend>
          {(projects.data?.items ?? []).map((p) => (
            <label key={p.id} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen((c) =>
                    e.target.checked ? [...c, p.id] : c.filter((id) => id !== p.id),
                  )
                }
              />
              {p.title}
            </label>
          ))}
        </fieldset>
        <SourceFields
          value={source}
          onChange={setSource}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <button type="submit" data-testid="award-save">
          {tr('Записать', 'Save')}
        </button>
      </form>
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
      {saved !== null ? (
        <p data-testid="award-saved">
          {tr('Записано', 'Saved')} (№ {saved})
        </p>
      ) : null}
    </section>
  );
}
