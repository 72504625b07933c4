// Rating pages, one lazy chunk: ECharts and core's rating engine load only here.
export { RatingsPage } from './RatingsPage.tsx';
export { EditionPage } from './EditionPage.tsx';
export { MethodologyPage } from './MethodologyPage.tsx';
export { WeightsEditorPage } from './WeightsEditorPage.tsx';
export { ComparePage } from './ComparePage.tsx';
export { ImportValuesPage } from './ImportValuesPage.tsx';
