import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { ClusterCategory, ClusterCategoryList, ErrorBody } from './api-types.ts';

describe.each(databaseKinds())('cluster categories on %s', (kind) => {
  let t: TestApp;
  let analyst: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await signIn(t.app, 'analyst');
  });
  afterAll(async () => t?.close());

  it('lists the default traded and local categories with their ОКВЭД2 codes', async () => {
    const { body } = await t.getJson<ClusterCategoryList>('/api/cluster-categories');
    expect(body.items.length).toBeGreaterThan(20);
    expect(new Set(body.items.map((c) => c.type))).toEqual(new Set(['traded', 'local']));
    expect(body.items.every((c) => Array.isArray(c.okvedCodes))).toBe(true);
  });

  it('lets an analyst rename a category, change its type and move a code to it from another category', async () => {
    const before = (await t.getJson<ClusterCategoryList>('/api/cluster-categories')).body.items;
    const fishing = before.find((c) => c.code === 'fishing')!;
    const donor = before.find((c) => c.code !== 'fishing' && c.okvedCodes.length > 0)!;
    const moved = donor.okvedCodes[0];
    const res = await analyst.request<ClusterCategory>('PATCH', '/api/cluster-categories/fishing', {
      name: 'Рыболовство и рыбоводство',
      type: 'local',
      okvedCodes: [...fishing.okvedCodes, moved],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Рыболовство и рыбоводство', type: 'local' });
    expect(res.body.okvedCodes).toContain(moved);
    const after = (await t.getJson<ClusterCategoryList>('/api/cluster-categories')).body.items;
    expect(after.find((c) => c.code === donor.code)!.okvedCodes).not.toContain(moved);
  });

  it('refuses codes that are not ОКВЭД2 and unknown categories', async () => {
    const bad = await analyst.request<ErrorBody>('PATCH', '/api/cluster-categories/fishing', {
      okvedCodes: ['03', 'рыба'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields![0]!.field).toBe('okvedCodes');
    expect(
      (await analyst.request('PATCH', '/api/cluster-categories/no-such', { name: 'x' })).status,
    ).toBe(404);
  });
});
