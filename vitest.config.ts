import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers (STYLE.md): pure unit tests (core), database/API tests (server,
// run on embedded PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL 15),
// and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          // Tiers run one after another (core, server, browser): on 2 cores,
          // PGlite instances and Chromium should not compete with each other.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 1 },
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          // The multi-node rig's tests need the rig's processes: vitest.rig.config.ts, `npm run test:rig`.
          exclude: [...configDefaults.exclude, 'packages/server/test/rig/**'],
          // Migrated and seeded databases are built once per run and copied by
          // each test (packages/server/test/database-templates.ts).
          globalSetup: ['packages/server/test/global-setup.ts'],
          // File imports start their worker thread from the global setup's bundle.
          setupFiles: ['packages/server/test/setup-import-worker.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are ~800 MB each: keep parallelism low on 2 cores.
          maxWorkers: 2,
          // Each file builds its own app and database, so the files of a worker may share one
          // process and its loaded modules: importing the server's sources again for every
          // file cost more CPU than many files' tests.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['packages/web/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
