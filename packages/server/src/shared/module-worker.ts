import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread's module, and tsx's ES-module API when the module is TypeScript. */
export interface WorkerModule {
  url: string;
  tsxApi: string | undefined;
}

/**
 * The module `name` beside `base` (the caller's import.meta.url). From the
 * sources it is TypeScript, run through tsx like the CLI; the bundle
 * (scripts/build.mjs) ships it as `<name>.mjs` beside the main file.
 */
export function workerModule(base: string, name: string): WorkerModule {
  const fromSources = base.endsWith('.ts');
  return {
    url: new URL(fromSources ? `${name}.ts` : `${name}.mjs`, new URL('.', base)).href,
    // tsx's ES-module API (its CommonJS twin resolves its own hooks wrongly inside a worker).
    tsxApi: fromSources
      ? pathToFileURL(createRequire(base).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
      : undefined,
  };
}

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const module = workerData.workerModule;
(module.tsxApi ? import(module.tsxApi).then((tsx) => tsx.register()) : Promise.resolve())
  .then(() => import(module.url));
`;

/** Starts a worker thread on `module` (tsx registered first for a source); its workerData gains `workerModule`. */
export function startModuleWorker(
  module: WorkerModule,
  options: WorkerOptions & { workerData: object },
): Worker {
  return new Worker(BOOTSTRAP, {
    ...options,
    eval: true,
    workerData: { ...options.workerData, workerModule: module },
  });
}
