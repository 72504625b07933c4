import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  DataDirLockedError,
  LOCK_FILE,
  lockDataDir,
  readLockHolder,
} from '../src/db/data-dir-lock.ts';
import { connectPglite } from '../src/db/connection.ts';
import { preparedDataDir, promatlas, serve, waitHealthy } from './cli-process.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  it('refuses a second holder, naming the holder, until the first releases it', () => {
    const dir = freshDir('twice');
    const lock = lockDataDir(dir);
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    let refused: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`процессом ${process.pid}`);
    expect((refused as Error).message).toContain(`by process ${process.pid}`);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over the lock of a process that is no longer running, with a log line', () => {
    const dir = freshDir('stale');
    const pid = deadPid();
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const log = vi.fn();
    const lock = lockDataDir(dir, log);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`process ${pid} is not running`));
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a fresh lock of another host, whose processes it cannot see', () => {
    const dir = freshDir('other-host');
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, host: 'another-host', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    expect(() => lockDataDir(dir, () => {})).toThrow(/another-host/);
  });
});

describe('the embedded database on a data directory', { timeout: 120_000 }, () => {
  it('is locked while open and durable: fsync is on and a commit reaches the disk', async () => {
    const dir = freshDir('durable');
    const connection = await connectPglite(dir);
    try {
      await expect(connectPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      const fsync = await connection.pool.query<{ fsync: string }>('SHOW fsync');
      expect(fsync.rows[0]!.fsync).toBe('on');
      const method = await connection.pool.query<{ wal_sync_method: string }>(
        'SHOW wal_sync_method',
      );
      // fdatasync() is a no-op in PGlite's Emscripten runtime: only fsync() reaches the disk.
      expect(method.rows[0]!.wal_sync_method).toBe('fsync');
      await connection.pool.query('CREATE TABLE durable_probe (id int PRIMARY KEY)');
    } finally {
      await connection.close();
    }
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // The engine's worker thread opens PGlite as the calling thread does (db/pglite-open.ts);
    // fsyncSync can be watched only in this thread, so the commits are counted here.
    const inThread = await connectPglite(dir, { inThread: true });
    try {
      const spy = vi.spyOn(fs, 'fsyncSync');
      try {
        for (let i = 0; i < 5; i++)
          await inThread.pool.query('INSERT INTO durable_probe VALUES ($1)', [i]);
        expect(spy.mock.calls.length).toBeGreaterThanOrEqual(5);
      } finally {
        spy.mockRestore();
      }
    } finally {
      await inThread.close();
    }
  });
});

describe('a command on the data directory of a running server', { timeout: 600_000 }, () => {
  it('refuses, and the server stops and starts again on healthy, intact data', async () => {
    // Already migrated: the lock is what is tested here, not the first start.
    const dataDir = preparedDataDir(freshDir('served'));
    const csv = path.join(root, 'long.csv');
    fs.writeFileSync(csv, 'region,industry,employment\nЛипецкая область,C,100\n');
    const search = async (url: string) =>
      (
        (await (await fetch(`${url}/api/search?q=${encodeURIComponent('Липецкой')}`)).json()) as {
          items: Array<{ title: string }>;
        }
      ).items.map((i) => i.title);

    const first = await serve(dataDir);
    let before: string[];
    let pid: number;
    try {
      expect(await waitHealthy(first.url)).toBe(200);
      before = await search(first.url);
      expect(before).toContain('ОЭЗ «Липецк»');
      pid = first.child.pid!;

      const add = await promatlas(
        ['users', 'add', '--email', 'late@example.ru', '--name', 'Поздний', '--role', 'analyst'],
        { dataDir },
      );
      expect(add.code).toBe(1);
      expect(add.stdout).not.toMatch(/Создан пользователь/);
      expect(add.stderr).toContain(dataDir);
      expect(add.stderr).toContain(`процессом ${pid}`);
      expect(add.stderr).toContain(`in use by process ${pid}`);

      const imported = await promatlas(
        [
          'import',
          'dataset',
          csv,
          '--name',
          'Поздний набор',
          '--region-column',
          'region',
          '--industry-column',
          'industry',
          '--value-column',
          'employment',
          '--year',
          '2022',
        ],
        { dataDir },
      );
      expect(imported.code).toBe(1);
      expect(imported.stdout).not.toMatch(/Набор «Поздний набор»/);
      expect(imported.stderr).toContain(`in use by process ${pid}`);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await serve(dataDir);
    try {
      expect(await waitHealthy(second.url)).toBe(200);
      expect(await search(second.url)).toEqual(before);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    // Nothing of the refused commands reached the database.
    const users = await promatlas(['users', 'list'], { dataDir });
    expect(users.code).toBe(0);
    expect(users.stdout).toContain('admin@promatlas.local');
    expect(users.stdout).not.toContain('late@example.ru');
  });
});
