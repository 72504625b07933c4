#!/usr/bin/env node
// Runs the prebuilt server bundle (packages/server/dist, made by `npm run build:server`).
const { main } = await import('../dist/promatlas.mjs');
await main(process.argv);
