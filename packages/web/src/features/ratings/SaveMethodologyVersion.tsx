import type { Methodology } from '@promatlas/core/ratings/methodology.schema.ts';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  computeEditionRoute,
  createMethodologyRoute,
} from '@promatlas/core/api/contract/ratings.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage } from '../../shared/components/common.tsx';
import { withWeights, type Weights } from './live-rerank.ts';
import { canAnalyse } from './rating-permissions.ts';
import { ratingPaths, type Edition, type MethodologyResponse } from './ratings-api.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Save as a new methodology version" for analysts and administrators: the
 * methodology with the edited weights under a new version (stored versions
 * never change), then, if wished, an edition computed with it on the same
 * values, ready to compare with the original.
 */
export function SaveMethodologyVersion({
  methodology,
  weights,
  edition,
  disabled,
}: {
  methodology: Methodology;
  weights: Weights;
  edition: Edition;
  disabled: boolean;
}) {
  const { user, ready } = useSession();
  const [version, setVersion] = useState(`${methodology.version}-веса-${today()}`);
  const [title, setTitle] = useState(`${methodology.title} (изменённые веса)`);
  const [saved, setSaved] = useState<MethodologyResponse | null>(null);
  const [computed, setComputed] = useState<Edition | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ready) return null;
  if (!canAnalyse(user))
    return (
      <p className="muted small" data-testid="save-version-hint">
        Сохранить веса новой версией методики могут аналитики и администраторы
        {user ? '' : ' — войдите в систему'}.
      </p>
    );
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    attempt(async () => {
      setSaved(
        await api(createMethodologyRoute, {
          body: {
            ...withWeights(methodology, weights),
            version,
            title,
          },
        }),
      );
    });
  const compute = (methodologyId: number) =>
    attempt(async () => {
      setComputed(
        await api(computeEditionRoute, {
          body: {
            methodologyId,
            year: edition.year,
            dataset: edition.dataset ?? 'main',
          },
        }),
      );
    });
  return (
    <section
      className="section save-version"
      aria-label="Сохранить версию методики"
      data-testid="save-version"
    >
      <h2>Сохранить как новую версию методики</h2>
      {saved ? (
        <>
          <p data-testid="saved-version">
            Сохранено:{' '}
            <Link to={ratingPaths.methodology(saved.id)}>
              {saved.title}, версия {saved.version}
            </Link>
            .
          </p>
          {computed ? (
            <p data-testid="saved-edition">
              Издание рассчитано:{' '}
              <Link to={ratingPaths.edition(computed.id)}>{computed.label}</Link> ·{' '}
              <Link to={ratingPaths.compare(edition.id, computed.id)}>сравнить с исходным</Link>
            </p>
          ) : (
            <button
              type="button"
              className="rt-button"
              disabled={busy}
              onClick={() => void compute(saved.id)}
              data-testid="compute-edition"
            >
              Рассчитать издание {edition.year} года по этой версии
            </button>
          )}
        </>
      ) : (
        <form
          className="save-version-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            Версия{' '}
            <input
              value={version}
              onChange={(e) => setVersion(e.target.value)}
              required
              maxLength={100}
              data-testid="version-input"
            />
          </label>
          <label>
            Название{' '}
            <input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={300}
              size={50}
            />
          </label>
          <button
            type="submit"
            className="rt-button primary"
            disabled={disabled || busy}
            data-testid="save-version-submit"
          >
            Сохранить версию
          </button>
          {disabled ? (
            <span className="muted small"> Измените веса, чтобы сохранить новую версию.</span>
          ) : null}
        </form>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
