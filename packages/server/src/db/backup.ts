import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPglite, type Connection } from './connection.ts';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';
import { requestBackup } from './control-socket.ts';

/**
 * Backups of both databases.
 *
 * Embedded (PGlite): a physical snapshot of the data directory, taken while
 * the engine's only connection is held by the snapshot (no statement or open
 * transaction of the application interleaves), after a CHECKPOINT. The file is
 * `PROMATLAS_MAGIC` + one JSON line of metadata + the gzipped tar PGlite's
 * `dumpDataDir` produces.
 *
 * PostgreSQL server: `pg_dump -Fc` (its own magic, `PGDMP`), consistent by
 * PostgreSQL's snapshot while the server runs; restored with pg_restore.
 */
export const EMBEDDED_MAGIC = 'PROMATLAS-EMBEDDED-BACKUP 1\n';
const PG_DUMP_MAGIC = 'PGDMP';

export class BackupError extends Error {
  constructor(ru: string, en: string) {
    super(`${ru} / ${en}`);
  }
}

export type BackupKind = 'embedded' | 'postgres';

/** Reads what kind of backup a file holds from its first bytes, or fails saying it is none. */
export function backupKind(file: string): BackupKind {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(EMBEDDED_MAGIC.length);
      head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new BackupError(`файл не найден: ${file}`, `file not found: ${file}`);
  }
  if (head.toString('latin1') === EMBEDDED_MAGIC) return 'embedded';
  if (head.subarray(0, PG_DUMP_MAGIC.length).toString('latin1') === PG_DUMP_MAGIC)
    return 'postgres';
  throw new BackupError(
    `${file} — не резервная копия PromAtlas (ни встроенной базы, ни pg_dump -Fc)`,
    `${file} is not a PromAtlas backup (neither an embedded one nor pg_dump -Fc)`,
  );
}

/** Writes beside, fsyncs, renames over: a backup file is whole or absent. */
function writeFileDurably(file: string, data: Buffer): void {
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, 'w', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  fsyncDir(path.dirname(path.resolve(file)));
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A consistent snapshot of an open embedded database, as the bytes of a backup file. */
export async function embeddedSnapshot(connection: Connection): Promise<Buffer> {
  const pglite = connection.pglite;
  if (!pglite) throw new Error('not an embedded database');
  // The pool has one connection: holding it keeps every other statement and
  // transaction out until the snapshot is taken.
  const client = await connection.pool.connect();
  try {
    await client.query('CHECKPOINT');
    const tarball = await pglite.dumpDataDir('gzip');
    const meta = { createdAt: new Date().toISOString(), engine: 'pglite', tarball: 'tar.gz' };
    return Buffer.concat([
      Buffer.from(EMBEDDED_MAGIC + JSON.stringify(meta) + '\n', 'utf8'),
      Buffer.from(await tarball.arrayBuffer()),
    ]);
  } finally {
    client.release();
  }
}

function embeddedTarball(file: string): Buffer {
  const all = fs.readFileSync(file);
  const metaEnd = all.indexOf(0x0a, EMBEDDED_MAGIC.length);
  if (metaEnd < 0)
    throw new BackupError(`повреждённая резервная копия ${file}`, `corrupt backup ${file}`);
  return all.subarray(metaEnd + 1);
}

function wrongKind(file: string, kind: BackupKind): BackupError {
  return kind === 'postgres'
    ? new BackupError(
        `${file} — копия сервера PostgreSQL (pg_dump); восстанавливайте её с заданным DATABASE_URL`,
        `${file} is a PostgreSQL server backup (pg_dump); restore it with DATABASE_URL set`,
      )
    : new BackupError(
        `${file} — копия встроенной базы; восстанавливайте её без DATABASE_URL (в каталог данных)`,
        `${file} is an embedded database backup; restore it without DATABASE_URL (into a data directory)`,
      );
}

// ---------------------------------------------------------------- embedded

/**
 * Backs up the embedded database in `dataDir`: asks the running server when
 * one holds the directory, opens the directory itself (holding the lock) otherwise.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<'server' | 'direct'> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new BackupError(
      `в каталоге ${dataDir} нет базы данных`,
      `there is no database in ${dataDir}`,
    );
  let connection: Connection;
  try {
    connection = await connectPglite(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    if (!error.holder.control) throw error;
    let bytes: Buffer;
    try {
      bytes = await requestBackup(error.holder);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new BackupError(
        `сервер (процесс ${error.holder.pid}) держит ${dataDir}, но его управляющий сокет ` +
          `${error.holder.control} недоступен (${why}); запустите команду там же, где сервер, или остановите сервер`,
        `the server (process ${error.holder.pid}) holds ${dataDir} but its control socket ` +
          `${error.holder.control} cannot be reached (${why}); run the command where the server runs, or stop the server`,
      );
    }
    writeFileDurably(file, bytes);
    return 'server';
  }
  try {
    writeFileDurably(file, await embeddedSnapshot(connection));
  } finally {
    await connection.close();
  }
  return 'direct';
}

/**
 * Restores an embedded backup into `dataDir`. Refuses a directory in use, and
 * one that holds a database unless `replace`. The backup is first opened in a
 * staging directory inside `dataDir` (PostgreSQL recovers it there), and only
 * then moved in place of the old files.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  replace: boolean,
): Promise<void> {
  const kind = backupKind(file);
  if (kind !== 'embedded') throw wrongKind(file, kind);
  const tarball = embeddedTarball(file);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  try {
    const STAGING = '.restore-staging';
    if (fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !replace)
      throw new BackupError(
        `в каталоге ${dataDir} уже есть база данных; чтобы заменить её, добавьте --replace`,
        `${dataDir} already holds a database; add --replace to replace it`,
      );
    const staging = path.join(dataDir, STAGING);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    const restored = await connectPglite(staging, {
      loadDataDir: new Blob([new Uint8Array(tarball)]),
      unlocked: true,
    });
    try {
      await restored.pool.query('CHECKPOINT');
    } finally {
      await restored.close();
    }
    // The snapshot of a running server carries that server's lock file.
    fs.rmSync(path.join(staging, LOCK_FILE), { force: true });
    for (const entry of fs.readdirSync(dataDir))
      if (entry !== LOCK_FILE && entry !== STAGING)
        fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    for (const entry of fs.readdirSync(staging))
      fs.renameSync(path.join(staging, entry), path.join(dataDir, entry));
    fs.rmdirSync(staging);
    fsyncDir(dataDir);
  } finally {
    lock.release();
  }
}

// ---------------------------------------------------------------- PostgreSQL

/** Debian's versioned client binaries first (the newest), then whatever PATH has. */
function pgTool(name: string): string {
  const root = '/usr/lib/postgresql';
  try {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const candidate = path.join(root, v, 'bin', name);
      if (fs.existsSync(candidate)) return candidate;
    }
  } catch {
    // No Debian layout: rely on PATH.
  }
  return name;
}

