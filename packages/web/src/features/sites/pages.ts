// The site pages a reader opens: one lazy chunk.
export { SitesList } from './SitesList.tsx';
export { SiteProfile } from './SiteProfile.tsx';
