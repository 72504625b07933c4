import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import {
  buildCliBundle,
  buildCliDataDir,
  buildPgliteTemplates,
  buildPostgresTemplates,
  dropPostgresTemplates,
  postgresTemplateNames,
} from './database-templates.ts';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the prepared database states once per run (test/database-templates.ts)
 * and removes them afterwards. The two tiers are built side by side: PGlite
 * works in this process, PostgreSQL mostly on its server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-test-templates-'));
  const serverUrl = process.env['TEST_DATABASE_URL'];
  const prefix = `promatlas_tpl_${process.pid}_${Date.now()}`;
  // Inside dist/ (ignored by git) but not dist/ itself, which bundle.test.ts rebuilds.
  const bundleDir = path.join(SERVER, 'dist', `test-${process.pid}-${Date.now()}`);
  const cleanup = async () => {
    fs.rmSync(bundleDir, { recursive: true, force: true });
    // By name, so a build that failed halfway leaves nothing behind either.
    if (serverUrl) await dropPostgresTemplates(serverUrl, postgresTemplateNames(prefix));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [pglite, postgres, cliBundle] = await Promise.all([
      buildPgliteTemplates(dir),
      serverUrl ? buildPostgresTemplates(serverUrl, prefix) : Promise.resolve(undefined),
      buildCliBundle(bundleDir),
    ]);
    const cliDataDir = await buildCliDataDir(dir, pglite.base);
    project.provide('databaseTemplates', {
      pglite,
      cliDataDir,
      cliBundle,
      ...(postgres ? { postgres } : {}),
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}
