/**
 * The load side of bench/http.bench.ts: a closed-loop autocannon run that
 * keeps every response's time, the raw node:http ceiling server, and waiting
 * for a server to answer its health check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function waitForServer(
  child: ChildProcess,
  base: string,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return performance.now() - started;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start in time');
}

export interface Load {
  latencies: number[];
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

/** One closed-loop autocannon run, every response's time kept. */
export async function load(
  base: string,
  urls: string[],
  seconds: number,
  connections: number,
  overallRate?: number,
): Promise<Load> {
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 30,
    ...(overallRate ? { overallRate } : {}),
    requests: urls.map((p) => ({ method: 'GET' as const, path: p })),
  });
  instance.on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    },
  );
  const result = await instance;
  return { latencies, non2xx, errors: result.errors, timeouts: result.timeouts, seconds };
}

/**
 * The raw ceiling: a bare node:http server in its own process answering every
 * request with the same JSON body (of the size given), as fast as Node can.
 */
export function startRaw(port: number): ChildProcess {
  // GET /raw?bytes=N answers a JSON body of about N bytes (a list of search-hit-like items),
  // serialised per request as a JSON endpoint does.
  const script = `
    const http = require('node:http');
    const item = { type: 'organisation', id: '1', title: 'ООО «Липецкий станкозавод»', subtitle: 'Предприятие · Липецкая область', score: 2.6 };
    const lists = new Map();
    const itemsOf = (bytes) => {
      let items = lists.get(bytes);
      if (!items) {
        items = [];
        while (JSON.stringify({ items, total: 1000 }).length < bytes) items.push({ ...item, id: String(items.length) });
        lists.set(bytes, items);
      }
      return items;
    };
    http.createServer((req, res) => {
      const bytes = Number(new URL(req.url, 'http://x').searchParams.get('bytes') || 4000);
      const items = itemsOf(bytes);
      const body = JSON.stringify({ items, total: items.length });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }).listen(${port}, '127.0.0.1');`;
  return spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
}
