import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody } from './api-types.ts';

const MB = 1024 * 1024;

/** The pieces of a JSON body shaped like a dataset upload: head, a megabyte of filler (repeated), tail. */
function datasetBodyChunks(): { head: Buffer; filler: Buffer; tail: Buffer } {
  return {
    head: Buffer.from('{"name":"x","measure":"employment","file":{"format":"rosstat","content":"'),
    filler: Buffer.alloc(MB, 'a'),
    tail: Buffer.from('"}}'),
  };
}

interface SentRequest {
  status: number;
  body: string;
  /** Bytes of the body written before the answer arrived. */
  sentBeforeAnswer: number;
}

/**
 * POSTs a body of `totalMb` megabytes, a megabyte at a time, stopping as soon
 * as the server answers (or, with `sendAll`, after sending everything).
 */
function postLargeBody(
  port: number,
  url: string,
  totalMb: number,
  options: { sendAll?: boolean } = {},
): Promise<SentRequest> {
  const { head, filler, tail } = datasetBodyChunks();
  const length = head.length + totalMb * MB + tail.length;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered: number | undefined;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: url,
      // A fresh connection each time: one cut short must not be reused for the next request.
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': length },
    });
    req.on('response', (res) => {
      answered ??= sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          sentBeforeAnswer: answered ?? sent,
        }),
      );
    });
    // The server may close the connection once it has answered: later writes fail, which is fine.
    req.on('error', (error) => (answered === undefined ? reject(error) : undefined));
    const write = (chunk: Buffer) =>
      new Promise<void>((done) => {
        if (req.destroyed) return done();
        sent += chunk.length;
        if (!req.write(chunk)) req.once('drain', done);
        else setImmediate(done);
      });
    void (async () => {
      await write(head);
      for (let k = 0; k < totalMb; k++) {
        if (answered !== undefined && !options.sendAll) break;
        await write(filler);
      }
      await write(tail);
      req.end();
    })();
  });
}

describe.each(databaseKinds())('request limits on %s', (kind) => {
  let database: TestDatabase;
  let app: AppInstance;
  let port: number;
  let analyst: Client;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await buildApp({
      deps: { db: database.db, databaseKind: database.kind },
      timeouts: { requestTimeoutMs: 1_500, headersTimeoutMs: 1_500, checkIntervalMs: 100 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    analyst = await signIn(app, 'analyst');
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('refuses an anonymous 60 MB body with 401 before the body has been sent', async () => {
    const res = await postLargeBody(port, '/api/datasets', 60);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthenticated');
    // The answer came while most of the body was still unsent: nothing waited for it, let alone parsed it.
    expect(res.sentBeforeAnswer).toBeLessThan(20 * MB);
  });

  it('keeps memory flat while four anonymous 60 MB bodies are offered in parallel', async () => {
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => postLargeBody(port, '/api/datasets', 60, { sendAll: true })),
    );
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    // Each was refused long before its end: the server does not read on to the end of the body.
    for (const a of answers) expect(a.sentBeforeAnswer).toBeLessThan(20 * MB);
    // Buffering and parsing them (as before) grew the process by over 400 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * MB);
  });

  it('refuses a state-changing request of a role that can never do it before reading its body', async () => {
    const res = await analyst.request<ErrorBody>('POST', '/api/organisations', { name: '' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a JSON body over 1 MB on an ordinary route with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"a@b.c","password":"${'x'.repeat(2 * MB)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/Некорректный запрос/);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'answers %s on an unknown route with a JSON 404, signed in or not',
    async (method) => {
      for (const client of [await signIn(app, 'public'), analyst]) {
        const res = await client.request<ErrorBody>(method, '/api/no-such-thing/5', { a: 1 });
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
        expect(res.body.error.message).toMatch(/не найден/);
        expect(res.body.error.messageEn).toMatch(/not found/);
      }
    },
  );

  it('refuses a JSON body that is not valid UTF-8 with 400 naming the problem', async () => {
    const payload = Buffer.concat([
      Buffer.from('{"email":"a@b.c","password":"'),
      Buffer.from([0xd0, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_utf8');
    expect(res.json().error.message).toMatch(/UTF-8/);
    expect(res.json().error.messageEn).toMatch(/not valid UTF-8/);
  });

  it('refuses a plain-text body that is not valid UTF-8 with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: Buffer.from([0x61, 0xc3]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_utf8');
  });

  it('still reads valid UTF-8 JSON, Cyrillic included', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.from('{"email":"nobody@example.org","password":"пароль-пароль"}', 'utf8'),
    });
    expect(res.statusCode).toBe(401);
  });

  it('times out a body sent slowly and closes the connection', async () => {
    const started = performance.now();
    const { answer, closedAfterMs } = await new Promise<{ answer: string; closedAfterMs: number }>(
      (resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        const timer = setInterval(() => socket.write('a'), 200);
        socket.on('connect', () =>
          socket.write(
            'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":"',
          ),
        );
        socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ answer, closedAfterMs: performance.now() - started });
        });
      },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThan(1_000);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('does not cut off a request whose body arrived in time while the server works on it longer', async () => {
    const { createUser } = await import('../src/users/user.service.ts');
    const email = `slow.${kind}@test.promatlas`;
    const password = 'correct horse battery staple';
    await createUser(app.deps.db, {
      email,
      displayName: 'S',
      role: 'analyst',
      regions: [],
      password,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    const headers = {
      cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': login.json().csrfToken as string,
    };
    // About 12 MB to parse: the import takes longer than the 1.5 s request timeout of this server.
    const rows = Array.from(
      { length: 300_000 },
      (_, k) => `"Липецкая область",${10 + (k % 20)},${1950 + (k % 70)},…,примечание ${k}`,
    );
    const uploaded = await fetch(`http://127.0.0.1:${port}/api/uploads`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: `r,i,y,v,note\n${rows.join('\n')}\n`,
    });
    const { uploadId } = (await uploaded.json()) as { uploadId: string };
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/datasets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Долгий импорт ${kind}`,
        measure: 'employment',
        file: {
          format: 'csv',
          uploadId,
          mapping: { regionColumn: 'r', industryColumn: 'i', valueColumn: 'v', yearColumn: 'y' },
        },
      }),
    });
    expect(res.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThan(1_500);
    // Parsing and writing 300,000 rows takes well over a minute on a loaded 2-core machine.
  }, 240_000);

  it('accepts a source of 750,000 Cyrillic characters and checks a 2,000-character quote against it at once', async () => {
    const admin = await signIn(app, 'administrator');
    // 1.25 MB of UTF-8: over the 1 MB default, within the sources route's own limit.
    const text = 'ая \u00A0\n'.repeat(150_000);
    const source = await admin.request<Created>('POST', '/api/sources', {
      kind: 'reference',
      title: `Длинный документ ${kind}`,
      text,
    });
    expect(source.status).toBe(201);
    const person = await admin.request<ErrorBody>('POST', '/api/people', {
      lastName: 'Цитатов',
      sourceId: source.body.id,
      sourceQuote: `${'ая '.repeat(665)}ё`,
    });
    expect(person.status).toBe(400);
    expect(person.body.error.fields![0]!.field).toBe('sourceQuote');
    // The backtracking search this replaced blocked the server for seconds on such a pair;
    // how long the linear one takes is the responsiveness benchmark's to measure.
  });
});
