import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  ClusterCompliance,
  ClusterRegistryStatus,
  ConflictBody,
  Created,
  ErrorBody,
  SupplierGaps,
  SupplierSearchResult,
} from './api-types.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}-${++counter}`;

// Липецк, Елец (≈ 73 km west), Воронеж (≈ 110 km south): real towns, so the distances are checkable on a map.
const LIPETSK = { lat: 52.6031, lon: 39.5708 };
const YELETS = { lat: 52.6246, lon: 38.5029 };
const VORONEZH = { lat: 51.6615, lon: 39.2003 };

describe.each(databaseKinds())('supplier search, supply gaps and registry status on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  let anonymous: Client;

  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
    editor = await signIn(t.app, 'regional_editor', ['42', '20']);
    anonymous = await signIn(t.app, 'public');
  });
  afterAll(async () => t?.close());

  const create = async (url: string, body: unknown): Promise<number> => {
    const res = await editor.request<Created>('POST', url, body);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id;
  };
  /** An organisation at a point with ОКВЭД2 codes (coordinates are set as the registry import sets them). */
  async function organisation(
    name: string,
    at: { lat: number; lon: number } | null,
    okved: string[],
    regionCode = '42',
  ): Promise<number> {
    const id = await create('/api/organisations', {
      kind: 'enterprise',
      name: `«${name} ${uniq()}»`,
      regionCode,
      okved: okved.map((code, i) => ({ code, isMain: i === 0 })),
    });
    if (at)
      await sql`UPDATE organisation SET latitude = ${at.lat}, longitude = ${at.lon} WHERE id = ${id}`.execute(
        t.database.db,
      );
    return id;
  }
  const cluster = () =>
    create('/api/clusters', { kind: 'industrial', name: `Кластер ${uniq()}`, regionCode: '42' });
  const member = (clusterId: number, organisationId: number) =>
    create(`/api/clusters/${clusterId}/members`, { organisationId, role: 'participant' });
  const contract = (buyerId: number, supplierId: number, okpd2: string | null, product?: string) =>
    create('/api/cooperation-contracts', {
      buyerId,
      supplierId,
      contractType: 'supply',
      okpd2,
      product: product ?? null,
      signedOn: '2023-03-01',
      valueRub: 2_000_000,
    });

  it('ranks suppliers within the radius by distance, cluster membership and past contracts, explaining each place, and leaves out those beyond it', async () => {
    const clusterId = await cluster();
    const buyer = await organisation('Покупатель', LIPETSK, ['29.10']);
    const near = await organisation('Ближний завод', { lat: 52.62, lon: 39.6 }, ['30.92.1']);
    const member30km = await organisation('Участник кластера', { lat: 52.6, lon: 39.13 }, [
      '30.92',
    ]);
    const pastSupplier = await organisation('Прежний поставщик', YELETS, ['30.92.2']);
    const far = await organisation('Воронежский завод', VORONEZH, ['30.92'], '20');
    const otherActivity = await organisation('Другое дело', LIPETSK, ['10.11']);
    await member(clusterId, buyer);
    await member(clusterId, member30km);
    for (let i = 0; i < 3; i++) await contract(buyer, pastSupplier, '30.92.10');

    const { status, body } = await t.getJson<SupplierSearchResult>(
      `/api/suppliers/search?okpd2=30.92.1&organisationId=${buyer}&radiusKm=100&clusterId=${clusterId}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.need).toMatchObject({ okpd2: '30.92.1', activityPrefix: '30.92' });
    expect(body.origin).toMatchObject({ latitude: LIPETSK.lat, longitude: LIPETSK.lon });
    const ids = body.items.map((i) => Number(i.organisation.id));
    expect(ids).not.toContain(far);
    expect(ids).not.toContain(otherActivity);
    // Scores: the member 30 km away 25 + 50×(1−30/100) ≈ 60; the non-member next door ≈ 49;
    // the past supplier 73 km away 5×3 + 50×(1−73/100) ≈ 28.5.
    const ours = ids.filter((id) => [near, member30km, pastSupplier].includes(id));
    expect(ours).toEqual([member30km, near, pastSupplier]);
    const byId = new Map(body.items.map((i) => [Number(i.organisation.id), i]));
    const m = byId.get(member30km)!;
    expect(m.inCluster).toBe(true);
    expect(m.distanceKm).toBeGreaterThan(28);
    expect(m.distanceKm).toBeLessThan(33);
    expect(m.reasons.map((r) => r.code)).toEqual(['distance', 'cluster_member', 'activity']);
    const p = byId.get(pastSupplier)!;
    expect(p.pastContracts).toBe(3);
    expect(p.distanceKm).toBeGreaterThan(70);
    expect(p.distanceKm).toBeLessThan(76);
    expect(p.reasons.find((r) => r.code === 'past_contracts')).toMatchObject({ points: 15 });
    for (const item of body.items) {
      const sum = item.reasons.reduce((s, r) => s + r.points, 0);
      expect(Math.abs(sum - item.score)).toBeLessThanOrEqual(0.2);
      for (const r of item.reasons) expect(r.messageEn.length).toBeGreaterThan(0);
    }
    expect(body.total).toBeGreaterThanOrEqual(3);

    // Widening the radius to 150 km takes in Voronezh (≈ 110 km).
    const wide = await t.getJson<SupplierSearchResult>(
      `/api/suppliers/search?okved=30.92&lat=${LIPETSK.lat}&lon=${LIPETSK.lon}&radiusKm=150`,
    );
    expect(wide.status).toBe(200);
    const voronezh = wide.body.items.find((i) => Number(i.organisation.id) === far)!;
    expect(voronezh.distanceKm).toBeGreaterThan(100);
    expect(voronezh.distanceKm).toBeLessThan(120);
  });

  it('searches a whole region without a point, and finds a past supplier whose activity is not recorded', async () => {
    const buyer = await organisation('Покупатель', null, ['29.10']);
    const supplier = await organisation('Литейщик без ОКВЭД', null, ['46.90']);
    await contract(buyer, supplier, '24.51.1', 'Отливки из чугуна');
    const listed = await organisation('Литейный завод', null, ['24.51']);
    const elsewhere = await organisation('Литьё в Воронеже', null, ['24.51'], '20');
    const { status, body } = await t.getJson<SupplierSearchResult>(
      '/api/suppliers/search?okpd2=24.51.1&region=42',
    );
    expect(status).toBe(200);
    expect(body.origin).toBeNull();
    expect(body.radiusKm).toBeNull();
    const ids = body.items.map((i) => Number(i.organisation.id));
    expect(ids).toContain(listed);
    expect(ids).not.toContain(elsewhere);
    const found = body.items.find((i) => Number(i.organisation.id) === supplier)!;
    expect(found.distanceKm).toBeNull();
    expect(found.activities).toEqual([]);
    expect(found.reasons.map((r) => r.code)).toEqual(['past_contracts', 'activity']);
    expect(ids.indexOf(supplier)).toBeLessThan(ids.indexOf(listed));
  });

  it('refuses a search with both or neither classifier codes, a half point, no area, or an origin without coordinates, naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['okpd2=28.30&okved=28.30&region=42', 'okpd2'],
      ['region=42', 'okpd2'],
      ['okved=28.30&lat=52.6', 'lon'],
      ['okved=28.30', 'region'],
      ['okved=28.30&region=42&radiusKm=-5', 'radiusKm'],
      ['okved=abc&region=42', 'okved'],
      ['okved=28.30&region=00', 'region'],
    ];
    for (const [query, field] of cases) {
      const res = await anonymous.request<ErrorBody>('GET', `/api/suppliers/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(
        res.body.error.fields?.map((f) => f.field),
        query,
      ).toContain(field);
    }
    const noPoint = await organisation('Без координат', null, ['28.30']);
    const res = await anonymous.request<ErrorBody>(
      'GET',
      `/api/suppliers/search?okved=28.30&organisationId=${noPoint}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]).toMatchObject({ field: 'organisationId' });
    expect(res.body.error.messageEn).toBeTruthy();
  });

  it('lists what a cluster’s members buy outside it, with the region’s organisations that could supply it instead', async () => {
    const clusterId = await cluster();
    const buyer = await organisation('Тракторный завод', LIPETSK, ['28.30']);
    const insider = await organisation('Свой поставщик', LIPETSK, ['25.62']);
    const outsider = await organisation(
      'Поставщик из Тулы',
      { lat: 54.19, lon: 37.62 },
      ['27.11'],
      '20',
    );
    const local = await organisation('Липецкий электромашиностроительный', YELETS, ['27.11']);
    const localMember = await organisation('Электромоторы — участник', LIPETSK, ['27.11.1']);
    await member(clusterId, buyer);
    await member(clusterId, insider);
    await member(clusterId, localMember);
    await contract(buyer, insider, '25.62.1');
    await contract(buyer, outsider, '27.11.2');
    await contract(buyer, outsider, '27.11.2');
    await contract(buyer, outsider, null, 'Услуги проектирования');

    const { status, body } = await t.getJson<SupplierGaps>(
      `/api/clusters/${clusterId}/supplier-gaps`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.region?.code).toBe('42');
    // Only purchases from non-members are gaps; the member-to-member contract is not.
    expect(body.gaps.map((g) => g.okpd2)).toEqual(['27.11.2', null]);
    const motors = body.gaps[0]!;
    expect(motors.contracts).toBe(2);
    expect(motors.valueRub).toBe(4_000_000);
    expect(motors.buyers.map((b) => Number(b.id))).toEqual([buyer]);
    expect(motors.outsideSuppliers.map((s) => Number(s.id))).toEqual([outsider]);
    const candidates = motors.candidates.map((c) => Number(c.organisation.id));
    expect(candidates).toContain(local);
    expect(candidates).not.toContain(outsider);
    // The member is ranked first: membership counts in a cluster's own search.
    expect(candidates.indexOf(localMember)).toBeLessThan(candidates.indexOf(local));
    expect(body.gaps[1]).toMatchObject({ product: 'Услуги проектирования', candidates: [] });

    const near = await t.getJson<SupplierGaps>(
      `/api/clusters/${clusterId}/supplier-gaps?radiusKm=50`,
    );
    const nearCandidates = near.body.gaps[0]!.candidates.map((c) => Number(c.organisation.id));
    expect(nearCandidates).toContain(localMember);
    expect(nearCandidates).not.toContain(local);
  });

  it('records a cluster as a candidate and then in the registry, keeps the history, refuses a stale version with 409, and the check reads the decision', async () => {
    const clusterId = await cluster();
    const read = () =>
      editor.request<ClusterRegistryStatus>('GET', `/api/clusters/${clusterId}/registry-status`);
    const first = await read();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stated: null, status: null, decisionNumber: null });
    const check = async (asOf: string) =>
      (
        await t.getJson<ClusterCompliance>(`/api/clusters/${clusterId}/compliance?asOf=${asOf}`)
      ).body.check.requirements.find((r) => r.code === 'decision_validity')!;
    expect((await check('2025-06-30')).verdict).toBe('insufficient_data');

    const url = `/api/clusters/${clusterId}/registry-status`;
    const candidate = await editor.request<Created>('PATCH', url, {
      version: first.body.version,
      status: 'candidate',
    });
    expect(candidate.status, JSON.stringify(candidate.body)).toBe(200);
    expect((await check('2025-06-30')).verdict).toBe('met');

    const registered = await editor.request<Created>('PATCH', url, {
      version: candidate.body.version,
      status: 'registered',
      decisionNumber: 'МПТ-2020/17',
      decisionDate: '2020-06-30',
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const now = await read();
    // Five years from 30.06.2020 lapsed on 30.06.2025: the status says so, the check too.
    expect(now.body).toMatchObject({
      stated: 'registered',
      status: 'expired',
      decisionNumber: 'МПТ-2020/17',
      decisionDate: '2020-06-30',
      validUntil: '2025-06-30',
      validityYears: 5,
    });
    expect((await check('2025-06-29')).verdict).toBe('met');
    expect((await check('2025-06-30')).verdict).toBe('not_met');
    expect(now.body.history.map((h) => h.stated)).toEqual(['registered', 'candidate']);
    expect(now.body.history[0]).toMatchObject({ decisionNumber: 'МПТ-2020/17' });
    expect(now.body.history[0]!.user).toBeTruthy();

    const stale = await editor.request<ConflictBody>('PATCH', url, {
      version: candidate.body.version,
      status: 'candidate',
    });
    expect(stale.status).toBe(409);
    expect((await read()).body.stated).toBe('registered');

    // The public reader sees the status but not who changed it.
    const pub = await anonymous.request<ClusterRegistryStatus>('GET', url);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('expired');
    expect(pub.body.history).toEqual([]);
  });

  it('refuses a registered status without a number or date, a candidate with a decision, and a decision dated in the future', async () => {
    const clusterId = await cluster();
    const url = `/api/clusters/${clusterId}/registry-status`;
    const { body } = await editor.request<ClusterRegistryStatus>('GET', url);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ status: 'registered', decisionDate: '2021-01-01' }, 'decisionNumber'],
      [{ status: 'registered', decisionNumber: '1' }, 'decisionDate'],
      [{ status: 'candidate', decisionNumber: '1' }, 'decisionNumber'],
      [{ status: 'registered', decisionNumber: '1', decisionDate: '2999-01-01' }, 'decisionDate'],
      [{ status: 'expired' }, 'status'],
    ];
    for (const [input, field] of cases) {
      const res = await editor.request<ErrorBody>('PATCH', url, {
        version: body.version,
        ...input,
      });
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.field)).toContain(field);
    }
    expect((await editor.request<ClusterRegistryStatus>('GET', url)).body.version).toBe(
      body.version,
    );
    const anon = await anonymous.request<ErrorBody>('PATCH', url, {
      version: body.version,
      status: 'candidate',
    });
    expect([401, 403]).toContain(anon.status);
  });

  it('changes a year’s purchases, refuses a part from participants above the total and a stale version, and refuses a contract signed in the future', async () => {
    const maker = await organisation('Производитель', null, ['28.30']);
    const supplier = await organisation('Поставщик', null, ['25.62']);
    const purchase = await editor.request<Created>('POST', '/api/cooperation-purchases', {
      organisationId: maker,
      year: 2024,
      totalRub: 100_000_000,
      fromParticipantsRub: 20_000_000,
    });
    expect(purchase.status).toBe(201);
    const url = `/api/cooperation-purchases/${purchase.body.id}`;
    const tooMuch = await editor.request<ErrorBody>('PATCH', url, {
      version: purchase.body.version,
      fromParticipantsRub: 150_000_000,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.fields?.[0]?.field).toBe('fromParticipantsRub');
    const negative = await editor.request<ErrorBody>('PATCH', url, {
      version: purchase.body.version,
      totalRub: -1,
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields?.map((f) => f.field)).toContain('totalRub');
    const ok = await editor.request<Created>('PATCH', url, {
      version: purchase.body.version,
      fromParticipantsRub: 30_000_000,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const stale = await editor.request<ConflictBody>('PATCH', url, {
      version: purchase.body.version,
      totalRub: 90_000_000,
    });
    expect(stale.status).toBe(409);
    const row = await t.database.db
      .selectFrom('cooperation_purchase')
      .select(['total_rub', 'from_participants_rub', 'version'])
      .where('id', '=', purchase.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ total_rub: 100_000_000, from_participants_rub: 30_000_000 });

    const future = await editor.request<ErrorBody>('POST', '/api/cooperation-contracts', {
      buyerId: maker,
      supplierId: supplier,
      contractType: 'supply',
      signedOn: '2999-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields?.[0]?.field).toBe('signedOn');
  });
});
