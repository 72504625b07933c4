import * as ExcelJS from '@cj-tech-master/excelts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handWorkedMethodology } from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import { expectGolden } from './golden.ts';
import type {
  EditionComparisonResponse,
  ErrorBody,
  ImportRejected,
  IndicatorValueList,
  RatingEdition,
  RatingEditionList,
  RatingMethodology,
  RatingMethodologyList,
  ScoreExplanationResponse,
  SensitivityResponse,
  WhatIfResponse,
} from './api-types.ts';

/**
 * Ratings API (issue 5) on both databases. The end-to-end numbers are those of
 * core's hand-worked example (computeEdition.test.ts): with groups A (3) and B
 * (2), scores o3 .5675, o4 .5, o5 .4875, o1 .46, o2 .3575.
 */
const HAND_SCORES: Record<string, number> = {
  o3: 0.5675,
  o4: 0.5,
  o5: 0.4875,
  o1: 0.46,
  o2: 0.3575,
};
const HAND_TABLE: Record<string, number[]> = {
  o1: [10, 4, 5, 100, 10, 0.8],
  o2: [20, 1, 3, 300, 20, 0.2],
  o3: [30, 3, 1, 200, 30, 0.4],
  o4: [50, 0, 5, 500, 50, 0.6],
  o5: [0, 2, 2, 100, 10, 1.0],
};
const siteName = (o: string) => `Пример «${o}»`;

