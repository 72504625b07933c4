import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectPglite } from '../src/db/connection.ts';
import { inBatchTransaction } from '../src/registry-import/batch-transaction.ts';

describe("an import's batch on the embedded database", { timeout: 120_000 }, () => {
  it("lets a request's queries run one after another before it takes the one connection", async () => {
    const c = await connectPglite('memory://');
    try {
      const order: string[] = [];
      // A request holds the connection for its first read.
      const held = await c.pool.connect();
      // The batch asks for the connection meanwhile (no time bound, so the order is certain):
      // queued behind the first read, it would run between the request's two reads.
      const batch = inBatchTransaction(
        c.db,
        async (trx) => {
          await sql`SELECT 2`.execute(trx);
          order.push('batch');
        },
        { giveWayMaxMs: 600_000 },
      );
      await held.query('SELECT 1');
      order.push('read 1');
      held.release();
      await sql`SELECT 1`.execute(c.db);
      order.push('read 2');
      await batch;
      expect(order).toEqual(['read 1', 'read 2', 'batch']);
    } finally {
      await c.close();
    }
  });
});
