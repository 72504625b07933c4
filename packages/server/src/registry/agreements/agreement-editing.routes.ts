import { z } from 'zod';
import { CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import {
  AgreementCreateSchema,
  AgreementUpdateSchema,
  AgreementWorkSchema,
  DirectionCreateSchema,
  DirectionUpdateSchema,
  MeasureListQuerySchema,
} from '@promatlas/core/api/programmes.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import type { Viewer } from '../../auth/index.ts';
import { readDb } from '../../db/read-db.ts';
import { measuresTable } from '../action-plans/index.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { todayInMoscow } from '../shared/programme-input.ts';
import { ofAgreement, ofDirection, programmeFromBody } from '../shared/programme-access.ts';
import {
  DeleteQuery,
  ExportQuery,
  programme,
  readErrors,
  TAG,
  versioned,
  writeErrors,
} from '../shared/programme-route-kit.ts';
import { sendTable } from '../action-plans/index.ts';
import {
  addDirection,
  agreementWork,
  createAgreement,
  deleteAgreement,
  removeDirection,
  restoreAgreement,
  restoreDirection,
  updateAgreement,
  updateDirection,
} from './agreement-editing.service.ts';

/** Agreements at work: parties and signatories, directions, obligations under each. */
export function agreementEditingRoutes(app: AppInstance): void {
  const db = () => app.deps.db;
  const ctx = (request: { viewer: Viewer }) => ({ viewer: request.viewer });

  app.post(
    '/api/agreements',
    {
      config: { access: programme(programmeFromBody) },
      schema: {
        tags: TAG,
        summary:
          'Создать соглашение: стороны, подписанты с должностями, дата, место или мероприятие, направления',
        body: AgreementCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAgreement(db(), ctx(request), request.body)),
  );
  app.patch(
    '/api/agreements/:id',
    {
      config: { access: programme(ofAgreement) },
      schema: {
        tags: TAG,
        summary: 'Изменить соглашение (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: AgreementUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        updateAgreement(db(), ctx(request), request.params.id, request.body),
      ),
  );
  app.delete(
    '/api/agreements/:id',
    {
      config: { access: programme(ofAgreement) },
      schema: {
        tags: TAG,
        summary: 'Пометить соглашение удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        deleteAgreement(db(), ctx(request), request.params.id, request.query.version),
      ),
  );
  app.post(
    '/api/agreements/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённое соглашение',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => restoreAgreement(db(), ctx(request), request.params.id),
  );
  app.get(
    '/api/agreements/:id/work',
    {
      schema: {
        tags: TAG,
        summary: 'Предмет соглашения, направления и обязательства по ним',
        params: IdParamsSchema,
        querystring: MeasureListQuerySchema.pick({ today: true }),
        response: { 200: AgreementWorkSchema, ...readErrors },
      },
    },
    async (request) =>
      agreementWork(
        readDb(app, request.viewer),
        request.params.id,
        request.query.today ?? todayInMoscow(),
      ),
  );
  app.get(
    '/api/agreements/:id/export',
    {
      schema: {
        tags: TAG,
        summary: 'Соглашение в XLSX или CSV: направления и обязательства',
        params: IdParamsSchema,
        querystring: ExportQuery,
        response: { 200: z.string().describe('Файл выгрузки: XLSX или CSV'), ...readErrors },
      },
    },
    async (request, reply) => {
      const work = await agreementWork(
        readDb(app, request.viewer),
        request.params.id,
        request.query.today ?? todayInMoscow(),
      );
      const table = measuresTable(
        'Соглашение',
        [work.agreement.title, ...(work.subject ? [`Предмет: ${work.subject}`] : [])],
        work.directions.map((d) => ({ name: d.title, measures: d.obligations })),
      );
      // Directions without obligations still appear, as rows of their own.
      for (const d of work.directions)
        if (!d.obligations.length)
          table.rows.push([
            null,
            d.title,
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            null,
            '',
            null,
            '',
            null,
            '',
          ]);
      return sendTable(reply, table, request.query.format, `agreement-${work.agreement.id}`);
    },
  );
  app.post(
    '/api/agreements/:id/directions',
    {
      config: { access: programme(ofAgreement) },
      schema: {
        tags: TAG,
        summary: 'Добавить направление сотрудничества',
        params: IdParamsSchema,
        body: DirectionCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDirection(db(), ctx(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/agreement-directions/:id',
    {
      config: { access: programme(ofDirection) },
      schema: {
        tags: TAG,
        summary: 'Изменить направление',
        params: IdParamsSchema,
        body: DirectionUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        updateDirection(db(), ctx(request), request.params.id, request.body),
      ),
  );
  app.delete(
    '/api/agreement-directions/:id',
    {
      config: { access: programme(ofDirection) },
      schema: {
        tags: TAG,
        summary: 'Пометить направление удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        removeDirection(db(), ctx(request), request.params.id, request.query.version),
      ),
  );
  app.post(
    '/api/agreement-directions/:id/restore',
    {
      config: { access: programme(ofDirection) },
      schema: {
        tags: TAG,
        summary: 'Вернуть удалённое направление (отмена удаления)',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => restoreDirection(db(), ctx(request), request.params.id),
  );
}
