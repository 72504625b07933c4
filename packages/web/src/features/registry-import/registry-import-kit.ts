// What the registry import page's parts share: the API's shapes, the vocabularies' labels, the upload.
import type { z } from 'zod';
import type {
  QuarantineListSchema,
  QuarantineRowSchema,
  RegistryImportJobSchema,
  RegistryPreviewSchema,
} from '@promatlas/core/api/registry-import.schema.ts';
import {
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_STATUSES,
} from '@promatlas/core/domain/vocabulary.ts';
import { apiSend } from '../../shared/api/client.ts';

export type Preview = z.infer<typeof RegistryPreviewSchema>;
export type Job = z.infer<typeof RegistryImportJobSchema>;
export type QuarantinePage = z.infer<typeof QuarantineListSchema>;
export type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

export const STATUS = REGISTRY_IMPORT_STATUSES.labels;
export const REASONS = REGISTRY_IMPORT_REASONS.labels;

export type Entity = Preview['entity'];

/** What a file may hold, as the import page offers it. */
export const ENTITIES: Array<{ value: Entity; label: string }> = [
  { value: 'organisations', label: 'Организации' },
  { value: 'people', label: 'Персоны с должностями' },
  { value: 'sites', label: 'Площадки (ОЭЗ, парки, технопарки) с резидентами' },
  { value: 'clusters', label: 'Кластеры с участниками' },
  { value: 'contracts', label: 'Договоры кооперации' },
  { value: 'statements', label: 'Факты (показатели на дату)' },
];

/** The page of a record an import wrote, where the registry has one. */
export const RECORD_PAGE: Partial<Record<Entity, string>> = {
  organisations: '/organisations',
  people: '/people',
  sites: '/sites',
  clusters: '/clusters',
};

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Uploads the file (streamed by the browser) and answers its upload id. */
export async function upload(file: File): Promise<string> {
  return (await apiSend<{ uploadId: string }>('POST', '/api/registry-imports/files', file))
    .uploadId;
}
