// The region pages: one lazy chunk.
export { RegionsList } from './RegionsList.tsx';
export { RegionProfile } from './RegionProfile.tsx';
