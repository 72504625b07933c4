import { type Preview } from './registry-import-kit.ts';

export function PreviewView({
  preview,
  columns,
  onColumns,
  onRecheck,
  onStart,
  busy,
}: {
  preview: Preview;
  columns: Record<string, string>;
  onColumns: (c: Record<string, string>) => void;
  onRecheck: () => void;
  onStart: (dryRun: boolean) => void;
  busy: boolean;
}) {
  const source = {
    given: 'выбранное вами',
    saved: 'сохранённое для файлов с такими столбцами',
    suggested: 'предложенное по заголовкам',
  }[preview.mappingSource];
  return (
    <section>
      <p>
        {preview.format.toUpperCase()}
        {preview.encoding ? `, ${preview.encoding}` : ''}
        {preview.delimiter ? `, разделитель «${preview.delimiter}»` : ''}
        {preview.sheet ? `, лист «${preview.sheet}»` : ''}; строк данных: {preview.rowsTotal};
        заголовок в строке {preview.headerLine}.
      </p>
      <h2>Сопоставление столбцов</h2>
      <p className="hint">Сопоставление {source}.</p>
      <table className="mapping">
        <thead>
          <tr>
            <th>Столбец файла</th>
            <th>Поле</th>
            <th>Предложено</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, i) => (
            <tr key={`${header}-${i}`}>
              <td>{header || <em>без названия</em>}</td>
              <td>
                <select
                  aria-label={`Поле для столбца ${header}`}
                  data-testid="map-select"
                  data-header={header}
                  value={columns[header] ?? ''}
                  onChange={(e) => onColumns({ ...columns, [header]: e.target.value })}
                >
                  <option value="">— не импортировать —</option>
                  {preview.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {preview.fields.find((f) => f.key === preview.suggested[header])?.label ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onRecheck} disabled={busy}>
        Проверить с этим сопоставлением
      </button>
      <h2>Первые строки</h2>
      <table className="preview">
        <thead>
          <tr>
            <th>Строка</th>
            <th>Значения</th>
            <th>Проверка</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr
              key={row.line}
              className={row.valid ? 'valid' : 'invalid'}
              data-testid="preview-row"
              data-valid={String(row.valid)}
            >
              <td>{row.line}</td>
              <td>
                {Object.entries(row.values)
                  .filter(([, v]) => v !== '')
                  .map(([k, v]) => `${preview.fields.find((f) => f.key === k)?.label ?? k}: ${v}`)
                  .join('; ')}
              </td>
              <td>
                {row.valid
                  ? 'верно'
                  : row.problems
                      .map((p) => `${p.column ? `«${p.column}»: ` : ''}${p.message}`)
                      .join('; ')}
                {row.warnings.length > 0 && ` (${row.warnings.map((w) => w.message).join('; ')})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onStart(true)} disabled={busy} data-testid="dry-run">
          Пробный прогон
        </button>{' '}
        <button
          type="button"
          className="primary"
          onClick={() => onStart(false)}
          disabled={busy}
          data-testid="start-import"
        >
          Импортировать
        </button>
      </div>
    </section>
  );
}
