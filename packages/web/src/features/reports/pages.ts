// The report pages: one lazy chunk.
export { ReportPage } from './ReportPage.tsx';
