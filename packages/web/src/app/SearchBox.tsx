import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { SearchItem, SearchResponse } from '@promatlas/core/api/search.schema.ts';
import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { api } from '../shared/api/api.ts';
import { entityPath } from '../shared/lib/paths.ts';
import { ENTITY_TYPE_PLURALS, SEARCH_TYPE_ORDER } from '../shared/lib/labels.ts';

const DEBOUNCE_MS = 150;

function groupByType(items: SearchItem[]): Array<[string, SearchItem[]]> {
  const groups = new Map<string, SearchItem[]>();
  for (const item of items) groups.set(item.type, [...(groups.get(item.type) ?? []), item]);
  const order = (type: string) => {
    const index = (SEARCH_TYPE_ORDER as readonly string[]).indexOf(type);
    return index === -1 ? 99 : index;
  };
  return [...groups].sort(([a], [b]) => order(a) - order(b));
}

/** One search box for every record type, with grouped suggestions as you type. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setOpen(false);
  }, [location.pathname, location.search]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api(searchRoute, { query: { q, limit: 24 } }, controller.signal).then(
        (response) => {
          setResult(response);
          setFailed(false);
          setActive(-1);
        },
        (error: Error) => {
          if (error.name !== 'AbortError') setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const groups = useMemo(() => groupByType(result?.items ?? []), [result]);
  const flat = useMemo(() => groups.flatMap(([, items]) => items), [groups]);

  function go(item: SearchItem | undefined) {
    const q = query.trim();
    setOpen(false);
    if (item) {
      const path = entityPath(item);
      if (path) navigate(path);
    } else if (q) {
      navigate(`/search?q=${encodeURIComponent(q)}`);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (flat.length ? (i + 1) % flat.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (flat.length ? (i <= 0 ? flat.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(open && active >= 0 ? flat[active] : undefined);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  const showDropdown = open && query.trim() !== '' && (result !== null || failed);
  let index = -1;
  return (
    <div
      className="search-box"
      ref={boxRef}
      onBlur={(event) => {
        if (!boxRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go(undefined);
        }}
      >
        <input
          type="search"
          data-testid="search-input"
          aria-label="Поиск по реестру"
          placeholder="Регион, организация, кластер, человек…"
          role="combobox"
          aria-expanded={showDropdown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
      </form>
      {showDropdown ? (
        <div className="search-dropdown" data-testid="search-dropdown">
          {failed ? <p className="muted">Поиск недоступен</p> : null}
          {result && result.fuzzy && result.items.length > 0 ? (
            <p className="fuzzy-note">Возможно, вы имели в виду…</p>
          ) : null}
          {result && result.items.length === 0 ? <p className="muted">Ничего не найдено</p> : null}
          <ul id={listId} role="listbox" aria-label="Результаты поиска">
            {groups.map(([type, items]) => (
              <li key={type} role="presentation" className="search-group">
                <div className="search-group-title" role="presentation">
                  {ENTITY_TYPE_PLURALS[type] ?? type}
                  {result?.counts[type] ? (
                    <span className="count"> {result.counts[type]}</span>
                  ) : null}
                </div>
                <ul role="group" aria-label={ENTITY_TYPE_PLURALS[type] ?? type}>
                  {items.map((item) => {
                    index += 1;
                    const myIndex = index;
                    return (
                      <li
                        key={`${item.type}:${item.id}`}
                        id={`${listId}-${myIndex}`}
                        role="option"
                        aria-selected={myIndex === active}
                        className={`search-option${myIndex === active ? ' active' : ''}`}
                        data-testid="search-option"
                        data-type={item.type}
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseEnter={() => setActive(myIndex)}
                        onClick={() => go(item)}
                      >
                        <span className="search-option-title">{item.title}</span>
                        {item.subtitle ? (
                          <span className="search-option-subtitle">{item.subtitle}</span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {result && result.total > 0 ? (
            <button
              type="button"
              className="search-all"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(undefined)}
            >
              Все результаты ({result.total}) — Enter
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
