// The supplier search page: one lazy chunk.
export { SupplierSearchPage } from './SupplierSearchPage.tsx';
