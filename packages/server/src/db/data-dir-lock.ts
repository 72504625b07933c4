import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time opens an embedded data directory. PGlite keeps its
 * pages in the process: a second process writing the same files is never
 * seen by the first and corrupts them when either closes. The lock is a file
 * created with O_EXCL inside the directory, holding who holds it.
 */
export const LOCK_FILE = 'promatlas.lock';

/** The holder refreshes the file's time this often, so a lock from another host can be judged stale. */
const HEARTBEAT_MS = 10_000;
/** A lock from another host (a container, a network share) not refreshed for this long is stale. */
const STALE_MS = 60_000;

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** Local control socket of a running server (see control-socket.ts), when it has one. */
  control?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    const lockFile = path.join(dir, LOCK_FILE);
    super(
      `каталог данных ${dir} уже открыт процессом ${holder.pid} (${holder.host}, с ${holder.startedAt}). ` +
        'Остановите сервер и повторите команду; если этот процесс — не PromAtlas, удалите файл ' +
        `${lockFile}. / The data directory ${dir} is in use by process ${holder.pid} on ` +
        `${holder.host} since ${holder.startedAt}. Stop the server and run the command again; if ` +
        `that process is not PromAtlas, delete ${lockFile}.`,
    );
  }
}

export interface DataDirLock {
  readonly dir: string;
  readonly holder: LockHolder;
  /** Records more about the holder (the control socket) in the lock file. */
  update(extra: Partial<Pick<LockHolder, 'control'>>): void;
  release(): void;
}

/** Directories this process holds, by real path: a second open in one process is refused too. */
const held = new Map<string, { file: string; holder: LockHolder }>();
let exitHookInstalled = false;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dir: string): LockHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockHolder;
    return Number.isInteger(value.pid) && typeof value.host === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Why an existing lock may be taken over, or null when its holder may still be alive. */
function staleReason(holder: LockHolder | null, file: string): string | null {
  let ageMs: number;
  try {
    ageMs = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 'the lock file is gone';
  }
  if (!holder) return ageMs > 5_000 ? 'the lock file is unreadable' : null;
  if (holder.host === os.hostname()) {
    // Same pid as ours but not in `held`: left by an earlier run (a container restarts as pid 1).
    if (holder.pid === process.pid) return `process ${holder.pid} is this process, restarted`;
    if (!processAlive(holder.pid)) return `process ${holder.pid} is not running`;
    return null;
  }
  return ageMs > STALE_MS
    ? `the lock of ${holder.host} was not refreshed for ${Math.round(ageMs / 1000)} s`
    : null;
}

function writeLockFile(file: string, holder: LockHolder, flag: 'wx' | 'w'): void {
  const fd = fs.openSync(file, flag, 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(holder) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Locks `dir` (which must exist) for this process, or throws DataDirLockedError
 * naming the holder. A lock whose holder is gone is taken over, with a log line.
 */
export function lockDataDir(
  dir: string,
  log: (message: string) => void = (m) => console.warn(m),
): DataDirLock {
  const real = fs.realpathSync(dir);
  const file = path.join(real, LOCK_FILE);
  const mine = held.get(real);
  if (mine) throw new DataDirLockedError(real, mine.holder);
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeLockFile(file, holder, 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new DataDirLockedError(real, readLockHolder(real) ?? holder);
        throw error;
      }
      const other = readLockHolder(real);
      const reason = staleReason(other, file);
      // An unreadable lock younger than 5 s is being written by its holder right now.
      if (!reason)
        throw new DataDirLockedError(
          real,
          other ?? { pid: -1, host: 'unknown', startedAt: 'just now' },
        );
      log(
        `Каталог данных ${real}: снята устаревшая блокировка (${reason}). / ` +
          `Data directory ${real}: taking over a stale lock (${reason}).`,
      );
      fs.rmSync(file, { force: true });
    }
  }
  held.set(real, { file, holder });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing the database still leaves no lock behind.
    process.on('exit', () => {
      for (const entry of held.values()) releaseFile(entry.file, entry.holder);
    });
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now, () => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    dir: real,
    holder,
    update(extra) {
      Object.assign(holder, extra);
      // Write beside and rename over: the lock file exists at every moment.
      const next = `${file}.${process.pid}.tmp`;
      writeLockFile(next, holder, 'w');
      fs.renameSync(next, file);
    },
    release() {
      clearInterval(heartbeat);
      if (held.get(real)?.holder === holder) held.delete(real);
      releaseFile(file, holder);
    },
  };
}

/** Deletes the lock file only if it is still ours (a takeover may have replaced it). */
function releaseFile(file: string, holder: LockHolder): void {
  try {
    const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    if (current.pid === holder.pid && current.startedAt === holder.startedAt) fs.rmSync(file);
  } catch {
    // Already gone.
  }
}
