import { handWorkedMethodology } from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import type { Client } from './sessions.ts';
import type { Created, CreatedDataset, Versioned } from './api-types.ts';

/**
 * Records of every entity type in three states — visible, unpublished
 * (draft) and deleted — plus visible relations and facts that name hidden
 * records. Every hidden thing carries a marker in its text:
 * `СКРЫТАЯ-МЕТКА-draft-…` is hidden from the public reader only,
 * `СКРЫТАЯ-МЕТКА-deleted-…` from everyone's reads. Visible things carry
 * `ВИДИМАЯ-ЗАПИСЬ-…`, so a test can also prove that it reached them.
 */
export const HIDDEN = 'СКРЫТАЯ-МЕТКА';
export const DELETED = `${HIDDEN}-deleted`;
export const VISIBLE = 'ВИДИМАЯ-ЗАПИСЬ';
const draft = (what: string) => `${HIDDEN}-draft-${what}`;
const deleted = (what: string) => `${DELETED}-${what}`;
const visible = (what: string) => `${VISIBLE}-${what}`;

export type EntityKind =
  | 'organisation'
  | 'person'
  | 'site'
  | 'cluster'
  | 'event'
  | 'agreement'
  | 'action_plan'
  | 'project';
export type State = 'visible' | 'draft' | 'deleted';
export type Ids = Record<State, number>;

export interface VisibilityFixtures {
  records: Record<EntityKind, Ids>;
  /** Measures of the visible action plan. */
  measures: Ids;
  /** Rating editions: visible ones rank only visible objects; hidden ones rank a draft or deleted object or belong to a draft rating. */
  editions: { visible: number[]; hidden: number[] };
  methodologyId: number;
  sourceId: number;
  datasetId: number;
  /** Cooperation contracts: one between visible organisations, the others naming a draft or deleted one. */
  contracts: { visible: number; hidden: number[] };
  /** `type:id` of every record hidden from the public reader / from everyone. */
  hiddenRefs: { public: Set<string>; everyone: Set<string> };
}