/**
 * The connection string without its password, which goes into a private
 * passfile instead: a password in the arguments is visible to every local user.
 */
function withPassfile(databaseUrl: string): { url: string; cleanup(): void } {
  const url = new URL(databaseUrl);
  if (!url.password) return { url: databaseUrl, cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-pgpass-'));
  const passfile = path.join(dir, 'pgpass');
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
  fs.writeFileSync(passfile, `*:*:*:*:${escape(decodeURIComponent(url.password))}\n`, {
    mode: 0o600,
  });
  url.password = '';
  url.searchParams.set('passfile', passfile);
  return { url: url.toString(), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function run(
  command: string,
  args: string[],
  options: { stdin?: NodeJS.ReadableStream; input?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `не найдена программа ${command} (установите postgresql-client)`,
              `${command} not found (install postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr.trim()}`)),
    );
    if (options.input !== undefined) child.stdin.write(options.input);
    if (options.stdin) options.stdin.pipe(child.stdin);
    else child.stdin.end();
  });
}

export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const { url, cleanup } = withPassfile(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await run(pgTool('pg_dump'), ['--format=custom', `--file=${partial}`, `--dbname=${url}`]);
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    fsyncDir(path.dirname(path.resolve(file)));
  } finally {
    fs.rmSync(partial, { force: true });
    cleanup();
  }
}

/** Schemas of the database other than PostgreSQL's own. */
async function userSchemas(databaseUrl: string): Promise<{ schemas: string[]; relations: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const schemas = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    const relations = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'v', 'm', 'p')
          AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`,
    );
    return { schemas: schemas.rows.map((r) => r.nspname), relations: relations.rows[0]!.n };
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump backup into the database of `databaseUrl`, in one
 * transaction (a failed restore changes nothing). A database with any table
 * or view is refused unless `replace`, which drops its schemas first, in the
 * same transaction.
 */
export async function restorePostgres(
  databaseUrl: string,
  file: string,
  replace: boolean,
): Promise<void> {
  const kind = backupKind(file);
  if (kind !== 'postgres') throw wrongKind(file, kind);
  const { schemas, relations } = await userSchemas(databaseUrl);
  if (relations > 0 && !replace)
    throw new BackupError(
      `база данных не пуста (таблиц и представлений: ${relations}); чтобы заменить её, добавьте --replace`,
      `the database is not empty (${relations} tables and views); add --replace to replace it`,
    );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const prelude = replace
    ? schemas.map((s) => `DROP SCHEMA ${quote(s)} CASCADE;\n`).join('') + 'CREATE SCHEMA public;\n'
    : '';
  const { url, cleanup } = withPassfile(databaseUrl);
  try {
    const restore = spawn(pgTool('pg_restore'), ['--no-owner', '--file=-', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let restoreErr = '';
    restore.stderr.on('data', (d: Buffer) => (restoreErr += d.toString()));
    const restored = new Promise<void>((resolve, reject) => {
      restore.on('error', reject);
      restore.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`pg_restore exited with ${code}: ${restoreErr}`)),
      );
    });
    await Promise.all([
      restored,
      run(
        pgTool('psql'),
        ['--no-psqlrc', '--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1', url],
        { input: prelude, stdin: restore.stdout },
      ),
    ]);
  } finally {
    cleanup();
  }
}
