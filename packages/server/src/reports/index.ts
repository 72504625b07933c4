// What other features may use of the reports: their routes and the report builders.
export { reportRoutes } from './reports.routes.ts';
export { ratingEditionReport, regionReport, siteReport } from './reports.service.ts';
export { reportXlsx } from './report-xlsx.ts';
export { clusterPassportReport } from './cluster-passport.service.ts';
export { planStatusReport } from './plan-status-report.ts';
