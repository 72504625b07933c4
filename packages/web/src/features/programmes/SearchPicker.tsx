import { useState, type ReactNode } from 'react';
import { useDebounced } from '../../shared/form/useDebounced.ts';

/** One choice of a search picker: what the list shows and what choosing it does. */
export interface PickerOption {
  key: string | number;
  content: ReactNode;
  pick: () => void;
}

/** The search box's text, and the query to send: two letters at least, after a short pause. */
export interface PickerQuery {
  text: string;
  setText: (text: string) => void;
  /** Null while nothing should be searched (too short, or a record is chosen). */
  q: string | null;
}

export function usePickerQuery(searching: boolean): PickerQuery {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  return { text, setText, q: searching && q.length >= 2 ? q : null };
}

/**
 * The shell every name picker of these forms shares: the chosen record with a
 * way to change it, or a search box whose query the caller turns into options
 * with its own route.
 */
export function SearchPicker({
  picked,
  onClear,
  search,
  options,
  loading,
  placeholder,
  change,
  empty,
  id,
  testId,
  ...aria
}: {
  /** The chosen record's title, or null to search. */
  picked: string | null;
  onClear: () => void;
  search: PickerQuery;
  options: PickerOption[];
  loading: boolean;
  placeholder: string;
  change: string;
  /** Said when a search finds nothing (nothing is said when absent). */
  empty?: string;
  id?: string;
  testId: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  if (picked !== null)
    return (
      <div className="picked" data-testid={`${testId}-picked`}>
        <span>{picked}</span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            search.setText('');
            onClear();
          }}
        >
          {change}
        </button>
      </div>
    );
  return (
    <div className="picker">
      <input
        id={id}
        data-testid={testId}
        type="search"
        autoComplete="off"
        placeholder={placeholder}
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
        {...aria}
      />
      {search.q !== null ? (
        <ul className="picker-options" role="listbox" data-testid={`${testId}-options`}>
          {options.map((option) => (
            <li key={option.key}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                data-testid={`${testId}-option`}
                onClick={option.pick}
              >
                {option.content}
              </button>
            </li>
          ))}
          {empty && !loading && options.length === 0 ? (
            <li className="muted small">{empty}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
