import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ClusterCooperationSchema,
  ContractCreateSchema,
  ContractSchema,
  ContractUpdateSchema,
  PurchaseCreateSchema,
  PurchaseUpdateSchema,
} from '@promatlas/core/api/cooperation.schema.ts';
import { CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import {
  DeleteQuery,
  mutationContext,
  presentingConflicts,
  registryAccess,
  versionOf,
  writeErrors,
} from '../../http/write-routes.ts';
import { readDb } from '../../db/read-db.ts';
import { IdParamsSchema } from '../../registry/shared/params.ts';
import { SourceRefs } from '../../registry/shared/mappers.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import {
  regionOfNewPurchase,
  regionOfPurchase,
  regionsOfContract,
  regionsOfNewContract,
} from './cooperation.access.ts';
import { getContractRow } from './cooperation.repository.ts';
import { presentContract } from './cooperation.presenter.ts';
import {
  createContract,
  createPurchase,
  deleteCooperationRecord,
  getClusterCooperation,
  updateContract,
  updatePurchase,
} from './cooperation.service.ts';

const TAG = ['Кооперация'];

/** Cooperation contracts between organisations and the yearly purchases of finished-product makers. */
export function cooperationRoutes(app: AppInstance): void {
  app.get(
    '/api/clusters/:id/cooperation',
    {
      schema: {
        tags: TAG,
        summary: 'Кооперация кластера: участники, договоры между ними, закупки',
        params: IdParamsSchema,
        response: {
          200: ClusterCooperationSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, viewer }) => getClusterCooperation(readDb(app, viewer), params.id),
  );
  app.get(
    '/api/cooperation-contracts/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Договор кооперации',
        params: IdParamsSchema,
        response: { 200: ContractSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => {
      const db = readDb(app, viewer);
      const row = await getContractRow(db, params.id);
      if (!row) throw new NotFoundError('Договор кооперации', 'Cooperation contract', params.id);
      return presentContract(row, await SourceRefs.load(db, [row.source_id]));
    },
  );
  app.post(
    '/api/cooperation-contracts',
    {
      config: { access: registryAccess(regionsOfNewContract) },
      schema: {
        tags: TAG,
        summary: 'Записать договор кооперации между двумя организациями',
        body: ContractCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createContract(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/cooperation-contracts/:id',
    {
      config: { access: registryAccess(regionsOfContract) },
      schema: {
        tags: TAG,
        summary: 'Изменить договор кооперации (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: ContractUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateContract(app.deps.db, mutationContext(request), request.params.id, request.body),
        versionOf(request.params.id),
      ),
  );
  app.delete(
    '/api/cooperation-contracts/:id',
    {
      config: { access: registryAccess(regionsOfContract) },
      schema: {
        tags: TAG,
        summary: 'Пометить договор кооперации удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          deleteCooperationRecord(
            app.deps.db,
            mutationContext(request),
            'cooperation_contract',
            request.params.id,
            request.query.version,
          ),
        versionOf(request.params.id),
      ),
  );
  app.post(
    '/api/cooperation-purchases',
    {
      config: { access: registryAccess(regionOfNewPurchase) },
      schema: {
        tags: TAG,
        summary: 'Записать закупки производителя конечной продукции за год',
        body: PurchaseCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPurchase(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/cooperation-purchases/:id',
    {
      config: { access: registryAccess(regionOfPurchase) },
      schema: {
        tags: TAG,
        summary: 'Изменить закупки за год (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: PurchaseUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updatePurchase(app.deps.db, mutationContext(request), request.params.id, request.body),
        versionOf(request.params.id),
      ),
  );
  app.delete(
    '/api/cooperation-purchases/:id',
    {
      config: { access: registryAccess(regionOfPurchase) },
      schema: {
        tags: TAG,
        summary: 'Пометить запись о закупках удалённой',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          deleteCooperationRecord(
            app.deps.db,
            mutationContext(request),
            'cooperation_purchase',
            request.params.id,
            request.query.version,
          ),
        versionOf(request.params.id),
      ),
  );
}
