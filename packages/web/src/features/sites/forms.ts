// Create and edit pages, their own lazy chunk: they carry the shared zod schemas.
export { SiteCreatePage, SiteEditPage } from './SiteForm.tsx';
