/** What other features may use of reference: its public surface. */
export { importOkpd2File } from './import-okpd2.ts';
export { importOktmoFile } from './import-oktmo.ts';
export { importOkvedFile } from './import-okved.ts';
export { SHIPPED_FILES, readShippedFile } from './shipped-data.ts';
export { syncReferenceData } from './sync-reference-data.ts';
