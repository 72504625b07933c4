import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { ApiRoute, RouteInput, RouteResponse } from '@promatlas/core/api/contract/kit.ts';
import { useRoute } from '../api/api.ts';
import type { ApiState } from '../api/client.ts';
import { useSession } from '../auth/session.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { useTitle } from '../lib/useTitle.ts';
import type { HistoryType } from './HistoryTab.tsx';
import { isRestorable, type EditingSpec } from './editing-spec.ts';
import { useT } from '../lib/language.ts';

// Editing (forms, zod schemas) loads only for signed-in users, in its own chunk.
const EditingToolbar = lazy(async () => ({
  default: (await import('./EditingToolbar.tsx')).EditingToolbar,
}));
// The history is for signed-in users only: its chunk (with the editing schemas) loads on that tab.
const HistoryTab = lazy(async () => ({ default: (await import('./HistoryTab.tsx')).HistoryTab }));
const RestorePanel = lazy(async () => ({
  default: (await import('./EditingToolbar.tsx')).RestorePanel,
}));

/** A record's GET route of the API contract, by `:id` or by `:code` (regions). */
export type ProfileRoute = ApiRoute & { method: 'GET'; path: `${string}/:id` | `${string}/:code` };

/**
 * Loads the record's route for the page's :id (or :code) and renders the
 * page once it arrives: the header, the changes the viewer may make, and the
 * tabs «Сведения» and «История».
 */
export function ProfilePage<R extends ProfileRoute, T = RouteResponse<R>>({
  route,
  titleOf,
  header,
  history,
  editing,
  restore,
  children,
}: {
  route: R;
  titleOf: (record: T) => string;
  header: (record: T) => ReactNode;
  /** The audit trail's entity type; omitted where the API keeps none. */
  history?: HistoryType;
  editing?: (record: T) => EditingSpec;
  /** Restores a deleted record whose type has no audit history of its own (agreements). */
  restore?: (id: string) => Promise<unknown>;
  /** The page's own editors reload the record, or say it was deleted. */
  children: (record: T, page: { reload: () => void; markDeleted: () => void }) => ReactNode;
}) {
  const params = useParams();
  const t = useT();
  const location = useLocation();
  const id = params.id ?? params.code ?? '';
  const key = route.path.endsWith('/:code') ? 'code' : 'id';
  const record = useRoute(route, { params: { [key]: id } } as RouteInput<R>) as ApiState<T>;
  const session = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  // The history (earlier states, editors' names) is for signed-in users only; the API answers 404 to the public.
  const showHistory = history && session.user ? history : undefined;
  const tab = showHistory && searchParams.get('tab') === 'history' ? 'history' : 'details';
  const [deleted, setDeleted] = useState(false);
  // After a save the same record loads again: keep showing it meanwhile (no flicker, open forms stay).
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (!record.loading) setReloading(false);
  }, [record.loading]);
  const reload = () => {
    setReloading(true);
    record.reload();
  };
  const current = record.error || (record.loading && !reloading) ? undefined : record.data;
  useTitle(current ? titleOf(current) : record.error ? 'Не найдено' : undefined);
  const justDeleted = deleted || (location.state as { deleted?: boolean } | null)?.deleted === true;

  const selectTab = (next: 'details' | 'history') => {
    const params = new URLSearchParams(searchParams);
    if (next === 'history') params.set('tab', 'history');
    else params.delete('tab');
    setSearchParams(params, { replace: true });
  };

  if (record.error) {
    const restorable =
      ((history && isRestorable(history)) || restore !== undefined) && record.error.status === 404;
    return (
      <div className="page profile">
        {justDeleted ? (
          <div className="notice" role="status" data-testid="deleted-notice">
            Запись помечена удалённой. Восстановить её может администратор.
          </div>
        ) : (
          <ErrorMessage error={record.error} />
        )}
        {restorable && session.user?.role === 'administrator' ? (
          <Suspense fallback={null}>
            <RestorePanel
              type={history ?? 'event'}
              restore={restore && (() => restore(id))}
              id={id}
              onRestored={() => {
                setDeleted(false);
                record.reload();
              }}
            />
          </Suspense>
        ) : null}
      </div>
    );
  }
  return (
    <div className="page profile">
      {current ? (
        <>
          {header(current)}
          {editing && session.user ? (
            <Suspense fallback={null}>
              <EditingToolbar
                spec={editing(current)}
                onChanged={reload}
                onDeleted={() => {
                  setDeleted(true);
                  record.reload();
                }}
              />
            </Suspense>
          ) : null}
          {showHistory ? (
            <div
              className="tabs profile-tabs"
              role="tablist"
              aria-label={t('Разделы профиля', 'Profile sections')}
            >
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'details'}
                className={tab === 'details' ? 'active' : ''}
                onClick={() => selectTab('details')}
                data-testid="tab-details"
              >
                {t('Сведения', 'Details')}
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'history'}
                className={tab === 'history' ? 'active' : ''}
                onClick={() => selectTab('history')}
                data-testid="tab-history"
              >
                {t('История', 'History')}
              </button>
            </div>
          ) : null}
          {tab === 'history' && showHistory ? (
            <Suspense fallback={<Loading />}>
              <HistoryTab type={showHistory} id={id} />
            </Suspense>
          ) : (
            children(current, {
              reload,
              markDeleted: () => {
                setDeleted(true);
                record.reload();
              },
            })
          )}
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
