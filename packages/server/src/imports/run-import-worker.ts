import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LongTableMapping } from '../datasets/index.ts';
import { DatasetImportError } from '../datasets/index.ts';
import { TooLargeError } from '../shared/domain-errors.ts';
import type { ImportReference, PreparedImport } from '../datasets/index.ts';
import type { IndicatorTable } from '../ratings/index.ts';
import type {
  ReadRegistryAnswer,
  RegistryReadOptions,
  ColumnMapping,
  RegistryEntity,
} from '../registry-import/index.ts';

interface FileTask {
  /** The file on disk (an upload), or its bytes (a JSON upload), one of the two. */
  path?: string | undefined;
  bytes?: Uint8Array | undefined;
}

export interface DatasetImportTask extends FileTask {
  format: 'csv' | 'rosstat' | 'xlsx';
  mapping?: LongTableMapping | undefined;
  dataset: {
    regionLevel: 'federal_subject' | 'municipality';
    industryClassification: 'okved2' | 'cluster_category';
  };
  reference: ImportReference;
}

export interface RegistryReadTask extends FileTask, RegistryReadOptions {
  entity: RegistryEntity;
  mapping?: ColumnMapping | undefined;
  savedMappings?: Record<string, ColumnMapping> | undefined;
  okved: string[];
  sample?: number | undefined;
}

export type WorkerTask =
  | ({ kind: 'dataset' } & DatasetImportTask)
  | ({ kind: 'indicator-table' } & FileTask)
  | ({ kind: 'registry' } & RegistryReadTask);

export type WorkerAnswer =
  | { ok: true; kind: 'dataset'; prepared: PreparedImport }
  | { ok: true; kind: 'indicator-table'; table: IndicatorTable }
  | { ok: true; kind: 'registry'; answer: ReadRegistryAnswer }
  | { ok: false; problems: { ru: string; en: string }[] }
  | { ok: false; failure: string };

const here = new URL('.', import.meta.url);
// From the sources the worker is TypeScript, run through tsx like the CLI; the
// bundle (scripts/build.mjs) ships it as dist/import-worker.mjs beside the main file.
const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSources ? 'import-worker.ts' : 'import-worker.mjs', here).href;
// tsx's ES-module API (its CommonJS twin resolves its own hooks wrongly inside a worker).
const tsxApi = fromSources
  ? pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
      /\.cjs$/,
      '.mjs',
    )
  : undefined;

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(workerData.tsxApi ? import(workerData.tsxApi).then((tsx) => tsx.register()) : Promise.resolve())
  .then(() => import(workerData.workerUrl));
`;

/** Parses and matches a dataset file in a worker thread; the main thread stays free meanwhile. */
export async function prepareDatasetImportInWorker(
  task: DatasetImportTask,
): Promise<PreparedImport> {
  const answer = await runInWorker({ kind: 'dataset', ...task });
  if (answer.kind !== 'dataset') throw new Error('import worker answered another task');
  return answer.prepared;
}

/** Reads an indicator-values file (CSV or XLSX) in a worker thread. */
export async function readIndicatorTableInWorker(bytes: Uint8Array): Promise<IndicatorTable> {
  const answer = await runInWorker({ kind: 'indicator-table', bytes });
  if (answer.kind !== 'indicator-table') throw new Error('import worker answered another task');
  return answer.table;
}

/** Reads and checks a registry file (any entity) in a worker thread. */
export async function readRegistryFileInWorker(
  task: RegistryReadTask,
): Promise<ReadRegistryAnswer> {
  const answer = await runInWorker({ kind: 'registry', ...task });
  if (answer.kind !== 'registry') throw new Error('import worker answered another task');
  return answer.answer;
}

type Success = Extract<WorkerAnswer, { ok: true }>;

/**
 * One import worker at a time: each may use up to its heap cap, so parallel
 * imports queue here instead of multiplying the server's memory.
 */
let queue: Promise<unknown> = Promise.resolve();

function runInWorker(task: WorkerTask): Promise<Success> {
  const run = queue.then(() => startWorker(task));
  queue = run.catch(() => undefined);
  return run;
}

function startWorker(task: WorkerTask): Promise<Success> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { task, workerUrl, tsxApi },
      // Parsing a large table needs room, but a bounded amount: the worker fails, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    let settled = false;
    worker.once('message', (answer: WorkerAnswer) => {
      settled = true;
      void worker.terminate();
      if (answer.ok) resolve(answer);
      else if ('problems' in answer) reject(new DatasetImportError(answer.problems));
      else reject(new Error(answer.failure));
    });
    worker.once('error', (error) => {
      if (!settled)
        reject(
          (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new TooLargeError(
                'Файл слишком велик для импорта за один раз: разделите его на части',
                'The file is too large to import at once: split it into parts',
                { code: 'import_too_large' },
              )
            : error,
        );
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
      settled = true;
    });
  });
}
