import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { LangToggle, useLang } from './i18n.tsx';

type Words = [ru: string, en: string];

/**
 * The page around a programme record's form: the signed-in editor only, the
 * record read first when editing, the title and the way back. `load` must be a
 * stable (module-level) function: it is the effect's dependency.
 */
export function WorkFormPage<R>({
  mode,
  load,
  titles,
  back,
  form,
}: {
  mode: 'create' | 'edit';
  load: (id: string) => Promise<R>;
  titles: { create: Words; editing: Words; edit: (record: R) => string };
  back: { path: (id: string) => string; label: Words };
  /** The form for the user: `record` is null when creating. */
  form: (user: User, record: R | null, id: string | undefined) => ReactNode;
}) {
  const { id } = useParams();
  const { t } = useLang();
  const location = useLocation();
  const session = useSession();
  const [loaded, setLoaded] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (mode !== 'edit' || !id) return;
    let live = true;
    load(id).then(
      (record) => live && setLoaded(record),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [mode, id, load]);
  const title =
    mode === 'create'
      ? t(...titles.create)
      : loaded
        ? `${t('Изменить', 'Edit')}: ${titles.edit(loaded)}`
        : t(...titles.editing);
  useTitle(title);
  const user = session.user;
  let body;
  if (!session.ready) body = <Loading />;
  else if (!user)
    body = (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('Войдите', 'Sign in')}
        </Link>
        {t(', чтобы вносить изменения.', ' to make changes.')}
      </p>
    );
  else if (!canEditRegistry(user))
    body = (
      <p className="notice" data-testid="edit-denied">
        {t('Ваша роль не позволяет изменять программы', 'Your role may not change programmes')}
      </p>
    );
  else if (error) body = <div className="error">{error}</div>;
  else if (mode === 'edit' && !loaded) body = <Loading />;
  else body = form(user, mode === 'edit' ? loaded : null, id);
  return (
    <div className="page form-page">
      <p className="muted small">
        {id ? <Link to={back.path(id)}>← {t(...back.label)}</Link> : null} <LangToggle />
      </p>
      <h1>{title}</h1>
      {body}
    </div>
  );
}