function handCsv(): string {
  const codes = handWorkedMethodology.indicators.map((i) => i.code);
  const lines = ['object,indicator,value,year,source'];
  for (const [o, values] of Object.entries(HAND_TABLE))
    values.forEach((v, j) =>
      lines.push(`${siteName(o).toUpperCase()},${codes[j]},${v},2030,пример из теста`),
    );
  return lines.join('\n');
}

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe.each(databaseKinds())('ratings API (%s)', (kind) => {
  let t: TestApp;
  const siteIds = new Map<string, string>();
  let analyst: Client;
  let anonymous: Client;

  /** Rating computations and imports are for analysts (and administrators). */
  const post = <T = unknown>(url: string, payload: unknown) =>
    analyst.request<T>('POST', url, payload);

  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await signIn(t.app, 'analyst');
    anonymous = await signIn(t.app, 'public');
    for (const o of Object.keys(HAND_TABLE)) {
      const row = await t.database.db
        .insertInto('site')
        .values({ kind: 'sez', name: siteName(o) })
        .returning('id')
        .executeTakeFirstOrThrow();
      siteIds.set(o, String(row.id));
    }
  });
  afterAll(async () => t?.close());

  /**
   * The hand-worked methodology, values and edition that the explanation,
   * sensitivity, what-if, comparison and export tests read, made once on first
   * use under codes of their own, so every test stands alone in any order.
   */
  const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  };
  const fixtureMethodology = once(async () => {
    const created = await post<RatingMethodology>('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      id: 'hand_fixture',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  });
  const fixtureEdition = once(async () => {
    const methodologyId = await fixtureMethodology();
    const imported = await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'hand_fixture',
    });
    expect(imported.status).toBe(200);
    const edition = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId,
      year: 2030,
      dataset: 'hand_fixture',
    });
    expect(edition.status).toBe(201);
    return edition.body.id;
  });

  it('lists the seed places — ОЭЗ «Липецк» 1st in 2022 and in the ESG rating 2023 — as published editions beside the computed ones', async () => {
    const { status, body } = await t.getJson<RatingEditionList>('/api/ratings/editions');
    expect(status).toBe(200);
    const investment = body.ratings.find((r) => r.code === 'akit-sez-investment');
    const esg = body.ratings.find((r) => r.code === 'akit-sez-esg');
    expect(investment!.methodologyCode).toBe('sez_investment_attractiveness');
    const leaderOf = (r: RatingEditionList['ratings'][number] | undefined, year: number) =>
      r!.editions
        .find((e) => e.kind === 'published' && e.year === year)!
        .leaders.map((l) => l.object.title);
    expect(leaderOf(investment, 2022)).toEqual(['ОЭЗ «Липецк»']);
    expect(leaderOf(esg, 2023)).toEqual(['ОЭЗ «Липецк»']);
    const published2022 = investment!.editions.find(
      (e) => e.kind === 'published' && e.year === 2022,
    );
    expect(published2022!.source!.quote).toContain('по итогам 2022 года');
    expect(published2022!.kindLabel).toBe('Опубликовано издателем рейтинга');
    expect(leaderOf(investment, 2025).sort()).toEqual([
      'ОЭЗ «Архыз»',
      'ОЭЗ «Липецк»',
      'ОЭЗ «Технополис «Москва»»',
    ]);
    // Computed editions sit beside them, on illustrative data and saying so.
    const computed = [...investment!.editions, ...esg!.editions].filter(
      (e) => e.kind === 'computed',
    );
    expect(computed.length).toBeGreaterThanOrEqual(3);
    for (const e of computed) {
      expect(e.illustrative).toBe(true);
      expect(e.label).toContain('Иллюстративные данные');
    }
  });

  it('shows a published edition as places only, and refuses to explain it', async () => {
    const { body: list } = await t.getJson<RatingEditionList>('/api/ratings/editions');
    const esg = list.ratings.find((r) => r.code === 'akit-sez-esg');
    const published = esg!.editions.find((e) => e.kind === 'published' && e.year === 2023);
    const { body } = await t.getJson<RatingEdition>(`/api/ratings/editions/${published!.id}`);
    expect(body.peerGroups[0]!.rows[0]).toMatchObject({
      place: 1,
      score: null,
      object: { title: 'ОЭЗ «Липецк»' },
    });
    const site = body.peerGroups[0]!.rows[0]!.object.id;
    const explain = await t.getJson<ErrorBody>(
      `/api/ratings/editions/${published!.id}/objects/${site}/explanation`,
    );
    expect(explain.status).toBe(422);
    expect(explain.body.error.message).toMatch(/опубликованное издание/);
  });

  it('ships the default methodologies as PromAtlas’s, readable in Russian', async () => {
    const { body } = await t.getJson<RatingMethodologyList>('/api/ratings/methodologies');
    const defaults = body.items
      .filter((m) => m.isDefault)
      .map((m) => `${m.code}@${m.version}|${m.author}`);
    expect(defaults).toEqual(
      expect.arrayContaining([
        'sez_investment_attractiveness@2025.1|PromAtlas',
        'sez_esg@2025.1|PromAtlas',
      ]),
    );
    const esg = body.items.find((m) => m.code === 'sez_esg' && m.version === '2025.1');
    const { body: one } = await t.getJson<RatingMethodology>(
      `/api/ratings/methodologies/${esg!.id}`,
    );
    expect(one.methodology.groups.map((g) => g.code)).toEqual(['e', 's', 'g']);
    expect(one.rendered.notice).toMatch(/Методика PromAtlas, а не ассоциации/);
    expect(one.rendered.groups.map((g) => g.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const shares = one.rendered.groups.flatMap((g) => g.indicators.map((i) => i.shareOfTotal));
    expect(shares.reduce((s: number, x: number) => s + x, 0)).toBeCloseTo(1, 12);
    expect(one.rendered.groups[0]!.indicators[0]!.directionLabel).toMatch(/лучше/);
  });

  it('stores a new methodology version, names each invalid field, and never overwrites a stored version', async () => {
    const bad = await post<ErrorBody>('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      indicators: handWorkedMethodology.indicators.map((i, k) =>
        k === 0 ? { ...i, weight: -1 } : i,
      ),
      groups: [...handWorkedMethodology.groups, { code: 'a', name: 'Повтор', weight: 1 }],
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.fields!.map((f) => f.field);
    expect(fields).toContain('indicators[0].weight');
    expect(fields).toContain('groups[2].code');
    expect(bad.body.error.message).toMatch(/вес не может быть отрицательным/);

    const created = await post<RatingMethodology>(
      '/api/ratings/methodologies',
      handWorkedMethodology,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'hand_worked',
      version: '1',
      isDefault: false,
      author: 'пользователь',
    });
    const handMethodologyId = created.body.id;

    const again = await post('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      groups: handWorkedMethodology.groups.map((g) => ({ ...g, weight: 1 })),
    });
    expect(again.status).toBe(409);
    const v2 = await post('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      version: '2',
      groups: handWorkedMethodology.groups.map((g) => ({ ...g, weight: 1 })),
    });
    expect(v2.status).toBe(201);
    const { body: v1 } = await t.getJson<RatingMethodology>(
      `/api/ratings/methodologies/${handMethodologyId}`,
    );
    expect(v1.methodology).toEqual(handWorkedMethodology);
    // Even a direct UPDATE cannot change a stored version.
    await expect(
      sql`UPDATE rating_methodology SET body = '{}'::jsonb WHERE id = ${handMethodologyId}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('rejects an import with bad rows, naming line, field and reason, and writes nothing', async () => {
    await fixtureMethodology(); // the indicators an import is checked against
    const csv = [
      'object,indicator,value,year,source',
      `${siteName('o1')},a1,10,2030,`,
      'Нет такой площадки,a1,1,2030,',
      `${siteName('o2')},zz,1,2030,`,
      `${siteName('o3')},a1,много,2030,`,
      `${siteName('o4')},a1,5,20x0,`,
      `${siteName('o1')},a1,11,2030,`,
      `${siteName('o5')},a1,1,2030,999999`,
    ].join('\n');
    const { status, body } = await post<ImportRejected>('/api/ratings/indicator-values/import', {
      contentBase64: base64(csv),
      dataset: 'bad',
    });
    expect(status).toBe(422);
    expect(body.error.message).toMatch(/ничего не записано/);
    const problems = body.problems.map((p) => `${p.line}|${p.field}`);
    expect(problems).toEqual([
      '3|object',
      '4|indicator',
      '5|value',
      '6|year',
      '7|indicator',
      '8|source',
    ]);
    expect(body.problems[0]!.message).toMatch(/не найден/);
    expect(body.problems[4]!.message).toMatch(/уже указано в строке 2/);
    const { body: stored } = await t.getJson<IndicatorValueList>(
      '/api/ratings/indicator-values?dataset=bad',
    );
    expect(stored.total).toBe(0);
  });

  it('imports the hand-worked values by site name (any case), and a re-import changes nothing', async () => {
    await fixtureMethodology(); // the indicators an import is checked against
    const first = await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'hand',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      rows: 30,
      inserted: 30,
      updated: 0,
      unchanged: 0,
      years: [2030],
    });
    const again = await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'hand',
    });
    expect(again.body).toMatchObject({ rows: 30, inserted: 0, updated: 0, unchanged: 30 });
    const { body } = await t.getJson<IndicatorValueList>(
      `/api/ratings/indicator-values?dataset=hand&objectId=${siteIds.get('o4')}`,
    );
    expect(body.items).toHaveLength(6);
    expect(body.items.find((v) => v.indicator === 'b1')).toMatchObject({
      value: 500,
      sourceText: 'пример из теста',
      provenance: 'import',
    });
  });

  it('imports an XLSX workbook (Russian headers, year for the whole file)', async () => {
    await fixtureMethodology(); // the indicators an import is checked against
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Значения');
    sheet.addRow(['Объект', 'Показатель', 'Значение', 'Источник']);
    sheet.addRow([Number(siteIds.get('o1')), 'a1', 12.5, 'таблица XLSX']);
    sheet.addRow([siteName('o2'), 'a2', 3, null]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(content),
      dataset: 'xlsx',
      year: 2031,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 2, inserted: 2, years: [2031] });
    const { body: stored } = await t.getJson<IndicatorValueList>(
      '/api/ratings/indicator-values?dataset=xlsx',
    );
    expect(
      stored.items.map((v) => `${v.object.title}|${v.indicator}|${v.value}|${v.year}`).sort(),
    ).toEqual([`${siteName('o1')}|a1|12.5|2031`, `${siteName('o2')}|a2|3|2031`]);
  });

  it('computes the hand-worked edition: the fixture’s scores and places, ties by the stated rule', async () => {
    const methodology = await post<RatingMethodology>('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      id: 'hand_compute',
    });
    const handMethodologyId = methodology.body.id;
    await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'hand_compute',
    });
    const { status, body } = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId: handMethodologyId,
      year: 2030,
      dataset: 'hand_compute',
    });
    expect(status).toBe(201);
    const handEditionId = body.id;
    expect(body.kind).toBe('computed');
    expect(body.tieRule).toMatch(/1, 2, 2, 4/);
    expect(body.peerGroups).toHaveLength(1);
    const rows = body.peerGroups[0]!.rows;
    const idToName = new Map([...siteIds].map(([o, id]) => [id, o]));
    expect(rows.map((r) => idToName.get(r.object.id))).toEqual(['o3', 'o4', 'o5', 'o1', 'o2']);
    expect(rows.map((r) => r.place)).toEqual([1, 2, 3, 4, 5]);
    for (const r of rows) expect(r.score).toBeCloseTo(HAND_SCORES[idToName.get(r.object.id)!]!, 12);
    // o1: A = .35, B = .625
    const o1 = rows.find((r) => r.object.id === siteIds.get('o1'));
    expect(o1!.groupScores.map((g) => g.score)).toEqual([
      expect.closeTo(0.35, 12),
      expect.closeTo(0.625, 12),
    ]);
    // Computing again replaces the draft instead of adding a second edition.
    const again = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId: handMethodologyId,
      year: 2030,
      dataset: 'hand_compute',
    });
    expect(again.body.id).toBe(handEditionId);
    const { body: list } = await t.getJson<RatingEditionList>('/api/ratings/editions');
    const mine = list.otherEditions.filter((e) => e.methodology?.id === handMethodologyId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.leaders.map((l) => l.object.id)).toEqual([siteIds.get('o3')]);
  });

  it('explains o4: contributions by group and indicator, gaps to o3 above and o5 below, what lifts it one place', async () => {
    const handEditionId = await fixtureEdition();
    const { status, body } = await t.getJson<ScoreExplanationResponse>(
      `/api/ratings/editions/${handEditionId}/objects/${siteIds.get('o4')}/explanation`,
    );
    expect(status).toBe(200);
    expect(body.place).toBe(2);
    expect(body.score).toBeCloseTo(0.5, 12);
    expect(body.groups[0]).toMatchObject({
      code: 'a',
      contribution: expect.closeTo(0.3, 12),
      share: expect.closeTo(0.6, 12),
    });
    expect(body.indicators[0]).toMatchObject({
      code: 'a1',
      raw: 50,
      normalised: 1,
      weight: expect.closeTo(0.3, 12),
    });
    expect(body.above!.object.id).toBe(siteIds.get('o3'));
    expect(body.above!.gap).toBeCloseTo(0.0675, 12);
    expect(body.below!.object.id).toBe(siteIds.get('o5'));
    expect(body.below!.gap).toBeCloseTo(0.0125, 12);
    // a2: normalised 0 → needs +.0675/.15 = .45 → raw .45 · 4 = 1.8
    const a2 = body.liftOnePlace.find((l) => l.indicator === 'a2');
    expect(a2!.outcome).toBe('lifts');
    expect(a2!.requiredValue).toBeCloseTo(1.8, 9);
    expect(body.liftOnePlace.find((l) => l.indicator === 'a1')!.outcome).toBe('beyond_best');
    expect(a2!.outcomeLabel).toMatch(/довести/);
  });

  it('gives the same sensitivity for the same seed, and robust flags from the place spread', async () => {
    const handEditionId = await fixtureEdition();
    const url = `/api/ratings/editions/${handEditionId}/sensitivity?method=dirichlet&concentration=20&runs=500&seed=42`;
    const [a, b] = [await t.getJson<SensitivityResponse>(url), await t.getJson(url)];
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.body.objects).toHaveLength(5);
    for (const o of a.body.objects) {
      expect(o.p5).toBeLessThanOrEqual(o.median);
      expect(o.median).toBeLessThanOrEqual(o.p95);
      expect(o.robust).toBe(o.p95 - o.p5 <= 2);
      expect(o.placeCounts.reduce((s: number, n: number) => s + n, 0)).toBe(500);
    }
    // With no spread the stated places are the only outcome.
    const still = await t.getJson<SensitivityResponse>(
      `/api/ratings/editions/${handEditionId}/sensitivity?method=uniform&spread=0&runs=10&seed=1`,
    );
    for (const o of still.body.objects)
      expect([o.p5, o.median, o.p95]).toEqual([o.place, o.place, o.place]);
  });

  it('re-ranks with other weights without saving, for anyone: group B at 0 ranks by group A alone', async () => {
    const handEditionId = await fixtureEdition();
    const { status, body } = await anonymous.request<WhatIfResponse>(
      'POST',
      `/api/ratings/editions/${handEditionId}/what-if`,
      { groupWeights: { b: 0 } },
    );
    expect(status).toBe(200);
    const idToName = new Map([...siteIds].map(([o, id]) => [id, o]));
    const rows = body.peerGroups[0]!.rows;
    // A: o3 .7375, o4 .5, o2 .3875, o1 .35, o5 .3125
    expect(rows.map((r) => idToName.get(r.object.id))).toEqual(['o3', 'o4', 'o2', 'o1', 'o5']);
    expect(rows.find((r) => r.object.id === siteIds.get('o2'))).toMatchObject({
      place: 3,
      placeBefore: 5,
    });
    const unknown = await post<ErrorBody>(`/api/ratings/editions/${handEditionId}/what-if`, {
      indicatorWeights: { zz: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields![0]!.field).toBe('indicatorWeights.zz');
    const { body: saved } = await t.getJson<RatingEdition>(
      `/api/ratings/editions/${handEditionId}`,
    );
    expect(saved.peerGroups[0]!.rows.map((r) => idToName.get(r.object.id))).toEqual([
      'o3',
      'o4',
      'o5',
      'o1',
      'o2',
    ]);
  });

  it('compares two editions: who moved and which indicators drove it', async () => {
    const handEditionId = await fixtureEdition();
    const v2 = await post<RatingMethodology>('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      id: 'hand_fixture',
      version: '2',
      groups: handWorkedMethodology.groups.map((g) => ({ ...g, weight: 1 })),
    });
    expect(v2.status).toBe(201);
    const { body: after } = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId: v2.body.id,
      year: 2030,
      dataset: 'hand_fixture',
    });
    const { status, body } = await t.getJson<EditionComparisonResponse>(
      `/api/ratings/editions/compare?before=${handEditionId}&after=${after.id}`,
    );
    expect(status).toBe(200);
    expect(body.placesOnly).toBe(false);
    expect(body.moves).toHaveLength(5);
    for (const m of body.moves) {
      const sum = m.drivers.reduce((s: number, d) => s + d.change, 0);
      expect(sum).toBeCloseTo(m.scoreChange!, 12);
    }
    expect(body.moves[0]!.drivers[0]!.name).toMatch(/Показатель/);
  });

  it('exports an edition as CSV for Excel and as XLSX, with Russian headers', async () => {
    const handEditionId = await fixtureEdition();
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/ratings/editions/${handEditionId}/export?format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('Группа сравнения;Место;Объект'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header]).toContain('Балл: Группа A');
    expect(lines[header + 1]).toContain(`;1;${siteName('o3')};site;${siteIds.get('o3')};0,5675`);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/ratings/editions/${handEditionId}/export?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      xlsx.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('Рейтинг')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Место');
    expect(sheet.getRow(2).getCell(3).value).toBe(siteName('o3'));
    expect(sheet.getRow(2).getCell(6).value).toBeCloseTo(0.5675, 12);
    expect(workbook.getWorksheet('Об издании')).toBeDefined();
  });

  it('lets only a signed-in analyst or administrator compute, import or add a methodology', async () => {
    const handMethodologyId = await fixtureMethodology();
    const compute = await anonymous.request('POST', '/api/ratings/editions', {
      methodologyId: handMethodologyId,
      year: 2030,
      dataset: 'hand',
    });
    expect(compute.status).toBe(401);
    const methodology = await anonymous.request('POST', '/api/ratings/methodologies', {
      ...handWorkedMethodology,
      version: '9',
    });
    expect(methodology.status).toBe(401);
    const editor = await signIn(t.app, 'regional_editor', ['42']);
    const imported = await editor.request('POST', '/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'x',
    });
    expect(imported.status).toBe(403);
  });

  it('computes an edition on the illustrative dataset with the label saying so, and 422 when there are no values', async () => {
    const { body: methodologies } = await t.getJson<RatingMethodologyList>(
      '/api/ratings/methodologies',
    );
    const investment = methodologies.items.find(
      (m) => m.code === 'sez_investment_attractiveness' && m.isDefault,
    );
    const { status, body } = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId: investment!.id,
      year: 2024,
      dataset: 'illustrative',
      label: 'Проверка',
    });
    expect(status).toBe(201);
    expect(body.label).toBe('Проверка — Иллюстративные данные');
    expect(body.illustrative).toBe(true);
    expect(body.rating!.title).toMatch(/инвестиционной привлекательности/);
    // One SEZ per type: each heads its own peer-group table.
    expect(body.peerGroups.map((g) => g.rows.length)).toEqual([1, 1, 1]);
    const none = await post('/api/ratings/editions', {
      methodologyId: investment!.id,
      year: 1999,
      dataset: 'illustrative',
    });
    expect(none.status).toBe(422);
  });

  it('exports an edition as CSV byte for byte as the committed golden file (object ids as their fixture names)', async () => {
    // Its own methodology code and dataset: this test needs nothing another test made.
    const methodology = await post<RatingMethodology>('/api/ratings/methodologies', {
      ...handWorkedMethodology,
      id: 'hand_worked_golden',
    });
    expect(methodology.status).toBe(201);
    const imported = await post('/api/ratings/indicator-values/import', {
      contentBase64: base64(handCsv()),
      dataset: 'golden',
    });
    expect(imported.status).toBe(200);
    const edition = await post<RatingEdition>('/api/ratings/editions', {
      methodologyId: methodology.body.id,
      year: 2030,
      dataset: 'golden',
    });
    expect(edition.status).toBe(201);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/ratings/editions/${edition.body.id}/export?format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    const byId = new Map([...siteIds].map(([o, id]) => [id, o]));
    const body = csv.body.replace(/;site;(\d+);/g, (_, id: string) => `;site;<${byId.get(id)}>;`);
    await expectGolden('rating-edition.csv', body);
  });
});
