import type { ReactNode } from 'react';

/**
 * A list a form edits row by row — a measure's co-executors, a project's
 * participants and milestones: each row with its own «убрать», and the
 * control that adds one underneath. `render` places the remove button (it
 * sits beside the row's last field, which differs from list to list).
 */
export function RowList<T>({
  items,
  rowKey,
  render,
  onChange,
  removeLabel,
  rowClassName,
  rowAttribute,
  add,
  testId,
}: {
  items: T[];
  rowKey: (item: T, index: number) => string | number;
  render: (item: T, index: number, remove: ReactNode) => ReactNode;
  /** The list after a row is removed. */
  onChange: (items: T[]) => void;
  removeLabel: string;
  rowClassName: string;
  /** A data attribute naming the row's index (data-milestone="0"), for tests and styles. */
  rowAttribute?: string;
  add: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      {items.map((item, k) => (
        <div
          key={rowKey(item, k)}
          className={rowClassName}
          {...(rowAttribute ? { [`data-${rowAttribute}`]: k } : {})}
        >
          {render(
            item,
            k,
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(items.filter((_, i) => i !== k))}
            >
              {removeLabel}
            </button>,
          )}
        </div>
      ))}
      {add}
    </div>
  );
}
