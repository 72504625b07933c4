import { presentingConflicts, versionOf } from '../../http/write-routes.ts';
import { CreatedSchema, StatementCreateSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import {
  DeleteQuery,
  EDIT_TAG as TAG,
  mutationContext,
  registryAccess as registry,
  writeErrors,
} from '../../http/write-routes.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { regionOfChild, regionOfStatementSubject } from '../shared/region-resolvers.ts';
import { removeChild } from '../shared/registry-editing.service.ts';
import { addStatement } from './statement.service.ts';

/** Dated facts about any registry record: a new value never overwrites the earlier one. */
export function statementRoutes(app: AppInstance): void {
  app.post(
    '/api/statements',
    {
      config: { access: registry(regionOfStatementSubject) },
      schema: {
        tags: TAG,
        summary: 'Записать факт о записи на дату (прежние значения остаются)',
        body: StatementCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addStatement(
            app.deps.db,
            mutationContext(request),
            request.body,
            new Date().toISOString().slice(0, 10),
          ),
        ),
  );
  app.delete(
    '/api/statements/:id',
    {
      config: { access: registry(regionOfChild('statement')) },
      schema: {
        tags: TAG,
        summary: 'Пометить факт удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          removeChild(
            app.deps.db,
            mutationContext(request),
            'statement',
            request.params.id,
            request.query.version,
          ),
        versionOf(request.params.id),
      ),
  );
}
