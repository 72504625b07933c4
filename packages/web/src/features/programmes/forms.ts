// Create and edit pages of events and agreements, their own lazy chunk: they carry the shared zod schemas.
export { EventCreatePage, EventEditPage } from './EventForm.tsx';
export { AgreementCreatePage, AgreementEditPage } from './AgreementForm.tsx';
