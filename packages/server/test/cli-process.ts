import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import type { DatabaseTemplates } from './database-templates.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'packages/server/bin/promatlas.js');

function prepared(): DatabaseTemplates | undefined {
  return inject('databaseTemplates') as DatabaseTemplates | undefined;
}

/**
 * The file a test runs `promatlas …` from: the bundle of the sources the
 * global setup built (test/global-setup.ts), which starts in about a third of
 * the time tsx needs, or bin/promatlas.js without it. `serve` always starts
 * from bin/promatlas.js, so the tsx entry stays exercised.
 */
export function cliEntry(): string {
  return prepared()?.cliBundle ?? BIN;
}

/**
 * Makes `dataDir` an embedded data directory in the state the CLI's first
 * command would leave (migrated, reference data synchronised), copied from
 * the global setup's; without it the CLI's first command prepares it. For
 * tests about what a command does, not about the first start.
 */
export function preparedDataDir(dataDir: string): string {
  const template = prepared()?.cliDataDir;
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run: embedded database unless `databaseUrl` is given. */
function environment(env: { dataDir?: string; databaseUrl?: string }): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, PROMATLAS_DATA_DIR: _dir, ...rest } = process.env;
  return {
    ...rest,
    PROMATLAS_LOG_LEVEL: 'warn',
    ...(env.dataDir ? { PROMATLAS_DATA_DIR: env.dataDir } : {}),
    ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
  };
}

/** Runs `promatlas …` to its end. */
export async function promatlas(
  args: string[],
  env: { dataDir?: string; databaseUrl?: string; cwd?: string },
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [cliEntry(), ...args], {
      cwd: env.cwd ?? ROOT,
      env: environment(env),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface ServeProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** SIGTERM, and the exit code once it has exited. */
  stop(): Promise<number | null>;
}

/** Starts `promatlas serve --port 0 --data-dir <dir>` and waits for its address. */
export async function serve(dataDir: string, extra: string[] = []): Promise<ServeProcess> {
  const child = spawn('node', [BIN, 'serve', '--port', '0', '--data-dir', dataDir, ...extra], {
    cwd: ROOT,
    env: environment({}),
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 120 s:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /PromAtlas: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** GET /api/health until it answers 200 (the database is prepared after the server listens). */
export async function waitHealthy(url: string): Promise<number> {
  let status = 0;
  for (let i = 0; i < 120; i++) {
    status = (await fetch(`${url}/api/health`)).status;
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  return status;
}
