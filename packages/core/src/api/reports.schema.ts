import { z } from 'zod';

/**
 * A printable report (region profile, site profile, rating edition, plan status): titled
 * sections of facts or tables, and the sources they cite listed at the end.
 * The web app prints it (A4), the server writes it as XLSX and, through the
 * same web page in Chromium, as PDF.
 */
export const REPORT_KINDS = ['region', 'site', 'rating-edition', 'plan-status', 'cluster'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The language a report is written in: its own words, number and date formats (data stay as stored). */
export const ReportLangSchema = z.enum(['ru', 'en']);
export type ReportLang = z.infer<typeof ReportLangSchema>;

export const ReportCellSchema = z.union([z.string(), z.number(), z.null()]);

export const ReportSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** facts: two columns, name and value; table: columns and rows. */
  kind: z.enum(['facts', 'table']),
  columns: z.array(
    z.object({ title: z.string(), type: z.enum(['text', 'number', 'integer', 'date']) }),
  ),
  rows: z.array(z.array(ReportCellSchema)),
  note: z.string().nullable(),
});

export const ReportSourceSchema = z.object({
  /** The number cited in the report: [1], [2]… */
  number: z.number().int(),
  id: z.number().int(),
  title: z.string(),
  published: z.string().nullable().describe('Дата публикации, как в источнике'),
});

export const ReportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  subtitle: z.string().nullable(),
  generatedAt: z.string().describe('Дата и время формирования, ISO 8601'),
  sections: z.array(ReportSectionSchema),
  sources: z.array(ReportSourceSchema),
  /** What the report rests on beside the cited documents (the registry, a methodology). */
  sourcesNote: z.string(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportSection = z.infer<typeof ReportSectionSchema>;
export type ReportCell = z.infer<typeof ReportCellSchema>;

export const ReportQuerySchema = z.object({
  lang: ReportLangSchema.default('ru').describe('Язык отчёта: ru (по умолчанию) или en'),
});
