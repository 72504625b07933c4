import type {
  RatingMethodologyResponse,
  RatingMethodologySummary,
} from '@promatlas/core/api/ratings.schema.ts';
import {
  parseMethodology,
  type Methodology,
  type RatingObjectType,
} from '@promatlas/core/ratings/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit, type AuditActor } from '../../audit/index.ts';
import { ConflictError, NotFoundError } from '../../shared/domain-errors.ts';
import {
  DIRECTION_LABELS,
  MISSING_VALUE_RULE_LABELS,
  NORMALISATION_LABELS,
  OBJECT_TYPE_LABELS,
  tieRuleLabel,
} from '../rating-labels.ts';
import {
  findMethodologyRow,
  findMethodologyRowByVersion,
  findMethodologyRows,
  insertMethodologyRow,
  type MethodologyRow,
} from './methodology.repository.ts';

/** A methodology whose fields fail parseMethodology; each field is named. */
export class MethodologyInvalidError extends Error {
  constructor(readonly fields: { field: string; message: string; messageEn: string }[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}

export interface StoredMethodology {
  id: number;
  isDefault: boolean;
  methodology: Methodology;
}

const PROMATLAS_NOTICE =
  'Методика PromAtlas, а не ассоциации: построена по опубликованному описанию рейтинга АКИТ РФ (группы и виды показателей); веса АКИТ РФ не публикует, все веса и выбор показателей — PromAtlas. Её можно изменить и сохранить новой версией.';

function summary(row: MethodologyRow): RatingMethodologySummary {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    objectType: row.object_type,
    objectTypeLabel: OBJECT_TYPE_LABELS[row.object_type as RatingObjectType] ?? row.object_type,
    isDefault: row.is_default,
    author: row.is_default ? 'PromAtlas' : 'пользователь',
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Stored bodies were validated on the way in; a body that no longer parses is a server fault. */
function bodyOf(row: MethodologyRow): Methodology {
  const parsed = parseMethodology(row.body);
  if (!parsed.success)
    throw new Error(`rating_methodology ${row.id} does not parse: ${parsed.errors.join('; ')}`);
  return parsed.methodology;
}

export async function listMethodologies(db: Db): Promise<{ items: RatingMethodologySummary[] }> {
  return { items: (await findMethodologyRows(db)).map(summary) };
}

export async function loadMethodology(db: Db, id: number): Promise<StoredMethodology> {
  const row = await findMethodologyRow(db, id);
  if (!row) throw new NotFoundError('Методика рейтинга', 'Rating methodology', id);
  return { id: row.id, isDefault: row.is_default, methodology: bodyOf(row) };
}

export async function getMethodology(db: Db, id: number): Promise<RatingMethodologyResponse> {
  const row = await findMethodologyRow(db, id);
  if (!row) throw new NotFoundError('Методика рейтинга', 'Rating methodology', id);
  const methodology = bodyOf(row);
  return { ...summary(row), methodology, rendered: renderMethodology(methodology, row.is_default) };
}

/**
 * Stores a new methodology version. The body is validated with core's
 * parseMethodology (every problem named by its field path); an existing
 * (id, version) is refused with 409 — a stored version is never overwritten.
 */
export async function createMethodologyVersion(
  db: Db,
  body: unknown,
  actor?: AuditActor,
): Promise<RatingMethodologyResponse> {
  const parsed = parseMethodology(body);
  if (!parsed.success)
    throw new MethodologyInvalidError(
      parsed.errors.map((e) => {
        const colon = e.indexOf(': ');
        const field = colon < 0 ? 'методика' : e.slice(0, colon);
        const message = colon < 0 ? e : e.slice(colon + 2);
        return { field, message, messageEn: `invalid methodology field ${field}` };
      }),
    );
  const m = parsed.methodology;
  const existing = await findMethodologyRowByVersion(db, m.id, m.version);
  const conflict = () =>
    new ConflictError(
      `Версия «${m.version}» методики «${m.id}» уже сохранена и не может быть изменена; укажите новую версию`,
      `Version "${m.version}" of methodology "${m.id}" already exists and is immutable; use a new version`,
    );
  if (existing) throw conflict();
  const row = {
    code: m.id,
    version: m.version,
    title: m.title,
    object_type: m.objectType,
    body: m,
    is_default: false,
  };
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertMethodologyRow(trx, row);
    if (id === null) throw conflict();
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'create',
        entityType: 'rating_methodology',
        entityId: id,
        before: null,
        after: { id, ...row },
      });
    return id;
  });
  return getMethodology(db, id);
}

/** The methodology as a Russian document: labels instead of codes, weights as shares. */
export function renderMethodology(
  m: Methodology,
  isDefault: boolean,
): RatingMethodologyResponse['rendered'] {
  const groupTotal = m.groups.reduce((s, g) => s + g.weight, 0);
  return {
    title: m.title,
    subtitle: `Методика «${m.id}», версия ${m.version}; автор — ${isDefault ? 'PromAtlas' : 'пользователь'}`,
    notice: isDefault ? PROMATLAS_NOTICE : null,
    description: m.description,
    objectTypeLabel: OBJECT_TYPE_LABELS[m.objectType],
    normalisationLabel: NORMALISATION_LABELS[m.normalisation] ?? m.normalisation,
    missingValueRuleLabel: MISSING_VALUE_RULE_LABELS[m.missingValueRule] ?? m.missingValueRule,
    tieRuleLabel: tieRuleLabel(m.tieRule),
    peerGroups: {
      basis: m.peerGroups.basis,
      groups: m.peerGroups.groups.map((g) => ({ code: g.code, name: g.name })),
    },
    groups: m.groups.map((g) => {
      const members = m.indicators.filter((i) => i.group === g.code);
      const inGroup = members.reduce((s, i) => s + i.weight, 0);
      const share = groupTotal > 0 ? g.weight / groupTotal : 0;
      return {
        code: g.code,
        name: g.name,
        description: g.description ?? null,
        weight: g.weight,
        share,
        indicators: members.map((i) => {
          const method = i.normalisation ?? m.normalisation;
          const shareOfGroup = inGroup > 0 ? i.weight / inGroup : 0;
          return {
            code: i.code,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            directionLabel: DIRECTION_LABELS[i.direction] ?? i.direction,
            weight: i.weight,
            shareOfGroup,
            shareOfTotal: shareOfGroup * share,
            normalisation: method,
            normalisationLabel: NORMALISATION_LABELS[method] ?? method,
            target: i.target ?? null,
            source: i.source,
            rationale: i.rationale,
          };
        }),
      };
    }),
  };
}
