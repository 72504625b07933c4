// Cluster analysis and dataset pages: one lazy chunk, loaded from app/App.tsx.
import './clusters.css';

export { ClusterMapPage } from './ClusterMapPage.tsx';
export { RegionPortfolioPage } from './RegionPortfolioPage.tsx';
export { DatasetsPage } from '../datasets/DatasetsPage.tsx';
