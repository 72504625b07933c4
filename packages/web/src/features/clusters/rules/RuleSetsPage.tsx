import { useState, type FormEvent } from 'react';
import {
  createClusterRuleSetRoute,
  listClusterRuleSetsRoute,
  updateClusterRuleSetRoute,
} from '@promatlas/core/api/contract/support.ts';
import type { StoredClusterRuleSet } from '@promatlas/core/api/support.schema.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { useSession } from '../../../shared/auth/session.ts';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import { errorMessage, fieldMessages, percent, ruDate, useLang } from '../support/i18n.ts';
import { TerritoryFlagsSection } from './TerritoryFlagsSection.tsx';
import '../support/support.css';

type Body = StoredClusterRuleSet['body'];
/** The editable numbers of a rule set: [label ru, label en, read, write, kind]. */
const NUMBERS: ReadonlyArray<{
  key: string;
  ru: string;
  en: string;
  get: (b: Body) => number;
  set: (b: Body, v: number) => Body;
  share?: boolean;
}> = [
  {
    key: 'threshold',
    ru: 'Порог функциональной зависимости',
    en: 'Functional-dependence threshold',
    get: (b) => b.functionalDependence.threshold,
    set: (b, v) => ({ ...b, functionalDependence: { ...b.functionalDependence, threshold: v } }),
    share: true,
  },
  {
    key: 'reducedThreshold',
    ru: 'Сниженный порог (отмеченные территории)',
    en: 'Reduced threshold (flagged territories)',
    get: (b) => b.functionalDependence.reducedThreshold,
    set: (b, v) => ({
      ...b,
      functionalDependence: { ...b.functionalDependence, reducedThreshold: v },
    }),
    share: true,
  },
  {
    key: 'flaggedTerritoryShare',
    ru: 'Доля участников на отмеченных территориях',
    en: 'Share of participants in flagged territories',
    get: (b) => b.functionalDependence.flaggedTerritoryShare,
    set: (b, v) => ({
      ...b,
      functionalDependence: { ...b.functionalDependence, flaggedTerritoryShare: v },
    }),
    share: true,
  },
  {
    key: 'maxParticipantsWithoutContract',
    ru: 'Участников без договора — не более',
    en: 'Participants without a contract — at most',
    get: (b) => b.cooperation.maxParticipantsWithoutContract,
    set: (b, v) => ({ ...b, cooperation: { ...b.cooperation, maxParticipantsWithoutContract: v } }),
  },
  {
    key: 'gracePeriodYears',
    ru: 'Срок на заключение договора, лет',
    en: 'Years to sign a contract',
    get: (b) => b.cooperation.gracePeriodYears,
    set: (b, v) => ({ ...b, cooperation: { ...b.cooperation, gracePeriodYears: v } }),
  },
  {
    key: 'minIndustrialEnterprises',
    ru: 'Промышленных предприятий — не менее (N)',
    en: 'Industrial enterprises — at least (N)',
    get: (b) => b.composition.minIndustrialEnterprises,
    set: (b, v) => ({ ...b, composition: { ...b.composition, minIndustrialEnterprises: v } }),
  },
  {
    key: 'minInfrastructureOrganisations',
    ru: 'Организаций инфраструктуры — не менее',
    en: 'Infrastructure organisations — at least',
    get: (b) => b.composition.minInfrastructureOrganisations,
    set: (b, v) => ({ ...b, composition: { ...b.composition, minInfrastructureOrganisations: v } }),
  },
  {
    key: 'validityYears',
    ru: 'Срок действия заключения Минпромторга, лет',
    en: 'Validity of the Minpromtorg decision, years',
    get: (b) => b.decision.validityYears,
    set: (b, v) => ({ ...b, decision: { ...b.decision, validityYears: v } }),
  },
];
const FIELD_OF: Record<string, string> = {
  threshold: 'body.functionalDependence.threshold',
  reducedThreshold: 'body.functionalDependence.reducedThreshold',
  flaggedTerritoryShare: 'body.functionalDependence.flaggedTerritoryShare',
  maxParticipantsWithoutContract: 'body.cooperation.maxParticipantsWithoutContract',
  gracePeriodYears: 'body.cooperation.gracePeriodYears',
  minIndustrialEnterprises: 'body.composition.minIndustrialEnterprises',
  minInfrastructureOrganisations: 'body.composition.minInfrastructureOrganisations',
  validityYears: 'body.decision.validityYears',
};

