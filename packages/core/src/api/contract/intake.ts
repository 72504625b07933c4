import {
  IntakeDecisionResponseSchema,
  IntakeDecisionsSchema,
  IntakeDocumentCreateSchema,
  IntakeDocumentListSchema,
  IntakeReviewSchema,
} from '../intake.schema.ts';
import { defineRoute, IdParamsSchema } from './kit.ts';

// Document intake: a press release in, proposed facts out, decided by a person.

export const createIntakeDocumentRoute = defineRoute({
  method: 'POST',
  path: '/api/intake/documents',
  body: IntakeDocumentCreateSchema,
  response: IntakeReviewSchema,
});

export const listIntakeDocumentsRoute = defineRoute({
  method: 'GET',
  path: '/api/intake/documents',
  response: IntakeDocumentListSchema,
});

export const getIntakeReviewRoute = defineRoute({
  method: 'GET',
  path: '/api/intake/documents/:id',
  params: IdParamsSchema,
  response: IntakeReviewSchema,
});

export const decideIntakeProposalsRoute = defineRoute({
  method: 'POST',
  path: '/api/intake/documents/:id/decisions',
  params: IdParamsSchema,
  body: IntakeDecisionsSchema,
  response: IntakeDecisionResponseSchema,
});
