import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vocabularies } from '@promatlas/core/api/vocabulary.schema.ts';
import { VOCABULARIES } from '@promatlas/core/domain/vocabulary.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';

describe.each(databaseKinds())('vocabularies API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('lists every vocabulary with each value and its Russian and English label, without signing in', async () => {
    const { status, body } = await t.getJson<Vocabularies>('/api/vocabularies');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(Object.keys(VOCABULARIES).sort());
    expect(body['SITE_KINDS']).toContainEqual({
      value: 'sez',
      ru: 'Особая экономическая зона',
      en: 'Special economic zone',
    });
    expect(body['QUARANTINE_REASONS']?.map((t) => t.value)).toEqual([
      ...VOCABULARIES.QUARANTINE_REASONS.values,
    ]);
  });

  it('returns the values the read API uses: the ОЭЗ «Липецк» kind is a value of SITE_KINDS', async () => {
    const { body: vocabularies } = await t.getJson<Vocabularies>('/api/vocabularies');
    const { body: sites } = await t.getJson<{ items: { kind: string; name: string }[] }>(
      '/api/sites?limit=100',
    );
    const lipetsk = sites.items.find((s) => s.name === 'ОЭЗ «Липецк»');
    expect(lipetsk).toBeDefined();
    expect(vocabularies['SITE_KINDS']?.map((t) => t.value)).toContain(lipetsk!.kind);
  });
});