/** «Правила проверки кластеров»: the stored versions of the ПП 779 rule set, and the territory flags. */
export function RuleSetsPage() {
  const { lang, toggle, tr } = useLang();
  useTitle(tr('Правила проверки кластеров', 'Cluster rule sets'));
  const list = useRoute(listClusterRuleSetsRoute, {});
  const items = list.data?.items ?? [];
  const [selected, setSelected] = useState<number | null>(null);
  const current = items.find((r) => r.id === selected) ?? null;
  return (
    <div className="support-page" data-testid="rule-sets">
      <div className="support-head">
        <h1>{tr('Правила проверки промышленных кластеров', 'Industrial-cluster rule sets')}</h1>
        <button type="button" className="link-button" onClick={toggle}>
          {lang === 'ru' ? 'English' : 'Русский'}
        </button>
      </div>
      <p className="muted">
        {tr(
          'Проверка кластера на дату применяет опубликованную версию, действующую на эту дату. Формат версии — тот же, что у promatlas clusters check --rules.',
          'A check as of a date applies the published version in force on it. A version has the format of promatlas clusters check --rules.',
        )}
      </p>
      <table className="data-table" data-testid="rule-set-list">
        <thead>
          <tr>
            <th>{tr('Набор', 'Rule set')}</th>
            <th>{tr('Версия', 'Version')}</th>
            <th>{tr('Действует', 'In force')}</th>
            <th>{tr('Порог', 'Threshold')}</th>
            <th>N</th>
            <th>{tr('Опубликован', 'Published')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid={`rule-set-${r.id}`}>
              <td>
                <button type="button" className="link-button" onClick={() => setSelected(r.id)}>
                  {lang === 'en' ? r.body.titleEn : r.title}
                </button>
              </td>
              <td>
                {r.ruleVersion} · {tr('правка', 'revision')} {r.version}
              </td>
              <td>
                {ruDate(r.inForceFrom)} —{' '}
                {r.inForceTo ? ruDate(r.inForceTo) : tr('без срока', 'open')}
              </td>
              <td>
                {percent(r.body.functionalDependence.threshold)} /{' '}
                {percent(r.body.functionalDependence.reducedThreshold)}
              </td>
              <td>{r.body.composition.minIndustrialEnterprises}</td>
              <td>{r.published ? tr('да', 'yes') : tr('черновик', 'draft')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current ? (
        <RuleSetEditor
          key={`${current.id}-${current.version}`}
          ruleSet={current}
          onSaved={(id) => {
            setSelected(id);
            list.reload();
          }}
        />
      ) : null}
      <TerritoryFlagsSection />
    </div>
  );
}

function RuleSetEditor({
  ruleSet,
  onSaved,
}: {
  ruleSet: StoredClusterRuleSet;
  onSaved: (id: number) => void;
}) {
  const { lang, tr } = useLang();
  const session = useSession();
  const admin = session.user?.role === 'administrator';
  const [body, setBody] = useState<Body>(ruleSet.body);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(NUMBERS.map((n) => [n.key, String(n.get(ruleSet.body))])),
  );
  const [from, setFrom] = useState(ruleSet.inForceFrom);
  const [to, setTo] = useState(ruleSet.inForceTo ?? '');
  const [published, setPublished] = useState(ruleSet.published);
  const [newVersion, setNewVersion] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** The body with the typed numbers; a text that is not a number goes as it is, for the server to name. */
  function edited(): Body {
    let b = body;
    for (const n of NUMBERS) {
      const text = (texts[n.key] ?? '').replace(',', '.').trim();
      b = n.set(b, /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : (text as unknown as number));
    }
    return b;
  }
  async function save(event: FormEvent, asNew: boolean) {
    event.preventDefault();
    setError(null);
    setNotice(null);
    try {
      if (asNew) {
        const created = await api(createClusterRuleSetRoute, {
          body: {
            inForceFrom: from,
            inForceTo: to || null,
            published,
            body: { ...edited(), version: newVersion.trim() },
          },
        });
        onSaved(created.id);
      } else {
        await api(updateClusterRuleSetRoute, {
          params: { id: ruleSet.id },
          body: {
            version: ruleSet.version,
            inForceFrom: from,
            inForceTo: to || null,
            published,
            body: edited(),
          },
        });
        onSaved(ruleSet.id);
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(String(e), 0, 'client');
      setError(err);
      if (err.status === 409)
        setNotice(
          tr(
            'Версию изменили после того, как вы её открыли: обновите страницу и внесите правку заново.',
            'The version changed after you opened it: reload and edit again.',
          ),
        );
    }
  }
  const problems = error ? fieldMessages(error, lang) : [];
  const problemOf = (key: string) => problems.find((p) => p.field === FIELD_OF[key])?.message;
  return (
    <form
      className="support-form"
      data-testid="rule-set-editor"
      onSubmit={(e) => void save(e, false)}
    >
      <h2>
        {lang === 'en' ? ruleSet.body.titleEn : ruleSet.title} · {ruleSet.ruleVersion}
      </h2>
      <p className="muted">
        {lang === 'en' ? ruleSet.body.regulation.referenceEn : ruleSet.body.regulation.reference}
      </p>
      {!ruleSet.body.composition.verified ? (
        <p className="warning" data-testid="composition-unverified">
          {lang === 'en' ? ruleSet.body.composition.noteEn : ruleSet.body.composition.note}
        </p>
      ) : null}
      {NUMBERS.map((n) => (
        <label key={n.key}>
          {lang === 'en' ? n.en : n.ru}
          {n.share ? ` (${tr('доля от 0 до 1', 'share 0 to 1')})` : ''}
          <input
            name={n.key}
            value={texts[n.key] ?? ''}
            readOnly={!admin}
            onChange={(e) => setTexts((t) => ({ ...t, [n.key]: e.target.value }))}
            inputMode="decimal"
            aria-invalid={problemOf(n.key) ? true : undefined}
          />
          {problemOf(n.key) ? <span className="field-error">{problemOf(n.key)}</span> : null}
        </label>
      ))}
      <label>
        {tr('Действует с', 'In force from')}
        <input
          type="date"
          value={from}
          readOnly={!admin}
          onChange={(e) => setFrom(e.target.value)}
          name="inForceFrom"
        />
      </label>
      <label>
        {tr('Действует по', 'In force to')}
        <input
          type="date"
          value={to}
          readOnly={!admin}
          onChange={(e) => setTo(e.target.value)}
          name="inForceTo"
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={published}
          disabled={!admin}
          onChange={(e) => setPublished(e.target.checked)}
        />
        {tr('Опубликован (применяется к проверкам)', 'Published (applies to checks)')}
      </label>
      <details>
        <summary>
          {tr(
            'Набор правил целиком (JSON, формат --rules)',
            'The whole rule set (JSON, --rules format)',
          )}
        </summary>
        <textarea
          readOnly={!admin}
          rows={12}
          defaultValue={JSON.stringify(body, null, 2)}
          onBlur={(e) => {
            try {
              setBody(JSON.parse(e.target.value) as Body);
            } catch {
              setNotice(tr('JSON не разобран', 'The JSON does not parse'));
            }
          }}
        />
      </details>
      {admin ? (
        <p>
          <button type="submit" data-testid="rule-set-save">
            {tr('Сохранить правку', 'Save the edit')}
          </button>{' '}
          <input
            placeholder={tr(
              'новая версия, например 2026-01-01.1',
              'new version, e.g. 2026-01-01.1',
            )}
            value={newVersion}
            onChange={(e) => setNewVersion(e.target.value)}
            name="newVersion"
          />{' '}
          <button type="button" onClick={(e) => void save(e, true)} disabled={!newVersion.trim()}>
            {tr('Сохранить как новую версию', 'Save as a new version')}
          </button>
        </p>
      ) : (
        <p className="muted">
          {tr(
            'Изменять правила может администратор.',
            'Only an administrator may change the rules.',
          )}
        </p>
      )}
      {notice ? <p className="warning">{notice}</p> : null}
      {error ? (
        <div className="error" role="alert" data-testid="rule-set-error">
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
    </form>
  );
}
