import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  IntakeDecisionsSchema,
  IntakeDecisionResponseSchema,
  IntakeDocumentCreateSchema,
  IntakeDocumentListSchema,
  IntakeReviewSchema,
  type IntakeDecisions,
} from '@promatlas/core/api/intake.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import type { RegionResolver, Viewer } from '../auth/index.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { UnauthenticatedError } from '../shared/domain-errors.ts';
import {
  createIntakeDocument,
  listIntakeDocuments,
  reviewIntakeDocument,
} from './intake.service.ts';
import { decideProposals, regionsOfDecision } from './intake-decisions.service.ts';
import { documentListDto } from './intake.presenter.ts';

const TAG = ['Разбор документов'];
/** A 10 MB file as base64 in JSON, with room for the other fields. */
const BODY_LIMIT = 15 * 1024 * 1024;
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

/** Documents under review are staff material: never shown to the public reader. */
function staffOnly(viewer: Viewer): void {
  if (!viewer.user)
    throw new UnauthenticatedError(
      'Войдите в систему, чтобы разбирать документы',
      'Sign in to review documents',
    );
}

/** A decision touches the regions of the proposals it accepts or rejects (after the edits). */
const decisionRegions: RegionResolver = (request, db) =>
  regionsOfDecision(
    db,
    Number((request.params as { id: number }).id),
    request.body as IntakeDecisions,
  );

export function intakeRoutes(app: AppInstance): void {
  app.post(
    '/api/intake/documents',
    {
      // Anyone signed in may read a document for proposals (analysts included); accepting is the editors'.
      config: { access: 'signed_in' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAG,
        summary:
          'Разобрать документ: текст или файл (.txt, .docx, .html, .pdf) → упоминания и предложения',
        description:
          'Документ сохраняется как черновик разбора (не в реестре) и становится источником при первом принятом предложении. Тот же текст повторно возвращает уже разбираемый документ (reused: true) с его решениями.',
        body: IntakeDocumentCreateSchema,
        response: {
          200: IntakeReviewSchema,
          201: IntakeReviewSchema,
          ...errors,
          413: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { id, reused } = await createIntakeDocument(app.deps.db, request.viewer, request.body);
      const review = await reviewIntakeDocument(app.deps.db, id, reused);
      return reply.status(reused ? 200 : 201).send(review);
    },
  );
  app.get(
    '/api/intake/documents',
    {
      schema: {
        tags: TAG,
        summary: 'Документы на разборе (для вошедших пользователей)',
        response: { 200: IntakeDocumentListSchema, 401: ErrorResponseSchema },
      },
    },
    async ({ viewer }) => {
      staffOnly(viewer);
      return documentListDto(await listIntakeDocuments(app.deps.db));
    },
  );
  app.get(
    '/api/intake/documents/:id',
    {
      schema: {
        tags: TAG,
        summary:
          'Разбор документа: текст, упоминания по видам, предложения с совпадениями и решениями',
        params: IdParamsSchema,
        response: { 200: IntakeReviewSchema, ...errors },
      },
    },
    async ({ params, viewer }) => {
      staffOnly(viewer);
      return reviewIntakeDocument(app.deps.db, params.id, false);
    },
  );
  app.post(
    '/api/intake/documents/:id/decisions',
    {
      config: { access: { scope: 'registry', regions: decisionRegions } },
      schema: {
        tags: TAG,
        summary: 'Принять (с правками) или отклонить предложения: по ключам или все одного вида',
        description:
          'Принятие пишет записи, связи и факты с источником и точной цитатой в одной транзакции, с журналом изменений. Региональный редактор принимает только то, что касается его регионов.',
        params: IdParamsSchema,
        body: IntakeDecisionsSchema,
        response: {
          200: IntakeDecisionResponseSchema,
          ...errors,
          409: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async ({ params, body, viewer }) => {
      const result = await decideProposals(app.deps.db, viewer, params.id, body);
      return { ...(await reviewIntakeDocument(app.deps.db, params.id, false)), result };
    },
  );
}
