/**
 * How the embedded engine (PGlite) is opened: durable on disk, with pg_trgm
 * and the application's session settings. Used by connection.ts when the
 * engine runs in the calling thread, and by pglite-thread.ts when it runs in
 * its worker thread (the server's case): both open it the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Session settings every connection gets. The trigram word-similarity
 * threshold is lowered from 0.6 to 0.45 so a one-letter typo in a short word
 * («Лепецкая» for «Липецкая», similarity 0.56) is still found by the indexed
 * `%>` operator of fuzzy search.
 */
export const TRIGRAM_THRESHOLD = '0.45';
export const SESSION_SETTINGS = `SET pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`;

/**
 * PGlite's NodeFS with fsync. Emscripten's NODEFS has no `fsync` stream
 * operation, so PostgreSQL's fsync() returns success without reaching the
 * disk; this adds it (fdatasync() stays a no-op in Emscripten, hence
 * `wal_sync_method=fsync` below). The NODEFS object is the module's own, so
 * patching it before the mount covers every file.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const mountNodeFs = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
        mod.NODEFS.stream_ops['fsync'] = (stream: { nfd: number }) => {
          fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
      ...mountNodeFs,
    ] as typeof mountNodeFs;
    return result;
  }
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off): dropped here, so a commit
 * reaches the disk before it is acknowledged.
 */
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** fsyncs every file and directory under `dir` once (files PGlite writes outside PostgreSQL). */
function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncPath(full);
  }
  fsyncPath(dir);
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenPgliteOptions {
  /** fsync on commit (default). Off only to measure what durability costs. */
  durable?: boolean;
  /** A data directory tarball (from dumpDataDir) to start an empty directory from. */
  loadDataDir?: Blob;
  /** PGlite's WebAssembly, already compiled (default: PGlite compiles its own, once per thread). */
  wasm?: { pglite: WebAssembly.Module; initdb: WebAssembly.Module };
}

/** Opens PGlite on a data directory (or memory://), durable unless told otherwise. */
export async function openPglite(
  dataDir: string,
  options: OpenPgliteOptions = {},
): Promise<PGlite> {
  const inMemory = dataDir.startsWith('memory://');
  const durable = !inMemory && (options.durable ?? true);
  const fresh = !inMemory && !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const pgliteOptions: PGliteOptions = {
    // pg_trgm only: with cube and earthdistance also loaded, PGlite (0.5.16–0.5.17) answers
    // trigram queries with no rows or spins inside a later query (docs/DECISIONS.md).
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(options.wasm
      ? { pgliteWasmModule: options.wasm.pglite, initdbWasmModule: options.wasm.initdb }
      : {}),
    ...(durable ? { fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS } : {}),
  };
  const pglite = durable
    ? await PGlite.create(pgliteOptions)
    : await PGlite.create(dataDir, pgliteOptions);
  // initdb's result and a loaded tarball are copied in by plain writes: make them durable too.
  if (durable && fresh) fsyncTree(dataDir);
  await pglite.exec(SESSION_SETTINGS);
  return pglite;
}
