import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { SourceCreateSchema } from '@promatlas/core/api/editing.schema.ts';
import { importedFile, writeAudit, type AuditActor } from '../../audit/index.ts';
import { insertSource } from './source.repository.ts';

export async function createSource(
  db: Db,
  input: z.infer<typeof SourceCreateSchema>,
  actor?: AuditActor,
) {
  const values = {
    kind: input.kind,
    title: input.title,
    publisher: input.publisher ?? null,
    published_from: input.published?.from ?? null,
    published_to: input.published?.to ?? null,
    published_precision: input.published?.precision ?? null,
    url: input.url ?? null,
    text: input.text,
  };
  const row = await db.transaction().execute(async (trx) => {
    const row = await insertSource(trx, values);
    // The full text (up to a million characters) stays in the source; the journal has its size and hash.
    const { text, ...described } = values;
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'create',
        entityType: 'source_document',
        entityId: row.id,
        before: null,
        after: {
          id: row.id,
          ...described,
          text: importedFile({ bytes: Buffer.from(text, 'utf8') }),
        },
      });
    return row;
  });
  return { id: row.id, version: 1 };
}
