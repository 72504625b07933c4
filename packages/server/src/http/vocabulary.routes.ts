import { VocabulariesSchema, vocabulariesResponse } from '@promatlas/core/api/vocabulary.schema.ts';
import type { AppInstance } from './app-instance.ts';

/** The controlled vocabularies with Russian and English labels, for API clients that show or export them. */
export function vocabularyRoutes(app: AppInstance): void {
  const body = vocabulariesResponse();
  app.get(
    '/api/vocabularies',
    {
      schema: {
        tags: ['Служебное'],
        summary:
          'Словари реестра: значения видов, статусов, ролей и причин с подписями по-русски и по-английски',
        response: { 200: VocabulariesSchema },
      },
    },
    async () => body,
  );
}
