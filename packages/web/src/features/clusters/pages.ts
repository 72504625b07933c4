// The cluster registry pages a reader opens: one lazy chunk (the analysis pages are in analytics/pages.ts).
export { ClustersList } from './ClustersList.tsx';
export { ClusterProfile } from './ClusterProfile.tsx';
