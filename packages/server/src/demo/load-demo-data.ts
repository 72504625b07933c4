import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { findLegalForm } from '@promatlas/core/legal-forms/legal-forms.ts';
import { locateQuote } from '@promatlas/core/text/locate-quote.ts';
import type { Db } from '../db/connection.ts';
import { DEMO_DATA } from './demo-data.ts';
import { loadRatingsDemo } from './load-ratings-demo.ts';
import type { DemoData, Provenance } from './demo-data.types.ts';

const SOURCES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sources');

export function readDemoSourceText(file: string): string {
  return fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8');
}

function period(date: PartialDate | null | undefined) {
  return {
    valid_from: date?.from ?? null,
    valid_to: date?.to ?? null,
    valid_precision: date?.precision ?? null,
  };
}

class KeyMap {
  private readonly ids = new Map<string, number>();
  constructor(private readonly what: string) {}
  set(key: string, id: number): void {
    if (this.ids.has(key)) throw new Error(`Demo data: duplicate ${this.what} key «${key}»`);
    this.ids.set(key, id);
  }
  get(key: string): number {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`Demo data: unknown ${this.what} key «${key}»`);
    return id;
  }
  opt(key: string | undefined): number | null {
    return key === undefined ? null : this.get(key);
  }
}

export interface DemoLoadResult {
  sources: number;
  organisations: number;
  statements: number;
}

/** True when the registry holds no demo source yet (first start of an empty database). */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('source_document')
    .select('id')
    .where('slug', '=', 'demo:S000')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads every seed fact in one transaction. Refuses (and rolls back) if a
 * quote is not verbatim in its source or a key is unknown. Running it on a
 * database that already holds the demo is a no-op.
 */
