import { createHash } from 'node:crypto';
import {
  buildProposals,
  emptyIntakeResult,
  extractIntake,
  highlightMentions,
  type Proposal,
  type ProposalMention,
} from '@promatlas/core/intake/index.ts';
import type { IntakeDocumentCreate } from '@promatlas/core/api/intake.schema.ts';
import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/index.ts';
import { NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import { INTAKE_TEXT_LIMIT, normaliseText, readDocument } from './read-document.ts';
import * as repo from './intake.repository.ts';
import { referencedRecords, reviewDto } from './intake.presenter.ts';
import { linkedRegions, matchProposals, regionsOf } from './intake-matching.ts';

export type RecordRef = { type: string; id: string };

export interface Match {
  status: 'existing' | 'new';
  record: RecordRef | null;
  reason: string;
  reasonEn: string;
}

export interface Analysis {
  doc: repo.IntakeDocumentRow;
  mentions: ProposalMention[];
  proposals: Proposal[];
  matches: Map<string, Match>;
  regions: Map<string, string | null>;
  decisions: Map<string, repo.IntakeDecisionRow>;
  notice: { message: string; messageEn: string } | null;
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function titleOf(text: string): string {
  const line = text.split('\n').find((l) => /\p{L}{3}/u.test(l)) ?? 'Документ';
  const t = line.trim();
  // A release's first line may be its whole first paragraph: cut at a word, about 120 characters.
  if (t.length <= 120) return t;
  const cut = t.lastIndexOf(' ', 117);
  return t.slice(0, cut > 60 ? cut : 117) + '…';
}

/**
 * A pasted text or an uploaded file becomes a draft for review: its text is
 * kept privately (no source, no record) until a proposal is accepted. The
 * same text again gives the draft already under review, with its decisions.
 * Bad input (an empty, binary, protected or image-only file) is refused
 * before anything is stored.
 */
export async function createIntakeDocument(
  db: Db,
  viewer: Viewer,
  input: IntakeDocumentCreate,
): Promise<{ id: number; reused: boolean }> {
  let text: string;
  let format: repo.IntakeDocumentRow['format'];
  let fileName: string | null = null;
  if (input.file) {
    fileName = input.file.name;
    const bytes = Buffer.from(input.file.contentBase64, 'base64');
    ({ text, format } = await readDocument(bytes, fileName));
  } else {
    text = normaliseText(input.text ?? '');
    format = 'text';
  }
  if (!/\S/.test(text))
    throw new ValidationError(
      fileName ? `В файле «${fileName}» нет текста` : 'Текст документа пуст',
      fileName ? `"${fileName}" contains no text` : 'The document text is empty',
      {
        code: 'empty_text',
        fields: [
          {
            field: fileName ? 'file' : 'text',
            message: 'Нет текста для разбора',
            messageEn: 'No text to read',
          },
        ],
      },
    );
  if (text.length > INTAKE_TEXT_LIMIT)
    throw new ValidationError(
      `Текст документа длиннее ${INTAKE_TEXT_LIMIT.toLocaleString('ru-RU')} символов`,
      `The document text is longer than ${INTAKE_TEXT_LIMIT} characters`,
      {
        code: 'text_too_long',
        fields: [
          {
            field: fileName ? 'file' : 'text',
            message: 'Слишком длинный текст',
            messageEn: 'Text too long',
          },
        ],
      },
    );
  const hash = sha256(text);
  const existing = await repo.findDocumentByHash(db, hash);
  if (existing) return { id: existing.id, reused: true };
  const { row, created } = await repo.insertDocument(db, {
    title: input.title?.trim() || titleOf(text),
    publisher: input.publisher ?? null,
    published_on: input.published ?? null,
    url: input.url ?? null,
    file_name: fileName,
    format,
    text,
    text_sha256: hash,
    created_by: viewer.user?.id ?? null,
  });
  return { id: row.id, reused: !created };
}

export async function listIntakeDocuments(db: Db) {
  return repo.listDocuments(db, 200);
}

async function loadDocument(db: Db, id: number) {
  const doc =
    Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await repo.getDocument(db, id) : undefined;
  if (!doc) throw new NotFoundError('Документ для разбора', 'Intake document', id);
  return doc;
}

/** Runs the extractor on the document and matches every proposal with the registry. */
export async function analyseDocument(db: Db, id: number): Promise<Analysis> {
  const doc = await loadDocument(db, id);
  const published = doc.published_on ?? undefined;
  // Only Russian texts are read: a text without Cyrillic proposes nothing (its capitalised words are not names).
  const cyrillic = /[а-яё]/i.test(doc.text);
  const result = cyrillic
    ? extractIntake(doc.text, published ? { published } : {})
    : emptyIntakeResult();
  const proposals = buildProposals(doc.text, result, { published });
  const decisions = new Map((await repo.listDecisions(db, doc.id)).map((d) => [d.proposal_key, d]));
  const matches = await matchProposals(db, proposals);
  const regions = regionsOf(proposals, matches, await linkedRegions(db, proposals, matches, {}));
  const notice = cyrillic
    ? proposals.length === 0
      ? {
          message: 'В тексте не найдено фактов для предложения',
          messageEn: 'No facts found in the text',
        }
      : null
    : {
        message: 'В тексте нет кириллицы: разбираются только тексты на русском языке',
        messageEn: 'The text has no Cyrillic letters: only Russian texts are read',
      };
  return {
    doc,
    mentions: highlightMentions(result),
    proposals,
    matches,
    regions,
    decisions,
    notice,
  };
}

/** The review of a document: its text, mentions and proposals with their matches and decisions. */
export async function reviewIntakeDocument(db: Db, id: number, reused: boolean) {
  const a = await analyseDocument(db, id);
  const titles = await repo.recordTitles(db, referencedRecords(a));
  const names = await repo.regionNames(db);
  for (const [k, v] of titles) if (k.startsWith('region:')) titles.set(k, names.get(v) ?? v);
  return reviewDto(a, reused, titles);
}
