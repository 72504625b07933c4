import { pathToFileURL } from 'node:url';
import type { LongTableMapping } from '../datasets/index.ts';
import { DatasetImportError } from '../datasets/index.ts';
import { TooLargeError } from '../shared/domain-errors.ts';
import { startModuleWorker, workerModule } from '../shared/module-worker.ts';
import type { ImportReference, PreparedImport } from '../datasets/index.ts';
import type { IndicatorTable } from '../ratings/index.ts';
import type {
  CheckedRow,
  ReadRegistryAnswer,
  ReadRegistryHead,
  RegistryReadOptions,
  ColumnMapping,
  RegistryEntity,
} from '../registry-import/index.ts';
import type { TabularProblem } from './tabular/index.ts';

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
  | ({ kind: 'registry-stream' } & RegistryReadTask & { batchSize: number })
  | ({ kind: 'dataset' } & DatasetImportTask)
  | ({ kind: 'indicator-table' } & FileTask)
  | ({ kind: 'registry' } & RegistryReadTask);

export type WorkerAnswer =
  | { ok: true; kind: 'dataset'; prepared: PreparedImport }
  | { ok: true; kind: 'indicator-table'; table: IndicatorTable }
  | { ok: true; kind: 'registry'; answer: ReadRegistryAnswer }
  | { ok: false; problems: { ru: string; en: string }[] }
  | { ok: false; failure: string };

let source = workerModule(import.meta.url, 'import-worker');

/**
 * Test hook: start the workers from a bundle's import-worker.mjs (scripts/build.mjs)
 * instead of the sources. Every worker loads its modules anew, and through tsx that
 * takes seconds on a busy machine; the test run builds the bundle once from the same
 * sources.
 */
export function useImportWorkerBundle(bundledWorker: string): void {
  source = { url: pathToFileURL(bundledWorker).href, tsxApi: undefined };
}

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

/** What a registry import's worker sends: the head, batches (each asked for), the end, or why not. */
export type RegistryStreamEvent =
  | { event: 'head'; head: ReadRegistryHead; bytes: number }
  | { event: 'batch'; rows: CheckedRow[]; bytesRead: number }
  | { event: 'end' }
  | { event: 'refused'; problems: TabularProblem[] }
  | { event: 'failure'; message: string };

/**
 * Reads and checks a registry file in a worker thread as a stream of
 * batches: each batch is read only once the previous one has been taken
 * (the caller writes it first), so memory holds a batch or two whatever the
 * file's size. These workers do not queue behind each other: each is bounded
 * to a small heap, and a preview must not wait for a long import to end.
 */
export async function* streamRegistryFileInWorker(
  task: RegistryReadTask & { batchSize: number },
): AsyncGenerator<RegistryStreamEvent> {
  const worker = startModuleWorker(source, {
    workerData: { task: { kind: 'registry-stream', ...task } },
    resourceLimits: { maxOldGenerationSizeMb: 384 },
  });
  const inbox: RegistryStreamEvent[] = [];
  let wake: (() => void) | null = null;
  let failed: Error | null = null;
  let exited = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: RegistryStreamEvent) => {
    inbox.push(m);
    notify();
  });
  worker.once('error', (error) => {
    failed =
      (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new TooLargeError(
            'Строка файла слишком велика для импорта',
            'A row of the file is too large to import',
            { code: 'import_too_large' },
          )
        : error;
    notify();
  });
  worker.once('exit', () => {
    exited = true;
    notify();
  });
  const take = async (): Promise<RegistryStreamEvent> => {
    for (;;) {
      const m = inbox.shift();
      if (m) return m;
      if (failed) throw failed;
      if (exited) throw new Error('import worker exited before the end of the file');
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  try {
    for (;;) {
      const m = await take();
      yield m;
      if (m.event !== 'head' && m.event !== 'batch') return;
      worker.postMessage('next');
    }
  } finally {
    await worker.terminate();
  }
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
    const worker = startModuleWorker(source, {
      workerData: { task },
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
