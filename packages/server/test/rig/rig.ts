import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * The rig tests' handle on scripts/rig/rig.sh (started once for the run by
 * global-setup.ts): its addresses, its commands (kill a node, stop the
 * primary…), HTTP clients with their own cookie jars, and direct SQL on the
 * primary and the replica.
 */
const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const RIG_SCRIPT = path.join(ROOT, 'scripts/rig/rig.sh');

export interface RigEnv {
  proxyUrl: string;
  nodeUrls: [string, string];
  primaryUrl: string;
  replicaUrl: string;
  email: string;
  password: string;
  maxLagMs: number;
  dir: string;
}

export async function rigCommand(...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [RIG_SCRIPT, ...args], { cwd: ROOT, timeout: 180_000 });
  return stdout;
}

export async function rigEnv(): Promise<RigEnv> {
  const vars = new Map<string, string>();
  for (const line of (await rigCommand('env')).split('\n')) {
    const match = /^(\w+)=(.*)$/.exec(line);
    if (match) vars.set(match[1]!, match[2]!.replace(/^'(.*)'$/, '$1'));
  }
  const get = (name: string) => {
    const value = vars.get(name);
    if (value === undefined) throw new Error(`rig.sh env: no ${name}`);
    return value;
  };
  return {
    proxyUrl: get('RIG_PROXY_URL'),
    nodeUrls: [get('RIG_NODE_URL_1'), get('RIG_NODE_URL_2')],
    primaryUrl: get('RIG_PRIMARY_URL'),
    replicaUrl: get('RIG_REPLICA_URL'),
    email: get('RIG_EMAIL'),
    password: get('RIG_PASSWORD'),
    maxLagMs: Number(get('RIG_REPLICA_MAX_LAG_MS')),
    dir: get('RIG_DIR'),
  };
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client: one cookie jar (session, read-after marker, known
 * device) and the CSRF token, sent to whichever base URL a request names, so
 * one user can write through node 1 and read through node 2.
 */
export class RigClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  /** Sends `body` as JSON, or as raw bytes (application/octet-stream) when it is a Buffer. */
  async request<T>(base: string, method: string, url: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size)
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const raw = Buffer.isBuffer(body);
    if (body !== undefined)
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    const res = await fetch(base + url, {
      method,
      headers,
      ...(body !== undefined ? { body: raw ? new Uint8Array(body) : JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): kept as text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async signIn(base: string, email: string, password: string): Promise<void> {
    const res = await this.request<{ csrfToken: string }>(base, 'POST', '/api/auth/login', {
      email,
      password,
    });
    if (res.status !== 200)
      throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** Runs one statement on a database of the rig (its own connection, closed after). */
export async function sqlOn<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds (a rig component coming back), failing with `what` after `seconds`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  seconds = 60,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Not there yet.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

export interface Health {
  status: string;
  replica?: { state: 'fresh' | 'lagging' | 'down'; lagMs: number | null };
}

export async function health(base: string): Promise<Answer<Health>> {
  return new RigClient().request<Health>(base, 'GET', '/api/health');
}

/** Waits until every part is up: both nodes healthy with a fresh replica, the proxy passing. */
export async function rigReady(env: RigEnv): Promise<void> {
  for (const node of env.nodeUrls)
    await until(`${node} healthy with a fresh replica`, async () => {
      const h = await health(node);
      return h.status === 200 && h.body.replica?.state === 'fresh';
    });
  await until('the proxy', async () => (await health(env.proxyUrl)).status === 200);
}

/** Whether the process whose id is in the rig's node<N>.pid is alive. */
export async function nodeAlive(env: RigEnv, n: 1 | 2): Promise<boolean> {
  const fs = await import('node:fs/promises');
  try {
    const pid = Number(await fs.readFile(path.join(env.dir, `node${n}.pid`), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
