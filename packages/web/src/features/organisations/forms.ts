// Create and edit pages, their own lazy chunk: they carry the shared zod schemas.
export { OrganisationCreatePage, OrganisationEditPage } from './OrganisationForm.tsx';
