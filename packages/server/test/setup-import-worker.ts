import path from 'node:path';
import { inject } from 'vitest';
import { useImportWorkerBundle } from '../src/imports/run-import-worker.ts';
import type { DatabaseTemplates } from './database-templates.ts';

/**
 * Every file import (registry, dataset, indicator values) parses its file in a
 * worker thread that loads its modules anew. From the sources each start goes
 * through tsx and takes seconds on a busy machine; the global setup's bundle
 * (built from the same sources) holds the worker as one file, so the server
 * tests start it from there. `promatlas serve` (cli-process.ts) still runs
 * the sources' worker through tsx.
 */
const templates = inject('databaseTemplates') as DatabaseTemplates | undefined;
if (templates?.cliBundle)
  useImportWorkerBundle(path.join(path.dirname(templates.cliBundle), 'import-worker.mjs'));