export async function loadDemoData(
  db: Db,
  data: DemoData = DEMO_DATA,
): Promise<DemoLoadResult | null> {
  if (await isDemoLoaded(db)) return null;
  return db.transaction().execute(async (trx) => {
    const sourceIds = new KeyMap('source');
    const texts = new Map<string, string>();
    for (const s of data.sources) {
      const text = readDemoSourceText(s.file);
      texts.set(s.key, text);
      const row = await trx
        .insertInto('source_document')
        .values({
          slug: `demo:${s.key}`,
          kind: s.kind,
          title: s.title,
          publisher: s.publisher,
          published_from: s.published?.from ?? null,
          published_to: s.published?.to ?? null,
          published_precision: s.published?.precision ?? null,
          url: s.url,
          text,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      sourceIds.set(s.key, row.id);
    }
    const prov = (p: Provenance) => {
      const text = texts.get(p.source);
      if (text === undefined) throw new Error(`Demo data: unknown source «${p.source}»`);
      const span = locateQuote(text, p.quote);
      if (!span) throw new Error(`Demo data: quote not found in ${p.source}: «${p.quote}»`);
      return { source_id: sourceIds.get(p.source), source_quote: span.text };
    };

    const orgIds = new KeyMap('organisation');
    for (const o of data.organisations) {
      if (o.legalForm !== undefined && !findLegalForm(o.legalForm)) {
        throw new Error(`Demo data: unknown legal form «${o.legalForm}» of ${o.key}`);
      }
      const row = await trx
        .insertInto('organisation')
        .values({
          kind: o.kind,
          name: o.name,
          full_name: o.fullName ?? (o.legalForm ? `${o.legalForm} ${o.name}` : null),
          short_name: o.shortName ?? null,
          legal_form: o.legalForm ?? null,
          region_code: o.region ?? null,
          town: o.town ?? null,
          country: o.country ?? 'RU',
          parent_id: orgIds.opt(o.parent),
          description: o.description ?? null,
          aliases: o.aliases ?? [],
          ...prov(o),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, row.id);
    }

    const personIds = new KeyMap('person');
    for (const p of data.people) {
      const row = await trx
        .insertInto('person')
        .values({
          last_name: p.lastName,
          first_name: p.firstName,
          patronymic: p.patronymic ?? null,
          ...prov(p),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personIds.set(p.key, row.id);
    }
    const positionIds = new KeyMap('position');
    for (const p of data.positions) {
      const row = await trx
        .insertInto('position')
        .values({
          person_id: personIds.get(p.person),
          organisation_id: orgIds.opt(p.organisation),
          region_code: p.region ?? null,
          title: p.title,
          ...period(p.asOf),
          ...prov(p),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      positionIds.set(p.key, row.id);
    }

    const siteIds = new KeyMap('site');
    for (const s of data.sites) {
      const row = await trx
        .insertInto('site')
        .values({
          kind: s.kind,
          sez_type: s.sezType ?? null,
          name: s.name,
          full_name: s.fullName ?? null,
          aliases: s.aliases ?? [],
          region_code: s.region ?? null,
          specialisation: s.specialisation ?? null,
          latitude: s.latitude ?? null,
          longitude: s.longitude ?? null,
          ...prov(s),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      siteIds.set(s.key, row.id);
    }
    const clusterIds = new KeyMap('cluster');
    for (const c of data.clusters) {
      const row = await trx
        .insertInto('cluster')
        .values({
          kind: c.kind,
          status: c.status,
          name: c.name,
          full_name: c.fullName ?? null,
          aliases: c.aliases ?? [],
          region_code: c.region ?? null,
          specialisation: c.specialisation ?? null,
          ...prov(c),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      clusterIds.set(c.key, row.id);
    }

    const eventIds = new KeyMap('event');
    for (const e of data.events) {
      const row = await trx
        .insertInto('event')
        .values({
          kind: e.kind,
          status: e.status,
          title: e.title,
          region_code: e.region ?? null,
          place: e.place ?? null,
          ...period(e.date),
          participant_categories: e.participantCategories ?? [],
          topics: e.topics ?? [],
          outcomes: e.outcomes ?? [],
          goals: e.goals ?? [],
          follows_event_id: eventIds.opt(e.follows),
          ...prov(e),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      eventIds.set(e.key, row.id);
      for (const p of e.participants) {
        await trx
          .insertInto('event_participant')
          .values({
            event_id: row.id,
            organisation_id: orgIds.opt(p.organisation),
            person_id: personIds.opt(p.person),
            position_id: positionIds.opt(p.position),
            role: p.role,
            ...prov(p),
          })
          .execute();
      }
    }

    for (const a of data.agreements) {
      const row = await trx
        .insertInto('agreement')
        .values({
          title: a.title,
          place: a.place ?? null,
          event_id: eventIds.opt(a.event),
          ...period(a.date),
          directions: a.directions,
          ...prov(a),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Each direction is a row too, so obligations can be recorded under it.
      for (const [position, title] of a.directions.entries()) {
        await trx
          .insertInto('agreement_direction')
          .values({ agreement_id: row.id, position: position + 1, title, ...prov(a) })
          .execute();
      }
      for (const p of a.parties) {
        await trx
          .insertInto('agreement_party')
          .values({
            agreement_id: row.id,
            organisation_id: orgIds.opt(p.organisation),
            region_code: p.region ?? null,
            signatory_person_id: personIds.opt(p.signatory),
            signatory_position_id: positionIds.opt(p.signatoryPosition),
            role: 'party',
            ...prov(p),
          })
          .execute();
      }
    }

    for (const plan of data.actionPlans) {
      const row = await trx
        .insertInto('action_plan')
        .values({
          title: plan.title,
          approved_at_event_id: eventIds.opt(plan.approvedAt),
          ...period(plan.period),
          themes: plan.themes,
          ...prov(plan),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The source names the plan's themes and nothing more: each becomes a measure
      // with no owner, dates or status («нет данных») until someone who runs the plan fills them in.
      for (const [position, theme] of plan.themes.entries()) {
        await trx
          .insertInto('programme_measure')
          .values({
            action_plan_id: row.id,
            position,
            title: theme,
            theme,
            status: null,
            ...prov(plan),
          })
          .execute();
      }
      for (const p of plan.parties) {
        await trx
          .insertInto('action_plan_party')
          .values({
            action_plan_id: row.id,
            organisation_id: orgIds.opt(p.organisation),
            region_code: p.region ?? null,
            role: 'party',
            ...prov(p),
          })
          .execute();
      }
    }

    const projectIds = new KeyMap('project');
    for (const p of data.projects) {
      const row = await trx
        .insertInto('project')
        .values({
          kind: p.kind,
          status: p.status,
          title: p.title,
          description: p.description ?? null,
          region_code: p.region ?? null,
          cluster_id: clusterIds.opt(p.cluster),
          site_id: siteIds.opt(p.site),
          ...period(p.date),
          ...prov(p),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      projectIds.set(p.key, row.id);
      for (const pp of p.participants ?? []) {
        await trx
          .insertInto('project_participant')
          .values({
            project_id: row.id,
            organisation_id: orgIds.get(pp.organisation),
            role: pp.role,
            ...prov(pp),
          })
          .execute();
      }
    }

    const measureIds = new KeyMap('support measure');
    for (const m of data.supportMeasures) {
      // A measure the migrations ship with its terms (ПП 41) is the same measure: the demo
      // adds its source to it rather than a second row without terms.
      const shipped = m.code
        ? await trx
            .selectFrom('support_measure')
            .select('id')
            .where('code', '=', m.code)
            .executeTakeFirst()
        : undefined;
      if (shipped) {
        await trx
          .updateTable('support_measure')
          .set(prov(m))
          .where('id', '=', shipped.id)
          .execute();
        measureIds.set(m.key, shipped.id);
        continue;
      }
      const row = await trx
        .insertInto('support_measure')
        .values({
          code: m.code,
          name: m.name,
          regulation: m.regulation,
          max_share: m.maxShare,
          cap_amount: m.capAmount,
          cap_currency: m.capAmount === null ? null : 'RUB',
          ...period(m.validFrom),
          ...prov(m),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      measureIds.set(m.key, row.id);
    }
    for (const a of data.supportAwards) {
      const row = await trx
        .insertInto('support_award')
        .values({
          provider_organisation_id: orgIds.get(a.provider),
          support_measure_id: measureIds.opt(a.measure),
          amount: a.amount,
          amount_qualifier: a.qualifier,
          currency: a.currency,
          ...period(a.asOf),
          ...prov(a),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of a.projects) {
        await trx
          .insertInto('support_award_project')
          .values({ support_award_id: row.id, project_id: projectIds.get(p) })
          .execute();
      }
    }

    const ratingIds = new KeyMap('rating');
    for (const r of data.ratings) {
      const row = await trx
        .insertInto('rating')
        .values({
          code: r.code,
          name: r.name,
          publisher_organisation_id: orgIds.opt(r.publisher),
          object_type: r.objectType,
          ...prov(r),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ratingIds.set(r.key, row.id);
    }
    for (const r of data.ratingResults) {
      await trx
        .insertInto('rating_result')
        .values({
          rating_id: ratingIds.get(r.rating),
          edition_label: r.editionLabel,
          edition_number: r.editionNumber ?? null,
          year: r.year,
          peer_group: r.peerGroup ?? null,
          object_type: 'site',
          object_id: siteIds.get(r.site),
          place: r.place,
          ...prov(r),
        })
        .execute();
    }

    const resolvers: Record<string, (key: string) => string> = {
      region: (k) => k,
      organisation: (k) => String(orgIds.get(k)),
      person: (k) => String(personIds.get(k)),
      site: (k) => String(siteIds.get(k)),
      cluster: (k) => String(clusterIds.get(k)),
      event: (k) => String(eventIds.get(k)),
      project: (k) => String(projectIds.get(k)),
      support_measure: (k) => String(measureIds.get(k)),
    };
    const resolve = (ref: { type: string; key: string }) => {
      const r = resolvers[ref.type];
      if (!r) throw new Error(`Demo data: statements cannot refer to ${ref.type}`);
      return r(ref.key);
    };
    for (const s of data.statements) {
      await trx
        .insertInto('statement')
        .values({
          subject_type: s.subject.type,
          subject_id: resolve(s.subject),
          property: s.property,
          value_number: s.number ?? null,
          value_text: s.text ?? null,
          unit: s.unit ?? null,
          qualifier: s.qualifier ?? 'exact',
          object_type: s.object?.type ?? null,
          object_id: s.object ? resolve(s.object) : null,
          ...period(s.asOf),
          ...prov(s),
        })
        .execute();
    }
    // Published places as editions; illustrative indicator values and the editions computed on them.
    await loadRatingsDemo(trx);
    return {
      sources: data.sources.length,
      organisations: data.organisations.length,
      statements: data.statements.length,
    };
  });
}
