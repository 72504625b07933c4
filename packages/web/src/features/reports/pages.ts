// The report pages: one lazy chunk.
export { ReportPage } from './ReportPage.tsx';
export { ClusterPassportPage } from './ClusterPassportPage.tsx';
