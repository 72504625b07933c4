// What other features may use of the registry import.
export { registryImportRoutes } from './registry-import.routes.ts';
export {
  importRegistryFile,
  markInterruptedRegistryImports,
  settleRegistryImports,
  type ImportActor,
  type RegistryFile,
} from './registry-import.service.ts';
export { listRegistryImportQuarantine } from './quarantine.service.ts';
export {
  DEFINITIONS as REGISTRY_ENTITY_DEFINITIONS,
  ENTITIES as REGISTRY_ENTITIES,
  entityOf,
  type RegistryEntity,
} from './entities.ts';
export { ORGANISATION_FIELDS, ORGANISATION_FIELD_KEYS } from './organisation-fields.ts';
export { readRegistryFile, streamRegistryFile } from './read-registry-file.ts';
export type {
  CheckedRow,
  ColumnMapping,
  ReadRegistryHead,
  ReadRegistryAnswer,
  RegistryReadOptions,
} from './read-registry-file.ts';
