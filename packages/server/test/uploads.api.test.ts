import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import { loadImportReference, prepareDatasetImport } from '../src/datasets/import-dataset-file.ts';
import type { CreatedDataset, ErrorBody, ImportRejected, Upload } from './api-types.ts';

const MB = 1024 * 1024;
const OCTETS = { 'content-type': 'application/octet-stream' };
const CSV = 'r,i,v\nЛипецкая область,24,10\nТамбовская область,24,7\nНарния,24,1\n';
const MAPPING = { regionColumn: 'r', industryColumn: 'i', valueColumn: 'v', year: 2021 };

/** Files left in this server's private upload directory (under the system's temporary directory). */
function filesInUploadDir(t: TestApp): number {
  const dir = t.app.uploads.directoryPath;
  expect(dir && path.dirname(dir)).toBe(os.tmpdir());
  return fs.readdirSync(dir!).length;
}

/** Streams `totalMb` megabytes of CSV-like bytes to /api/uploads over real HTTP. */
function streamUpload(
  port: number,
  cookie: string,
  csrf: string,
  totalMb: number,
  declaredLength = totalMb * MB,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/uploads',
      // A fresh connection each time: one cut short must not be reused for the next request.
      agent: false,
      headers: { ...OCTETS, 'content-length': declaredLength, cookie, 'x-csrf-token': csrf },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(MB, 'Липецкая область,24,10\n');
    let sent = 0;
    const next = () => {
      while (sent < totalMb && !answered && !req.destroyed) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', next);
      }
      req.end();
    };
    next();
  });
}

