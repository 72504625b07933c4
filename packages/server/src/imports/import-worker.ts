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

const answer = await run();
const transfer =
  answer.ok && answer.kind === 'dataset' && answer.prepared.values.length > 0
    ? (['region', 'industry', 'year', 'value', 'line'] as const).map(
        (k) => answer.prepared.values[k].buffer as ArrayBuffer,
      )
    : [];
parentPort!.postMessage(answer, transfer);
