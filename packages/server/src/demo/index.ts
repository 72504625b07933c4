/** What other features may use of demo: its public surface. */
export { ROSSTAT_ORG_COUNTS, loadDefaultStatistics } from './load-default-statistics.ts';
export { loadDemoData } from './load-demo-data.ts';
export { loadIllustrativeDataset } from './load-illustrative-dataset.ts';
