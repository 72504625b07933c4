import { useId, useMemo, useRef, useState } from 'react';
import type { IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import { INDUSTRY_TYPE_LABELS } from './format.ts';

export interface IndustryOption {
  code: string;
  name: string;
  type: IndustryType | null;
}

/**
 * A searchable select of industries or cluster categories: type a code or
 * part of a name, pick with the mouse or ↑/↓ and Enter. Closed, it shows the
 * chosen option's code and name.
 */
export function IndustryCombobox({
  options,
  value,
  onChange,
  label,
}: {
  options: IndustryOption[];
  value: string | null;
  onChange: (code: string) => void;
  label: string;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const chosen = options.find((o) => o.code === value);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return options;
    return options.filter(
      (o) => o.code.toLowerCase().startsWith(q) || o.name.toLowerCase().includes(q),
    );
  }, [options, query]);

  const pick = (option: IndustryOption) => {
    onChange(option.code);
    setQuery('');
    setOpen(false);
    input.current?.blur();
  };

  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        data-testid="industry-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={chosen ? `${chosen.code} — ${chosen.name}` : 'код или название'}
        value={open ? query : chosen ? `${chosen.name} (${chosen.code})` : ''}
        onFocus={() => {
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((a) => Math.min(a + 1, filtered.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (event.key === 'Enter' && filtered[active]) {
            event.preventDefault();
            pick(filtered[active]);
          } else if (event.key === 'Escape') {
            setOpen(false);
            setQuery('');
          }
        }}
      />
      {open ? (
        <ul
          id={`${id}-list`}
          role="listbox"
          className="combobox-list"
          data-testid="industry-options"
        >
          {filtered.length === 0 ? (
            <li className="muted combobox-empty">ничего не найдено</li>
          ) : null}
          {filtered.map((option, k) => (
            <li
              key={option.code}
              role="option"
              aria-selected={option.code === value}
              className={`combobox-option${k === active ? ' active' : ''}`}
              data-testid="industry-option"
              data-code={option.code}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(k)}
            >
              <span className="combobox-code">{option.code}</span> {option.name}
              {option.type ? (
                <span className="muted small"> · {INDUSTRY_TYPE_LABELS[option.type]}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
