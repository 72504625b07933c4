import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  calculateSubsidyRoute,
  listSupportMeasuresRoute,
} from '@promatlas/core/api/contract/support.ts';
import type { SubsidyCalculationResponse } from '@promatlas/core/api/support.schema.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import { AwardForm } from './AwardForm.tsx';
import { errorMessage, fieldMessages, percent, rub, ruDate, useLang } from './i18n.ts';
import './support.css';

type Tri = 'yes' | 'no' | 'unknown';
interface LineDraft {
  id: string;
  description: string;
  kind: 'joint_project' | 'starter_batch_components' | 'other';
  date: string;
  amount: string;
  documented: Tri;
  supplier: Tri;
}
const KINDS: Record<LineDraft['kind'], [string, string]> = {
  joint_project: ['Совместный проект участников', 'Joint project of participants'],
  starter_batch_components: ['Стартовая партия комплектующих', 'Starter batch of components'],
  other: ['Иные затраты', 'Other costs'],
};
let nextLine = 1;
const emptyLine = (kind: LineDraft['kind']): LineDraft => ({
  id: `line-${nextLine++}`,
  description: '',
  kind,
  date: '',
  amount: '',
  documented: 'unknown',
  supplier: 'unknown',
});
const triValue = (v: Tri) => (v === 'unknown' ? undefined : v === 'yes');
/** «1 234,5» → 1234.5; anything else is sent as typed, so the server names the field. */
function amountOf(text: string): number | string {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : text;
}

/**
 * The subsidy calculator: choose a support measure, list the project's cost
 * lines, and see for each line whether it counts and why, then the share, the
 * cap per applicant and the result. Nothing is stored; an award that was
 * granted is recorded below.
 */
