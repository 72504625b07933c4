// Cluster analysis pages (issue 4): one lazy chunk, loaded from App.tsx.
import './clusters.css';

export { ClusterMapPage } from './ClusterMapPage.tsx';
export { RegionPortfolioPage } from './RegionPortfolioPage.tsx';
export { DatasetsPage } from './DatasetsPage.tsx';
