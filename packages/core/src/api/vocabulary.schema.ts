import { z } from 'zod';
import { VOCABULARIES } from '../domain/vocabulary.ts';

/** One value of a controlled vocabulary with its labels in both languages. */
export const VocabularyTermSchema = z.object({
  value: z.string().describe('Значение, как его хранит база данных и передаёт API'),
  ru: z.string(),
  en: z.string(),
});

export const VocabulariesSchema = z
  .record(z.string(), z.array(VocabularyTermSchema))
  .describe('Словари по имени (ORGANISATION_KINDS, SITE_KINDS…): значения в порядке показа');
export type Vocabularies = z.infer<typeof VocabulariesSchema>;

/** Every vocabulary as the API sends it. */
export function vocabulariesResponse(): Vocabularies {
  return Object.fromEntries(
    Object.entries(VOCABULARIES).map(([name, vocabulary]) => [
      name,
      vocabulary.values.map((value) => ({
        value,
        ...(vocabulary.terms as Record<string, { ru: string; en: string }>)[value]!,
      })),
    ]),
  );
}
