import type { Db } from '../db/connection.ts';
import { writeAudit, writeAuditEntries } from '../audit/index.ts';
import { organisationNameKey, type OrganisationCandidate } from './organisation-fields.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  deferSearchIndexMerges,
  insertOrganisations,
  copyOrganisations,
  recordImported,
  replaceOkved,
  updateOrganisationsAt,
  type MatchedOrganisation,
  type OrganisationRow,
  type OrganisationValues,
} from './organisation-import.repository.ts';
import type { ChangeSample } from './registry-import.presenter.ts';
import type { CopyRows } from './batch-transaction.ts';
import {
  CHANGE_SAMPLE,
  type BatchContext,
  type BatchOutcome,
  type Quarantined,
} from './import-types.ts';

/** What planning decided for a row of the file: a record to create, or the changes of one. */
export type Planned =
  | { action: 'create'; line: number; candidate: OrganisationCandidate }
  | {
      action: 'update';
      line: number;
      candidate: OrganisationCandidate;
      row: MatchedOrganisation;
      okvedBefore: Array<{ code: string; isMain: boolean }>;
      changes: Partial<OrganisationValues>;
      okved: Array<{ code: string; isMain: boolean }> | undefined;
      fields: ChangeSample['fields'];
      source: CheckedRow<OrganisationCandidate>;
    };

export const okvedText = (l: Array<{ code: string; isMain: boolean }>) =>
  l.map((o) => (o.isMain ? `${o.code} (основной)` : o.code)).join(', ');

/**
 * Writes what was planned for a batch: the new organisations with one
 * statement, the changes of the others each at the version read (a record
 * edited meanwhile is reported, not overwritten), then their ОКВЭД2 codes,
 * one audit entry per change and the versions the import leaves.
 *
 * Given a COPY into the batch's transaction (`copy`), the new organisations,
 * their codes, audit entries and versions are COPYed straight into their
 * tables (copyOrganisations); without one, each table gets an
 * `INSERT … SELECT FROM unnest(…)`. Both write the same rows.
 */
