import { useMemo, useState, type ReactNode } from 'react';

/** A sortable column: its key and how to compare (numbers descending first, text ascending first). */
export interface SortColumn<T> {
  key: string;
  value: (row: T) => number | string | boolean | null;
}

export interface SortState {
  key: string;
  descending: boolean;
}

const collator = new Intl.Collator('ru');

function compare(a: number | string | boolean | null, b: number | string | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}

/** Rows sorted by one column; a second click on the same column reverses the order. Nulls last either way. */
export function useSorted<T>(
  rows: readonly T[],
  columns: readonly SortColumn<T>[],
  initial: SortState,
) {
  const [sort, setSort] = useState<SortState>(initial);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    return [...rows].sort((x, y) => {
      const a = column.value(x);
      const b = column.value(y);
      if (a === null || b === null) return compare(a, b);
      return sort.descending ? compare(b, a) : compare(a, b);
    });
  }, [rows, columns, sort]);
  const toggle = (key: string, numeric: boolean) =>
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: numeric },
    );
  return { sorted, sort, toggle };
}

/** A header cell with a sort button; aria-sort tells screen readers the order. */
export function SortHeader({
  label,
  columnKey,
  sort,
  onSort,
  numeric = false,
  title,
}: {
  label: ReactNode;
  columnKey: string;
  sort: SortState;
  onSort: (key: string, numeric: boolean) => void;
  numeric?: boolean;
  title?: string;
}) {
  const active = sort.key === columnKey;
  return (
    <th
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      className={numeric ? 'num' : undefined}
      title={title}
    >
      <button
        type="button"
        className="sort"
        data-testid={`sort-${columnKey}`}
        onClick={() => onSort(columnKey, numeric)}
      >
        {label} {active ? (sort.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );
}
