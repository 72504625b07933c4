import { Link, useParams } from 'react-router';
import type {
  Report,
  ReportCell,
  ReportLang,
  ReportSection,
} from '@promatlas/core/api/reports.schema.ts';
import { REPORT_KINDS, type ReportKind } from '@promatlas/core/api/reports.schema.ts';
import { useApi } from '../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { localeOf, reportUrl, reportWord, useReportLang } from './report-lang.ts';
import './reports.css';

/** Where the report's subject lives in the app, for the «back» link. */
const PROFILE: Record<ReportKind, (key: string) => string> = {
  region: (key) => `/regions/${key}`,
  site: (key) => `/sites/${key}`,
  'rating-edition': (key) => `/ratings/editions/${key}`,
  cluster: (key) => `/clusters/${key}`,
  'plan-status': (key) => `/action-plans/${key}/work`,
};

export function cellText(
  cell: ReportCell,
  type: ReportSection['columns'][number]['type'],
  lang: ReportLang = 'ru',
): string {
  if (cell === null) return '—';
  if (typeof cell === 'number')
    return type === 'integer'
      ? String(cell)
      : cell.toLocaleString(localeOf(lang), { maximumFractionDigits: 4 });
  return cell;
}

export function Section({ section, lang }: { section: ReportSection; lang: ReportLang }) {
  return (
    <section
      className={`report-section report-${section.kind}`}
      data-testid={`report-section-${section.id}`}
    >
      <h2>{section.title}</h2>
      {section.rows.length ? (
        <table>
          {section.kind === 'table' ? (
            <thead>
              <tr>
                {section.columns.map((c) => (
                  <th key={c.title} className={c.type === 'text' ? undefined : 'num'}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {section.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, k) => {
                  const type = section.columns[k]?.type ?? 'text';
                  return section.kind === 'facts' && k === 0 ? (
                    <th key={k} scope="row">
                      {cellText(cell, type, lang)}
                    </th>
                  ) : (
                    <td key={k} className={type === 'text' ? undefined : 'num'}>
                      {cellText(cell, type, lang)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {section.note ? <p className="report-note">{section.note}</p> : null}
    </section>
  );
}

/**
 * A report as a printable A4 document: outside the app's shell, a toolbar on
 * screen only (print, XLSX, PDF), page numbers from the print stylesheet, the
 * cited sources at the end. The server prints this same page for the PDF.
 */
export function ReportPage() {
  const { kind = '', key = '' } = useParams();
  const known = (REPORT_KINDS as readonly string[]).includes(kind);
  const { lang, toggle } = useReportLang();
  const t = (w: Parameters<typeof reportWord>[1]) => reportWord(lang, w);
  const api = `/api/reports/${kind}/${encodeURIComponent(key)}`;
  const result = useApi<Report>(known ? reportUrl(api, lang) : null);
  const report = result.data;
  useTitle(report ? report.title : t('report'));
  if (!known)
    return (
      <div className="report">
        <p>
          {lang === 'en'
            ? `Unknown report kind: «${kind}». There are: ${REPORT_KINDS.join(', ')}.`
            : `Неизвестный вид отчёта: «${kind}». Есть: ${REPORT_KINDS.join(', ')}.`}
        </p>
      </div>
    );
  return (
    <div className="report-screen">
      <nav className="report-toolbar" aria-label={t('report')}>
        <Link to={PROFILE[kind as ReportKind](key)}>{t('back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a href={reportUrl(api, lang, 'xlsx')} download data-testid="report-xlsx">
          XLSX
        </a>
        <a href={reportUrl(api, lang, 'pdf')} download data-testid="report-pdf">
          PDF
        </a>
        <button type="button" onClick={toggle} data-testid="report-lang">
          {t('language')}
        </button>
      </nav>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {report ? (
        <article className="report" lang={lang} data-report-ready data-testid="report">
          <header className="report-header">
            <p className="report-brand">{t('brand')}</p>
            <h1>{report.title}</h1>
            {report.subtitle ? <p className="report-subtitle">{report.subtitle}</p> : null}
            <p className="report-date">
              {t('generated')} {new Date(report.generatedAt).toLocaleString(localeOf(lang))}
            </p>
          </header>
          {report.sections.map((section) => (
            <Section key={section.id} section={section} lang={lang} />
          ))}
          <section className="report-section report-sources" data-testid="report-sources">
            <h2>{t('sources')}</h2>
            {report.sources.length ? (
              <ol>
                {report.sources.map((s) => (
                  <li key={s.id} value={s.number}>
                    <Link to={`/sources/${s.id}`}>{s.title}</Link>
                    {s.published ? `, ${s.published}` : ''}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="report-note">{t('noSources')}</p>
            )}
            <p className="report-note">{report.sourcesNote}</p>
          </section>
        </article>
      ) : result.loading ? (
        <Loading />
      ) : null}
    </div>
  );
}
