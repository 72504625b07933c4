import * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, OrganisationList } from './api-types.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}-${++counter}`;

const section = (report: Report, id: string): ReportSection => {
  const found = report.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id} in ${report.sections.map((s) => s.id).join(',')}`);
  return found;
};

describe.each(databaseKinds())('the cluster passport on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  let lipetskmash: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    editor = await signIn(t.app, 'regional_editor', ['42']);
    const list = await t.getJson<OrganisationList>(
      `/api/clusters?q=${encodeURIComponent('ЛИПЕЦКМАШ')}`,
    );
    lipetskmash = Number(list.body.items[0]!.id);
  });
  afterAll(async () => t?.close());

  const create = async (url: string, body: unknown): Promise<number> => {
    const res = await editor.request<Created>('POST', url, body);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id;
  };

  it('shows the demo ЛИПЕЦКМАШ with its seed facts only and lists the data the registry lacks', async () => {
    const { status, body } = await t.getJson<Report>(`/api/reports/cluster/${lipetskmash}`);
    expect(status).toBe(200);
    expect(body.kind).toBe('cluster');
    expect(body.title).toContain('ЛИПЕЦКМАШ');
    expect(body.sections.map((s) => s.id)).toEqual([
      'general',
      'missing',
      'facts',
      'composition',
      'matrix-count',
      'matrix-value',
      'contracts',
      'dependence',
      'compliance',
      'gaps',
      'projects',
      'support',
    ]);
    // The seed names no participants, contracts or purchases: nothing is invented, the passport says so.
    expect(section(body, 'composition').rows).toEqual([]);
    expect(section(body, 'contracts').rows).toEqual([]);
    expect(section(body, 'matrix-count').rows).toEqual([]);
    expect(section(body, 'dependence').rows).toEqual([]);
    const missing = section(body, 'missing').rows.map((r) => String(r[1]));
    expect(missing).toContain('Участники кластера не внесены.');
    expect(
      missing.some((m) => m.startsWith('Договоры кооперации между участниками не внесены')),
    ).toBe(true);
    expect(missing.some((m) => m.startsWith('Закупки производителей конечной продукции'))).toBe(
      true,
    );
    // Without participants no requirement but the decision's validity can be decided.
    const verdicts = new Map(section(body, 'compliance').rows.map((r) => [r[0], r[1]]));
    expect(verdicts.get('Функциональная зависимость')).toBe('недостаточно данных');
    expect(verdicts.get('Кооперационные связи участников')).toBe('недостаточно данных');
    expect(missing).toContain(
      'ПП 779, «Функциональная зависимость»: недостаточно данных для вердикта.',
    );
    // The seed's two supported projects and the award «более 600 млн ₽» are there with their source.
    expect(section(body, 'projects').rows.length).toBe(2);
    const support = section(body, 'support').rows;
    expect(support.length).toBeGreaterThan(0);
    expect(support.some((r) => r[2] === 600_000_000 && r[3] === 'более')).toBe(true);
    // Every citation names a listed source, numbered in order.
    expect(body.sources.map((s) => s.number)).toEqual(body.sources.map((_, k) => k + 1));
    const cited = body.sections
      .flatMap((s) => s.rows.flat())
      .filter((c): c is string => typeof c === 'string' && /^\[\d+\]$/.test(c));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(body.sources.map((s) => `[${s.number}]`)).toContain(c);
  });

  it('counts the participants’ contracts and sums their values pair by pair in the cooperation matrix', async () => {
    const clusterId = await create('/api/clusters', {
      kind: 'industrial',
      name: `Кластер ${uniq()}`,
      regionCode: '42',
    });
    const names = ['А', 'Б', 'В'].map((n) => `«Завод ${n} ${uniq()}»`);
    const ids: number[] = [];
    for (const name of names) {
      const id = await create('/api/organisations', { kind: 'enterprise', name, regionCode: '42' });
      await create(`/api/clusters/${clusterId}/members`, {
        organisationId: id,
        role: 'anchor',
        asOf: { from: '2020-01-01', to: '2020-01-01', precision: 'day' },
      });
      ids.push(id);
    }
    const outsider = await create('/api/organisations', {
      kind: 'enterprise',
      name: `«Сторонний ${uniq()}»`,
      regionCode: '42',
    });
    const contract = (buyerId: number, supplierId: number, valueRub?: number) =>
      create('/api/cooperation-contracts', {
        buyerId,
        supplierId,
        contractType: 'supply',
        signedOn: '2023-06-01',
        ...(valueRub === undefined ? {} : { valueRub }),
      });
    await contract(ids[0]!, ids[1]!, 150_000_000);
    await contract(ids[0]!, ids[1]!, 50_000_000);
    await contract(ids[1]!, ids[2]!);
    // A contract with an organisation outside the cluster is not cooperation inside it.
    await contract(ids[2]!, outsider, 1_000_000);
    await create('/api/cooperation-purchases', {
      organisationId: ids[0]!,
      year: 2024,
      totalRub: 100_000_000,
      fromParticipantsRub: 25_000_000,
    });

    const { status, body } = await t.getJson<Report>(`/api/reports/cluster/${clusterId}`);
    expect(status).toBe(200);
    const order = section(body, 'composition').rows.map((r) => r[1]);
    const at = (name: string) => order.findIndex((n) => String(n).includes(name.slice(1, 8)));
    const [a, b, c] = names.map(at) as [number, number, number];
    expect([a, b, c].every((k) => k >= 0)).toBe(true);
    const count = section(body, 'matrix-count');
    expect(count.columns.length).toBe(2 + 3);
    // Row — buyer, column — supplier; the first two cells are the number and the name.
    expect(count.rows[a]![2 + b]).toBe(2);
    expect(count.rows[b]![2 + c]).toBe(1);
    expect(count.rows[b]![2 + a]).toBeNull();
    const value = section(body, 'matrix-value');
    expect(value.rows[a]![2 + b]).toBe(200);
    // A pair whose contracts have no value has no sum rather than a zero.
    expect(value.rows[b]![2 + c]).toBeNull();
    expect(section(body, 'contracts').rows.length).toBe(3);
    const missing = section(body, 'missing').rows.map((r) => String(r[1]));
    expect(missing).toContain(
      'Стоимость не указана у 1 из 3 договоров — суммы в матрице неполные.',
    );
    const dependence = section(body, 'dependence');
    expect(dependence.rows).toEqual([
      [expect.stringContaining('Завод'), 2024, 100_000_000, 25_000_000, 25, null],
    ]);
  });

  it('writes the passport as XLSX with the matrix, the verdicts and the sources as sheets', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/cluster/${lipetskmash}/export?format=xlsx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="report-cluster-${lipetskmash}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Отчёт');
    expect(names.at(-1)).toBe('Источники');
    for (const name of [
      'Состав и роли',
      'Кооперация — число договоров',
      'Кооперация — сумма, млн ₽',
      'Функциональная зависимость',
      'Проверка по ПП РФ № 779',
      'Недостающие данные',
      'Поддержка',
    ])
      expect(names).toContain(name);
    const compliance = workbook.getWorksheet('Проверка по ПП РФ № 779')!;
    expect(compliance.getRow(1).getCell(2).value).toBe('Вердикт');
    expect(compliance.rowCount).toBeGreaterThanOrEqual(6);
  });

  it('writes the passport in English when asked: headings, heads, verdicts, missing data and the check’s own English gaps', async () => {
    const { status, body } = await t.getJson<Report>(`/api/reports/cluster/${lipetskmash}?lang=en`);
    expect(status).toBe(200);
    expect(body.title).toMatch(/^Cluster passport: .*ЛИПЕЦКМАШ/);
    for (const s of body.sections) expect(s.title).not.toMatch(/[А-Яа-яЁё]/);
    for (const s of body.sections)
      for (const c of s.columns) expect(c.title).not.toMatch(/[А-Яа-яЁё]/);
    const missing = section(body, 'missing').rows.map((r) => String(r[1]));
    expect(missing).toContain('The cluster’s participants are not recorded.');
    expect(missing).toContain(
      'Decree No. 779, «Functional dependence»: insufficient data for a verdict.',
    );
    for (const m of missing) expect(m).not.toMatch(/[А-Яа-яЁё]/);
    const verdicts = new Map(section(body, 'compliance').rows.map((r) => [r[0], r[1]]));
    expect(verdicts.get('Functional dependence')).toBe('insufficient data');
    expect(verdicts.get('Cooperation between participants')).toBe('insufficient data');
    // The gaps are the compliance check's messages in its own English.
    const check = await t.getJson<{ gaps: { messageEn: string }[] }>(
      `/api/clusters/${lipetskmash}/compliance`,
    );
    expect(check.body.gaps.length).toBeGreaterThan(0);
    expect(section(body, 'gaps').rows.map((r) => r[1])).toEqual(
      check.body.gaps.map((g) => g.messageEn),
    );
    expect(section(body, 'compliance').note).toMatch(/^Result as of \d\d\/\d\d\/\d{4}: /);
    const support = section(body, 'support').rows;
    expect(support.some((r) => r[2] === 600_000_000 && r[3] === 'more than')).toBe(true);
  });

  it('writes the English passport as XLSX with English sheet names and heads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/cluster/${lipetskmash}/export?format=xlsx&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Report');
    expect(names.at(-1)).toBe('Sources');
    for (const name of [
      'Composition and roles',
      // Excel's 31-character limit: the title cut at 28.
      'Cooperation — number of cont',
      'Functional dependence',
      'Check under Decree No. 779',
      'Missing data',
      'Support',
    ])
      expect(names).toContain(name);
    const compliance = workbook.getWorksheet('Check under Decree No. 779')!;
    expect(compliance.getRow(1).getCell(1).value).toBe('Requirement');
    expect(compliance.getRow(1).getCell(2).value).toBe('Verdict');
    expect(workbook.getWorksheet('Report')!.getRow(1).getCell(1).value).toMatch(
      /^Cluster passport: /,
    );
  });

  it('answers 404 for a cluster that does not exist', async () => {
    expect((await t.getJson('/api/reports/cluster/2147483647')).status).toBe(404);
    expect((await t.getJson('/api/reports/cluster/2147483647/export?format=xlsx')).status).toBe(
      404,
    );
  });
});
