import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import type { logoutRoute } from '@promatlas/core/api/contract/accounts.ts';
import { api, routeRef } from '../shared/api/api.ts';
import { canEditRegistry, ROLE_NAMES } from '../shared/auth/permissions.ts';
import { setSession, useSession } from '../shared/auth/session.ts';
import { regionNamer, useRegions } from '../shared/lib/regions.ts';

const LOGOUT = routeRef<typeof logoutRoute>({ method: 'POST', path: '/api/auth/logout' });

/** The top bar's right end: «Войти», or the signed-in user's name, role, regions, shortcuts and «Выйти». */
export function UserMenu() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const user = session.user;
  const regions = useRegions(Boolean(user?.regions.length));
  if (!session.ready) return <span className="user-menu-placeholder" />;
  if (!user) {
    if (location.pathname === '/login') return null;
    const next = location.pathname + location.search;
    return (
      <Link
        className="sign-in-link"
        data-testid="sign-in-link"
        to={`/login?next=${encodeURIComponent(next)}`}
      >
        Войти
      </Link>
    );
  }
  const name = regionNamer(regions);
  const signOut = async () => {
    try {
      await api(LOGOUT, {});
    } finally {
      setSession({ user: null, csrfToken: null });
      navigate(location.pathname + location.search, { replace: true });
    }
  };
  return (
    <div className="menu user-menu" data-testid="user-menu">
      <button
        type="button"
        className="menu-button"
        aria-haspopup="true"
        data-testid="user-menu-button"
      >
        <span className="user-name">{user.displayName}</span> <span aria-hidden="true">▾</span>
      </button>
      <div className="menu-items user-menu-items">
        <div className="user-card" data-testid="user-card">
          <strong>{user.displayName}</strong>
          <span className="muted small">{user.email}</span>
          <span data-testid="user-role">{ROLE_NAMES[user.role]}</span>
          {user.role === 'regional_editor' ? (
            <span className="small" data-testid="user-regions">
              Регионы: {user.regions.map(name).join(', ') || 'нет'}
            </span>
          ) : null}
        </div>
        {canEditRegistry(user) ? (
          <ul className="plain-menu" aria-label="Добавить в реестр">
            <li>
              <NavLink to="/organisations/new" data-testid="new-organisation-link">
                Новая организация
              </NavLink>
            </li>
            <li>
              <NavLink to="/people/new">Новая персона</NavLink>
            </li>
            <li>
              <NavLink to="/sites/new">Новая площадка</NavLink>
            </li>
            <li>
              <NavLink to="/clusters/new">Новый кластер</NavLink>
            </li>
            <li>
              <NavLink to="/action-plans/new">Новый план действий</NavLink>
            </li>
            <li>
              <NavLink to="/projects/new">Новый проект</NavLink>
            </li>
          </ul>
        ) : null}
        <ul className="plain-menu" aria-label="Учётная запись">
          <li>
            <NavLink to="/my-tasks" data-testid="my-tasks-link">
              Мои задачи
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/password" data-testid="account-password-link">
              Сменить пароль
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/totp" data-testid="account-totp-link">
              Второй фактор
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/sessions" data-testid="account-sessions-link">
              Мои сессии
            </NavLink>
          </li>
        </ul>
        {user.role === 'administrator' ? (
          <ul className="plain-menu" aria-label="Администрирование">
            <li>
              <NavLink to="/admin/users" data-testid="admin-users-link">
                Администрирование → Пользователи
              </NavLink>
            </li>
            <li>
              <NavLink to="/admin/audit" data-testid="admin-audit-link">
                Администрирование → Журнал
              </NavLink>
            </li>
          </ul>
        ) : null}
        <button
          type="button"
          className="menu-action"
          data-testid="sign-out"
          onClick={() => void signOut()}
        >
          Выйти
        </button>
      </div>
    </div>
  );
}
