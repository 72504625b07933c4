import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  getEditionRoute,
  getMethodologyRoute,
  whatIfRoute,
} from '@promatlas/core/api/contract/ratings.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { EntityLink, ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import {
  loadRerankInputs,
  rerank,
  statedWeights,
  weightProblem,
  type RerankInputs,
  type Weights,
} from './live-rerank.ts';
import {
  formatMillis,
  formatScore,
  formatShare,
  formatSigned,
  formatWeight,
} from './rating-format.ts';
import { ratingPaths, type EditionRow, type WhatIf } from './ratings-api.ts';
import { SaveMethodologyVersion } from './SaveMethodologyVersion.tsx';
import './ratings.css';

interface RankedRow {
  object: EditionRow['object'];
  place: number | null;
  score: number | null;
  placeBefore: number | null;
}
interface RankedTable {
  peerGroup: string | null;
  name: string;
  rows: RankedRow[];
}

function sliderMax(stated: number): number {
  return Math.max(5, Math.ceil(stated * 3));
}

type WeightKind = 'groups' | 'indicators';

// Memoised, with a stable onChange: a slider step re-renders only the sliders whose share changed.
const WeightSlider = memo(function WeightSlider({
  label,
  kind,
  code,
  value,
  stated,
  share,
  onChange,
}: {
  label: string;
  kind: WeightKind;
  code: string;
  value: number;
  stated: number;
  share: number;
  onChange: (kind: WeightKind, code: string, value: number) => void;
}) {
  return (
    <label className={`weight-slider${value !== stated ? ' changed' : ''}`}>
      <span className="weight-label">{label}</span>
      <input
        type="range"
        min={0}
        max={sliderMax(stated)}
        step={0.1}
        value={value}
        onChange={(e) => onChange(kind, code, Number(e.target.value))}
        data-testid={kind === 'groups' ? 'group-weight' : 'indicator-weight'}
        data-code={code}
        aria-valuetext={`вес ${formatWeight(value)}`}
      />
      <span className="weight-value num">
        {formatWeight(value)} <span className="muted small">({formatShare(share)})</span>
      </span>
    </label>
  );
});

const LiveRow = memo(function LiveRow({ row }: { row: RankedRow }) {
  const gained =
    row.place !== null && row.placeBefore !== null ? row.placeBefore - row.place : null;
  return (
    <tr data-testid="live-row" data-object-id={row.object.id} data-place={row.place ?? ''}>
      <td className="num">{row.place ?? '—'}</td>
      <td>
        <EntityLink entity={row.object} />
      </td>
      <td className="num">{formatScore(row.score)}</td>
      <td className="num muted">{row.placeBefore ?? '—'}</td>
      <td
        className={`num ${gained && gained > 0 ? 'up' : gained && gained < 0 ? 'down' : 'muted'}`}
      >
        {gained ? `${gained > 0 ? '▲' : '▼'} ${formatSigned(gained)}` : '='}
      </td>
    </tr>
  );
}, sameRow);

function sameRow(a: { row: RankedRow }, b: { row: RankedRow }): boolean {
  return (
    a.row.object === b.row.object &&
    a.row.place === b.row.place &&
    a.row.score === b.row.score &&
    a.row.placeBefore === b.row.placeBefore
  );
}

/**
 * /ratings/editions/:id/weights — drag a group or indicator weight and the
 * ranking is recomputed at once (core's computeEdition in the browser); the
 * time of each re-rank is shown and kept in data attributes for the tests.
 * Analysts and administrators may save the weights as a new methodology version.
 */
