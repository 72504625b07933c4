import { type Proposal } from '@promatlas/core/intake/index.ts';
import type { IntakeEdit } from '@promatlas/core/api/intake.schema.ts';
import type {
  EventKind,
  OrganisationKind as RegistryOrganisationKind,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import * as repo from './intake.repository.ts';
import type { Match, RecordRef } from './intake.service.ts';

/**
 * Matching an intake document's proposals with the registry: which record each
 * one is (or why it is new), and the regions the proposals touch.
 */

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim();

const NEW = (ru: string, en: string): Match => ({
  status: 'new',
  record: null,
  reason: ru,
  reasonEn: en,
});

export async function matchProposals(db: Db, proposals: Proposal[]): Promise<Map<string, Match>> {
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
export function regionsOf(
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

export function eventKind(type: string): EventKind {
  return type === 'strategic_session' || type === 'setup_session' || type === 'forum'
    ? type
    : 'meeting';
}

export function organisationKind(kind: string, name: string): RegistryOrganisationKind {
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

/** The regions of the records the proposals link to (the reviewer's choice first), by "type:id". */
export async function linkedRegions(
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
