import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody, History } from './api-types.ts';

// Real, published identifiers (ПАО Сбербанк) so the checksums are real.
const SBER = { inn: '7707083893', ogrn: '1027700132195' };
const SOURCE_TEXT =
  'Завод «Опытный» начал выпуск гидравлических насосов. На предприятии работают 120 человек.';

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;
const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
  (body.error.fields ?? []).map((f) => f.field);

describe.each(databaseKinds())(
  'editing: references, provenance, audit and deletes on %s',
  (kind) => {
    let t: TestApp;
    let admin: Client;
    let editor: Client;
    let sourceId: number;

    beforeAll(async () => {
      t = await createTestApp(kind, { okved: true });
      admin = await signIn(t.app, 'administrator');
      editor = await signIn(t.app, 'regional_editor', ['42']);
      sourceId = (
        await admin.request<Created>('POST', '/api/sources', {
          kind: 'news',
          title: `Новость ${uniq()}`,
          text: SOURCE_TEXT,
        })
      ).body.id;
    }, 180_000);
    afterAll(async () => t?.close());

    const organisation = async (body: Record<string, unknown> = {}) => {
      const res = await editor.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `«Проверка ${uniq()}»`,
        regionCode: '42',
        ...body,
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };

    describe('unknown references', () => {
      it('answers 400 naming regionCode for an unknown region on sites, clusters and positions, never 500', async () => {
        const site = await admin.request<ErrorBody>('POST', '/api/sites', {
          kind: 'technopark',
          name: `Технопарк ${uniq()}`,
          regionCode: '99999',
        });
        expect(site.status).toBe(400);
        expect(fieldsOf(site.body)).toContain('regionCode');
        const cluster = await admin.request<ErrorBody>('POST', '/api/clusters', {
          kind: 'industrial',
          name: `Кластер ${uniq()}`,
          regionCode: '99999',
        });
        expect(cluster.status).toBe(400);
        expect(fieldsOf(cluster.body)).toContain('regionCode');
        const person = (
          await admin.request<Created>('POST', '/api/people', { lastName: `Н ${uniq()}` })
        ).body.id;
        const position = await admin.request<ErrorBody>('POST', `/api/people/${person}/positions`, {
          title: 'Инженер',
          regionCode: '99999',
        });
        expect(position.status).toBe(400);
        expect(fieldsOf(position.body)).toEqual(['regionCode']);
        const siteId = (
          await admin.request<Created>('POST', '/api/sites', {
            kind: 'technopark',
            name: `Технопарк ${uniq()}`,
            regionCode: '42',
          })
        ).body.id;
        const moved = await admin.request<ErrorBody>('PATCH', `/api/sites/${siteId}`, {
          version: 1,
          regionCode: '99999',
        });
        expect(moved.status).toBe(400);
        expect(fieldsOf(moved.body)).toEqual(['regionCode']);
      });

      it('answers 400 naming the field for an organisation or source id that does not exist', async () => {
        const site = await admin.request<ErrorBody>('POST', '/api/sites', {
          kind: 'technopark',
          name: `Технопарк ${uniq()}`,
          regionCode: '42',
          managementOrganisationId: 2_000_000_000,
        });
        expect(site.status).toBe(400);
        expect(fieldsOf(site.body)).toEqual(['managementOrganisationId']);
        const cluster = await admin.request<ErrorBody>('POST', '/api/clusters', {
          kind: 'industrial',
          name: `Кластер ${uniq()}`,
          regionCode: '42',
          specialisedOrganisationId: 2_000_000_000,
        });
        expect(cluster.status).toBe(400);
        expect(fieldsOf(cluster.body)).toEqual(['specialisedOrganisationId']);
        const organisation = await admin.request<ErrorBody>('POST', '/api/organisations', {
          kind: 'enterprise',
          name: `«Без источника ${uniq()}»`,
          regionCode: '42',
          sourceId: 2_000_000_000,
        });
        expect(organisation.status).toBe(400);
        expect(fieldsOf(organisation.body)).toEqual(['sourceId']);
        const clusterId = (
          await admin.request<Created>('POST', '/api/clusters', {
            kind: 'industrial',
            name: `Кластер ${uniq()}`,
            regionCode: '42',
          })
        ).body.id;
        const member = await admin.request<ErrorBody>(
          'POST',
          `/api/clusters/${clusterId}/members`,
          {
            organisationId: 9_000_000_000,
          },
        );
        expect(member.status).toBe(400);
        expect(fieldsOf(member.body)).toEqual(['organisationId']);
      });

      it('answers 400 naming subject.id for a fact about a record id beyond the integer range, for editors and administrators alike', async () => {
        for (const client of [editor, admin]) {
          for (const type of ['person', 'organisation', 'site']) {
            const res = await client.request<ErrorBody>('POST', '/api/statements', {
              subject: { type, id: '99999999999' },
              property: 'note',
              valueText: 'x',
            });
            expect(res.status, `${client.role} ${type}`).toBe(400);
            expect(fieldsOf(res.body)).toEqual(['subject.id']);
          }
        }
      });

      it('refuses restoring an organisation whose ИНН another record now has, with 409 naming that record', async () => {
        const first = await organisation({ ...SBER });
        expect(
          (await editor.request('DELETE', `/api/organisations/${first}?version=1`)).status,
        ).toBe(200);
        const second = await organisation({ inn: SBER.inn });
        const restore = await admin.request<ErrorBody>(
          'POST',
          `/api/organisations/${first}/restore`,
        );
        expect(restore.status).toBe(409);
        expect(restore.body.error).toMatchObject({
          code: 'duplicate',
          field: 'inn',
          existing: { type: 'organisation', id: String(second) },
        });
        expect(restore.body.error.message).toMatch(/ИНН 7707083893/);
        const row = await t.app.deps.db
          .selectFrom('organisation')
          .select('deleted_at')
          .where('id', '=', first)
          .executeTakeFirstOrThrow();
        expect(row.deleted_at).not.toBeNull();
      });
    });

    describe('sources and quotes', () => {
      it('refuses source URLs that are not http or https, naming the url field', async () => {
        for (const url of [
          'javascript:alert(document.cookie)',
          'data:text/html,<script>alert(1)</script>',
          'file:///etc/passwd',
          'JaVaScRiPt:alert(1)',
          'ftp://example.org/file',
        ]) {
          const res = await editor.request<ErrorBody>('POST', '/api/sources', {
            kind: 'news',
            title: `Новость ${uniq()}`,
            text: 'Текст.',
            url,
          });
          expect(res.status, url).toBe(400);
          expect(fieldsOf(res.body), url).toEqual(['url']);
          expect(res.body.error.fields![0]!.message).toMatch(/http/);
        }
        const ok = await editor.request('POST', '/api/sources', {
          kind: 'news',
          title: `Новость ${uniq()}`,
          text: 'Текст.',
          url: 'https://минпромторг.рф/news/1',
        });
        expect(ok.status).toBe(201);
      });

      it('refuses an organisation quoting a sentence that is not in its source, like every other record', async () => {
        const created = await editor.request<ErrorBody>('POST', '/api/organisations', {
          kind: 'enterprise',
          name: `«Цитата ${uniq()}»`,
          regionCode: '42',
          sourceId,
          sourceQuote: 'На предприятии работают 5000 человек.',
        });
        expect(created.status).toBe(400);
        expect(fieldsOf(created.body)).toEqual(['sourceQuote']);
        const good = await organisation({
          sourceId,
          sourceQuote: 'На предприятии  работают 120 человек.',
        });
        const row = await t.app.deps.db
          .selectFrom('organisation')
          .select(['source_id', 'source_quote'])
          .where('id', '=', good)
          .executeTakeFirstOrThrow();
        // Stored as it stands in the source.
        expect(row).toEqual({
          source_id: sourceId,
          source_quote: 'На предприятии работают 120 человек.',
        });
        const patched = await editor.request<ErrorBody>('PATCH', `/api/organisations/${good}`, {
          version: 1,
          sourceQuote: 'Завод закрыт.',
        });
        expect(patched.status).toBe(400);
        expect(fieldsOf(patched.body)).toEqual(['sourceQuote']);
      });
    });

    describe('audit and deletes', () => {
      it('writes exactly one audit entry for a PATCH with ОКВЭД2 codes, showing the codes’ change', async () => {
        const id = await organisation({ okved: [{ code: '28.30', isMain: true }] });
        const entries = () =>
          t.app.deps.db
            .selectFrom('audit_entry')
            .select(['id', 'action'])
            .where('entity_type', '=', 'organisation')
            .where('entity_id', '=', String(id))
            .execute();
        expect(await entries()).toHaveLength(1);
        const okvedOnly = await editor.request('PATCH', `/api/organisations/${id}`, {
          version: 1,
          okved: [
            { code: '28.30', isMain: true },
            { code: '25.11', isMain: false },
          ],
        });
        expect(okvedOnly.status).toBe(200);
        expect(await entries()).toHaveLength(2);
        const withTown = await editor.request('PATCH', `/api/organisations/${id}`, {
          version: 2,
          town: 'Грязи',
          okved: [{ code: '25.11', isMain: true }],
        });
        expect(withTown.status).toBe(200);
        expect(await entries()).toHaveLength(3);
        const history = await admin.request<History>('GET', `/api/history/organisation/${id}`);
        const updates = history.body.items.filter((e) => e.action === 'update');
        expect(updates).toHaveLength(2);
        for (const update of updates) expect(update.changes.length).toBeGreaterThan(0);
        expect(updates[1]!.changes).toEqual([
          { field: 'okved', before: ['28.30 (основной)'], after: ['25.11', '28.30 (основной)'] },
        ]);
        expect(updates[0]!.changes.map((c) => c.field).sort()).toEqual(['okved', 'town']);
      });

      it('refuses a DELETE without ?version with 400 naming version, on every registry record, and deletes nothing', async () => {
        const organisationId = await organisation();
        const person = (
          await editor.request<Created>('POST', '/api/people', { lastName: `Д ${uniq()}` })
        ).body.id;
        const position = (
          await editor.request<Created>('POST', `/api/people/${person}/positions`, {
            title: 'Инженер',
            organisationId,
          })
        ).body.id;
        const cluster = (
          await editor.request<Created>('POST', '/api/clusters', {
            kind: 'industrial',
            name: `Кластер ${uniq()}`,
            regionCode: '42',
          })
        ).body.id;
        const member = (
          await editor.request<Created>('POST', `/api/clusters/${cluster}/members`, {
            organisationId,
          })
        ).body.id;
        const statement = (
          await editor.request<Created>('POST', '/api/statements', {
            subject: { type: 'region', id: '42' },
            property: 'note',
            valueText: 'x',
          })
        ).body.id;
        const site = (
          await editor.request<Created>('POST', '/api/sites', {
            kind: 'technopark',
            name: `Технопарк ${uniq()}`,
            regionCode: '42',
          })
        ).body.id;
        const urls = [
          `/api/organisations/${organisationId}`,
          `/api/people/${person}`,
          `/api/positions/${position}`,
          `/api/clusters/${cluster}`,
          `/api/cluster-members/${member}`,
          `/api/statements/${statement}`,
          `/api/sites/${site}`,
        ];
        for (const url of urls) {
          const res = await editor.request<ErrorBody>('DELETE', url);
          expect(res.status, url).toBe(400);
          expect(fieldsOf(res.body), url).toEqual(['version']);
        }
        // A stale version is a conflict; the right one deletes.
        expect(
          (await editor.request('DELETE', `/api/positions/${position}?version=7`)).status,
        ).toBe(409);
        for (const url of urls) {
          expect((await editor.request('DELETE', `${url}?version=1`)).status, url).toBe(200);
        }
      });
    });
  },
);