describe.each(databaseKinds())('file uploads on %s', (kind) => {
  let t: TestApp;
  let analyst: Client;
  let port: number;
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await signIn(t.app, 'analyst');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    // A second analyst session whose cookie the raw-HTTP requests below carry.
    const { createUser } = await import('../src/users/user.service.ts');
    await createUser(t.app.deps.db, {
      email: `uploader.${kind}@test.promatlas`,
      displayName: 'Uploader',
      role: 'analyst',
      regions: [],
      password: 'correct horse battery staple',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: `uploader.${kind}@test.promatlas`,
        password: 'correct horse battery staple',
      },
    });
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    csrf = login.json().csrfToken;
  });
  afterAll(async () => t?.close());

  it('creates a dataset from a streamed upload and removes the temporary file afterwards', async () => {
    const uploaded = await analyst.request<Upload>(
      'POST',
      '/api/uploads',
      Buffer.from(CSV),
      OCTETS,
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(uploaded.body.bytes).toBe(Buffer.byteLength(CSV));
    expect(t.app.uploads.pending).toBe(1);
    const created = await analyst.request<CreatedDataset>('POST', '/api/datasets', {
      name: `Загрузка ${kind}`,
      measure: 'employment',
      file: {
        format: 'csv',
        uploadId: uploaded.body.uploadId,
        mapping: MAPPING,
        fileName: 'a.csv',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.import).toMatchObject({ values: 2, quarantined: 1, years: [2021] });
    expect(created.body.dataset.provenance).toMatch(/«a\.csv»/);
    expect(created.body.dataset.provenance).not.toMatch(/не завершена/);
    expect(t.app.uploads.pending).toBe(0);
    expect(filesInUploadDir(t)).toBe(0);

    // Used once: the same id again is unknown, and so is it for anyone else.
    const again = await analyst.request<ErrorBody>(
      'POST',
      `/api/datasets/${created.body.dataset.id}/import`,
      {
        format: 'csv',
        uploadId: uploaded.body.uploadId,
        mapping: MAPPING,
      },
    );
    expect(again.status).toBe(400);
    expect(again.body.error.fields![0]!.field).toBe('file.uploadId');
  });

  it('imports a streamed upload into an existing dataset, idempotently', async () => {
    const created = await analyst.request<CreatedDataset>('POST', '/api/datasets', {
      name: `Повтор ${kind}`,
      measure: 'employment',
      file: { format: 'csv', content: CSV, mapping: MAPPING },
    });
    expect(created.status).toBe(201);
    const id = created.body.dataset.id;
    const uploaded = await analyst.request<Upload>(
      'POST',
      '/api/uploads',
      Buffer.from(CSV),
      OCTETS,
    );
    const imported = await analyst.request<CreatedDataset>('POST', `/api/datasets/${id}/import`, {
      format: 'csv',
      uploadId: uploaded.body.uploadId,
      mapping: MAPPING,
    });
    expect(imported.status).toBe(200);
    expect(imported.body.dataset.valueCount).toBe(2);
    expect(filesInUploadDir(t)).toBe(0);
  });

  it('runs parallel imports one after another, each complete', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((k) =>
        analyst.request<CreatedDataset>('POST', '/api/datasets', {
          name: `Параллельно ${kind} ${k}`,
          measure: 'employment',
          file: { format: 'csv', content: CSV, mapping: MAPPING },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.dataset.valueCount)).toEqual([2, 2, 2]);
  });

  it("refuses another user's upload as unknown", async () => {
    const other = await signIn(t.app, 'analyst');
    const uploaded = await analyst.request<Upload>(
      'POST',
      '/api/uploads',
      Buffer.from(CSV),
      OCTETS,
    );
    const res = await other.request<ErrorBody>('POST', '/api/datasets', {
      name: 'Чужая загрузка',
      measure: 'employment',
      file: { format: 'csv', uploadId: uploaded.body.uploadId, mapping: MAPPING },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/не найден/);
    // Still there for its owner (until used or expired).
    expect(t.app.uploads.pending).toBe(1);
    await t.app.uploads.remove(uploaded.body.uploadId);
  });

  it('refuses uploads from the public and from roles without analytics', async () => {
    const anonymous = await signIn(t.app, 'public');
    expect((await anonymous.request('POST', '/api/uploads', Buffer.from(CSV), OCTETS)).status).toBe(
      401,
    );
    const editor = await signIn(t.app, 'regional_editor', ['42']);
    expect((await editor.request('POST', '/api/uploads', Buffer.from(CSV), OCTETS)).status).toBe(
      403,
    );
  });

  it('refuses an upload declared larger than the limit before reading it', async () => {
    const res = await streamUpload(port, cookie, csrf, 2, 300 * MB);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.messageEn).toMatch(/200 MB/);
  });

  it('streams a 100 MB upload to disk without holding it in memory', async () => {
    const before = process.memoryUsage().rss;
    const res = await streamUpload(port, cookie, csrf, 100);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).bytes).toBe(100 * MB);
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * MB);
    await t.app.uploads.remove(JSON.parse(res.body).uploadId);
    expect(filesInUploadDir(t)).toBe(0);
  });

  it('refuses a file inside the JSON body over 8 MB with 413, pointing to uploads', async () => {
    const res = await analyst.request('POST', '/api/datasets', {
      name: 'Слишком большой',
      measure: 'employment',
      file: { format: 'csv', content: 'x'.repeat(9 * MB), mapping: MAPPING },
    });
    expect(res.status).toBe(413);
  });

  it('parses a large import off the main thread: the event loop keeps turning meanwhile', async () => {
    // 120,000 rows of about 100 bytes with no figures («…»): parsing and matching cost, nothing to write.
    const note = 'оценка без учёта совместителей';
    const rows = Array.from(
      { length: 120_000 },
      (_, k) => `"Липецкая область",${10 + (k % 20)},${1950 + (k % 70)},…,${note} ${k}`,
    );
    const file = Buffer.from(`r,i,y,v,note\n${rows.join('\n')}\n`);
    const mapping = { regionColumn: 'r', industryColumn: 'i', valueColumn: 'v', yearColumn: 'y' };
    // The same work in-line, for scale: this is how long the event loop would stop.
    const started = performance.now();
    const inline = await prepareDatasetImport(
      { format: 'csv', bytes: file, mapping },
      { regionLevel: 'federal_subject', industryClassification: 'okved2' },
      await loadImportReference(t.app.deps.db),
    );
    const inlineMs = performance.now() - started;
    expect(inline.emptyCells).toBe(120_000);

    const uploaded = await analyst.request<Upload>('POST', '/api/uploads', file, OCTETS);
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const created = await analyst.request<CreatedDataset>('POST', '/api/datasets', {
      name: `Большой файл ${kind}`,
      measure: 'employment',
      file: { format: 'csv', uploadId: uploaded.body.uploadId, mapping },
    });
    clearInterval(ticker);
    expect(created.status).toBe(201);
    expect(created.body.import).toMatchObject({ rowsRead: 120_000, emptyCells: 120_000 });
    expect(longest).toBeLessThan(Math.max(150, inlineMs / 2));
  });

  it('imports indicator values from an upload', async () => {
    const file = 'object,indicator,value,year\nНет такого,x,1,2024\n';
    const uploaded = await analyst.request<Upload>(
      'POST',
      '/api/uploads',
      Buffer.from(file),
      OCTETS,
    );
    const res = await analyst.request<ImportRejected>(
      'POST',
      '/api/ratings/indicator-values/import',
      {
        uploadId: uploaded.body.uploadId,
      },
    );
    // The file is read (its rows are checked and refused), and the upload is gone afterwards.
    expect(res.status).toBe(422);
    expect(res.body.problems.length).toBeGreaterThan(0);
    expect(t.app.uploads.pending).toBe(0);
  });
});
