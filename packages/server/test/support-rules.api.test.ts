import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLUSTER_RULE_SET,
  DEFAULT_SUPPORT_MEASURES,
} from '@promatlas/core/compliance/index.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  ClusterCompliance,
  ConflictBody,
  Created,
  ErrorBody,
  Page,
  Project,
  StoredClusterRuleSet,
  StoredClusterRuleSetList,
  StoredSupportMeasureList,
  SubsidyCalculation,
  TerritoryFlagList,
} from './api-types.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}-${++counter}`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe.each(databaseKinds())('regulations as data on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let editor: Client;
  let analyst: Client;
  let anonymous: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    editor = await signIn(t.app, 'regional_editor', ['42']);
    analyst = await signIn(t.app, 'analyst');
    anonymous = await signIn(t.app, 'public');
  });
  afterAll(async () => t?.close());

  const create = async (client: Client, url: string, body: unknown): Promise<number> => {
    const res = await client.request<Created>('POST', url, body);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id;
  };
  const ruleSets = async (client: Client) =>
    (await client.request<StoredClusterRuleSetList>('GET', '/api/cluster-rule-sets')).body.items;
  const auditOf = (entityType: string, id: number) =>
    t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
  /** A new version of the shipped rules with a unique version name and the given changes. */
  const version = (
    functionalDependence: Partial<typeof DEFAULT_CLUSTER_RULE_SET.functionalDependence> = {},
  ) => ({
    ...DEFAULT_CLUSTER_RULE_SET,
    version: `test-${uniq()}`,
    functionalDependence: {
      ...DEFAULT_CLUSTER_RULE_SET.functionalDependence,
      ...functionalDependence,
    },
  });

  /** A cluster of three participants: one in region 42, two in region 68; one contract and purchases. */
  async function smallCluster() {
    const clusterId = await create(admin, '/api/clusters', {
      kind: 'industrial',
      name: `Кластер ${uniq()}`,
      regionCode: '42',
    });
    const ids: number[] = [];
    for (const region of ['42', '68', '68']) {
      const id = await create(admin, '/api/organisations', {
        kind: 'enterprise',
        name: `«Завод ${uniq()}»`,
        regionCode: region,
      });
      await create(admin, `/api/clusters/${clusterId}/members`, {
        organisationId: id,
        role: 'anchor',
        asOf: { from: '2015-01-01', to: '2015-01-01', precision: 'day' },
      });
      ids.push(id);
    }
    await create(admin, '/api/cooperation-contracts', {
      buyerId: ids[0],
      supplierId: ids[1],
      contractType: 'supply',
      signedOn: '2020-06-01',
    });
    for (const id of ids)
      await create(admin, '/api/cooperation-purchases', {
        organisationId: id,
        year: 2024,
        totalRub: 1000,
        fromParticipantsRub: 150,
      });
    return { clusterId, ids };
  }
  const compliance = async (clusterId: number, query: string) => {
    const res = await anonymous.request<ClusterCompliance>(
      'GET',
      `/api/clusters/${clusterId}/compliance?${query}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('ships the ПП 779 rule set as a stored, published version that public readers see', async () => {
    const shipped = (await ruleSets(anonymous)).find(
      (r) => r.code === 'pp779' && r.ruleVersion === DEFAULT_CLUSTER_RULE_SET.version,
    );
    expect(shipped).toMatchObject({ inForceFrom: '2015-07-31', inForceTo: null, published: true });
    expect(shipped!.body).toEqual(DEFAULT_CLUSTER_RULE_SET);
  });

  it('checks a cluster with the version in force on the date, or the one asked for, and says which', async () => {
    const { clusterId } = await smallCluster();
    // Three anchors and no infrastructure: the shipped composition (10 + 1) fails, this one passes.
    const stricter = {
      ...version(),
      composition: {
        ...DEFAULT_CLUSTER_RULE_SET.composition,
        minIndustrialEnterprises: 3,
        minInfrastructureOrganisations: 0,
      },
    };
    const composition = (c: ClusterCompliance) =>
      c.check.requirements.find((r) => r.code === 'composition')?.verdict;
    const id = await create(admin, '/api/cluster-rule-sets', {
      inForceFrom: '2026-01-01',
      body: stricter,
    });
    const before = await compliance(clusterId, 'asOf=2025-06-30');
    expect(before.ruleSet).toMatchObject({
      code: 'pp779',
      version: DEFAULT_CLUSTER_RULE_SET.version,
    });
    expect(before.ruleSet.id).not.toBe(id);
    expect(composition(before)).toBe('not_met');
    const after = await compliance(clusterId, 'asOf=2026-06-30');
    expect(after.ruleSet).toMatchObject({
      id,
      version: stricter.version,
      revision: 1,
      inForceFrom: '2026-01-01',
    });
    expect(composition(after)).toBe('met');
    // Before the regulation no stored version is in force: the date is refused, no built-in numbers are used.
    const early = await anonymous.request<ErrorBody>(
      'GET',
      `/api/clusters/${clusterId}/compliance?asOf=2014-01-01`,
    );
    expect(early.status).toBe(400);
    expect(early.body.error.fields!.map((f) => f.field)).toEqual(['asOf']);
    const chosen = await compliance(clusterId, `asOf=2025-06-30&ruleSetId=${id}`);
    expect(chosen.ruleSet.id).toBe(id);
    expect(composition(chosen)).toBe('met');
    // Leave later tests the shipped rules in force.
    const current = await admin.request<StoredClusterRuleSet>(
      'GET',
      `/api/cluster-rule-sets/${id}`,
    );
    const off = await admin.request('PATCH', `/api/cluster-rule-sets/${id}`, {
      version: current.body.version,
      published: false,
    });
    expect(off.status).toBe(200);
  });

  it('refuses a bad rule set naming each field in Russian and English, and writes nothing', async () => {
    const count = (await ruleSets(admin)).length;
    const res = await admin.request<ErrorBody>('POST', '/api/cluster-rule-sets', {
      inForceFrom: '2027-01-01',
      body: version({ threshold: 'двадцать' as unknown as number, flaggedTerritoryShare: -0.5 }),
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.fields!.map((f) => f.field).sort();
    expect(fields).toEqual([
      'body.functionalDependence.flaggedTerritoryShare',
      'body.functionalDependence.threshold',
    ]);
    for (const f of res.body.error.fields!) {
      expect(f.message).toMatch(/[а-я]/i);
      expect(f.messageEn).toMatch(/[a-z]/i);
    }
    const reversed = await admin.request<ErrorBody>('POST', '/api/cluster-rule-sets', {
      inForceFrom: '2027-01-01',
      body: version({ threshold: 0.1, reducedThreshold: 0.2 }),
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields!.map((f) => f.field)).toEqual([
      'body.functionalDependence.reducedThreshold',
    ]);
    expect((await ruleSets(admin)).length).toBe(count);
  });

  it('refuses a second row for the same version of a rule set with 409', async () => {
    const body = version();
    await create(admin, '/api/cluster-rule-sets', {
      inForceFrom: '2030-01-01',
      published: false,
      body,
    });
    const again = await admin.request<ErrorBody>('POST', '/api/cluster-rule-sets', {
      inForceFrom: '2031-01-01',
      body,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_version');
  });

  it('edits a version with the version check: a stale edit gets 409 with the current record, and both edits are audited', async () => {
    const id = await create(admin, '/api/cluster-rule-sets', {
      inForceFrom: '2032-01-01',
      published: false,
      body: version(),
    });
    const edited = version({ threshold: 0.25 });
    const first = await admin.request<Created>('PATCH', `/api/cluster-rule-sets/${id}`, {
      version: 1,
      body: edited,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.request<ConflictBody>('PATCH', `/api/cluster-rule-sets/${id}`, {
      version: 1,
      inForceFrom: '2033-01-01',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.currentVersion).toBe(2);
    const stored = await admin.request<StoredClusterRuleSet>('GET', `/api/cluster-rule-sets/${id}`);
    expect(stored.body).toMatchObject({ inForceFrom: '2032-01-01', ruleVersion: edited.version });
    expect(stored.body.body.functionalDependence.threshold).toBe(0.25);
    const trail = await auditOf('cluster_rule_set', id);
    expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
    expect(
      (trail[1]!.before as { body: { functionalDependence: { threshold: number } } }).body
        .functionalDependence.threshold,
    ).toBe(0.2);
  });

  it('lets only administrators change rule sets; public readers see published versions only', async () => {
    const body = { inForceFrom: '2034-01-01', body: version() };
    expect((await anonymous.request('POST', '/api/cluster-rule-sets', body)).status).toBe(401);
    expect((await editor.request('POST', '/api/cluster-rule-sets', body)).status).toBe(403);
    expect((await analyst.request('POST', '/api/cluster-rule-sets', body)).status).toBe(403);
    const draft = await create(admin, '/api/cluster-rule-sets', { ...body, published: false });
    expect(
      (
        await editor.request('PATCH', `/api/cluster-rule-sets/${draft}`, {
          version: 1,
          published: true,
        })
      ).status,
    ).toBe(403);
    expect((await ruleSets(anonymous)).some((r) => r.id === draft)).toBe(false);
    expect((await anonymous.request('GET', `/api/cluster-rule-sets/${draft}`)).status).toBe(404);
    expect((await ruleSets(analyst)).some((r) => r.id === draft)).toBe(true);
  });

  it('applies the reduced threshold once flagged territories hold 30 % of the participants', async () => {
    const { clusterId } = await smallCluster();
    // No list loaded: every territory is unknown, so the threshold cannot be decided.
    const unknown = await compliance(clusterId, 'asOf=2025-06-30');
    expect(unknown.check.functionalDependenceThreshold).toBeNull();
    const flagId = await create(editor, '/api/territory-flags', {
      flag: 'geostrategic',
      regionCode: '42',
      listSource: 'Проверочный перечень',
    });
    const reduced = await compliance(clusterId, 'asOf=2025-06-30');
    // One participant of three (33 %) is in the flagged region.
    expect(reduced.check.functionalDependenceThreshold).toBe(0.1);
    expect(reduced.check.functionalDependence).toBe(0.15);
    const fd = reduced.check.requirements.find((r) => r.code === 'functional_dependence');
    expect(fd?.verdict).toBe('met');
    // A flag outside its period does not count.
    const del = await editor.request('DELETE', `/api/territory-flags/${flagId}?version=1`);
    expect(del.status).toBe(200);
    await create(editor, '/api/territory-flags', {
      flag: 'geostrategic',
      regionCode: '42',
      validFrom: '2026-01-01',
      listSource: 'Проверочный перечень',
    });
    expect(
      (await compliance(clusterId, 'asOf=2025-06-30')).check.functionalDependenceThreshold,
    ).toBeNull();
  });

  it('lets regional editors flag territories of their own regions only', async () => {
    const res = await editor.request<ErrorBody>('POST', '/api/territory-flags', {
      flag: 'monotown',
      regionCode: '68',
      municipality: 'Котовск',
      listSource: 'Проверочный перечень',
    });
    expect(res.status).toBe(403);
    expect((await anonymous.request('POST', '/api/territory-flags', {})).status).toBe(401);
  });

  it('loads a territory list from a file all or nothing, naming each bad line, and re-imports idempotently', async () => {
    const before = (
      await anonymous.request<TerritoryFlagList>('GET', '/api/territory-flags?flag=monotown')
    ).body;
    expect(before.sources.map((s) => s.flag)).toEqual([
      'individual_programme',
      'geostrategic',
      'monotown',
    ]);
    const bad = await admin.request<ErrorBody>('POST', '/api/territory-flags/import', {
      fileName: 'monotowns.csv',
      listSource: 'Файл проверки',
      contentBase64: base64(
        'вид;код региона;муниципальное образование\nmonotown;68;Котовск\nдеревня;68;Уварово\nmonotown;00;Нигде\n',
      ),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields!.map((f) => f.field).sort()).toEqual([
      'file[3].flag',
      'file[4].region_code',
    ]);
    const after = (
      await anonymous.request<TerritoryFlagList>('GET', '/api/territory-flags?flag=monotown')
    ).body;
    expect(after.items.length).toBe(before.items.length);
    const file = {
      fileName: 'monotowns.csv',
      listSource: 'Файл проверки',
      contentBase64: base64(
        'вид;код региона;муниципальное образование\nМоногород;68;Котовск\nmonotown;68;Уварово\n',
      ),
    };
    const ok = await admin.request<{ created: number; unchanged: number }>(
      'POST',
      '/api/territory-flags/import',
      file,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ created: 2, unchanged: 0 });
    const again = await admin.request<{ created: number; unchanged: number }>(
      'POST',
      '/api/territory-flags/import',
      file,
    );
    expect(again.body).toEqual({ created: 0, unchanged: 2 });
    const listed = (
      await anonymous.request<TerritoryFlagList>('GET', '/api/territory-flags?regionCode=68')
    ).body.items;
    expect(
      listed
        .filter((f) => f.flag === 'monotown')
        .map((f) => f.municipality)
        .sort(),
    ).toEqual(['Котовск', 'Уварово']);
    expect(listed[0]!.listSource).toBe('Файл проверки');
  });

  describe('support measures and the subsidy calculator', () => {
    const measures = async () =>
      (await anonymous.request<StoredSupportMeasureList>('GET', '/api/support-measures')).body
        .items;
    const starterId = async () =>
      (await measures()).find((m) => m.code === 'pp41-starter-batches')!.id;
    const line = (id: string, date: string, amountRub: number) => ({
      id,
      description: `Стартовая партия ${id}`,
      kind: 'starter_batch_components',
      date,
      amountRub,
      documented: true,
      supplierIsClusterParticipant: true,
    });

    it('ships both ПП 41 tracks with their terms', async () => {
      const list = await measures();
      const joint = list.find((m) => m.code === 'pp41-joint-projects');
      const starter = list.find((m) => m.code === 'pp41-starter-batches');
      expect(joint?.terms).toEqual(DEFAULT_SUPPORT_MEASURES[0]);
      expect(starter?.terms).toEqual(DEFAULT_SUPPORT_MEASURES[1]);
      expect(joint?.terms).toMatchObject({
        maxShare: 0.5,
        capPerApplicantRub: null,
        costDateFrom: null,
      });
      expect(starter?.terms).toMatchObject({
        maxShare: 0.5,
        capPerApplicantRub: 150_000_000,
        costDateFrom: '2023-01-01',
      });
    });

    it('computes the starter-batch subsidy line by line, leaving out costs before 01.01.2023 and applying the 150 mln ₽ cap', async () => {
      const res = await anonymous.request<SubsidyCalculation>(
        'POST',
        `/api/support-measures/${await starterId()}/calculation`,
        {
          applicant: { name: 'ООО «Покупатель»', clusterParticipant: true },
          lines: [
            line('early', '2022-12-31', 10_000_000),
            line('a', '2023-01-01', 200_000_000),
            line('b', '2024-05-10', 200_000_000),
          ],
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.lines[0]).toMatchObject({ id: 'early', eligible: false, resultRub: 0 });
      expect(res.body.lines[0]!.reasons.map((r) => r.code)).toEqual(['before_window']);
      expect(res.body).toMatchObject({
        eligibleCostsRub: 400_000_000,
        subsidyBeforeCapRub: 200_000_000,
        capApplied: true,
        resultRub: 150_000_000,
      });
      expect(res.body.lines[1]!.resultRub + res.body.lines[2]!.resultRub).toBe(150_000_000);
    });

    it('refuses negative and non-numeric amounts by field and answers 404 for an unknown measure', async () => {
      const id = await starterId();
      const res = await anonymous.request<ErrorBody>(
        'POST',
        `/api/support-measures/${id}/calculation`,
        {
          applicant: { name: 'ООО «Покупатель»', clusterParticipant: true },
          lines: [line('a', '2023-02-01', -5), { ...line('b', '2023-02-01', 1), amountRub: 'сто' }],
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields!.map((f) => f.field).sort()).toEqual([
        'lines[0].amountRub',
        'lines[1].amountRub',
      ]);
      const missing = await anonymous.request<ErrorBody>(
        'POST',
        '/api/support-measures/999999/calculation',
        {
          applicant: { name: 'x', clusterParticipant: true },
          lines: [],
        },
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.messageEn).toMatch(/Support measure/);
    });

    it('lets administrators change a measure’s terms with the version check and audit', async () => {
      const list = await measures();
      const joint = list.find((m) => m.code === 'pp41-joint-projects')!;
      const terms = { ...joint.terms!, maxShare: 0.4, version: 'test-1' };
      expect(
        (
          await editor.request('PATCH', `/api/support-measures/${joint.id}/terms`, {
            version: joint.version,
            terms,
          })
        ).status,
      ).toBe(403);
      const bad = await admin.request<ErrorBody>(
        'PATCH',
        `/api/support-measures/${joint.id}/terms`,
        {
          version: joint.version,
          terms: { ...terms, maxShare: -1 },
        },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields!.map((f) => f.field)).toEqual(['terms.maxShare']);
      const ok = await admin.request<Created>('PATCH', `/api/support-measures/${joint.id}/terms`, {
        version: joint.version,
        terms,
      });
      expect(ok.status).toBe(200);
      const stale = await admin.request('PATCH', `/api/support-measures/${joint.id}/terms`, {
        version: joint.version,
        terms,
      });
      expect(stale.status).toBe(409);
      const calc = await anonymous.request<SubsidyCalculation>(
        'POST',
        `/api/support-measures/${joint.id}/calculation`,
        {
          applicant: { name: 'ООО «Участник»', clusterParticipant: true },
          lines: [
            {
              id: 'x',
              description: 'Совместный проект',
              kind: 'joint_project',
              date: '2018-03-01',
              amountRub: 1000,
            },
          ],
        },
      );
      expect(calc.body).toMatchObject({ share: 0.4, resultRub: 400, measureVersion: 'test-1' });
      expect((await auditOf('support_measure', joint.id)).map((e) => e.action)).toEqual(['update']);
      // Put the shipped terms back for the other tests of this file.
      const restored = await admin.request('PATCH', `/api/support-measures/${joint.id}/terms`, {
        version: ok.body.version,
        terms: joint.terms,
      });
      expect(restored.status).toBe(200);
    });
  });

  describe('support awards', () => {
    it('records an award shared by two projects with its qualifier, and edits it with the version check', async () => {
      const projects = (await admin.request<Page<Project>>('GET', '/api/projects?pageSize=100'))
        .body.items;
      const two = projects.slice(0, 2).map((p) => p.id);
      expect(two.length).toBe(2);
      const minpromtorg = await create(admin, '/api/organisations', {
        kind: 'government_body',
        name: `Минпромторг ${uniq()}`,
      });
      const id = await create(admin, '/api/support-awards', {
        providerId: minpromtorg,
        amount: 600_000_000,
        qualifier: 'more_than',
        date: '2017-12-05',
        projectIds: two,
      });
      const profile = await admin.request<Project>('GET', `/api/projects/${two[1]}`);
      const award = profile.body.support.find((a) => a.id === id);
      expect(award).toMatchObject({ amount: 600_000_000, qualifier: 'more_than' });
      expect(award!.projects.map((p) => Number(p.id)).sort()).toEqual([...two].sort());
      const edited = await admin.request<Created>('PATCH', `/api/support-awards/${id}`, {
        version: 1,
        projectIds: [two[0]],
      });
      expect(edited.status).toBe(200);
      const stale = await admin.request('PATCH', `/api/support-awards/${id}`, {
        version: 1,
        amount: 1,
      });
      expect(stale.status).toBe(409);
      const bad = await admin.request<ErrorBody>('POST', '/api/support-awards', {
        amount: -1,
        projectIds: [999999],
      });
      expect(bad.status).toBe(400);
      const trail = await auditOf('support_award', id);
      expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
      expect(trail[1]!.after).toMatchObject({ projectIds: [two[0]] });
    });
  });
});
