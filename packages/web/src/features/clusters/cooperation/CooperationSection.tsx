import { lazy, Suspense, useState } from 'react';
import {
  clusterComplianceRoute,
  clusterCooperationRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { EntityLink, Section } from '../../../shared/components/common.tsx';
import { formatDate, formatRub } from './format.ts';
import { RuleSetBadge } from '../rules/RuleSetBadge.tsx';

const CooperationGraph = lazy(() =>
  import('./CooperationGraph.tsx').then((m) => ({ default: m.CooperationGraph })),
);

const VERDICTS: Record<string, string> = {
  met: 'соответствует',
  not_met: 'не соответствует',
  insufficient_data: 'недостаточно данных',
};
const REQUIREMENTS: Record<string, string> = {
  cooperation: 'Кооперационные связи участников',
  functional_dependence: 'Функциональная зависимость',
  composition: 'Состав участников',
  specialised_organisation: 'Специализированная организация',
  decision_validity: 'Срок действия заключения Минпромторга',
};

function percent(value: unknown): string {
  return typeof value === 'number'
    ? `${(value * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`
    : '—';
}

/** «Кооперация»: the graph of contracts between participants and the table behind it. */
export function CooperationSection({ clusterId }: { clusterId: number }) {
  const { data, error } = useRoute(clusterCooperationRoute, { params: { id: clusterId } });
  if (error) return null;
  if (!data) return null;
  return (
    <Section title="Кооперация" count={data.contracts.length} id="cooperation">
      {data.contracts.length ? (
        <>
          <Suspense fallback={<p>Строим граф…</p>}>
            <CooperationGraph cooperation={data} />
          </Suspense>
          <table className="data-table" data-testid="cooperation-table">
            <thead>
              <tr>
                <th>Поставщик</th>
                <th>Покупатель</th>
                <th>Тип</th>
                <th>Продукция</th>
                <th>Подписан</th>
                <th>Сумма</th>
              </tr>
            </thead>
            <tbody>
              {data.contracts.map((c) => (
                <tr key={c.id} className={c.insideCluster ? undefined : 'muted'}>
                  <td>
                    <EntityLink entity={c.supplier} />
                  </td>
                  <td>
                    <EntityLink entity={c.buyer} />
                  </td>
                  <td>{c.contractTypeLabel}</td>
                  <td>{[c.okpd2, c.product].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{formatDate(c.signedOn)}</td>
                  <td>{c.valueRub === null ? '—' : formatRub(c.valueRub)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">Договоры кооперации между участниками не записаны.</p>
      )}
      <ComplianceCheck clusterId={clusterId} />
    </Section>
  );
}

/** The industrial-cluster check: a verdict per requirement, the numbers, who fails and what to do. */
function ComplianceCheck({ clusterId }: { clusterId: number }) {
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const { data } = useRoute(clusterComplianceRoute, { params: { id: clusterId }, query: { asOf } });
  const names = new Map(data?.participants.map((p) => [p.id, p]) ?? []);
  const overall =
    data?.check.compliant === true
      ? 'соответствует'
      : data?.check.compliant === false
        ? 'не соответствует'
        : 'недостаточно данных';
  return (
    <div className="compliance" data-testid="compliance">
      <h3>
        Проверка по {data?.ruleSet.title ?? 'ПП РФ № 779'} на{' '}
        <input
          type="date"
          value={asOf}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(e) => e.target.value && setAsOf(e.target.value)}
          aria-label="Дата проверки"
        />
      </h3>
      {data ? (
        <>
          <p data-testid="compliance-overall">
            Итог: <strong>{overall}</strong>
            {data.check.functionalDependence !== null
              ? ` · функциональная зависимость ${percent(data.check.functionalDependence)} (порог ${percent(data.check.functionalDependenceThreshold)})`
              : ''}
          </p>
          <RuleSetBadge ruleSet={data.ruleSet} />
          <table className="data-table">
            <thead>
              <tr>
                <th>Требование</th>
                <th>Вердикт</th>
                <th>Участники</th>
                <th>Срок</th>
              </tr>
            </thead>
            <tbody>
              {data.check.requirements.map((r) => (
                <tr key={r.code} data-testid={`requirement-${r.code}`}>
                  <td>{REQUIREMENTS[r.code] ?? r.code}</td>
                  <td className={`verdict-${r.verdict}`}>{VERDICTS[r.verdict]}</td>
                  <td>
                    {r.participants.map((id) => names.get(id)?.title ?? id).join('; ') || '—'}
                  </td>
                  <td>{r.deadline ? formatDate(r.deadline) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.gaps.length ? (
            <>
              <h4>Что сделать</h4>
              <ul data-testid="compliance-gaps">
                {data.gaps.map((g, k) => (
                  <li key={k}>
                    {g.message}
                    {g.deadline ? ` — до ${formatDate(g.deadline)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <details>
            <summary>Как данные реестра переведены в проверку</summary>
            <ul>
              {data.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}
