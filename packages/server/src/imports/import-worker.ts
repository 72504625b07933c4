/**
 * The import worker: parses (and for datasets matches) an uploaded file off
 * the main thread, so a large file never blocks the requests the server is
 * answering meanwhile. It reads the file itself (from the upload's temporary
 * file) and answers once, transferring the matched values' buffers.
 */
import { readlinkSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDatasetImport, type DatasetFile } from '../datasets/index.ts';
import { DatasetImportError } from '../datasets/index.ts';
import { readIndicatorTable } from '../ratings/index.ts';
import { TabularReadError } from './tabular/index.ts';
import { readRegistryFile, streamRegistryFile } from '../registry-import/index.ts';
import type { WorkerAnswer, WorkerTask } from './run-import-worker.ts';

const task = workerData.task as WorkerTask;

// Lower this thread's priority (Linux: a thread id is a valid target of setpriority), so that
// on a small machine the main thread, which answers requests, gets the CPU first.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
} catch {
  // Not Linux, or not permitted: the worker runs at normal priority.
}

async function run(): Promise<WorkerAnswer> {
  try {
    if (task.kind === 'registry-stream') throw new Error('a stream task is not answered once');
    // A registry file is read from disk as a stream: only a batch of it is ever in memory.
    if (task.kind === 'registry') {
      const source =
        task.path !== undefined ? { path: task.path } : { bytes: Buffer.from(task.bytes!) };
      return { ok: true, kind: 'registry', answer: await readRegistryFile(source, task) };
    }
    const bytes = task.path !== undefined ? await fs.readFile(task.path) : Buffer.from(task.bytes!);
    if (task.kind === 'indicator-table')
      return { ok: true, kind: 'indicator-table', table: await readIndicatorTable(bytes) };
    const file: DatasetFile = { format: task.format, bytes, mapping: task.mapping };
    const prepared = await prepareDatasetImport(file, task.dataset, task.reference);
    return { ok: true, kind: 'dataset', prepared };
  } catch (error) {
    if (error instanceof DatasetImportError) return { ok: false, problems: error.problems };
    if (error instanceof TabularReadError)
      return {
        ok: false,
        problems: error.problems.map((p) => ({ ru: p.message, en: p.messageEn })),
      };
    return { ok: false, failure: (error as Error).message ?? String(error) };
  }
}

/**
 * A registry import read as a stream: the head, then one batch of checked
 * rows at a time, each sent only when the main thread asks for the next (it
 * writes a batch before asking), so neither thread holds more than a batch.
 */
async function stream(): Promise<void> {
  const t = task as Extract<WorkerTask, { kind: 'registry-stream' }>;
  const port = parentPort!;
  const asked = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  try {
    const source = t.path !== undefined ? { path: t.path } : { bytes: Buffer.from(t.bytes!) };
    const answer = await streamRegistryFile(source, t);
    if (!answer.ok) return port.postMessage({ event: 'refused', problems: answer.problems });
    port.postMessage({ event: 'head', head: answer.head, bytes: answer.bytes });
    for await (const batch of answer.batches) {
      await asked();
      port.postMessage({ event: 'batch', rows: batch.rows, bytesRead: batch.bytesRead });
    }
    await asked();
    port.postMessage({ event: 'end' });
  } catch (error) {
    if (error instanceof TabularReadError)
      port.postMessage({ event: 'refused', problems: error.problems });
    else port.postMessage({ event: 'failure', message: (error as Error).message ?? String(error) });
  }
}

if (task.kind === 'registry-stream') {
  await stream();
  process.exit(0);
}

const answer = await run();
const transfer =
  answer.ok && answer.kind === 'dataset' && answer.prepared.values.length > 0
    ? (['region', 'industry', 'year', 'value', 'line'] as const).map(
        (k) => answer.prepared.values[k].buffer as ArrayBuffer,
      )
    : [];
parentPort!.postMessage(answer, transfer);
