// Create and edit pages of registry records, one lazy chunk with the shared zod schemas.
export { OrganisationCreatePage, OrganisationEditPage } from './organisations/OrganisationForm.tsx';
export { PersonCreatePage, PersonEditPage } from './people/PersonForm.tsx';
export { SiteCreatePage, SiteEditPage } from './sites/SiteForm.tsx';
export { ClusterCreatePage, ClusterEditPage } from './clusters/ClusterForm.tsx';
