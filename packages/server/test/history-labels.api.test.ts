import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, History } from './api-types.ts';

describe.each(databaseKinds())('history labels on %s', (kind) => {
  let t: TestApp;
  let editor: Client;

  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
    editor = await signIn(t.app, 'regional_editor', ['42']);
  });
  afterAll(async () => t?.close());

  it("labels each entry's fields in Russian and English, in display order, and names what the entry is about", async () => {
    const created = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Подписи»',
      regionCode: '42',
    });
    const id = created.body.id;
    expect(
      (
        await editor.request('PATCH', `/api/organisations/${id}`, {
          version: created.body.version,
          town: 'Елец',
        })
      ).status,
    ).toBe(200);
    const history = await editor.request<History>('GET', `/api/history/organisation/${id}`);
    expect(history.status).toBe(200);
    const update = history.body.items.find((e) => e.action === 'update');
    expect(update?.entityLabel).toEqual({ ru: 'Организация', en: 'Organisation' });
    expect(update?.fieldLabels['town']).toEqual({ ru: 'Населённый пункт', en: 'Town' });
    expect(update?.fieldLabels['inn']).toEqual({ ru: 'ИНН', en: 'INN' });
    // Bookkeeping columns get no label (the history does not show them).
    expect(update?.fieldLabels).not.toHaveProperty('id');
    expect(update?.fieldLabels).not.toHaveProperty('version');
    // Display order: the kind and name first, provenance last.
    const order = Object.keys(update?.fieldLabels ?? {});
    expect(order.slice(0, 2)).toEqual(['kind', 'name']);
    expect(order.indexOf('town')).toBeLessThan(order.indexOf('source_id'));
    // Every changed field the history shows has a label.
    expect(update?.changes.map((c) => c.field)).toContain('town');
  });

  it("labels a child record's period as one field and its title as the position", async () => {
    const person = await editor.request<Created>('POST', '/api/people', { lastName: 'Подписей' });
    const organisation = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Должности»',
      regionCode: '42',
    });
    const position = await editor.request<Created>(
      'POST',
      `/api/people/${person.body.id}/positions`,
      {
        organisationId: organisation.body.id,
        title: 'Директор',
        asOf: { from: '2024-03-01', to: '2024-03-31', precision: 'month' },
      },
    );
    expect(position.status).toBe(201);
    const history = await editor.request<History>('GET', `/api/history/person/${person.body.id}`);
    const entry = history.body.items.find((e) => e.entity.type === 'position');
    expect(entry?.entityLabel).toEqual({ ru: 'Должность', en: 'Position' });
    expect(entry?.fieldLabels['title']).toEqual({ ru: 'Должность', en: 'Position' });
    expect(entry?.fieldLabels['valid_period']).toEqual({ ru: 'По состоянию на', en: 'As of' });
    expect(entry?.fieldLabels).not.toHaveProperty('valid_from');
  });
});
