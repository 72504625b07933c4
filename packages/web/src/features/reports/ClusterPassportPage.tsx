import { Link, useParams } from 'react-router';
import { useMemo } from 'react';
import type { Report } from '@promatlas/core/api/reports.schema.ts';
import { clusterComplianceRoute } from '@promatlas/core/api/contract/cooperation.ts';
import { useRoute } from '../../shared/api/api.ts';
import { useApi } from '../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { Section } from './ReportPage.tsx';
import { passportIn, usePassportLang } from './passport-i18n.ts';
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
  const result = useApi<Report>(api);
  const { lang, toggle, t } = usePassportLang();
  // The passport's gaps are the compliance check's, whose messages come in English too.
  const clusterId = /^\d+$/.test(key) ? Number(key) : null;
  const compliance = useRoute(
    clusterComplianceRoute,
    lang === 'en' && clusterId !== null ? { params: { id: clusterId } } : null,
  );
  const report = useMemo(() => {
    if (!result.data) return undefined;
    const gapsEn = new Map((compliance.data?.gaps ?? []).map((g) => [g.message, g.messageEn]));
    return passportIn(lang, result.data, gapsEn);
  }, [result.data, compliance.data, lang]);
  useTitle(report ? report.title : t('toolbar'));
  const missing = report?.sections.find((s) => s.id === 'missing');
  return (
    <div className="report-screen">
      <nav className="report-toolbar" aria-label={t('toolbar')}>
        <Link to={`/clusters/${key}`}>{t('back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a href={`${api}/export?format=xlsx`} download data-testid="report-xlsx">
          XLSX
        </a>
        <a href={`${api}/export?format=pdf`} download data-testid="report-pdf">
          PDF
        </a>
        <button type="button" onClick={toggle} data-testid="passport-lang">
          {t('language')}
        </button>
      </nav>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {report ? (
        <article className="report passport" data-report-ready data-testid="report">
          <header className="report-header">
            <p className="report-brand">{t('brand')}</p>
            <h1>{report.title}</h1>
            {report.subtitle ? <p className="report-subtitle">{report.subtitle}</p> : null}
            <p className="report-date">
              {t('generated')}{' '}
              {new Date(report.generatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU')}
            </p>
          </header>
          {report.sections.map((section) =>
            MATRIX_SECTIONS.has(section.id) ? (
              <div key={section.id} className="passport-matrix">
                <Section section={section} />
              </div>
            ) : section === missing ? (
              <div key={section.id} className="passport-missing" role="note">
                <Section section={section} />
              </div>
            ) : (
              <Section key={section.id} section={section} />
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
