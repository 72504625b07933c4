import { defineConfig } from 'vitest/config';

// `npm run test:rig`: PostgreSQL 15 primary + streaming replica, two API nodes
// and HAProxy on loopback (scripts/rig/rig.sh), started once by the global
// setup and stopped after. Its own configuration, so `vitest run` (npm test)
// never needs the rig; CI runs it as a separate step.
export default defineConfig({
  test: {
    name: 'rig',
    include: ['packages/server/test/rig/**/*.rig.test.ts'],
    globalSetup: ['packages/server/test/rig/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
