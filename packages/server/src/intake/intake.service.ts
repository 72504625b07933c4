import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  buildProposals,
  emptyIntakeResult,
  extractIntake,
  highlightMentions,
  type Proposal,
  type ProposalKind,
  type ProposalMention,
} from '@promatlas/core/intake/index.ts';
import type {
  IntakeDecisions,
  IntakeDocumentCreate,
  IntakeEdit,
} from '@promatlas/core/api/intake.schema.ts';
import type {
  EventKind,
  OrganisationKind as RegistryOrganisationKind,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import type { Viewer } from '../auth/index.ts';
import { importedFile } from '../audit/index.ts';
import { createRecord } from '../shared/records/versioned-record.repository.ts';
import { NotFoundError, PreconditionError, ValidationError } from '../shared/domain-errors.ts';
import { INTAKE_TEXT_LIMIT, normaliseText, readDocument } from './read-document.ts';
import * as repo from './intake.repository.ts';
import { referencedRecords, reviewDto } from './intake.presenter.ts';

type Trx = Kysely<Database>;
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

const KIND_ORDER: ProposalKind[] = [
  'organisation',
  'place',
  'person',
  'event',
  'agreement',
  'fact',
];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim();

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

// ---- Matching ----

const NEW = (ru: string, en: string): Match => ({
  status: 'new',
  record: null,
  reason: ru,
  reasonEn: en,
});

async function matchProposals(db: Db, proposals: Proposal[]): Promise<Map<string, Match>> {
  const out = new Map<string, Match>();
  const orgs = proposals.filter((p) => p.kind === 'organisation');
  const stems = await repo.stemsOf(
    db,
    orgs.map((p) => p.data.name),
  );
  const candidates = await repo.namedCandidates(
    db,
    [...stems.values()],
    orgs.map((p) => p.data.inn).filter((v): v is string => v !== null),
    orgs.map((p) => p.data.ogrn).filter((v): v is string => v !== null),
  );
  for (const p of orgs) {
    const d = p.data;
    const preferred =
      d.kind === 'cluster' ? 'cluster' : d.kind === 'special_zone' ? 'site' : 'organisation';
    const rank = (c: repo.NamedCandidate) =>
      (c.type === preferred ? 0 : 2) + (d.regionCode && c.region_code === d.regionCode ? 0 : 1);
    const byInn = d.inn ? candidates.find((c) => c.inn === d.inn) : undefined;
    const byOgrn = d.ogrn ? candidates.find((c) => c.ogrn === d.ogrn) : undefined;
    const s = stems.get(d.name) ?? '';
    const byName = s
      ? candidates.filter((c) => c.stems === s).sort((a, b) => rank(a) - rank(b))[0]
      : undefined;
    const byAlias = s
      ? candidates.filter((c) => c.alias_stems.includes(s)).sort((a, b) => rank(a) - rank(b))[0]
      : undefined;
    const ref = (c: repo.NamedCandidate) => ({ type: c.type, id: String(c.id) });
    if (byInn)
      out.set(p.key, {
        status: 'existing',
        record: ref(byInn),
        reason: 'совпадает ИНН',
        reasonEn: 'same ИНН (taxpayer number)',
      });
    else if (byOgrn)
      out.set(p.key, {
        status: 'existing',
        record: ref(byOgrn),
        reason: 'совпадает ОГРН',
        reasonEn: 'same ОГРН (registration number)',
      });
    else if (byName) {
      const exact =
        lower(byName.name.replace(/[«»"]/g, '')) === lower(d.name.replace(/[«»"]/g, ''));
      out.set(p.key, {
        status: 'existing',
        record: ref(byName),
        reason: exact ? 'совпадает название' : 'совпадает название (с учётом словоформ)',
        reasonEn: exact ? 'same name' : 'same name (word forms)',
      });
    } else if (byAlias)
      out.set(p.key, {
        status: 'existing',
        record: ref(byAlias),
        reason: 'совпадает другое название (псевдоним)',
        reasonEn: 'same alias',
      });
    else
      out.set(
        p.key,
        NEW(
          d.inn || d.ogrn
            ? 'новая запись: в реестре нет организации с таким ИНН, ОГРН или названием'
            : 'новая запись: в реестре нет организации с таким названием',
          'new record: no organisation of this name in the registry',
        ),
      );
  }

  const people = proposals.filter((p) => p.kind === 'person');
  const found = await repo.peopleByLastName(db, [
    ...new Set(people.map((p) => lower(p.data.lastName))),
  ]);
  for (const p of people) {
    const d = p.data;
    const same = found.filter((r) => lower(r.last_name) === lower(d.lastName));
    const full = same.find(
      (r) =>
        d.firstName &&
        r.first_name &&
        lower(r.first_name) === lower(d.firstName) &&
        (!d.patronymic || !r.patronymic || lower(r.patronymic) === lower(d.patronymic)),
    );
    if (full)
      out.set(p.key, {
        status: 'existing',
        record: { type: 'person', id: String(full.id) },
        reason:
          d.patronymic && full.patronymic
            ? 'совпадают фамилия, имя и отчество'
            : 'совпадают фамилия и имя',
        reasonEn:
          d.patronymic && full.patronymic ? 'same full name' : 'same surname and first name',
      });
    else
      out.set(
        p.key,
        NEW('новая запись: в реестре нет такого человека', 'new record: no such person'),
      );
  }

  for (const p of proposals.filter((x) => x.kind === 'place')) {
    if (p.kind !== 'place') continue;
    const d = p.data;
    if (d.level === 'subject' && d.regionCode)
      out.set(p.key, {
        status: 'existing',
        record: { type: 'region', id: d.regionCode },
        reason: 'регион из справочника',
        reasonEn: 'region of the reference table',
      });
    else if (d.regionCode)
      out.set(p.key, {
        status: 'existing',
        record: { type: 'region', id: d.regionCode },
        reason: 'населённый пункт в регионе',
        reasonEn: 'a place in the region',
      });
    else
      out.set(
        p.key,
        NEW(
          'место без региона: принимается как упоминание',
          'a place without a region: kept as a mention',
        ),
      );
  }

  const events = proposals.filter((p) => p.kind === 'event');
  const onDates = await repo.eventsOn(
    db,
    events.flatMap((p) => (p.kind === 'event' && p.data.date ? [p.data.date.from] : [])),
  );
  for (const p of events) {
    if (p.kind !== 'event') continue;
    const kind = eventKind(p.data.type);
    const hit = p.data.date
      ? onDates.find((e) => e.kind === kind && e.valid_from === p.data.date!.from)
      : undefined;
    out.set(
      p.key,
      hit
        ? {
            status: 'existing',
            record: { type: 'event', id: String(hit.id) },
            reason: 'совпадают вид и дата мероприятия',
            reasonEn: 'same kind and date',
          }
        : NEW('новое мероприятие', 'new event'),
    );
  }
  for (const p of proposals)
    if (p.kind === 'agreement') out.set(p.key, NEW('новое соглашение', 'new agreement'));
    else if (p.kind === 'fact')
      out.set(p.key, NEW('новый факт с цитатой источника', 'new statement with its quote'));
  return out;
}

/** The region each proposal touches (null: national, the administrator's), for the regional editor's check. */
function regionsOf(
  proposals: Proposal[],
  matches: Map<string, Match>,
  recordRegions: Map<string, string | null>,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const orgRegion = (key: string | null): string | null => {
    if (!key) return null;
    const m = matches.get(key);
    if (m?.record && recordRegions.has(`${m.record.type}:${m.record.id}`))
      return recordRegions.get(`${m.record.type}:${m.record.id}`) ?? null;
    const p = proposals.find((x) => x.key === key);
    return p?.kind === 'organisation' ? p.data.regionCode : null;
  };
  for (const p of proposals) {
    switch (p.kind) {
      case 'organisation':
        out.set(p.key, orgRegion(p.key));
        break;
      case 'person':
      case 'place':
      case 'event':
        out.set(p.key, p.data.regionCode);
        break;
      case 'agreement':
        out.set(
          p.key,
          p.data.parties.map((x) => x.regionCode ?? orgRegion(x.key)).find((r) => r !== null) ??
            null,
        );
        break;
      case 'fact':
        out.set(
          p.key,
          p.data.subject.key ? orgRegion(p.data.subject.key) : p.data.subject.regionCode,
        );
        break;
    }
  }
  return out;
}

function eventKind(type: string): EventKind {
  return type === 'strategic_session' || type === 'setup_session' || type === 'forum'
    ? type
    : 'meeting';
}

function organisationKind(kind: string, name: string): RegistryOrganisationKind {
  switch (kind) {
    case 'company':
      return /консалт/i.test(name) ? 'consultancy' : 'enterprise';
    case 'government':
      return 'government_body';
    case 'education':
      if (/научно-исследовательск|НИИ/iu.test(name)) return 'research_institute';
      return /колледж|техникум|училищ/iu.test(name) ? 'college' : 'university';
    case 'science':
      return 'research_institute';
    case 'association':
    case 'political':
      return 'association';
    case 'media':
      return 'media';
    default:
      return /центр|фонд|агентств|корпораци|институт развития/iu.test(name)
        ? 'development_institution'
        : 'enterprise';
  }
}

// ---- Decisions ----

function selected(a: Analysis, input: IntakeDecisions): Proposal[] {
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

/** The regions of the records the proposals link to (the reviewer's choice first), by "type:id". */
async function linkedRegions(
  db: Db,
  proposals: Proposal[],
  matches: Map<string, Match>,
  edits: Record<string, IntakeEdit>,
): Promise<Map<string, string | null>> {
  const refs = proposals
    .map((p) => {
      const e = edits[p.key]?.link;
      return e && e !== 'new' ? e : matches.get(p.key)?.record;
    })
    .filter((r): r is RecordRef => !!r);
  return repo.recordRegions(db, refs);
}

interface Ctx {
  trx: Trx;
  viewer: Viewer;
  userId: number | null;
  sourceId: number;
  doc: repo.IntakeDocumentRow;
  a: Analysis;
  resolved: Map<string, RecordRef>;
  acceptedEvents: Map<string, number>;
}

function fieldProblem(key: string, ru: string, en: string): ValidationError {
  return new ValidationError(ru, en, {
    code: 'invalid_proposal',
    fields: [{ field: `edits.${key}`, message: ru, messageEn: en }],
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

/** The record a proposal links to: the reviewer's choice, else an accepted decision, else the registry's match. */
function linkOf(ctx: Ctx, p: Proposal, edit: IntakeEdit): RecordRef | null {
  if (edit.link === 'new') return null;
  if (edit.link) return edit.link;
  return ctx.resolved.get(p.key) ?? ctx.a.matches.get(p.key)?.record ?? null;
}
/** The record another proposal (an organisation, a person) stands for, if it is known by now. */
function recordOf(ctx: Ctx, key: string | null): RecordRef | null {
  if (!key) return null;
  return ctx.resolved.get(key) ?? ctx.a.matches.get(key)?.record ?? null;
}

async function create(
  ctx: Ctx,
  table: Parameters<typeof createRecord>[2],
  values: Record<string, unknown>,
  quote: string,
) {
  const row = await createRecord(ctx.trx, { viewer: ctx.viewer, sourceId: ctx.sourceId }, table, {
    ...values,
    source_id: ctx.sourceId,
    source_quote: quote,
  });
  return String(row.id);
}

async function checkLink(ctx: Ctx, p: Proposal, ref: RecordRef) {
  const ok =
    ref.type === 'region'
      ? await repo.regionExists(ctx.trx, ref.id)
      : ref.type === 'person'
        ? /^\d{1,9}$/.test(ref.id) && (await repo.personExists(ctx.trx, Number(ref.id)))
        : (ref.type === 'organisation' ||
            ref.type === 'site' ||
            ref.type === 'cluster' ||
            ref.type === 'event') &&
          /^\d{1,9}$/.test(ref.id) &&
          (await repo.recordRegion(ctx.trx, ref.type, Number(ref.id))) !== undefined;
  if (!ok)
    throw fieldProblem(
      p.key,
      `Связываемая запись ${ref.type} ${ref.id} не найдена`,
      `Linked record ${ref.type} ${ref.id} not found`,
    );
}

async function acceptOne(ctx: Ctx, p: Proposal, edit: IntakeEdit): Promise<RecordRef | null> {
  const quote = p.quote;
  const link = linkOf(ctx, p, edit);
  if (link) await checkLink(ctx, p, link);
  switch (p.kind) {
    case 'organisation': {
      if (link) {
        await linkToEvents(ctx, p.key, link);
        return link;
      }
      const d = p.data;
      const name = edit.name ?? d.name;
      const region = edit.regionCode !== undefined ? edit.regionCode : d.regionCode;
      let ref: RecordRef;
      if (d.kind === 'cluster')
        ref = {
          type: 'cluster',
          id: await create(
            ctx,
            'cluster',
            { kind: 'industrial', name, region_code: region },
            quote,
          ),
        };
      else if (d.kind === 'special_zone')
        ref = {
          type: 'site',
          id: await create(ctx, 'site', { kind: 'sez', name, region_code: region }, quote),
        };
      else
        ref = {
          type: 'organisation',
          id: await create(
            ctx,
            'organisation',
            {
              kind: organisationKind(d.kind, name),
              name,
              legal_form: edit.legalForm !== undefined ? edit.legalForm : d.legalForm,
              inn: d.inn,
              ogrn: d.ogrn,
              region_code: region,
              town: d.town,
            },
            quote,
          ),
        };
      await linkToEvents(ctx, p.key, ref);
      return ref;
    }
    case 'person': {
      const d = p.data;
      let ref = link;
      if (!ref) {
        const [last, first, patronymic] = (edit.fullName ?? d.fullName).split(/\s+/);
        ref = {
          type: 'person',
          id: await create(
            ctx,
            'person',
            { last_name: last, first_name: first ?? null, patronymic: patronymic ?? null },
            quote,
          ),
        };
      }
      const personId = Number(ref.id);
      const positions = edit.positionTitle
        ? [
            {
              ...(d.positions[0] ?? { organisation: null, organisationKey: null }),
              title: edit.positionTitle,
            },
          ]
        : d.positions;
      for (const pos of positions) {
        const org = recordOf(ctx, pos.organisationKey);
        const organisationId = org?.type === 'organisation' ? Number(org.id) : null;
        if (await repo.positionExists(ctx.trx, personId, pos.title, organisationId)) continue;
        await create(
          ctx,
          'position',
          {
            person_id: personId,
            organisation_id: organisationId,
            region_code:
              organisationId === null
                ? edit.regionCode !== undefined
                  ? edit.regionCode
                  : d.regionCode
                : null,
            title: pos.title,
          },
          quote,
        );
      }
      await linkToEvents(ctx, p.key, ref);
      return ref;
    }
    case 'place':
      return link;
    case 'event': {
      const d = p.data;
      let eventId: number;
      if (link) eventId = Number(link.id);
      else
        eventId = Number(
          await create(
            ctx,
            'event',
            {
              kind: eventKind(d.type),
              status: d.status,
              title: edit.title ?? d.title,
              region_code: edit.regionCode !== undefined ? edit.regionCode : d.regionCode,
              valid_from: d.date?.from ?? null,
              valid_to: d.date?.to ?? null,
              valid_precision: d.date?.precision ?? null,
            },
            quote,
          ),
        );
      ctx.acceptedEvents.set(p.key, eventId);
      for (const part of d.participants) {
        const ref = recordOf(ctx, part.key);
        if (ref) await addParticipant(ctx, eventId, ref, part.role, part.key);
      }
      return { type: 'event', id: String(eventId) };
    }
    case 'agreement': {
      const d = p.data;
      const agreementId = await repo.insertAgreement(
        ctx.trx,
        {
          title: edit.title ?? d.title,
          valid_from: d.date?.from ?? null,
          valid_to: d.date?.to ?? null,
          valid_precision: d.date?.precision ?? null,
          source_id: ctx.sourceId,
          source_quote: quote,
        },
        ctx.userId,
      );
      for (const party of d.parties) {
        const ref = recordOf(ctx, party.key);
        const organisationId = ref?.type === 'organisation' ? Number(ref.id) : null;
        if (organisationId === null && !party.regionCode) continue;
        await repo.insertAgreementParty(
          ctx.trx,
          {
            agreement_id: agreementId,
            organisation_id: organisationId,
            region_code: organisationId === null ? party.regionCode : null,
            signatory_person_id: null,
            role: 'party',
            source_id: ctx.sourceId,
            source_quote: quote,
          },
          ctx.userId,
        );
      }
      for (const s of d.signatories) {
        const ref = recordOf(ctx, s.key);
        if (ref?.type !== 'person') continue;
        await repo.insertAgreementParty(
          ctx.trx,
          {
            agreement_id: agreementId,
            organisation_id: null,
            region_code: null,
            signatory_person_id: Number(ref.id),
            role: 'signatory',
            source_id: ctx.sourceId,
            source_quote: quote,
          },
          ctx.userId,
        );
      }
      return { type: 'agreement', id: String(agreementId) };
    }
    case 'fact': {
      const d = p.data;
      const subject = d.subject.key
        ? recordOf(ctx, d.subject.key)
        : d.subject.regionCode
          ? { type: 'region', id: d.subject.regionCode }
          : null;
      if (!subject)
        throw new PreconditionError(
          `Факт «${p.label}» относится к «${d.subject.label}»: сначала примите эту организацию`,
          `The statement "${p.label}" is about "${d.subject.label}": accept that organisation first`,
          { code: 'subject_not_accepted', details: { key: p.key, subjectKey: d.subject.key } },
        );
      const value = edit.valueNumber ?? d.valueNumber;
      const property =
        d.property === 'amount_rub'
          ? 'amount'
          : d.property === 'percent'
            ? 'share_percent'
            : /резидент/iu.test(d.of ?? '')
              ? 'residents'
              : /участник/iu.test(d.of ?? '')
                ? 'participants'
                : /проект/iu.test(d.of ?? '')
                  ? 'projects'
                  : 'count';
      const qualifier = d.qualifier === 'range' ? 'at_least' : d.qualifier;
      const id = await create(
        ctx,
        'statement',
        {
          subject_type: subject.type,
          subject_id: subject.id,
          property,
          value_number: value,
          value_text:
            d.valueMax !== null ? `${value}–${d.valueMax}${d.of ? ' ' + d.of : ''}` : d.of,
          unit: d.unit,
          qualifier,
          valid_from: d.asOf?.from ?? null,
          valid_to: d.asOf?.to ?? null,
          valid_precision: d.asOf?.precision ?? null,
        },
        quote,
      );
      return { type: 'statement', id };
    }
  }
}

async function addParticipant(
  ctx: Ctx,
  eventId: number,
  ref: RecordRef,
  role: 'organiser' | 'opener' | 'participant',
  participantKey: string,
) {
  if (ref.type !== 'organisation' && ref.type !== 'person') return;
  const target = {
    organisation_id: ref.type === 'organisation' ? Number(ref.id) : null,
    person_id: ref.type === 'person' ? Number(ref.id) : null,
  };
  if (await repo.participantExists(ctx.trx, eventId, target)) return;
  // A regional editor links no organisation of another region (a link touches both ends):
  // that participant is left for the administrator.
  const user = ctx.viewer.user;
  if (user?.role === 'regional_editor' && target.organisation_id !== null) {
    const region = await repo.recordRegion(ctx.trx, 'organisation', target.organisation_id);
    if (!region || !user.regions.includes(region)) return;
  }
  // The participant's own sentence is the evidence of its taking part.
  const quote = ctx.a.proposals.find((p) => p.key === participantKey)?.quote ?? null;
  await repo.insertEventParticipant(
    ctx.trx,
    { event_id: eventId, ...target, role, source_id: ctx.sourceId, source_quote: quote },
    ctx.userId,
  );
}

/** An organisation or person accepted after its event joins that event too. */
async function linkToEvents(ctx: Ctx, key: string, ref: RecordRef) {
  for (const [eventKey, eventId] of ctx.acceptedEvents) {
    const event = ctx.a.proposals.find((p) => p.key === eventKey);
    if (event?.kind !== 'event') continue;
    const part = event.data.participants.find((x) => x.key === key);
    if (part) await addParticipant(ctx, eventId, ref, part.role, key);
  }
}

/** The review of a document: its text, mentions and proposals with their matches and decisions. */
export async function reviewIntakeDocument(db: Db, id: number, reused: boolean) {
  const a = await analyseDocument(db, id);
  const titles = await repo.recordTitles(db, referencedRecords(a));
  const names = await repo.regionNames(db);
  for (const [k, v] of titles) if (k.startsWith('region:')) titles.set(k, names.get(v) ?? v);
  return reviewDto(a, reused, titles);
}