export function organisationBatchWrite(
  ctx: BatchContext,
  planned: Planned[],
  decided: { unchanged: number; quarantine: Quarantined[] },
  byName: Map<string, MatchedOrganisation[]>,
): (trx: Db, copy?: CopyRows | null) => Promise<BatchOutcome> {
  const { job, actor, sample } = ctx;
  const options = { dryRun: ctx.dryRun };
  const { unchanged, quarantine } = decided;
  return async (trx: Db, copy?: CopyRows | null) => {
    const creates = planned.filter(
      (p): p is Extract<Planned, { action: 'create' }> => p.action === 'create',
    );
    const updates = planned.filter(
      (p): p is Extract<Planned, { action: 'update' }> => p.action === 'update',
    );
    const sourceId = !options.dryRun && planned.length > 0 ? await ctx.source(trx) : null;
    const audits: Array<Parameters<typeof writeAudit>[1]> = [];
    const imported: Array<{ id: number; version: number }> = [];
    const okvedRows: Array<{ id: number; okved: Array<{ code: string; isMain: boolean }> }> = [];
    const values = ({ candidate: c }: Extract<Planned, { action: 'create' }>) => ({
      kind: c.kind ?? 'enterprise',
      name: c.name,
      full_name: c.fullName ?? null,
      legal_form: c.legalForm ?? null,
      inn: c.inn ?? null,
      ogrn: c.ogrn ?? null,
      kpp: c.kpp ?? null,
      region_code: c.regionCode ?? null,
      town: c.town ?? null,
      description: c.description ?? null,
      latitude: c.latitude ?? null,
      longitude: c.longitude ?? null,
      source_id: sourceId,
      source_quote: null,
    });
    const auditOkved = (p: Extract<Planned, { action: 'create' }>) =>
      p.candidate.okved?.length ? okvedText(p.candidate.okved).split(', ') : null;
    if (!options.dryRun && creates.length > 0) {
      await deferSearchIndexMerges(trx);
      // By COPY: the codes, audit entries and versions of the new rows are written with them.
      const copied = copy
        ? await copyOrganisations(
            trx,
            copy,
            creates.map((p) => ({
              line: p.line,
              values: values(p),
              okved: p.candidate.okved ?? [],
              auditOkved: auditOkved(p),
            })),
            { jobId: job.id, userId: actor.userId },
          )
        : null;
      const inserted = copied
        ? copied.ids.map((id, i) => ({
            id,
            name: creates[i]!.candidate.name,
            row: copied.unidentified.get(id),
          }))
        : (await insertOrganisations(trx, creates.map(values))).map((row) => ({
            id: row.id,
            name: row.name,
            row,
          }));
      inserted.forEach(({ id, name, row }, i) => {
        const p = creates[i]!;
        if (!copy && row) {
          imported.push({ id: row.id, version: row.version });
          if (p.candidate.okved?.length) okvedRows.push({ id: row.id, okved: p.candidate.okved });
          const okved = auditOkved(p);
          audits.push({
            userId: actor.userId,
            action: 'create',
            entityType: 'organisation',
            entityId: row.id,
            before: null,
            after: {
              ...row,
              ...(okved ? { okved } : {}),
              import: { job: job.id, line: p.line },
            },
            sourceId,
          });
        }
        if (row && !p.candidate.inn && !p.candidate.ogrn) {
          const key = `${organisationNameKey(row.name)}|${row.region_code ?? ''}`;
          byName.set(key, [...(byName.get(key) ?? []), { ...row, imported_version: row.version }]);
        }
        if (sample.length < CHANGE_SAMPLE)
          sample.push({
            line: p.line,
            action: 'create',
            recordId: id,
            name,
            fields: [],
          });
      });
    }
    if (options.dryRun)
      for (const p of creates)
        if (sample.length < CHANGE_SAMPLE)
          sample.push({
            line: p.line,
            action: 'create',
            recordId: null,
            name: p.candidate.name,
            fields: [],
          });
    let updated = 0;
    const lateConflicts: Quarantined[] = [];
    // One statement for the batch's changes, each at the version read; a record two rows of the
    // batch matched is changed by the first, and the second finds it moved on, as one row after another would.
    const once = new Set<number>();
    const afters =
      options.dryRun || updates.length === 0
        ? new Map<number, OrganisationRow>()
        : await updateOrganisationsAt(
            trx,
            updates
              .filter((p) => !once.has(p.row.id) && once.add(p.row.id))
              .map((p) => ({
                id: p.row.id,
                version: p.row.version,
                changes: { ...p.changes, source_id: sourceId },
              })),
          );
    const taken = new Set<number>();
    for (const p of updates) {
      if (options.dryRun) {
        updated++;
        if (sample.length < CHANGE_SAMPLE)
          sample.push({
            line: p.line,
            action: 'update',
            recordId: p.row.id,
            name: p.row.name,
            fields: p.fields,
          });
        continue;
      }
      const after = taken.has(p.row.id) ? undefined : afters.get(p.row.id);
      taken.add(p.row.id);
      if (!after) {
        // Edited between the reading and this write: reported, not overwritten.
        lateConflicts.push({
          line: p.line,
          raw: p.source.raw ?? {},
          values: p.source.values as Record<string, string>,
          problems: [
            {
              column: null,
              field: null,
              code: 'conflict',
              message: 'запись изменена другим пользователем во время импорта — не перезаписано',
              messageEn:
                'the record was changed by someone else during the import — not overwritten',
            },
          ],
          reasonCode: 'conflict',
          recordId: p.row.id,
        });
        continue;
      }
      updated++;
      imported.push({ id: after.id, version: after.version });
      if (p.okved) okvedRows.push({ id: after.id, okved: p.okved });
      const { imported_version: _v, ...before } = p.row;
      audits.push({
        userId: actor.userId,
        action: 'update',
        entityType: 'organisation',
        entityId: after.id,
        before: p.okved
          ? { ...before, okved: okvedText(p.okvedBefore).split(', ').filter(Boolean) }
          : before,
        after: {
          ...after,
          ...(p.okved ? { okved: okvedText(p.okved).split(', ') } : {}),
          import: { job: job.id, line: p.line },
        },
        sourceId,
      });
      if (sample.length < CHANGE_SAMPLE)
        sample.push({
          line: p.line,
          action: 'update',
          recordId: after.id,
          name: after.name,
          fields: p.fields,
        });
    }
    if (!options.dryRun) {
      await replaceOkved(trx, okvedRows);
      await writeAuditEntries(trx, audits);
      await recordImported(trx, imported, job.id);
    }
    return {
      created: creates.length,
      updated,
      unchanged,
      quarantine: [...quarantine, ...lateConflicts],
    };
  };
}
