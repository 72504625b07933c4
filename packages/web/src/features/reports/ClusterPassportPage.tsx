import { Link, useParams } from 'react-router';
import type { Report } from '@promatlas/core/api/reports.schema.ts';
import { useApi } from '../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { Section } from './ReportPage.tsx';
import { localeOf, reportUrl, reportWord, useReportLang } from './report-lang.ts';
import './reports.css';
import './passport.css';

/** The matrix sections: many narrow numeric columns, set compactly so they fit the A4 width. */
const MATRIX_SECTIONS = new Set(['matrix-count', 'matrix-value']);

/**
 * The cluster passport as a printable A4 document: what the registry lacks
 * first (so nobody reads an empty matrix as «no cooperation»), then
 * composition, the cooperation matrix, functional dependence, the ПП 779
 * verdicts and gaps, projects and support, the cited sources last. The server
 * prints this same page for the PDF.
 */
export function ClusterPassportPage() {
  const { key = '' } = useParams();
  const api = `/api/reports/cluster/${encodeURIComponent(key)}`;
  const { lang, toggle } = useReportLang();
  const t = (w: Parameters<typeof reportWord>[1]) => reportWord(lang, w);
  // The server writes the passport in the page's language, as it writes its XLSX and PDF.
  const result = useApi<Report>(reportUrl(api, lang));
  const report = result.data;
  useTitle(report ? report.title : t('passport'));
  const missing = report?.sections.find((s) => s.id === 'missing');
  return (
    <div className="report-screen">
      <nav className="report-toolbar" aria-label={t('passport')}>
        <Link to={`/clusters/${key}`}>{t('backCluster')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a href={reportUrl(api, lang, 'xlsx')} download data-testid="report-xlsx">
          XLSX
        </a>
        <a href={reportUrl(api, lang, 'pdf')} download data-testid="report-pdf">
          PDF
        </a>
        <button type="button" onClick={toggle} data-testid="passport-lang">
          {t('language')}
        </button>
      </nav>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {report ? (
        <article className="report passport" lang={lang} data-report-ready data-testid="report">
          <header className="report-header">
            <p className="report-brand">{t('brandPassport')}</p>
            <h1>{report.title}</h1>
            {report.subtitle ? <p className="report-subtitle">{report.subtitle}</p> : null}
            <p className="report-date">
              {t('generated')} {new Date(report.generatedAt).toLocaleString(localeOf(lang))}
            </p>
          </header>
          {report.sections.map((section) =>
            MATRIX_SECTIONS.has(section.id) ? (
              <div key={section.id} className="passport-matrix">
                <Section section={section} lang={lang} />
              </div>
            ) : section === missing ? (
              <div key={section.id} className="passport-missing" role="note">
                <Section section={section} lang={lang} />
              </div>
            ) : (
              <Section key={section.id} section={section} lang={lang} />
            ),
          )}
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
              <p className="report-note">{t('noSourcesPassport')}</p>
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
