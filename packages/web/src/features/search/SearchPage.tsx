import { Link, useSearchParams } from 'react-router';
import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import {
  entityTypeLabel,
  ENTITY_TYPE_PLURALS,
  SEARCH_TYPE_ORDER,
} from '../../shared/lib/labels.ts';
import { entityPath } from '../../shared/lib/paths.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';

const PAGE_SIZE = 20;

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const type = params.get('type') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  useTitle(q ? `Поиск: ${q}` : 'Поиск');

  const all = useRoute(
    searchRoute,
    q ? { query: { q, limit: PAGE_SIZE, offset: type ? 0 : (page - 1) * PAGE_SIZE } } : null,
  );
  const typed = useRoute(
    searchRoute,
    q && type
      ? { query: { q, types: type, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }
      : null,
  );
  const result = type ? typed : all;
  const counts = all.data?.counts ?? {};
  const total = all.data?.total ?? 0;
  const shownTotal = type ? (result.data?.total ?? counts[type] ?? 0) : total;
  const pages = Math.max(1, Math.ceil(shownTotal / PAGE_SIZE));

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const types = SEARCH_TYPE_ORDER.filter((t) => (counts[t] ?? 0) > 0);

  return (
    <div className="page search-page">
      <h1>Поиск{q ? `: «${q}»` : ''}</h1>
      {!q ? <p className="muted">Введите запрос в строку поиска вверху страницы.</p> : null}
      {q ? (
        <div className="tabs" role="tablist" aria-label="Типы записей">
          <button
            type="button"
            role="tab"
            aria-selected={!type}
            className={!type ? 'active' : ''}
            onClick={() => set({ type: '', page: '' })}
          >
            Все <span className="count">{total}</span>
          </button>
          {types.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              data-testid={`tab-${t}`}
              aria-selected={type === t}
              className={type === t ? 'active' : ''}
              onClick={() => set({ type: t, page: '' })}
            >
              {ENTITY_TYPE_PLURALS[t]} <span className="count">{counts[t]}</span>
            </button>
          ))}
        </div>
      ) : null}
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <>
          {result.data.fuzzy && result.data.items.length ? (
            <p className="fuzzy-note" data-testid="fuzzy-note">
              Точных совпадений нет. Возможно, вы имели в виду…
            </p>
          ) : null}
          <p className="total" data-testid="search-total">
            Найдено: {shownTotal.toLocaleString('ru-RU')}
          </p>
          {result.data.items.length === 0 ? (
            <p className="muted">
              Ничего не найдено. Попробуйте другую форму слова или более короткий запрос.
            </p>
          ) : null}
          <ol
            className={`search-results${result.data.fuzzy ? ' fuzzy' : ''}`}
            start={(page - 1) * PAGE_SIZE + 1}
          >
            {result.data.items.map((item) => {
              const path = entityPath(item);
              return (
                <li
                  key={`${item.type}:${item.id}`}
                  data-testid="search-result"
                  data-type={item.type}
                >
                  <span className="badge">{entityTypeLabel(item.type)}</span>{' '}
                  {path ? <Link to={path}>{item.title}</Link> : item.title}
                  {item.subtitle ? <div className="muted small">{item.subtitle}</div> : null}
                  {item.match === 'region' ? (
                    <div className="muted small">найдено по региону</div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {pages > 1 ? (
            <nav className="pager" aria-label="Страницы">
              <button
                type="button"
                disabled={page <= 1}
                onClick={() => set({ page: String(page - 1) })}
              >
                ← Назад
              </button>
              <span>
                Страница {page} из {pages}
              </span>
              <button
                type="button"
                disabled={page >= pages}
                onClick={() => set({ page: String(page + 1) })}
              >
                Вперёд →
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
