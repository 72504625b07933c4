import type { Db } from '../../db/connection.ts';

/** Region names by code; a municipality dataset's keys are names already. */
export async function regionNames(
  db: Db,
  codes: readonly string[],
  level: 'federal_subject' | 'municipality',
): Promise<Map<string, string>> {
  if (level === 'municipality' || codes.length === 0) return new Map(codes.map((c) => [c, c]));
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  const names = new Map(rows.map((r) => [r.code, r.name]));
  for (const code of codes) if (!names.has(code)) names.set(code, code);
  return names;
}