async function created(admin: Client, url: string, body: Record<string, unknown>): Promise<number> {
  const res = await admin.request<Created>('POST', url, body);
  if (res.status !== 201)
    throw new Error(`fixture ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function removed(admin: Client, collection: string, id: number): Promise<void> {
  const current = await admin.request<Versioned>('GET', `/api/${collection}/${id}`);
  const res = await admin.request(
    'DELETE',
    `/api/${collection}/${id}?version=${current.body.version}`,
  );
  if (res.status !== 200) throw new Error(`fixture delete ${collection}/${id}: ${res.status}`);
}

/** Builds the fixtures as an administrator would (API where the API can, SQL for the programme tables it cannot write). */
export async function buildVisibilityFixtures(db: Db, admin: Client): Promise<VisibilityFixtures> {
  const source = await db
    .insertInto('source_document')
    .values({
      kind: 'reference',
      title: visible('source'),
      text: `${visible('source')}: текст источника для проверки видимости.`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sourceId = source.id;

  // ---- registry records through the editing API (so the audit trail has their history) ----
  const org = async (name: string, published = true) =>
    created(admin, '/api/organisations', { kind: 'enterprise', name, regionCode: '42', published });
  const organisation: Ids = {
    visible: await org(visible('org')),
    draft: await org(draft('org'), false),
    deleted: await org(deleted('org')),
  };
  const otherVisibleOrg = await org(visible('org-2'));
  const person: Ids = {
    visible: await created(admin, '/api/people', { lastName: visible('person') }),
    draft: await created(admin, '/api/people', { lastName: draft('person'), published: false }),
    deleted: await created(admin, '/api/people', { lastName: deleted('person') }),
  };
  const siteOf = (name: string, published = true) =>
    created(admin, '/api/sites', { kind: 'sez', name, regionCode: '42', published });
  const site: Ids = {
    visible: await siteOf(visible('site')),
    draft: await siteOf(draft('site'), false),
    deleted: await siteOf(deleted('site')),
  };
  const otherVisibleSite = await siteOf(visible('site-2'));
  const clusterOf = (name: string, published = true) =>
    created(admin, '/api/clusters', { kind: 'industrial', name, regionCode: '42', published });
  const cluster: Ids = {
    visible: await clusterOf(visible('cluster')),
    draft: await clusterOf(draft('cluster'), false),
    deleted: await clusterOf(deleted('cluster')),
  };

  // Memberships and positions: visible rows naming hidden records, and hidden records naming visible ones.
  for (const o of [organisation.visible, organisation.draft, organisation.deleted])
    await created(admin, `/api/clusters/${cluster.visible}/members`, { organisationId: o });
  for (const c of [cluster.draft, cluster.deleted])
    await created(admin, `/api/clusters/${c}/members`, { organisationId: organisation.visible });
  const contract = (buyerId: number, supplierId: number, product: string) =>
    created(admin, '/api/cooperation-contracts', {
      buyerId,
      supplierId,
      contractType: 'supply',
      product,
      signedOn: '2024-02-01',
    });
  const contracts = {
    visible: await contract(organisation.visible, otherVisibleOrg, visible('contract')),
    hidden: [
      await contract(organisation.visible, organisation.draft, draft('contract-with-draft-org')),
      await contract(
        organisation.deleted,
        organisation.visible,
        deleted('contract-with-deleted-org'),
      ),
    ],
  };
  await created(admin, '/api/cooperation-purchases', {
    organisationId: organisation.draft,
    year: 2024,
    totalRub: 100,
    fromParticipantsRub: 1,
  });
  const position = (personId: number, organisationId: number, title: string) =>
    created(admin, `/api/people/${personId}/positions`, { organisationId, title });
  await position(person.visible, organisation.visible, visible('position'));
  await position(person.visible, organisation.draft, draft('position-at-draft-org'));
  await position(person.visible, organisation.deleted, deleted('position-at-deleted-org'));
  await position(person.draft, organisation.visible, draft('position-of-draft-person'));
  await position(person.deleted, organisation.visible, deleted('position-of-deleted-person'));
  const statement = (type: string, id: number, text: string) =>
    created(admin, '/api/statements', {
      subject: { type, id: String(id) },
      property: 'note',
      valueText: text,
    });
  await statement('organisation', organisation.visible, visible('statement'));
  await statement('organisation', organisation.draft, draft('statement-about-draft-org'));
  await statement('site', site.deleted, deleted('statement-about-deleted-site'));
  await statement('cluster', cluster.draft, draft('statement-about-draft-cluster'));

  // ---- programme records (no editing API yet): SQL ----
  const insertId = async (table: string, values: Record<string, unknown>): Promise<number> => {
    const row = await sql<{ id: number }>`INSERT INTO ${sql.table(table)} (${sql.join(
      Object.keys(values).map((k) => sql.ref(k)),
    )}) VALUES (${sql.join(Object.values(values))}) RETURNING id`.execute(db);
    return row.rows[0]!.id;
  };
  const three = async (
    table: string,
    make: (text: string) => Record<string, unknown>,
    what: string,
  ): Promise<Ids> => ({
    visible: await insertId(table, make(visible(what))),
    draft: await insertId(table, { ...make(draft(what)), published: false }),
    deleted: await insertId(table, { ...make(deleted(what)), deleted_at: new Date() }),
  });
  const event = await three(
    'event',
    (title) => ({ kind: 'forum', title, region_code: '42', valid_from: '2024-05-01' }),
    'event',
  );
  const agreement = await three('agreement', (title) => ({ title }), 'agreement');
  const actionPlan = await three('action_plan', (title) => ({ title }), 'action-plan');
  const project = await three(
    'project',
    (title) => ({ kind: 'investment', title, region_code: '42' }),
    'project',
  );

  // Visible records whose optional references name hidden ones.
  await db
    .updateTable('organisation')
    .set({ parent_id: organisation.draft })
    .where('id', '=', otherVisibleOrg)
    .execute();
  await db
    .updateTable('organisation')
    .set({ parent_id: organisation.visible })
    .where('id', 'in', [organisation.draft, organisation.deleted])
    .execute();
  await db
    .updateTable('site')
    .set({ management_organisation_id: organisation.draft })
    .where('id', '=', site.visible)
    .execute();
  await db
    .updateTable('cluster')
    .set({ specialised_organisation_id: organisation.deleted })
    .where('id', '=', cluster.visible)
    .execute();
  await db
    .updateTable('event')
    .set({ follows_event_id: event.draft })
    .where('id', '=', event.visible)
    .execute();
  await db
    .updateTable('agreement')
    .set({ event_id: event.deleted })
    .where('id', '=', agreement.visible)
    .execute();
  await db
    .updateTable('action_plan')
    .set({ approved_at_event_id: event.draft })
    .where('id', '=', actionPlan.visible)
    .execute();
  await db
    .updateTable('project')
    .set({ cluster_id: cluster.draft, site_id: site.deleted })
    .where('id', '=', project.visible)
    .execute();
  // Supplier search: the organisations at one point with one activity, the contracts for one product.
  const allOrgs = [organisation.visible, organisation.draft, organisation.deleted, otherVisibleOrg];
  await db
    .updateTable('organisation')
    .set({ latitude: 52.6, longitude: 39.57 })
    .where('id', 'in', allOrgs)
    .execute();
  await db
    .insertInto('organisation_okved')
    .values(allOrgs.map((id) => ({ organisation_id: id, okved_code: '25' })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db.updateTable('cooperation_contract').set({ okpd2_code: '25.62.1' }).execute();
  // Hidden records citing the visible source, with a quote that would show on the source's page.
  for (const [table, ids] of [
    ['organisation', organisation],
    ['site', site],
    ['cluster', cluster],
    ['event', event],
    ['project', project],
  ] as const) {
    await sql`UPDATE ${sql.table(table)} SET source_id = ${sourceId}, source_quote = ${draft(`${table}-quote`)} WHERE id = ${ids.draft}`.execute(
      db,
    );
    await sql`UPDATE ${sql.table(table)} SET source_id = ${sourceId}, source_quote = ${deleted(`${table}-quote`)} WHERE id = ${ids.deleted}`.execute(
      db,
    );
  }

  // Visible relations that name hidden records, and hidden relation rows between visible records.
  for (const o of [organisation.visible, organisation.draft, organisation.deleted])
    await insertId('site_resident', { site_id: site.visible, organisation_id: o });
  await insertId('event_participant', {
    event_id: event.visible,
    organisation_id: organisation.visible,
    role: 'participant',
  });
  await insertId('event_participant', {
    event_id: event.visible,
    organisation_id: organisation.draft,
    role: 'participant',
  });
  await insertId('event_participant', {
    event_id: event.visible,
    person_id: person.deleted,
    role: 'speaker',
  });
  for (const e of [event.draft, event.deleted])
    await insertId('event_participant', {
      event_id: e,
      organisation_id: organisation.visible,
      role: 'participant',
    });
  await insertId('agreement_party', {
    agreement_id: agreement.visible,
    organisation_id: organisation.visible,
  });
  await insertId('agreement_party', {
    agreement_id: agreement.visible,
    organisation_id: organisation.draft,
  });
  await insertId('agreement_party', {
    agreement_id: agreement.visible,
    region_code: '42',
    signatory_person_id: person.deleted,
  });
  for (const a of [agreement.draft, agreement.deleted])
    await insertId('agreement_party', { agreement_id: a, organisation_id: organisation.visible });
  await insertId('action_plan_party', {
    action_plan_id: actionPlan.visible,
    organisation_id: organisation.visible,
  });
  await insertId('action_plan_party', {
    action_plan_id: actionPlan.visible,
    organisation_id: organisation.deleted,
  });
  for (const a of [actionPlan.draft, actionPlan.deleted])
    await insertId('action_plan_party', {
      action_plan_id: a,
      organisation_id: organisation.visible,
    });
  // Programme work: measures of plans, decisions of events, directions and obligations of agreements.
  const measureOf = (values: Record<string, unknown>) =>
    insertId('programme_measure', {
      deadline_from: '2025-06-30',
      deadline_to: '2025-06-30',
      deadline_precision: 'day',
      ...values,
    });
  const measure: Ids = {
    visible: await measureOf({ action_plan_id: actionPlan.visible, title: visible('measure') }),
    draft: await measureOf({
      action_plan_id: actionPlan.visible,
      title: draft('measure'),
      published: false,
    }),
    deleted: await measureOf({
      action_plan_id: actionPlan.visible,
      title: deleted('measure'),
      deleted_at: new Date(),
    }),
  };
  await measureOf({
    action_plan_id: actionPlan.visible,
    title: draft('measure-of-draft-owner'),
    owner_organisation_id: organisation.draft,
  });
  await measureOf({ action_plan_id: actionPlan.draft, title: draft('measure-of-draft-plan') });
  await measureOf({
    action_plan_id: actionPlan.deleted,
    title: deleted('measure-of-deleted-plan'),
  });
  await insertId('measure_report', {
    measure_id: measure.visible,
    reported_on: '2025-05-01',
    note: draft('report'),
    published: false,
  });
  await insertId('event_decision', { event_id: event.visible, text: visible('decision') });
  await insertId('event_decision', {
    event_id: event.visible,
    text: draft('decision'),
    published: false,
  });
  const draftDecision = await insertId('event_decision', {
    event_id: event.draft,
    text: draft('decision-of-draft-event'),
  });
  await measureOf({ event_decision_id: draftDecision, title: draft('task-of-draft-event') });
  const direction = await insertId('agreement_direction', {
    agreement_id: agreement.visible,
    title: visible('direction'),
  });
  await insertId('agreement_direction', {
    agreement_id: agreement.visible,
    title: draft('direction'),
    published: false,
  });
  await insertId('agreement_direction', {
    agreement_id: agreement.deleted,
    title: deleted('direction-of-deleted-agreement'),
  });
  await measureOf({
    agreement_direction_id: direction,
    title: deleted('obligation'),
    deleted_at: new Date(),
  });
  for (const o of [organisation.visible, organisation.draft, organisation.deleted])
    await insertId('project_participant', {
      project_id: project.visible,
      organisation_id: o,
      role: 'investor',
    });
  for (const p of [project.draft, project.deleted])
    await insertId('project_participant', {
      project_id: p,
      organisation_id: organisation.visible,
      role: 'investor',
    });
  await db
    .updateTable('project')
    .set({ cluster_id: cluster.visible })
    .where('id', 'in', [project.draft, project.deleted])
    .execute();
  // Support: an award provided by a draft organisation, and a draft award, both on the visible project.
  const award = await insertId('support_award', {
    provider_organisation_id: organisation.draft,
    amount: 1000,
    programme: visible('award'),
  });
  const draftAward = await insertId('support_award', {
    amount: 2000,
    programme: draft('award'),
    published: false,
  });
  for (const a of [award, draftAward])
    await db
      .insertInto('support_award_project')
      .values({ support_award_id: a, project_id: project.visible })
      .execute();
  // Hidden relation rows between visible records.
  await insertId('position', {
    person_id: person.visible,
    organisation_id: otherVisibleOrg,
    title: draft('position-row'),
    published: false,
  });
  await insertId('position', {
    person_id: person.visible,
    organisation_id: otherVisibleOrg,
    title: deleted('position-row'),
    deleted_at: new Date(),
  });
  await insertId('cluster_member', {
    cluster_id: cluster.visible,
    organisation_id: otherVisibleOrg,
    published: false,
    source_id: sourceId,
    source_quote: draft('member-quote'),
  });
  await insertId('statement', {
    subject_type: 'organisation',
    subject_id: String(organisation.visible),
    property: 'note',
    value_text: draft('statement-row'),
    published: false,
  });
  await insertId('statement', {
    subject_type: 'organisation',
    subject_id: String(organisation.visible),
    property: 'note',
    value_text: deleted('statement-row'),
    deleted_at: new Date(),
  });
  await insertId('statement', {
    subject_type: 'event',
    subject_id: String(event.draft),
    property: 'note',
    value_text: draft('statement-about-draft-event'),
    object_type: 'cluster',
    object_id: String(cluster.visible),
  });
  await insertId('statement', {
    subject_type: 'event',
    subject_id: String(event.visible),
    property: 'note',
    value_text: draft('statement-naming-draft-cluster'),
    object_type: 'cluster',
    object_id: String(cluster.draft),
  });

  // ---- ratings ----
  const methodology = await admin.request<Created>('POST', '/api/ratings/methodologies', {
    ...handWorkedMethodology,
    code: 'visibility_check',
  });
  if (methodology.status !== 201) throw new Error(`fixture methodology: ${methodology.status}`);
  const methodologyId = methodology.body.id;
  const codes = handWorkedMethodology.indicators.map((i) => i.code);
  const valuesCsv = (sites: number[]) =>
    [
      'object,indicator,value,year,source',
      ...sites.flatMap((s, k) => codes.map((c, j) => `${s},${c},${(k + 1) * (j + 2)},2030,`)),
    ].join('\n');
  const importValues = async (dataset: string, sites: number[]) => {
    const res = await admin.request('POST', '/api/ratings/indicator-values/import', {
      contentBase64: Buffer.from(valuesCsv(sites)).toString('base64'),
      dataset,
    });
    if (res.status !== 200) throw new Error(`fixture values: ${JSON.stringify(res.body)}`);
  };
  const compute = async (dataset: string, label: string) => {
    const res = await admin.request<Created>('POST', '/api/ratings/editions', {
      methodologyId,
      year: 2030,
      dataset,
      label,
    });
    if (res.status !== 201) throw new Error(`fixture edition: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  await importValues('visibility-visible', [site.visible, otherVisibleSite]);
  await importValues('visibility-draft', [site.visible, site.draft, otherVisibleSite]);
  await importValues('visibility-deleted', [site.visible, site.deleted]);
  const visibleEdition = await compute('visibility-visible', visible('edition'));
  const draftEdition = await compute('visibility-draft', draft('edition-ranking-a-draft-site'));
  const deletedEdition = await compute(
    'visibility-deleted',
    deleted('edition-ranking-a-deleted-site'),
  );

  // Registry ratings with publishers' places: a visible rating published by a draft organisation, a draft rating.
  const rating = await insertId('rating', {
    name: visible('rating'),
    object_type: 'site',
    publisher_organisation_id: organisation.draft,
  });
  const draftRating = await insertId('rating', {
    name: draft('rating'),
    object_type: 'site',
    published: false,
  });
  const publishedEdition = async (ratingId: number, label: string, objects: number[]) => {
    const edition = await insertId('rating_edition', {
      rating_id: ratingId,
      kind: 'published',
      year: 2024,
      label,
      status: 'final',
      created_at: new Date(),
    });
    for (const [k, objectId] of objects.entries())
      await insertId('rating_result', {
        rating_id: ratingId,
        edition_label: label,
        year: 2024,
        object_type: 'site',
        object_id: objectId,
        place: k + 1,
        edition_id: edition,
      });
    return edition;
  };
  const visiblePublished = await publishedEdition(rating, visible('published-edition'), [
    site.visible,
  ]);
  const placesOfDraftSite = await publishedEdition(
    rating,
    draft('published-edition-placing-a-draft-site'),
    [site.visible, site.draft],
  );
  const ofDraftRating = await publishedEdition(draftRating, draft('published-edition-of-draft'), [
    site.visible,
  ]);

  // ---- a statistical dataset for the analytics routes ----
  const dataset = await admin.request<CreatedDataset>('POST', '/api/datasets', {
    name: visible('dataset'),
    measure: 'employment',
    file: {
      format: 'csv',
      content: 'region,industry,value\nЛипецкая область,24,10\nТамбовская область,24,5\n',
      mapping: {
        regionColumn: 'region',
        industryColumn: 'industry',
        valueColumn: 'value',
        year: 2022,
      },
    },
  });
  if (dataset.status !== 201) throw new Error(`fixture dataset: ${JSON.stringify(dataset.body)}`);

  // Deleted last, through the API, so their history ends with the deletion.
  await removed(admin, 'organisations', organisation.deleted);
  await removed(admin, 'people', person.deleted);
  await removed(admin, 'sites', site.deleted);
  await removed(admin, 'clusters', cluster.deleted);

  const records: Record<EntityKind, Ids> = {
    organisation,
    person,
    site,
    cluster,
    event,
    agreement,
    action_plan: actionPlan,
    project,
  };
  const hiddenRefs = { public: new Set<string>(), everyone: new Set<string>() };
  for (const [type, ids] of Object.entries(records)) {
    hiddenRefs.public.add(`${type}:${ids.draft}`);
    hiddenRefs.public.add(`${type}:${ids.deleted}`);
    hiddenRefs.everyone.add(`${type}:${ids.deleted}`);
  }
  return {
    records,
    measures: measure,
    editions: {
      visible: [visibleEdition, visiblePublished],
      hidden: [draftEdition, deletedEdition, placesOfDraftSite, ofDraftRating],
    },
    methodologyId,
    sourceId,
    datasetId: dataset.body.dataset.id,
    contracts,
    hiddenRefs,
  };
}
