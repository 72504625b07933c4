#!/usr/bin/env node
// The `promatlas` command. Sources are TypeScript run through tsx, so the
// repository works right after `npm ci` with no build step for the server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
