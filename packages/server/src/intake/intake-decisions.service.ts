import { type Proposal, type ProposalKind } from '@promatlas/core/intake/index.ts';
import type { IntakeDecisions } from '@promatlas/core/api/intake.schema.ts';
import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/index.ts';
import { importedFile } from '../audit/index.ts';
import { NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import * as repo from './intake.repository.ts';
import { analyseDocument, type Analysis, type RecordRef } from './intake.service.ts';
import { linkedRegions, regionsOf } from './intake-matching.ts';
import { acceptOne, fieldProblem, type Ctx } from './intake-accept.ts';

/**
 * The reviewer's decisions on an intake document's proposals: which ones are
 * chosen, the regions they touch (for the regional editor's check), and
 * accepting or rejecting them in one transaction.
 */

const KIND_ORDER: ProposalKind[] = [
  'organisation',
  'place',
  'person',
  'event',
  'agreement',
  'fact',
];

export function selected(a: Analysis, input: IntakeDecisions): Proposal[] {
  if (input.kind)
    return a.proposals.filter((p) => p.kind === input.kind && !a.decisions.has(p.key));
  const keys = new Set(input.keys ?? []);
  const unknown = [...keys].filter((k) => !a.proposals.some((p) => p.key === k));
  if (unknown.length)
    throw new ValidationError(
      `Нет таких предложений в документе: ${unknown.slice(0, 5).join(', ')}`,
      `No such proposals in the document: ${unknown.slice(0, 5).join(', ')}`,
      {
        code: 'unknown_proposal',
        fields: [
          { field: 'keys', message: 'Предложение не найдено', messageEn: 'Proposal not found' },
        ],
      },
    );
  return a.proposals.filter((p) => keys.has(p.key));
}

/**
 * The regions a decision touches (each proposal's, after the reviewer's edits and
 * the records it links to), or null when the document does not exist (404).
 */
export async function regionsOfDecision(
  db: Db,
  id: number,
  input: IntakeDecisions,
): Promise<Array<string | null> | null> {
  let a: Analysis;
  try {
    a = await analyseDocument(db, id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  let chosen: Proposal[];
  try {
    chosen = selected(a, input);
  } catch {
    return [];
  }
  const recordRegions = await linkedRegions(db, a.proposals, a.matches, input.edits ?? {});
  const regions = regionsOf(a.proposals, a.matches, recordRegions);
  return chosen
    .filter((p) => !a.decisions.has(p.key))
    .map((p) => {
      const edit = input.edits?.[p.key];
      if (edit?.regionCode !== undefined) return edit.regionCode;
      return regions.get(p.key) ?? null;
    });
}

/**
 * Accepts or rejects proposals in one transaction: on the first acceptance the
 * document becomes a source; each accepted proposal writes its records,
 * relations and statements with that source and the proposal's sentence as
 * the quote, every row audited, and the decision is kept by the proposal's
 * key. A proposal already decided is left as it is.
 */
export async function decideProposals(
  db: Db,
  viewer: Viewer,
  id: number,
  input: IntakeDecisions,
): Promise<{ accepted: number; rejected: number; skipped: number }> {
  const a = await analyseDocument(db, id);
  const chosen = selected(a, input).sort(
    (x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind),
  );
  const edits = input.edits ?? {};
  for (const [key, edit] of Object.entries(edits)) {
    if (!a.proposals.some((p) => p.key === key))
      throw fieldProblem(
        key,
        'Правка для несуществующего предложения',
        'Edit of an unknown proposal',
      );
    if (edit.regionCode && !(await repo.regionExists(db, edit.regionCode)))
      throw fieldProblem(
        key,
        `Регион ${edit.regionCode} не найден`,
        `Region ${edit.regionCode} not found`,
      );
  }
  const userId = viewer.user?.id ?? null;
  return db.transaction().execute(async (trx) => {
    const doc = (await repo.lockDocument(trx, a.doc.id))!;
    const decided = new Map(
      (await repo.decisionsInTransaction(trx, doc.id)).map((d) => [d.proposal_key, d]),
    );
    const todo = chosen.filter((p) => !decided.has(p.key));
    const counts = { accepted: 0, rejected: 0, skipped: chosen.length - todo.length };
    if (todo.length === 0) return counts;
    if (input.action === 'reject') {
      for (const p of todo) {
        await repo.insertDecision(
          trx,
          {
            document_id: doc.id,
            proposal_key: p.key,
            kind: p.kind,
            status: 'rejected',
            record_type: null,
            record_id: null,
            edited: null,
            decided_by: userId,
          },
          doc.source_id,
        );
        counts.rejected++;
      }
      return counts;
    }
    const sourceId =
      doc.source_id ??
      (await repo.createSourceFromDocument(
        trx,
        doc,
        userId,
        importedFile({ bytes: Buffer.from(doc.text, 'utf8') }),
      ));
    const resolved = new Map<string, RecordRef>();
    const acceptedEvents = new Map<string, number>();
    for (const [key, d] of decided) {
      if (d.status === 'accepted' && d.record_type && d.record_id) {
        resolved.set(key, { type: d.record_type, id: d.record_id });
        if (d.kind === 'event') acceptedEvents.set(key, Number(d.record_id));
      }
    }
    const ctx: Ctx = { trx, viewer, userId, sourceId, doc, a, resolved, acceptedEvents };
    for (const p of todo) {
      const edit = edits[p.key] ?? {};
      const record = await acceptOne(ctx, p, edit);
      if (record) resolved.set(p.key, record);
      await repo.insertDecision(
        trx,
        {
          document_id: doc.id,
          proposal_key: p.key,
          kind: p.kind,
          status: 'accepted',
          record_type: record?.type ?? null,
          record_id: record?.id ?? null,
          edited: Object.keys(edit).length ? (edit as Record<string, unknown>) : null,
          decided_by: userId,
        },
        sourceId,
      );
      counts.accepted++;
    }
    return counts;
  });
}
