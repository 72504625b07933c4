import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  ClusterCompliance,
  ClusterCooperation,
  CooperationContract,
  Created,
  ErrorBody,
} from './api-types.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}-${++counter}`;

describe.each(databaseKinds())(
  'cluster cooperation and the industrial-cluster check on %s',
  (kind) => {
    let t: TestApp;
    let editor: Client;
    let tambovEditor: Client;
    let anonymous: Client;

    beforeAll(async () => {
      t = await createTestApp(kind);
      editor = await signIn(t.app, 'regional_editor', ['42']);
      tambovEditor = await signIn(t.app, 'regional_editor', ['68']);
      anonymous = await signIn(t.app, 'public');
    });
    afterAll(async () => t?.close());

    const create = async (client: Client, url: string, body: unknown): Promise<number> => {
      const res = await client.request<Created>('POST', url, body);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id;
    };
    const organisation = (name: string, regionCode = '42', orgKind = 'enterprise') =>
      create(editor, '/api/organisations', {
        kind: orgKind,
        name: `«${name} ${uniq()}»`,
        regionCode,
      });
    const member = (clusterId: number, organisationId: number, role: string, from = '2015-01-01') =>
      create(editor, `/api/clusters/${clusterId}/members`, {
        organisationId,
        role,
        asOf: { from, to: from, precision: 'day' },
      });
    const contract = (buyerId: number, supplierId: number, signedOn = '2020-06-01') =>
      create(editor, '/api/cooperation-contracts', {
        buyerId,
        supplierId,
        contractType: 'supply',
        signedOn,
      });

    /** A cluster of ten finished-product makers in a chain of supply contracts, plus infrastructure and a specialised organisation. */
    async function compliantCluster() {
      const clusterId = await create(editor, '/api/clusters', {
        kind: 'industrial',
        name: `Кластер ${uniq()}`,
        regionCode: '42',
      });
      const makers: number[] = [];
      for (let i = 0; i < 10; i++) {
        const id = await organisation(`Завод ${i}`);
        await member(clusterId, id, 'anchor');
        makers.push(id);
      }
      const park = await organisation('Технопарк', '42', 'management_company');
      await member(clusterId, park, 'infrastructure');
      const centre = await organisation('Центр кластерного развития', '42', 'other');
      await member(clusterId, centre, 'specialised_organisation');
      for (let i = 0; i < makers.length; i++)
        await contract(makers[i]!, makers[(i + 1) % makers.length]!);
      await contract(makers[0]!, park);
      await contract(makers[1]!, centre);
      for (const id of makers)
        await create(editor, '/api/cooperation-purchases', {
          organisationId: id,
          year: 2024,
          totalRub: 100_000_000,
          fromParticipantsRub: 25_000_000,
        });
      await sql`UPDATE cluster SET decision_date = '2021-03-15' WHERE id = ${clusterId}`.execute(
        t.database.db,
      );
      return { clusterId, makers, park, centre };
    }

    it('records a supply contract between two members and shows it in the cluster’s cooperation', async () => {
      const clusterId = await create(editor, '/api/clusters', {
        kind: 'industrial',
        name: `Кластер ${uniq()}`,
        regionCode: '42',
      });
      const buyer = await organisation('ЛИПЕЦКМАШ');
      const supplier = await organisation('Поставщик');
      const outsider = await organisation('Не участник');
      await member(clusterId, buyer, 'anchor');
      await member(clusterId, supplier, 'component_supplier');
      const inside = await create(editor, '/api/cooperation-contracts', {
        buyerId: buyer,
        supplierId: supplier,
        contractType: 'import_substitution_project',
        okpd2: '28.30.2',
        product: 'Комплектующие для тракторов',
        signedOn: '2023-05-10',
        valueRub: 15_000_000,
      });
      await contract(buyer, outsider);
      const { status, body } = await t.getJson<ClusterCooperation>(
        `/api/clusters/${clusterId}/cooperation`,
      );
      expect(status).toBe(200);
      expect(body.participants.map((p) => p.roles)).toEqual(
        expect.arrayContaining([['anchor'], ['component_supplier']]),
      );
      expect(body.contracts).toHaveLength(2);
      const c = body.contracts.find((x) => x.id === inside)!;
      expect(c).toMatchObject({
        insideCluster: true,
        contractType: 'import_substitution_project',
        contractTypeLabel: 'Совместный проект по импортозамещению',
        okpd2: '28.30.2',
        signedOn: '2023-05-10',
        valueRub: 15_000_000,
      });
      expect(c.buyer.id).toBe(String(buyer));
      expect(body.contracts.find((x) => x.id !== inside)!.insideCluster).toBe(false);
      const one = await t.getJson<CooperationContract>(`/api/cooperation-contracts/${inside}`);
      expect(one.body.product).toBe('Комплектующие для тракторов');
    });

    it('refuses a contract with one party, a negative value, reversed dates, an unknown organisation, and writes nothing', async () => {
      const a = await organisation('Сторона');
      const before = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM cooperation_contract`.execute(t.database.db);
      const cases: Array<[unknown, string]> = [
        [
          { buyerId: a, supplierId: a, contractType: 'supply', signedOn: '2024-01-01' },
          'supplierId',
        ],
        [
          {
            buyerId: a,
            supplierId: a + 1,
            contractType: 'supply',
            signedOn: '2024-01-01',
            valueRub: -5,
          },
          'valueRub',
        ],
        [
          {
            buyerId: a,
            supplierId: a + 1,
            contractType: 'supply',
            signedOn: '2024-01-01',
            validFrom: '2025-01-01',
            validTo: '2024-01-01',
          },
          'validTo',
        ],
        [
          { buyerId: a, supplierId: a + 1, contractType: 'barter', signedOn: '2024-01-01' },
          'contractType',
        ],
        [
          { buyerId: a, supplierId: 'два', contractType: 'supply', signedOn: '2024-01-01' },
          'supplierId',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await editor.request<ErrorBody>('POST', '/api/cooperation-contracts', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.fields?.map((f) => f.field)).toContain(field);
        expect(res.body.error.message).toBeTruthy();
        expect(res.body.error.messageEn).toBeTruthy();
      }
      const missing = await editor.request<ErrorBody>('POST', '/api/cooperation-contracts', {
        buyerId: a,
        supplierId: 2_000_000_000,
        contractType: 'supply',
        signedOn: '2024-01-01',
      });
      expect([400, 404]).toContain(missing.status);
      const after = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM cooperation_contract`.execute(t.database.db);
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    });

    it('refuses purchases from participants above the total, and a second entry for the same year', async () => {
      const maker = await organisation('Производитель');
      const over = await editor.request<ErrorBody>('POST', '/api/cooperation-purchases', {
        organisationId: maker,
        year: 2024,
        totalRub: 10,
        fromParticipantsRub: 11,
      });
      expect(over.status).toBe(400);
      expect(over.body.error.fields?.map((f) => f.field)).toContain('fromParticipantsRub');
      await create(editor, '/api/cooperation-purchases', {
        organisationId: maker,
        year: 2024,
        totalRub: 10,
        fromParticipantsRub: 5,
      });
      const again = await editor.request<ErrorBody>('POST', '/api/cooperation-purchases', {
        organisationId: maker,
        year: 2024,
        totalRub: 20,
        fromParticipantsRub: 5,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/2024/);
    });

    it('lets a Tambov editor record no contract with a Lipetsk organisation', async () => {
      const lipetsk = await organisation('Липецкий завод');
      const tambov = await create(tambovEditor, '/api/organisations', {
        kind: 'enterprise',
        name: `«Тамбовский завод ${uniq()}»`,
        regionCode: '68',
      });
      const res = await tambovEditor.request<ErrorBody>('POST', '/api/cooperation-contracts', {
        buyerId: tambov,
        supplierId: lipetsk,
        contractType: 'supply',
        signedOn: '2024-01-01',
      });
      expect(res.status).toBe(403);
    });

    it('finds a cluster that meets every requirement compliant, with functional dependence of 25 %', async () => {
      const { clusterId } = await compliantCluster();
      const { status, body } = await t.getJson<ClusterCompliance>(
        `/api/clusters/${clusterId}/compliance?asOf=2025-06-30`,
      );
      expect(status).toBe(200);
      expect(body.check.requirements.map((r) => [r.code, r.verdict])).toEqual([
        ['cooperation', 'met'],
        ['functional_dependence', 'met'],
        ['composition', 'met'],
        ['specialised_organisation', 'met'],
        ['decision_validity', 'met'],
      ]);
      expect(body.check.compliant).toBe(true);
      expect(body.check.functionalDependence).toBeCloseTo(0.25, 12);
      expect(body.ruleSet.code).toBe('pp779');
      expect(body.assumptions.length).toBeGreaterThan(0);
    });

    it('names the participants without a contract, and the decision that has expired five years on', async () => {
      const { clusterId, makers } = await compliantCluster();
      // Four makers lose their only contracts in the chain: more than three are without one.
      const { body: coop } = await t.getJson<ClusterCooperation>(
        `/api/clusters/${clusterId}/cooperation`,
      );
      const chain = coop.contracts.filter(
        (c) => makers.includes(Number(c.buyer.id)) && makers.includes(Number(c.supplier.id)),
      );
      for (const c of chain.slice(2, 7))
        expect(
          (
            await editor.request(
              'DELETE',
              `/api/cooperation-contracts/${c.id}?version=${c.version}`,
            )
          ).status,
        ).toBe(200);
      const { body } = await t.getJson<ClusterCompliance>(
        `/api/clusters/${clusterId}/compliance?asOf=2026-03-15`,
      );
      const cooperation = body.check.requirements.find((r) => r.code === 'cooperation')!;
      expect(cooperation.verdict).toBe('not_met');
      expect(cooperation.participants.length).toBeGreaterThan(3);
      const decision = body.check.requirements.find((r) => r.code === 'decision_validity')!;
      expect(decision).toMatchObject({
        verdict: 'not_met',
        value: '2021-03-15',
        deadline: '2026-03-15',
      });
      expect(body.check.compliant).toBe(false);
      const names = new Map(body.participants.map((p) => [p.id, p.title]));
      for (const id of cooperation.participants) expect(names.get(id)).toMatch(/Завод/);
      expect(
        body.gaps.some((g) => g.requirement === 'cooperation' && g.participants.length > 3),
      ).toBe(true);
    });

    it('says which data are missing for the demo cluster ЛИПЕЦКМАШ and invents nothing', async () => {
      const { body: clusters } = await t.getJson<{ items: Array<{ id: number; name: string }> }>(
        '/api/clusters?q=ЛИПЕЦКМАШ',
      );
      const lipetskmash = clusters.items.find((c) => c.name.includes('ЛИПЕЦКМАШ'))!;
      const { status, body } = await anonymous.request<ClusterCompliance>(
        'GET',
        `/api/clusters/${lipetskmash.id}/compliance?asOf=2025-06-30`,
      );
      expect(status).toBe(200);
      expect(body.check.compliant).toBeNull();
      expect(body.check.functionalDependence).toBeNull();
      expect(
        body.check.requirements.filter((r) => r.verdict === 'insufficient_data').length,
      ).toBeGreaterThan(0);
      expect(
        body.check.requirements.every(
          (r) =>
            r.verdict !== 'met' ||
            r.code === 'specialised_organisation' ||
            r.code === 'composition',
        ),
      ).toBe(true);
    });

    it('refuses a check date in the future, naming asOf', async () => {
      const { clusterId } = await compliantCluster();
      const res = await t.getJson<ErrorBody>(
        `/api/clusters/${clusterId}/compliance?asOf=2999-01-01`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.[0]?.field).toBe('asOf');
    });
  },
);
