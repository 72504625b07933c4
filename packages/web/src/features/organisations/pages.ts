// The organisation pages a reader opens: one lazy chunk.
export { OrganisationsList } from './OrganisationsList.tsx';
export { OrganisationProfile } from './OrganisationProfile.tsx';