export function WeightsEditorPage() {
  const id = Number(useParams().id);
  const editionState = useRoute(
    getEditionRoute,
    Number.isInteger(id) && id > 0 ? { params: { id } } : null,
  );
  const edition = editionState.data;
  const methodologyState = useRoute(
    getMethodologyRoute,
    edition?.methodology ? { params: { id: edition.methodology.id } } : null,
  );
  const methodology = methodologyState.data?.methodology;
  useTitle(edition ? `Веса: ${edition.label}` : 'Веса рейтинга');

  const [inputs, setInputs] = useState<RerankInputs | null>(null);
  const [inputsError, setInputsError] = useState<ApiError | null>(null);
  const [weights, setWeights] = useState<Weights | null>(null);
  useEffect(() => {
    if (!edition || !methodology) return;
    setWeights(statedWeights(methodology));
    const controller = new AbortController();
    loadRerankInputs(edition, methodology, controller.signal).then(setInputs, (e: unknown) => {
      if ((e as Error).name !== 'AbortError')
        setInputsError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    });
    return () => controller.abort();
  }, [edition, methodology]);

  // Timing: from the slider's input event to the re-ranked table in the DOM.
  const changedAt = useRef<number | null>(null);
  const timing = useRef<HTMLParagraphElement>(null);
  const local = inputs?.reproducesEdition === true;
  const problem = methodology && weights ? weightProblem(methodology, weights) : null;

  const computed = useMemo(() => {
    if (!local || !methodology || !weights || problem || !inputs) return null;
    return rerank(methodology, inputs.values, weights);
  }, [local, methodology, weights, problem, inputs]);

  // Server fallback (values changed since the edition was computed): what-if, debounced.
  const [remote, setRemote] = useState<{ result: WhatIf; ms: number } | null>(null);
  const [remoteError, setRemoteError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!inputs || local || !weights || problem || !edition) return;
    const timer = setTimeout(() => {
      const started = performance.now();
      api(whatIfRoute, {
        params: { id: edition.id },
        body: {
          groupWeights: weights.groups,
          indicatorWeights: weights.indicators,
        },
      }).then(
        (result) => setRemote({ result, ms: performance.now() - started }),
        (e: unknown) =>
          setRemoteError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown')),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [inputs, local, weights, problem, edition]);

  const tables: RankedTable[] | null = useMemo(() => {
    if (!edition) return null;
    const refs = new Map(
      edition.peerGroups.flatMap((t) => t.rows.map((r) => [r.object.id, r] as const)),
    );
    if (computed) {
      return edition.peerGroups.map((t) => ({
        peerGroup: t.peerGroup,
        name: t.name,
        rows: computed.edition.objects
          .filter((o) => o.peerGroup === t.peerGroup)
          .map((o) => ({
            object: refs.get(o.objectId)!.object,
            place: o.place,
            score: o.score,
            placeBefore: refs.get(o.objectId)?.place ?? null,
          })),
      }));
    }
    if (remote)
      return remote.result.peerGroups.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r })) }));
    return null;
  }, [edition, computed, remote]);

  useLayoutEffect(() => {
    if (!timing.current) return;
    const element = timing.current;
    if (computed) {
      const updateMs = changedAt.current === null ? null : performance.now() - changedAt.current;
      changedAt.current = null;
      element.dataset.rerankMs = computed.computeMs.toFixed(3);
      if (updateMs !== null) element.dataset.updateMs = updateMs.toFixed(3);
      element.dataset.reranks = String(Number(element.dataset.reranks ?? '0') + 1);
      element.textContent = `Пересчёт в браузере: ${formatMillis(computed.computeMs)}${updateMs !== null ? `; от движения ползунка до новой таблицы ${formatMillis(updateMs)}` : ''} · объектов: ${computed.edition.objects.length}`;
    } else if (remote) {
      element.dataset.rerankMs = remote.ms.toFixed(3);
      element.dataset.reranks = String(Number(element.dataset.reranks ?? '0') + 1);
      element.textContent = `Пересчёт на сервере (значения изменились после расчёта издания): ${formatMillis(remote.ms)}`;
    }
  }, [computed, remote]);

  const change = useCallback((kind: WeightKind, code: string, value: number) => {
    changedAt.current = performance.now();
    setWeights((w) => (w ? { ...w, [kind]: { ...w[kind], [code]: value } } : w));
  }, []);

  if (editionState.error)
    return (
      <div className="page">
        <ErrorMessage error={editionState.error} />
      </div>
    );
  if (methodologyState.error)
    return (
      <div className="page">
        <ErrorMessage error={methodologyState.error} />
      </div>
    );
  if (!edition)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (edition.kind !== 'computed')
    return (
      <div className="page">
        <p className="notice">
          Это опубликованное издание: издатель сообщил только места, пересчитывать нечего.
        </p>
        <Link to={ratingPaths.edition(edition.id)}>К изданию</Link>
      </div>
    );
  if (!methodology || !weights)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const stated = statedWeights(methodology);
  const groupSum = methodology.groups.reduce((s, g) => s + (weights.groups[g.code] ?? 0), 0);
  const changed = JSON.stringify(weights) !== JSON.stringify(stated);

  return (
    <div className="page weights-page">
      <p className="breadcrumbs">
        <Link to={ratingPaths.list}>Рейтинги</Link> ·{' '}
        <Link to={ratingPaths.edition(edition.id)}>{edition.label}</Link>
      </p>
      <h1>Веса и пересчёт</h1>
      <p className="lead">
        Двигайте веса групп и показателей — места пересчитываются сразу на тех же значениях, с той
        же нормализацией и правилом равных баллов. Ничего не сохраняется, пока вы не сохраните новую
        версию методики.
      </p>
      {inputsError ? <ErrorMessage error={inputsError} /> : null}
      {remoteError ? <ErrorMessage error={remoteError} /> : null}
      <div className="weights-layout">
        <div className="weights-controls" data-testid="weights-controls">
          <div className="edition-actions">
            <button
              type="button"
              className="rt-button"
              disabled={!changed}
              onClick={() => setWeights(stated)}
              data-testid="reset-weights"
            >
              Вернуть веса методики
            </button>
          </div>
          {methodology.groups.map((g) => {
            const indicators = methodology.indicators.filter((i) => i.group === g.code);
            const indicatorSum = indicators.reduce(
              (s, i) => s + (weights.indicators[i.code] ?? 0),
              0,
            );
            const groupWeight = weights.groups[g.code] ?? 0;
            return (
              <fieldset key={g.code} className="weight-group">
                <legend>
                  <WeightSlider
                    label={g.name}
                    code={g.code}
                    value={groupWeight}
                    stated={stated.groups[g.code] ?? 0}
                    share={groupSum > 0 ? groupWeight / groupSum : 0}
                    kind="groups"
                    onChange={change}
                  />
                </legend>
                {indicators.map((i) => {
                  const w = weights.indicators[i.code] ?? 0;
                  return (
                    <WeightSlider
                      key={i.code}
                      label={i.name}
                      code={i.code}
                      value={w}
                      stated={stated.indicators[i.code] ?? 0}
                      share={indicatorSum > 0 ? w / indicatorSum : 0}
                      kind="indicators"
                      onChange={change}
                    />
                  );
                })}
              </fieldset>
            );
          })}
        </div>
        <div className="weights-result">
          <p
            className="muted small rerank-timing"
            ref={timing}
            data-testid="rerank-timing"
            data-mode={inputs ? (local ? 'browser' : 'server') : 'loading'}
          >
            {inputs ? '' : 'Загружаем значения показателей…'}
          </p>
          {problem ? (
            <p className="error" role="alert">
              {problem}
            </p>
          ) : null}
          {tables?.map((t) => (
            <section key={t.peerGroup ?? ''} className="section" aria-label={t.name}>
              <h2>{t.name}</h2>
              <table className="table compact" data-testid="live-ranking">
                <thead>
                  <tr>
                    <th className="num">Место</th>
                    <th>Объект</th>
                    <th className="num">Балл</th>
                    <th className="num">Было</th>
                    <th className="num">Сдвиг</th>
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <LiveRow key={r.object.id} row={r} />
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <SaveMethodologyVersion
            methodology={methodology}
            weights={weights}
            edition={edition}
            disabled={!changed || problem !== null}
          />
        </div>
      </div>
    </div>
  );
}
