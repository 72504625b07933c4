import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ConflictResponseSchema,
  DuplicateResponseSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { RecordVersionSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AccessRule, RegionResolver } from '../auth/index.ts';
import type { Viewer } from '../auth/index.ts';
import type { MutationContext } from '../shared/records/versioned-record.repository.ts';
import { StaleVersionError } from '../shared/domain-errors.ts';

/** What every state-changing registry route shares: its tag, error answers, access and context. */

export const EDIT_TAG = ['Редактирование'];

/** A delete names the version it saw, like an update, so a record changed meanwhile is not deleted unseen. */
export const DeleteQuery = z.object({
  version: z.coerce
    .number({ message: 'Укажите версию удаляемой записи (?version=…)' })
    .int('Версия — целое число')
    .min(1, 'Версия — целое число от 1')
    .max(2_147_483_647, 'Версия — целое число от 1')
    .describe('Версия записи, которую удаляют (обязательна)'),
});

export const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

export const writeErrors = {
  ...errors,
  409: z.union([ConflictResponseSchema, DuplicateResponseSchema, ErrorResponseSchema]),
};

/** A registry editor may change a record when it touches a region granted to them. */
export const registryAccess = (
  regions: RegionResolver,
  anyEditorWhenNoRegion = false,
): AccessRule => ({
  scope: 'registry',
  regions,
  anyEditorWhenNoRegion,
});

export const mutationContext = (request: { viewer: Viewer }): MutationContext => ({
  viewer: request.viewer,
});

type ConflictCurrent = z.output<typeof ConflictResponseSchema>['error']['current'];

/**
 * A refused stale write answers with the record as its profile presents it —
 * the response type the editor loaded — never with a table row: `present`
 * reads it again once the refused transaction has ended.
 */
export async function presentingConflicts<T>(
  work: () => Promise<T>,
  present: (currentVersion: number) => Promise<ConflictCurrent>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    throw new StaleVersionError(await present(error.currentVersion), error.currentVersion);
  }
}

/** A nested record (position, membership, statement) is named by its id and version in a conflict. */
export const versionOf =
  (id: number) =>
  async (currentVersion: number): Promise<z.output<typeof RecordVersionSchema>> => ({
    id,
    version: currentVersion,
  });
