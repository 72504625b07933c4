// Declared with the API contract, so server routes and the web client share it.
export { IdParamsSchema } from '@promatlas/core/api/contract.ts';
