import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type {
  ActionPlan,
  ActionPlanListItem,
  Agreement,
  AgreementListItem,
  Cluster,
  Event,
  EventListItem,
  Organisation,
  Page,
  Person,
  Project,
  RatingList,
  Region,
  RegionMapValues,
  Site,
  SiteMapPoints,
  Source,
  SourceListItem,
} from './api-types.ts';

/** Every seed fact PRODUCT.md demands, read back through the public API. */
describe.each(databaseKinds())('registry API holds every seed fact (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const findId = async (path: string, q: string) => {
    const { body } = await t.getJson<Page<{ id: number }>>(`${path}?q=${encodeURIComponent(q)}`);
    expect(body.total, `${path}?q=${q}`).toBeGreaterThan(0);
    return body.items[0]!.id;
  };

  it('ОЭЗ «Липецк»: type, region, 60 residents and 4 plants as of 14.03.2024, ratings 2022 and ESG 2023 with sources', async () => {
    const id = await findId('/api/sites', 'Липецк');
    const { body } = await t.getJson<Site>(`/api/sites/${id}`);
    expect(body.kind).toBe('sez');
    expect(body.sezType).toBe('industrial_production');
    expect(body.region!.name).toBe('Липецкая область');
    expect(body.managementCompany).toBeNull();
    const residents = body.facts.find((f) => f.property === 'residents');
    expect(residents!.valueNumber).toBe(60);
    expect(residents!.asOf).toEqual({ from: '2024-03-14', to: '2024-03-14', precision: 'day' });
    expect(residents!.source!.quote).toContain('60');
    expect(residents!.source!.title).toMatch(/Передовой опыт липчан/);
    expect(body.facts.find((f) => f.property === 'plants_to_open')!.valueNumber).toBe(4);
    const r2022 = body.ratings.find((r) => r.year === 2022);
    expect(r2022!.place).toBe(1);
    expect(r2022!.source!.quote).toContain('по итогам 2022 года');
    const esg = body.ratings.find((r) => r.year === 2023);
    expect(esg!.place).toBe(1);
    expect(esg!.rating.title).toMatch(/ESG/);
  });

  it('the 9–10 October 2013 setup session lists every enterprise with legal form and town, the education and government bodies, the consultancy and the opener', async () => {
    const { body: list } = await t.getJson<Page<EventListItem>>(
      '/api/events?kind=setup_session&sort=date',
    );
    const session = list.items.find((e) => e.date?.from === '2013-10-09');
    expect(session!.date).toEqual({ from: '2013-10-09', to: '2013-10-10', precision: 'range' });
    const { body } = await t.getJson<Event>(`/api/events/${session!.id}`);
    const participants = body.participants.filter((p) => p.role === 'participant');
    const enterprises = participants.filter((p) => p.organisationKind === 'enterprise');
    expect(enterprises).toHaveLength(13);
    expect(enterprises.map((e) => `${e.organisation!.title}|${e.town ?? ''}`)).toEqual(
      expect.arrayContaining([
        'ОАО «Энергия»|Елец',
        'ОАО «Гидравлик»|Грязи',
        'ООО «Армастек-Липецк»|с. Хлевное',
        'ЗАО «Липецкий станкозавод «Возрождение»|',
      ]),
    );
    const kinds = participants.map((p) => p.organisationKind);
    expect(kinds.filter((k) => k === 'university')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'research_institute')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'college')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'government_body')).toHaveLength(5);
    const organisers = body.participants
      .filter((p) => p.role === 'organiser')
      .map((p) => p.organisation!.title);
    expect(organisers).toContain('ООО «Центр консалтинга «Панацея»');
    const opener = body.participants.find((p) => p.role === 'opener');
    expect(opener!.person!.title).toBe('Лаврентьев Владимир Васильевич');
    expect(opener!.positionTitle).toBe(
      'Начальник управления инновационной и промышленной политики Липецкой области',
    );
    expect(body.followedBy[0]!.title).toMatch(/Вторая установочная сессия/);
    const second = await t.getJson<Event>(`/api/events/${body.followedBy[0]!.id}`);
    expect(second.body.date).toEqual({ from: '2013-10-28', to: '2013-10-29', precision: 'range' });
    expect(second.body.goals.join(' ')).toMatch(/пилотных.*три года/s);
  });

  it('the 05.12.2017 strategic session has its organiser, supporters, categories, speakers and the cluster of about 30 participants', async () => {
    const { body: list } = await t.getJson<Page<EventListItem>>(
      '/api/events?kind=strategic_session',
    );
    const { body } = await t.getJson<Event>(`/api/events/${list.items[0]!.id}`);
    expect(body.date!.from).toBe('2017-12-05');
    expect(body.participantCategories).toHaveLength(3);
    const speakers = body.participants.filter((p) => p.role === 'speaker');
    expect(speakers.map((s) => s.person!.title)).toEqual([
      'Щедров Алексей Иванович',
      'Шпиленко Андрей Викторович',
    ]);
    expect(speakers[1]!.positionTitle).toMatch(/Директор Ассоциации/);
    const about = body.facts.find((f) => f.property === 'about_cluster');
    const cluster = await t.getJson<Cluster>(`/api/clusters/${about!.object!.id}`);
    const planned = cluster.body.facts.find((f) => f.property === 'planned_participants');
    expect(planned).toMatchObject({ valueNumber: 30, qualifier: 'about' });
  });

  it('cluster «ЛИПЕЦКМАШ» has two projects supported by Минпромторг for more than 600 million roubles', async () => {
    const id = await findId('/api/clusters', 'ЛИПЕЦКМАШ');
    const { body } = await t.getJson<Cluster>(`/api/clusters/${id}`);
    expect(body.projects).toHaveLength(2);
    expect(body.support).toHaveLength(1);
    expect(body.support[0]).toMatchObject({
      amount: 600_000_000,
      qualifier: 'more_than',
      currency: 'RUB',
    });
    expect(body.support[0]!.provider!.title).toBe('Минпромторг России');
    expect(body.support[0]!.projects).toHaveLength(2);
    expect(body.region!.code).toBe('42');
  });

  it('the АКИТ–Tambov agreement has both signatories with positions and four directions', async () => {
    const { body: list } = await t.getJson<Page<AgreementListItem>>('/api/agreements?region=68');
    expect(list.total).toBe(1);
    const { body } = await t.getJson<Agreement>(`/api/agreements/${list.items[0]!.id}`);
    expect(body.directions).toHaveLength(4);
    expect(body.event!.title).toMatch(/ПМЭФ-2022/);
    expect(body.parties.map((p) => p.signatory!.title)).toEqual([
      'Шпиленко Андрей Викторович',
      'Егоров Максим',
    ]);
    expect(body.parties[1]!.signatoryTitle).toMatch(/главы администрации Тамбовской области/);
    const region = await t.getJson<Region>('/api/regions/68');
    expect(
      region.body.facts.filter((f) => f.property === 'key_industry').map((f) => f.valueText),
    ).toEqual(
      expect.arrayContaining(['Машиностроение и металлообработка', 'Химическая промышленность']),
    );
  });

  it('the 2025 Moscow–Magadan action plan has three parties and five themes; Smolensk cooperates with РЖД', async () => {
    const { body: list } = await t.getJson<Page<ActionPlanListItem>>('/api/action-plans');
    const { body } = await t.getJson<ActionPlan>(`/api/action-plans/${list.items[0]!.id}`);
    expect(body.period).toEqual({ from: '2025-01-01', to: '2025-12-31', precision: 'year' });
    expect(body.themes).toHaveLength(5);
    expect(body.parties.map((p) => p.organisation!.title)).toEqual([
      'Правительство Москвы',
      'Правительство Магаданской области',
      'Минпромторг России',
    ]);
    const smolensk = await t.getJson<Region>('/api/regions/66');
    const coop = smolensk.body.facts.find((f) => f.property === 'cooperation');
    expect(coop!.object!.title).toBe('РЖД');
    expect(smolensk.body.people[0]!.person.title).toBe('Анохин Василий');
  });

  it('Lipetsk region shows its education clusters, broadband fact, Амкодор project for spring 2024 and «Моторинвест»', async () => {
    const { body } = await t.getJson<Region>('/api/regions/42');
    const fact = (p: string) => body.facts.find((f) => f.property === p);
    expect(fact('education_production_clusters')!.valueNumber).toBe(2);
    expect(fact('education_clusters')!.valueNumber).toBe(1);
    expect(fact('broadband_settlements')!.valueText).toMatch(/более 500 человек/);
    const projectTitles = body.projects.map((p) => p.title);
    expect(projectTitles).toEqual(
      expect.arrayContaining([
        'Восстановление Липецкого тракторного завода',
        'Центр молодёжной карьеры',
        'ИТ-лагерь «Прометей»',
      ]),
    );
    const ltz = body.projects.find(
      (p) => p.title === 'Восстановление Липецкого тракторного завода',
    );
    const project = await t.getJson<Project>(`/api/projects/${ltz!.id}`);
    expect(project.body.date).toEqual({
      from: '2024-03-01',
      to: '2024-05-31',
      precision: 'season',
    });
    expect(project.body.participants.map((p) => p.target.title)).toEqual([
      '«Амкодор»',
      'Липецкий тракторный завод',
    ]);
    const motor = await t.getJson<Organisation>(
      `/api/organisations/${await findId('/api/organisations', 'Моторинвест')}`,
    );
    expect(motor.body.facts[0]!.valueText).toBe('Первый в стране завод электромобилей');
    expect(body.people.map((p) => p.person.title)).toContain('Артамонов Игорь');
  });

  it('a source lists its citations with the exact span of each quoted sentence', async () => {
    const { body: list } = await t.getJson<Page<SourceListItem>>('/api/sources?sort=date');
    const seed = list.items.find((s) => s.published?.from === '2024-03-14');
    const { body } = await t.getJson<Source>(`/api/sources/${seed!.id}`);
    expect(body.citations.length).toBeGreaterThan(10);
    for (const c of body.citations) {
      expect(c.start, c.quote).not.toBeNull();
      expect(body.text.slice(c.start!, c.end!)).toBe(c.quote);
    }
    expect(
      body.citations.some((c) => c.what === 'Факт: Резиденты' && c.entity.title === 'ОЭЗ «Липецк»'),
    ).toBe(true);
  });

  it('links a person through positions to organisations, and the organisation to its events and agreements', async () => {
    const id = await findId('/api/people', 'Шпиленко');
    const { body } = await t.getJson<Person>(`/api/people/${id}`);
    expect(body.positions).toHaveLength(2);
    const akit = body.positions[0]!.organisation;
    expect(akit!.title).toBe('Ассоциация кластеров, технопарков и ОЭЗ России');
    expect(body.agreements[0]!.role).toBe('signatory');
    const org = await t.getJson<Organisation>(`/api/organisations/${akit!.id}`);
    expect(org.body.events.map((e) => e.role)).toContain('partner');
    expect(org.body.agreements).toHaveLength(1);
    expect(org.body.aliases).toContain(
      'Ассоциация организаций содействия развитию кластеров и технопарков',
    );
  });

  it('the map gives a value for all 89 federal subjects for each measure, and lists sites', async () => {
    for (const measure of ['organisations', 'sites', 'clusters', 'events', 'projects']) {
      const { status, body } = await t.getJson<RegionMapValues>(
        `/api/map/regions?measure=${measure}`,
      );
      expect(status).toBe(200);
      expect(body.items).toHaveLength(89);
    }
    const { body } = await t.getJson<RegionMapValues>('/api/map/regions?measure=clusters');
    expect(body.items.find((r) => r.code === '42')!.value).toBe(2);
    const sites = await t.getJson<SiteMapPoints>('/api/map/sites');
    expect(sites.body.items.map((s) => s.name)).toContain('ОЭЗ «Липецк»');
  });

  it('published ratings are listed with their editions', async () => {
    const { body } = await t.getJson<RatingList>('/api/ratings');
    const places = body.items.flatMap((r) =>
      r.results.map((x) => `${r.name}|${x.year}|${x.place}|${x.object.title}`),
    );
    expect(places).toEqual(
      expect.arrayContaining([
        'Национальный рейтинг инвестиционной привлекательности особых экономических зон|2022|1|ОЭЗ «Липецк»',
        'ESG-рейтинг особых экономических зон|2023|1|ОЭЗ «Липецк»',
      ]),
    );
  });
});
