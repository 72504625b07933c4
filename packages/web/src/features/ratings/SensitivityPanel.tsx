import { useState } from 'react';
import { editionSensitivityRoute } from '@promatlas/core/api/contract/ratings.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { EntityLink, ErrorMessage } from '../../shared/components/common.tsx';
import { formatValue } from './rating-format.ts';
import type { Sensitivity } from './ratings-api.ts';

interface Settings {
  method: 'uniform' | 'dirichlet';
  spreadPercent: number;
  concentration: number;
  runs: number;
  seed: number;
  threshold: number;
}

const DEFAULTS: Settings = {
  method: 'uniform',
  spreadPercent: 20,
  concentration: 50,
  runs: 1000,
  seed: 1,
  threshold: 2,
};

/** A place distribution as a strip of cells, darker where the object landed more often. */
function PlaceStrip({ counts, runs }: { counts: number[]; runs: number }) {
  return (
    <span className="place-strip" aria-hidden="true">
      {counts.map((c, k) => (
        <span
          key={k}
          title={`${k + 1} место: ${c} из ${runs}`}
          style={{ opacity: c === 0 ? 0.08 : 0.2 + (0.8 * c) / runs }}
        />
      ))}
    </span>
  );
}

/**
 * Sensitivity of places to the weights: the server perturbs every group and
 * indicator weight (uniformly by ±x %, or from a Dirichlet around the stated
 * weights) and reports each object's place distribution; the same seed gives
 * the same answer.
 */
export function SensitivityPanel({ editionId }: { editionId: number }) {
  const [settings, setSettings] = useState<Settings>(DEFAULTS);
  const [result, setResult] = useState<Sensitivity | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setSettings((s) => ({ ...s, [key]: value }));
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api(editionSensitivityRoute, {
          params: { id: editionId },
          query: {
            method: settings.method,
            spread: settings.method === 'uniform' ? settings.spreadPercent / 100 : undefined,
            concentration: settings.method === 'dirichlet' ? settings.concentration : undefined,
            runs: settings.runs,
            seed: settings.seed,
            threshold: settings.threshold,
          },
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };
  const fragile = result?.objects.filter((o) => !o.robust).length ?? 0;
  return (
    <section
      className="section sensitivity no-print"
      aria-label="Чувствительность к весам"
      data-testid="sensitivity-panel"
    >
      <h2>Чувствительность мест к весам</h2>
      <form
        className="sensitivity-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label>
          Способ{' '}
          <select
            value={settings.method}
            onChange={(e) => set('method', e.target.value as Settings['method'])}
            data-testid="sensitivity-method"
          >
            <option value="uniform">равномерно ±x %</option>
            <option value="dirichlet">Монте-Карло, распределение Дирихле</option>
          </select>
        </label>
        {settings.method === 'uniform' ? (
          <label>
            x, %{' '}
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={settings.spreadPercent}
              onChange={(e) => set('spreadPercent', Number(e.target.value))}
            />
          </label>
        ) : (
          <label>
            Концентрация κ{' '}
            <input
              type="number"
              min={1}
              max={100000}
              step={1}
              value={settings.concentration}
              onChange={(e) => set('concentration', Number(e.target.value))}
            />
          </label>
        )}
        <label>
          Прогонов{' '}
          <input
            type="number"
            min={1}
            max={20000}
            step={1}
            value={settings.runs}
            onChange={(e) => set('runs', Number(e.target.value))}
            data-testid="sensitivity-runs"
          />
        </label>
        <label>
          Зерно{' '}
          <input
            type="number"
            min={0}
            step={1}
            value={settings.seed}
            onChange={(e) => set('seed', Number(e.target.value))}
          />
        </label>
        <label title="Место считается устойчивым, если размах p95 − p5 не больше порога">
          Порог устойчивости{' '}
          <input
            type="number"
            min={0}
            step={1}
            value={settings.threshold}
            onChange={(e) => set('threshold', Number(e.target.value))}
          />
        </label>
        <button
          type="submit"
          className="rt-button primary"
          disabled={busy}
          data-testid="sensitivity-run"
        >
          {busy ? 'Считаем…' : 'Рассчитать'}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {result ? (
        <>
          <p className="muted small">
            {result.runs} прогонов, зерно {result.seed}: {result.perturbation}.{' '}
            {fragile ? `Неустойчивых мест: ${fragile}.` : 'Все места устойчивы.'}
          </p>
          <div className="table-wrap">
            <table className="table compact" data-testid="sensitivity-table">
              <thead>
                <tr>
                  <th className="num">Место</th>
                  <th>Объект</th>
                  <th className="num">Медиана</th>
                  <th className="num">5–95 %</th>
                  <th className="num">Мин.–макс.</th>
                  <th>Распределение</th>
                  <th>Устойчивость</th>
                </tr>
              </thead>
              <tbody>
                {result.objects.map((o) => (
                  <tr
                    key={`${o.object.type}:${o.object.id}`}
                    className={o.robust ? '' : 'fragile'}
                    data-testid="sensitivity-row"
                    data-robust={o.robust}
                  >
                    <td className="num">{o.place}</td>
                    <td>
                      <EntityLink entity={o.object} />
                    </td>
                    <td className="num">{formatValue(o.median)}</td>
                    <td className="num">
                      {formatValue(o.p5)}–{formatValue(o.p95)}
                    </td>
                    <td className="num">
                      {o.min}–{o.max}
                    </td>
                    <td>
                      <PlaceStrip counts={o.placeCounts} runs={result.runs} />
                    </td>
                    <td>
                      {o.robust ? (
                        'устойчиво'
                      ) : (
                        <strong className="fragile-flag">неустойчиво</strong>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
