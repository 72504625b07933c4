/**
 * «Скачать CSV / XLSX» links to a table export: the export's path and the
 * filters on screen (undefined and empty ones left out), so the file holds
 * what the page shows, every row of it.
 */
export function exportHref(
  path: string,
  filters: Record<string, string | number | undefined | null>,
  format: 'csv' | 'xlsx',
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  query.set('format', format);
  return `${path}?${query.toString()}`;
}

export function DownloadLinks({
  path,
  filters = {},
  label,
  testId,
}: {
  path: string;
  filters?: Record<string, string | number | undefined | null>;
  /** What is downloaded, when the place does not say it («значения», «категории»). */
  label?: string;
  testId: string;
}) {
  return (
    <span className="export-links" data-testid={testId}>
      {label ? `${label}: ` : ''}Скачать{' '}
      <a href={exportHref(path, filters, 'csv')} download data-testid={`${testId}-csv`}>
        CSV
      </a>
      {' / '}
      <a href={exportHref(path, filters, 'xlsx')} download data-testid={`${testId}-xlsx`}>
        XLSX
      </a>
    </span>
  );
}