export function SubsidyCalculatorPage() {
  const { lang, toggle, tr } = useLang();
  useTitle(tr('Расчёт субсидии', 'Subsidy calculator'));
  const [params] = useSearchParams();
  const measures = useRoute(listSupportMeasuresRoute, {});
  const usable = (measures.data?.items ?? []).filter((m) => m.terms !== null);
  const [measureId, setMeasureId] = useState<number | null>(null);
  const measure = usable.find((m) => m.id === measureId) ?? usable[0] ?? null;
  const [applicant, setApplicant] = useState('');
  const [participant, setParticipant] = useState(true);
  const [awarded, setAwarded] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine('starter_batch_components')]);
  const [result, setResult] = useState<SubsidyCalculationResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (k: number, change: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l, i) => (i === k ? { ...l, ...change } : l)));

  async function calculate(event: FormEvent) {
    event.preventDefault();
    if (!measure) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = {
        applicant: {
          name: applicant.trim() || tr('Заявитель', 'Applicant'),
          clusterParticipant: participant,
        },
        ...(awarded.trim() ? { alreadyAwardedRub: amountOf(awarded) } : {}),
        lines: lines.map((l) => {
          const documented = triValue(l.documented);
          const supplier = triValue(l.supplier);
          return {
            id: l.id,
            description: l.description.trim() || KINDS[l.kind][0],
            kind: l.kind,
            date: l.date,
            amountRub: amountOf(l.amount),
            ...(documented === undefined ? {} : { documented }),
            ...(supplier === undefined ? {} : { supplierIsClusterParticipant: supplier }),
          };
        }),
      };
      setResult(await api(calculateSubsidyRoute, { params: { id: measure.id }, body }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'client'));
    } finally {
      setBusy(false);
    }
  }

  const problems = error ? fieldMessages(error, lang) : [];
  const lineProblem = (k: number, field: string) =>
    problems.find((p) => p.field === `lines[${k}].${field}`)?.message;
  const terms = measure?.terms ?? null;
  const descriptionOf = (id: string) => lines.find((l) => l.id === id)?.description || id;

  return (
    <div className="support-page" data-testid="subsidy-calculator">
      <div className="support-head">
        <h1>
          {tr('Расчёт субсидии по мере поддержки', 'Subsidy calculation under a support measure')}
        </h1>
        <button type="button" className="link-button" onClick={toggle} data-testid="support-lang">
          {lang === 'ru' ? 'English' : 'Русский'}
        </button>
      </div>
      {params.get('cluster') ? (
        <p className="muted">
          {tr('Расчёт для проекта участников кластера', 'For a joint project of the cluster')} №{' '}
          {params.get('cluster')}
        </p>
      ) : null}
      {measures.error ? <p className="error">{measures.error.message}</p> : null}
      <form onSubmit={(e) => void calculate(e)} className="support-form">
        <label>
          {tr('Мера поддержки', 'Support measure')}
          <select
            data-testid="measure"
            value={measure?.id ?? ''}
            onChange={(e) => setMeasureId(Number(e.target.value))}
          >
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {lang === 'en' ? m.terms!.titleEn : m.terms!.title}
              </option>
            ))}
          </select>
        </label>
        {terms ? (
          <dl className="support-terms" data-testid="measure-terms">
            <dt>{tr('Основание', 'Regulation')}</dt>
            <dd>{lang === 'en' ? terms.regulation.referenceEn : terms.regulation.reference}</dd>
            <dt>{tr('Наибольшая доля', 'Maximum share')}</dt>
            <dd>{percent(terms.maxShare)}</dd>
            <dt>{tr('Предел на получателя', 'Cap per applicant')}</dt>
            <dd>
              {terms.capPerApplicantRub === null
                ? tr('нет', 'none')
                : rub(terms.capPerApplicantRub)}
            </dd>
            <dt>{tr('Даты затрат', 'Cost dates')}</dt>
            <dd>
              {terms.costDateFrom
                ? `${tr('с', 'from')} ${ruDate(terms.costDateFrom)}`
                : tr('без начала', 'no start')}
              {terms.costDateTo ? ` ${tr('по', 'to')} ${ruDate(terms.costDateTo)}` : ''}
            </dd>
            <dt>{tr('Виды затрат', 'Eligible costs')}</dt>
            <dd>
              {terms.eligibleCostKinds.map((k) => KINDS[k][lang === 'ru' ? 0 : 1]).join('; ')}
            </dd>
            <dt>{tr('Условия', 'Conditions')}</dt>
            <dd>
              {[
                terms.conditions.applicantMustBeClusterParticipant &&
                  tr(
                    'заявитель — участник кластера из реестра',
                    'applicant in a registered cluster',
                  ),
                terms.conditions.supplierMustBeClusterParticipant &&
                  tr('покупка у другого участника', 'bought from another participant'),
                terms.conditions.documentsRequired &&
                  tr('затраты подтверждены документами', 'documented costs'),
              ]
                .filter(Boolean)
                .join('; ') || '—'}
            </dd>
            {terms.note ? (
              <>
                <dt>{tr('Примечание', 'Note')}</dt>
                <dd>{lang === 'en' ? terms.noteEn : terms.note}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <fieldset>
          <legend>{tr('Заявитель', 'Applicant')}</legend>
          <label>
            {tr('Название', 'Name')}
            <input
              value={applicant}
              onChange={(e) => setApplicant(e.target.value)}
              data-testid="applicant"
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={participant}
              onChange={(e) => setParticipant(e.target.checked)}
            />
            {tr(
              'Участник кластера из реестра Минпромторга',
              'Participant of a cluster in the Minpromtorg registry',
            )}
          </label>
          <label>
            {tr('Уже получено по этой мере, ₽', 'Already received under this measure, ₽')}
            <input
              value={awarded}
              onChange={(e) => setAwarded(e.target.value)}
              inputMode="decimal"
            />
          </label>
        </fieldset>
        <table className="data-table" data-testid="cost-lines">
          <thead>
            <tr>
              <th>{tr('Затраты', 'Cost')}</th>
              <th>{tr('Вид', 'Kind')}</th>
              <th>{tr('Дата', 'Date')}</th>
              <th>{tr('Сумма, ₽', 'Amount, ₽')}</th>
              <th>{tr('Документы', 'Documents')}</th>
              <th>{tr('Поставщик — участник', 'Supplier in cluster')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, k) => (
              <tr key={l.id} data-testid={`cost-line-${k}`}>
                <td>
                  <input
                    value={l.description}
                    onChange={(e) => update(k, { description: e.target.value })}
                    aria-label={tr('Затраты', 'Cost')}
                    name="description"
                  />
                </td>
                <td>
                  <select
                    value={l.kind}
                    onChange={(e) => update(k, { kind: e.target.value as LineDraft['kind'] })}
                    name="kind"
                  >
                    {Object.entries(KINDS).map(([value, names]) => (
                      <option key={value} value={value}>
                        {names[lang === 'ru' ? 0 : 1]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    value={l.date}
                    onChange={(e) => update(k, { date: e.target.value })}
                    name="date"
                  />
                  {lineProblem(k, 'date') ? (
                    <span className="field-error">{lineProblem(k, 'date')}</span>
                  ) : null}
                </td>
                <td>
                  <input
                    value={l.amount}
                    onChange={(e) => update(k, { amount: e.target.value })}
                    inputMode="decimal"
                    name="amount"
                  />
                  {lineProblem(k, 'amountRub') ? (
                    <span className="field-error" data-testid={`amount-error-${k}`}>
                      {lineProblem(k, 'amountRub')}
                    </span>
                  ) : null}
                </td>
                {(['documented', 'supplier'] as const).map((field) => (
                  <td key={field}>
                    <select
                      value={l[field]}
                      onChange={(e) => update(k, { [field]: e.target.value as Tri })}
                      name={field}
                    >
                      <option value="unknown">{tr('неизвестно', 'unknown')}</option>
                      <option value="yes">{tr('да', 'yes')}</option>
                      <option value="no">{tr('нет', 'no')}</option>
                    </select>
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setLines((ls) => ls.filter((_, i) => i !== k))}
                  >
                    {tr('Убрать', 'Remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button
            type="button"
            data-testid="add-line"
            onClick={() =>
              setLines((ls) => [...ls, emptyLine(terms?.eligibleCostKinds[0] ?? 'other')])
            }
          >
            {tr('Добавить строку затрат', 'Add a cost line')}
          </button>{' '}
          <button type="submit" disabled={busy || !measure} data-testid="calculate">
            {tr('Рассчитать', 'Calculate')}
          </button>
        </p>
      </form>
      {error ? (
        <div className="error" role="alert" data-testid="calculation-error">
          <p>{errorMessage(error, lang)}</p>
          {problems.length ? (
            <ul>
              {problems.map((p) => (
                <li key={p.field}>
                  <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <section data-testid="calculation-result">
          <h2>{tr('Результат', 'Result')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>{tr('Затраты', 'Cost')}</th>
                <th>{tr('Учтено', 'Counts')}</th>
                <th>{tr('Почему', 'Why')}</th>
                <th>{tr('Учтённая сумма', 'Eligible amount')}</th>
                <th>{tr('Субсидия до предела', 'Subsidy before cap')}</th>
                <th>{tr('Итог по строке', 'Line result')}</th>
              </tr>
            </thead>
            <tbody>
              {result.lines.map((l) => (
                <tr key={l.id} data-testid={`result-${l.id}`}>
                  <td>{descriptionOf(l.id)}</td>
                  <td>
                    {l.eligible === true
                      ? tr('да', 'yes')
                      : l.eligible === false
                        ? tr('нет', 'no')
                        : tr('нет данных', 'no data')}
                  </td>
                  <td>
                    {l.reasons.map((r) => (lang === 'en' ? r.messageEn : r.message)).join('; ')}
                  </td>
                  <td>{rub(l.eligibleAmountRub)}</td>
                  <td>{rub(l.subsidyBeforeCapRub)}</td>
                  <td>{rub(l.resultRub)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="support-terms" data-testid="calculation-totals">
            <dt>{tr('Учтённые затраты', 'Eligible costs')}</dt>
            <dd>{rub(result.eligibleCostsRub)}</dd>
            <dt>{tr('Доля', 'Share')}</dt>
            <dd>{percent(result.share)}</dd>
            <dt>{tr('Субсидия до предела', 'Subsidy before the cap')}</dt>
            <dd>{rub(result.subsidyBeforeCapRub)}</dd>
            <dt>{tr('Предел (остаток)', 'Cap (remaining)')}</dt>
            <dd>
              {result.capRub === null
                ? tr('нет', 'none')
                : `${rub(result.capRub)} (${rub(result.remainingCapRub)})`}
              {result.capApplied ? ` — ${tr('предел применён', 'the cap applies')}` : ''}
            </dd>
            <dt>{tr('Итог', 'Result')}</dt>
            <dd data-testid="calculation-result-total">
              <strong>{rub(result.resultRub)}</strong>
            </dd>
          </dl>
          {result.pendingLines.length ? (
            <p className="muted">
              {tr(
                'Строки без нужных сведений не учтены, итог — нижняя граница: ',
                'Lines lacking facts are not counted; the result is a lower bound: ',
              )}
              {result.pendingLines.map(descriptionOf).join('; ')}
            </p>
          ) : null}
          <p className="muted">
            {tr('Условия меры, версия', 'Measure terms, version')} {result.measureVersion}
          </p>
        </section>
      ) : null}
      <AwardForm
        measureId={measure?.id ?? null}
        clusterId={Number(params.get('cluster')) || null}
      />
    </div>
  );
}
