import { useEffect } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../shared/auth/session.ts';
import { SearchBox } from './SearchBox.tsx';
import { UserMenu } from './UserMenu.tsx';

const REGISTRY = [
  ['/organisations', 'Организации'],
  ['/people', 'Люди'],
  ['/sites', 'Площадки'],
  ['/clusters', 'Кластеры'],
  ['/regions', 'Регионы'],
  ['/registry/import', 'Импорт из файла'],
] as const;
const PROGRAMMES = [
  ['/events', 'Мероприятия'],
  ['/agreements', 'Соглашения'],
  ['/action-plans', 'Планы'],
  ['/projects', 'Проекты'],
  ['/calendar', 'Календарь'],
  ['/programmes/regions', 'Программы регионов'],
  ['/support', 'Расчёт субсидии'],
  ['/regulations', 'Правила проверки кластеров'],
] as const;
const ANALYTICS = [
  ['/analytics/clusters', 'Кластерный анализ'],
  ['/analytics/datasets', 'Наборы данных'],
  ['/suppliers', 'Поиск поставщиков'],
] as const;

function Menu({
  title,
  items,
}: {
  title: string;
  items: ReadonlyArray<readonly [string, string]>;
}) {
  const location = useLocation();
  const active = items.some(([path]) => location.pathname.startsWith(path));
  return (
    <div className={`menu${active ? ' active' : ''}`}>
      <button type="button" className="menu-button" aria-haspopup="true">
        {title} <span aria-hidden="true">▾</span>
      </button>
      <ul className="menu-items">
        {items.map(([path, text]) => (
          <li key={path}>
            <NavLink to={path}>{text}</NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Layout() {
  const location = useLocation();
  // Close open menus (focus-within) after navigation.
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.menu')) active.blur();
  }, [location.pathname]);
  // The server refuses everything else until then: go straight to the page that lifts it.
  const session = useSession();
  const required = session.user?.mustChangePassword
    ? '/account/password'
    : session.totpRequired
      ? '/account/totp'
      : null;
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-name">PromAtlas</span>
          <span className="brand-sep"> · </span>
          <span className="brand-ru">Промышленный атлас</span>
        </Link>
        <SearchBox />
        <nav className="nav" aria-label="Разделы">
          <NavLink to="/" end>
            Карта
          </NavLink>
          <Menu title="Реестр" items={REGISTRY} />
          <Menu title="Программы" items={PROGRAMMES} />
          <Menu title="Аналитика" items={ANALYTICS} />
          <NavLink to="/ratings">Рейтинги</NavLink>
          <NavLink to="/sources">Источники</NavLink>
          {session.user && <NavLink to="/intake">Разбор документов</NavLink>}
          <UserMenu />
        </nav>
      </header>
      <main className="main">
        {required && location.pathname !== required ? (
          <Navigate to={required} replace />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
