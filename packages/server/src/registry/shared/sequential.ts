/**
 * Runs queries one after another. PGlite has a single connection, so firing
 * them concurrently gains nothing there; on PostgreSQL a profile's dozen small
 * indexed queries take a few milliseconds in sequence.
 */
export async function sequential<const T extends readonly (() => Promise<unknown>)[]>(
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const task of tasks) out.push(await task());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
