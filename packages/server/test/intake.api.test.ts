import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeReview } from '@promatlas/core/api/intake.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';

/**
 * Document intake through the API: a text or file in, proposals matched with
 * the registry out; accepting writes records with the source and the quote in
 * one transaction, rejecting writes nothing but the decision; the same text
 * again proposes nothing twice; regional editors accept only their regions.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures/intake');
const SEED_002 = fs.readFileSync(
  path.join(here, '../src/demo/sources/002_d7c196e4e83e66a2.txt'),
  'utf8',
);
type Decided = IntakeReview & { result: { accepted: number; rejected: number; skipped: number } };
let seq = 0;
const uniq = () => `${(Date.now() % 100_000) + ++seq * 7}`;

/** A short press release of a new company in the given region, named uniquely per test. */
function release(region: 'Липецкой' | 'Тамбовской', company: string, inn?: string) {
  return [
    `Новости ${uniq()}`,
    '',
    `ООО «${company}»${inn ? ` (ИНН ${inn})` : ''} в ${region} области получило поддержку более 600 миллионов рублей.`,
    'Директор Ассоциации лесных компаний – Прохоров Пётр Ильич заявил о планах.',
  ].join('\n');
}

describe.each(databaseKinds())('document intake on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;
  let analyst: Client;
  let anonymous: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
    analyst = await signIn(t.app, 'analyst');
    anonymous = await signIn(t.app, 'public');
  }, 180_000);
  afterAll(async () => t?.close());

  const submit = async (client: Client, body: unknown) =>
    client.request<IntakeReview & ErrorBody>('POST', '/api/intake/documents', body);
  const decide = (client: Client, id: number, body: unknown) =>
    client.request<Decided & ErrorBody>('POST', `/api/intake/documents/${id}/decisions`, body);
  const proposal = (r: IntakeReview, kind: string, label: RegExp) => {
    const p = r.proposals.find((x) => x.kind === kind && label.test(x.label));
    if (!p) throw new Error(`no ${kind} ${label}: ${r.proposals.map((x) => x.label).join(' | ')}`);
    return p;
  };
  const count = async (table: string, where = 'true') =>
    Number(
      (
        await t.database.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
        )
      ).rows[0]!.n,
    );

  it('proposes the facts of seed 002 with highlights, matching the registry by name', async () => {
    const res = await submit(analyst, {
      text: SEED_002,
      publisher: 'Управление инновационной и промышленной политики Липецкой области',
      published: '2013-10-11',
      url: 'https://example.org/news/2013-10-11',
    });
    expect([200, 201]).toContain(res.status);
    const r = res.body;
    expect(r.text).toBe(SEED_002.trim());
    for (const m of r.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(new Set(r.mentions.map((m) => m.type))).toEqual(
      new Set(['organisation', 'person', 'place', 'date', 'count', 'event']),
    );
    const energy = proposal(r, 'organisation', /^ОАО «Энергия»$/);
    expect(energy.match).toMatchObject({ status: 'existing', reason: 'совпадает название' });
    expect(energy.match.record?.type).toBe('organisation');
    expect(energy.quote).toContain('ОАО «Энергия» (г.Елец)');
    expect(energy.regionCode).toBe('42');
    const university = proposal(r, 'organisation', /^Липецкий государственный технический/);
    expect(university.match.status).toBe('existing');
    const session = proposal(r, 'event', /^Установочная сессия 09\.10\.2013/);
    expect(session.data).toMatchObject({
      type: 'setup_session',
      date: { from: '2013-10-09', to: '2013-10-10', precision: 'range' },
      status: 'held',
    });
    expect(proposal(r, 'event', /^Установочная сессия 28\.10\.2013/).data).toMatchObject({
      status: 'planned',
    });
    expect(proposal(r, 'person', /^Лаврентьев Владимир Васильевич — начальник/).data).toMatchObject(
      { lastName: 'Лаврентьев', firstName: 'Владимир', patronymic: 'Васильевич' },
    );
    // The analyst read it; nothing entered the registry.
    expect(r.document.sourceId).toBeNull();
    expect(r.proposals.every((p) => p.decision.status === 'pending')).toBe(true);
  });

  it('accepts an organisation and its fact with the source and the quote, audited, in one go', async () => {
    const name = `Ромашка ${uniq()}`;
    const inn = '4825000000';
    const r = (
      await submit(admin, { text: release('Липецкой', name, inn), published: '2024-03-14' })
    ).body;
    const org = proposal(r, 'organisation', new RegExp(`^ООО «${name}»$`));
    expect(org.match).toMatchObject({ status: 'new' });
    expect(org.data).toMatchObject({ inn, regionCode: '42', legalForm: 'ООО' });
    const fact = proposal(r, 'fact', /более 600 млн ₽/);
    const person = proposal(
      r,
      'person',
      /^Прохоров Пётр Ильич — директор, Ассоциация лесных компаний$/,
    );
    const association = proposal(r, 'organisation', /^Ассоциация лесных компаний$/);
    const res = await decide(admin, r.document.id, {
      action: 'accept',
      keys: [fact.key, org.key, person.key, association.key],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result).toEqual({ accepted: 4, rejected: 0, skipped: 0 });
    const sourceId = res.body.document.sourceId!;
    expect(sourceId).toBeGreaterThan(0);
    const after = proposal(res.body, 'organisation', new RegExp(`^ООО «${name}»$`));
    expect(after.decision.status).toBe('accepted');
    const orgId = Number(after.decision.record!.id);
    const row = (
      await t.database.pool.query(
        'SELECT name, legal_form, inn, region_code, source_id, source_quote FROM organisation WHERE id = $1',
        [orgId],
      )
    ).rows[0];
    expect(row).toEqual({
      name,
      legal_form: 'ООО',
      inn,
      region_code: '42',
      source_id: sourceId,
      source_quote: org.quote,
    });
    const st = (
      await t.database.pool.query(
        `SELECT subject_type, subject_id, property, value_number, unit, qualifier, source_quote FROM statement WHERE source_id = $1`,
        [sourceId],
      )
    ).rows;
    expect(st).toEqual([
      {
        subject_type: 'organisation',
        subject_id: String(orgId),
        property: 'amount',
        value_number: 600_000_000,
        unit: 'RUB',
        qualifier: 'more_than',
        source_quote: fact.quote,
      },
    ]);
    const positions = (
      await t.database.pool.query(
        `SELECT p.title, p.organisation_id FROM position p JOIN person x ON x.id = p.person_id WHERE x.last_name = 'Прохоров' AND p.source_id = $1`,
        [sourceId],
      )
    ).rows;
    const associationId = Number(
      proposal(res.body, 'organisation', /^Ассоциация лесных компаний$/).decision.record!.id,
    );
    expect(positions).toEqual([{ title: 'директор', organisation_id: associationId }]);
    const source = (
      await t.database.pool.query(
        'SELECT text, published_from FROM source_document WHERE id = $1',
        [sourceId],
      )
    ).rows[0];
    expect(source).toEqual({ text: r.text, published_from: '2024-03-14' });
    // Every row written is in the journal with the source; so are the four decisions.
    const audited = (
      await t.database.pool.query<{ entity_type: string }>(
        'SELECT entity_type FROM audit_entry WHERE source_id = $1 ORDER BY entity_type',
        [sourceId],
      )
    ).rows.map((x) => x.entity_type);
    for (const type of ['organisation', 'person', 'position', 'statement'])
      expect(audited).toContain(type);
    expect(audited.filter((x) => x === 'intake_decision')).toHaveLength(4);
    expect(
      await count('audit_entry', `entity_type = 'source_document' AND entity_id = '${sourceId}'`),
    ).toBe(1);
  });

  it('proposes nothing twice: the same text again shows what was accepted, a new text links to it', async () => {
    const name = `Василёк ${uniq()}`;
    const text = release('Липецкой', name);
    const first = (await submit(admin, { text })).body;
    const org = proposal(first, 'organisation', new RegExp(`«${name}»`));
    await decide(admin, first.document.id, { action: 'accept', keys: [org.key] });
    const again = await submit(admin, { text });
    expect(again.status).toBe(200);
    expect(again.body.reused).toBe(true);
    expect(again.body.document.id).toBe(first.document.id);
    expect(proposal(again.body, 'organisation', new RegExp(`«${name}»`)).decision.status).toBe(
      'accepted',
    );
    // Accepting it once more changes nothing.
    const before = await count('organisation', `name = '${name}'`);
    const res = await decide(admin, first.document.id, { action: 'accept', keys: [org.key] });
    expect(res.body.result).toEqual({ accepted: 0, rejected: 0, skipped: 1 });
    expect(await count('organisation', `name = '${name}'`)).toBe(before);
    expect(before).toBe(1);
    // Another document naming it finds the accepted record.
    const other = (await submit(admin, { text: `${text}\nЕщё одна новость про ООО «${name}».` }))
      .body;
    expect(proposal(other, 'organisation', new RegExp(`«${name}»`)).match).toMatchObject({
      status: 'existing',
      reason: 'совпадает название',
    });
  });

  it('matches an organisation by its ИНН before its name', async () => {
    const name = `Сосна ${uniq()}`;
    const inn = '6800000000';
    const r = (await submit(admin, { text: release('Тамбовской', name, inn) })).body;
    await decide(admin, r.document.id, {
      action: 'accept',
      keys: [proposal(r, 'organisation', /Сосна/).key],
    });
    const renamed = (await submit(admin, { text: release('Тамбовской', `Кедр ${uniq()}`, inn) }))
      .body;
    expect(proposal(renamed, 'organisation', /Кедр/).match).toMatchObject({
      status: 'existing',
      reason: 'совпадает ИНН',
    });
  });

  it('accepts with edits, and rejects without writing any record', async () => {
    const name = `Клён ${uniq()}`;
    const r = (await submit(admin, { text: release('Липецкой', name) })).body;
    const org = proposal(r, 'organisation', /Клён/);
    const person = proposal(r, 'person', /Прохоров/);
    const edited = `Клён-Липецк ${uniq()}`;
    const res = await decide(admin, r.document.id, {
      action: 'accept',
      keys: [org.key],
      edits: { [org.key]: { name: edited, legalForm: 'АО' } },
    });
    expect(res.status).toBe(200);
    expect(await count('organisation', `name = '${edited}' AND legal_form = 'АО'`)).toBe(1);
    expect(await count('organisation', `name = '${name}'`)).toBe(0);
    const people = await count('person', `last_name = 'Прохоров'`);
    const rejected = await decide(admin, r.document.id, { action: 'reject', keys: [person.key] });
    expect(rejected.body.result).toEqual({ accepted: 0, rejected: 1, skipped: 0 });
    expect(proposal(rejected.body, 'person', /Прохоров/).decision.status).toBe('rejected');
    expect(await count('person', `last_name = 'Прохоров'`)).toBe(people);
  });

  it('accepts all proposals of a kind at once, and a session with its participants', async () => {
    const r = (
      await submit(admin, {
        text: SEED_002.replace(/2013/g, '2019'),
        published: '2019-10-11',
      })
    ).body;
    const orgs = r.proposals.filter((p) => p.kind === 'organisation');
    const res = await decide(admin, r.document.id, { action: 'accept', kind: 'organisation' });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.result.accepted).toBe(orgs.length);
    const people = await decide(admin, r.document.id, { action: 'accept', kind: 'person' });
    expect(people.body.result.accepted).toBe(1);
    const session = proposal(people.body, 'event', /^Установочная сессия 09\.10\.2019/);
    const accepted = await decide(admin, r.document.id, { action: 'accept', keys: [session.key] });
    const eventId = Number(proposal(accepted.body, 'event', /09\.10\.2019/).decision.record!.id);
    const event = (
      await t.database.pool.query(
        'SELECT kind, status, valid_from, valid_to FROM event WHERE id = $1',
        [eventId],
      )
    ).rows[0];
    expect(event).toEqual({
      kind: 'setup_session',
      status: 'held',
      valid_from: '2019-10-09',
      valid_to: '2019-10-10',
    });
    // Every participant is linked once, to the record its proposal was accepted as.
    const keys = new Set(
      (session.data as { participants: Array<{ key: string }> }).participants.map((x) => x.key),
    );
    const records = new Set(
      accepted.body.proposals
        .filter((p) => keys.has(p.key))
        .map((p) => `${p.decision.record!.type}:${p.decision.record!.id}`),
    );
    expect(keys.size).toBeGreaterThan(20);
    const linked = (
      await t.database.pool.query<{ ref: string }>(
        `SELECT coalesce('organisation:' || organisation_id, 'person:' || person_id) AS ref FROM event_participant WHERE event_id = $1`,
        [eventId],
      )
    ).rows.map((x) => x.ref);
    expect(new Set(linked)).toEqual(records);
    expect(linked).toHaveLength(records.size);
    expect(
      await count(
        'event_participant',
        `event_id = ${eventId} AND role = 'opener' AND person_id IS NOT NULL`,
      ),
    ).toBe(1);
  });

  it('lets an analyst extract but not accept, and a regional editor accept only their regions', async () => {
    const own = (await submit(lipetsk, { text: release('Липецкой', `Дуб ${uniq()}`) })).body;
    const ownOrg = proposal(own, 'organisation', /Дуб/);
    expect(
      (await decide(analyst, own.document.id, { action: 'accept', keys: [ownOrg.key] })).status,
    ).toBe(403);
    const other = (await submit(lipetsk, { text: release('Тамбовской', `Ясень ${uniq()}`) })).body;
    const otherOrg = proposal(other, 'organisation', /Ясень/);
    const refused = await decide(lipetsk, other.document.id, {
      action: 'accept',
      keys: [otherOrg.key],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Тамбовская');
    expect(await count('organisation', `name LIKE 'Ясень%'`)).toBe(0);
    expect(await count('intake_decision', `document_id = ${other.document.id}`)).toBe(0);
    const allowed = await decide(lipetsk, own.document.id, {
      action: 'accept',
      keys: [ownOrg.key],
    });
    expect(allowed.status).toBe(200);
    // An edit moving it to a foreign region is refused too.
    const moved = (await submit(lipetsk, { text: release('Липецкой', `Ольха ${uniq()}`) })).body;
    const movedOrg = proposal(moved, 'organisation', /Ольха/);
    expect(
      (
        await decide(lipetsk, moved.document.id, {
          action: 'accept',
          keys: [movedOrg.key],
          edits: { [movedOrg.key]: { regionCode: '68' } },
        })
      ).status,
    ).toBe(403);
  });

  it('shows documents under review to signed-in users only', async () => {
    expect((await anonymous.request('GET', '/api/intake/documents')).status).toBe(401);
    expect((await anonymous.request('GET', '/api/intake/documents/1')).status).toBe(401);
    expect((await submit(anonymous, { text: 'Текст.' })).status).toBe(401);
    const list = await analyst.request<{ items: Array<{ id: number }> }>(
      'GET',
      '/api/intake/documents',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect((await analyst.request('GET', '/api/intake/documents/999999')).status).toBe(404);
  });

  it('reads .docx, .html and a PDF with a text layer into the same proposals', async () => {
    const paragraphs = (format: string) => [
      ...SEED_002.split('\n'),
      `Формат: ${format} ${uniq()}.`,
    ];
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: paragraphs('docx').map((l) => new Paragraph(l)) }] }),
    );
    const html = `<!doctype html><html><head><title>x</title><style>p{color:red}</style><script>document.write("ООО «Вирус»")</script></head><body>${paragraphs(
      'html',
    )
      .map((l) => `<p>${l}</p>`)
      .join('')}<noscript>ООО «Тень»</noscript></body></html>`;
    const pdf = fs.readFileSync(path.join(FIXTURES, 'seed-002.pdf'));
    // Each file's text differs by its last line, so each is a document of its own.
    for (const [name, bytes] of [
      ['seed.docx', docx],
      ['seed.html', Buffer.from(html)],
      ['seed.pdf', pdf],
    ] as const) {
      const res = await submit(admin, {
        file: { name, contentBase64: Buffer.from(bytes).toString('base64') },
      });
      expect([200, 201], `${name}: ${JSON.stringify(res.body).slice(0, 300)}`).toContain(
        res.status,
      );
      expect(res.body.document.format).toBe(name.split('.')[1]);
      const labels = res.body.proposals.map((p) => p.label);
      expect(labels, name).toContain('ОАО «Энергия»');
      expect(labels, name).toContain('ООО «Центр консалтинга Панацея»');
      expect(res.body.text).not.toContain('Вирус');
      expect(res.body.text).not.toContain('Тень');
    }
  });

  it('refuses bad files with bilingual errors and stores nothing', async () => {
    const before = await count('intake_document');
    const cases: Array<[string, Buffer, number, string]> = [
      ['empty.txt', Buffer.alloc(0), 400, 'пуст'],
      [
        'image.txt',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 0]),
        400,
        'двоичный',
      ],
      ['locked.pdf', fs.readFileSync(path.join(FIXTURES, 'seed-002-password.pdf')), 400, 'паролем'],
      ['scan.pdf', fs.readFileSync(path.join(FIXTURES, 'image-only.pdf')), 400, 'текстового слоя'],
      ['broken.docx', Buffer.from('не документ'), 400, 'Word'],
      ['spaces.txt', Buffer.from('   \n\t  '), 400, 'нет текста'],
    ];
    for (const [name, bytes, status, words] of cases) {
      const res = await submit(admin, { file: { name, contentBase64: bytes.toString('base64') } });
      expect(res.status, name).toBe(status);
      expect(res.body.error.message, name).toContain(words);
      expect(res.body.error.messageEn, name).toMatch(/[a-z]/);
    }
    expect((await submit(admin, { text: '' })).status).toBe(400);
    expect(
      (await submit(admin, { text: 'а', file: { name: 'a.txt', contentBase64: 'YQ==' } })).status,
    ).toBe(400);
    expect(await count('intake_document')).toBe(before);
  });

  it('refuses a 20 MB file as too large, and reads Windows-1251 text', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x41).toString('base64');
    const res = await submit(admin, { file: { name: 'big.txt', contentBase64: big } });
    expect(res.status).toBe(413);
    // 'Тамбовская область' in Windows-1251.
    const cp1251 = Buffer.from([
      0xd2,
      0xe0,
      0xec,
      0xe1,
      0xee,
      0xe2,
      0xf1,
      0xea,
      0xe0,
      0xff,
      0x20,
      0xee,
      0xe1,
      0xeb,
      0xe0,
      0xf1,
      0xf2,
      0xfc,
      0x20,
      uniq().length,
    ]);
    const ok = await submit(admin, {
      file: { name: `cp-${uniq()}.txt`, contentBase64: cp1251.subarray(0, 18).toString('base64') },
    });
    expect([200, 201]).toContain(ok.status);
    expect(ok.body.text).toBe('Тамбовская область');
    expect(proposal(ok.body, 'place', /^Тамбовская область$/).match.record).toMatchObject({
      type: 'region',
      id: '68',
    });
  });

  it('gives empty proposals and a notice for a text without Cyrillic', async () => {
    const res = await submit(admin, { text: `Lorem ipsum dolor sit amet ${uniq()}, 2024.` });
    expect(res.status).toBe(201);
    expect(res.body.proposals).toEqual([]);
    expect(res.body.notice?.message).toContain('кириллицы');
  });
});
