import { useEffect, useState } from 'react';
import { clusterCandidatesRoute } from '@promatlas/core/api/contract/clusters.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../../shared/components/common.tsx';
import { clusterExports, type CandidatesQuery } from './cluster-api.ts';
import { formatLq, formatNumber, INDUSTRY_TYPE_LABELS } from './format.ts';
import { AnalysisNotes, ExportLinks } from './selection.tsx';

/** Related-but-weak industries: candidates, each with the strong industries and relatedness φ behind it. */
export function CandidateClusters({
  dataset,
  year,
  region,
  level,
  minRelatedness,
  onMinRelatedness,
}: {
  dataset: number;
  year: number;
  region: string;
  level: CandidatesQuery['level'];
  minRelatedness: number;
  onMinRelatedness: (value: number) => void;
}) {
  const [draft, setDraft] = useState(String(minRelatedness).replace('.', ','));
  useEffect(() => setDraft(String(minRelatedness).replace('.', ',')), [minRelatedness]);
  const query: CandidatesQuery = { dataset, year, region, minRelatedness, level };
  const candidates = useRoute(clusterCandidatesRoute, { query });
  const data = candidates.data;
  const apply = () => {
    const value = Number(draft.replace(',', '.'));
    if (Number.isFinite(value) && value > 0 && value <= 1)
      onMinRelatedness(Math.round(value * 100) / 100);
    else setDraft(String(minRelatedness).replace('.', ','));
  };

  return (
    <section className="section" aria-label="Кандидаты в кластеры">
      <h2>
        Кандидаты в кластеры {data ? <span className="count">{data.items.length}</span> : null}
      </h2>
      <p className="small muted">
        Отрасли, которые ещё не сильные в регионе, но по размещению по регионам связаны с его
        сильными отраслями: связанность φ — корреляция долей двух отраслей в занятости регионов
        {data ? ` (${formatNumber(data.regionsCounted)} регионов)` : ''}. Оценка кандидата — сумма φ
        по связанным сильным отраслям.
      </p>
      <div className="filters">
        <label className="filter">
          Порог связанности φ (0–1)
          <input
            data-testid="min-relatedness"
            type="text"
            inputMode="decimal"
            value={draft}
            size={6}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={apply}
            onKeyDown={(event) => {
              if (event.key === 'Enter') apply();
            }}
          />
        </label>
        <input
          type="range"
          aria-label="Порог связанности φ"
          min={0.05}
          max={1}
          step={0.05}
          value={minRelatedness}
          onChange={(event) => onMinRelatedness(Number(event.target.value))}
        />
        <ExportLinks
          what="кандидатов"
          testId="candidates-export"
          csv={clusterExports.candidates(query, 'csv')}
          xlsx={clusterExports.candidates(query, 'xlsx')}
        />
      </div>
      {candidates.error ? <ErrorMessage error={candidates.error} /> : null}
      {!data && candidates.loading ? <Loading /> : null}
      {data ? (
        <>
          <p className="small">
            Опора — сильные отрасли региона ({data.strongIndustries.length}):{' '}
            {data.strongIndustries.map((s) => s.name).join(', ') || 'нет'}.
          </p>
          {data.items.length === 0 ? (
            <p className="muted">
              Кандидатов при пороге φ ≥ {formatNumber(data.minRelatedness)} нет.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" data-testid="candidates-table">
                <thead>
                  <tr>
                    <th>Отрасль</th>
                    <th className="num">Оценка (Σ φ)</th>
                    <th className="num">Свой КЛ</th>
                    <th className="num">Значение, {data.dataset.unit}</th>
                    <th>Связанные сильные отрасли (φ)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr
                      key={c.industry.code}
                      data-testid="candidate-row"
                      data-industry={c.industry.code}
                    >
                      <td>
                        {c.industry.name} <span className="muted small">{c.industry.code}</span>
                        {c.industry.type ? (
                          <span className="muted small">
                            {' '}
                            · {INDUSTRY_TYPE_LABELS[c.industry.type]}
                          </span>
                        ) : null}
                      </td>
                      <td className="num">{formatLq(c.score)}</td>
                      <td className="num">{formatLq(c.locationQuotient)}</td>
                      <td className="num">{formatNumber(c.value)}</td>
                      <td>
                        <ul className="evidence">
                          {c.relatedStrongIndustries.map((s) => (
                            <li key={s.industry.code}>
                              {s.industry.name} — φ {formatLq(s.relatedness)}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <AnalysisNotes notes={data.notes} />
        </>
      ) : null}
    </section>
  );
}
