export { OrganisationProfile } from './OrganisationProfile.tsx';
export { PersonProfile } from './PersonProfile.tsx';
export { SiteProfile } from './SiteProfile.tsx';
export { ClusterProfile } from './ClusterProfile.tsx';
export { RegionProfile } from './RegionProfile.tsx';
export { EventProfile } from './EventProfile.tsx';
export { AgreementProfile, ActionPlanProfile } from './ProgrammeProfiles.tsx';
export { ProjectProfile } from './ProjectProfile.tsx';
