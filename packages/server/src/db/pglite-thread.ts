/**
 * The embedded engine's worker thread: it owns the PGlite instance (opened by
 * pglite-open.ts exactly as in the main thread) and answers the requests of
 * pglite-worker.ts one at a time. PGlite runs every statement synchronously
 * inside WebAssembly; here that blocks only this thread, never the server's
 * event loop.
 *
 * The wire protocol is passed through as bytes: a request's protocol messages
 * in, PostgreSQL's raw answer out (its buffer transferred, not copied), parsed
 * in the main thread by node-postgres's own parser.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from './pglite-open.ts';
import type { ThreadRequest, ThreadReply, ThreadStart, SerialisedError } from './pglite-worker.ts';

const port = parentPort!;
const start = workerData as ThreadStart;

/** An error as plain data: its message and the PostgreSQL fields (code, detail, position…). */
function serialise(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { message: error.message, name: error.name, fields };
}

function reply(message: ThreadReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** One protocol exchange: the raw answer, gathered from PGlite's output chunks into one buffer. */
async function protocol(pglite: PGlite, bytes: Uint8Array): Promise<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await pglite.execProtocolRawStream(bytes, {
    // The chunk is a view of the engine's memory, reused for the next one.
    onRawData: (chunk) => {
      chunks.push(chunk.slice());
      length += chunk.length;
    },
  });
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out.buffer;
}

async function handle(pglite: PGlite, request: ThreadRequest): Promise<void> {
  const { id } = request;
  switch (request.op) {
    case 'protocol': {
      const answer = await protocol(pglite, request.bytes);
      return reply({ id, ok: true, value: answer }, [answer]);
    }
    case 'query': {
      const result = await pglite.query(
        request.sql,
        request.params,
        request.blob ? { blob: new Blob([request.blob]) } : {},
      );
      return reply({
        id,
        ok: true,
        value: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows },
      });
    }
    case 'exec': {
      const results = await pglite.exec(request.sql);
      return reply({
        id,
        ok: true,
        value: results.map((r) => ({
          rows: r.rows,
          fields: r.fields,
          affectedRows: r.affectedRows,
        })),
      });
    }
    case 'dump': {
      const tarball = await pglite.dumpDataDir(request.compression);
      const buffer = await tarball.arrayBuffer();
      return reply({ id, ok: true, value: buffer }, [buffer]);
    }
    case 'ping':
      return reply({ id, ok: true, value: null });
    case 'close': {
      await pglite.close();
      reply({ id, ok: true, value: null });
      port.close();
      return;
    }
  }
}

async function main(): Promise<void> {
  let pglite: PGlite;
  try {
    pglite = await openPglite(start.dataDir, {
      wasm: start.wasm,
      ...(start.durable !== undefined ? { durable: start.durable } : {}),
      ...(start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir]) } : {}),
    });
  } catch (error) {
    port.postMessage({ ready: false, error: serialise(error) });
    port.close();
    return;
  }
  // Notifications raised by this thread's own queries (query, exec); those in
  // protocol answers are read by the main thread from the answer itself.
  pglite.onNotification((channel, payload) =>
    port.postMessage({ notification: { channel, payload } }),
  );
  // One request at a time, in the order sent: PGlite is one session, and a
  // protocol exchange must never interleave with another.
  let queue = Promise.resolve();
  port.on('message', (request: ThreadRequest) => {
    queue = queue.then(() =>
      handle(pglite, request).catch((error: unknown) =>
        reply({ id: request.id, ok: false, error: serialise(error) }),
      ),
    );
  });
  port.postMessage({ ready: true });
}

void main();
