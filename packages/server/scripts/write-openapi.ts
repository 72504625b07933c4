// Writes the OpenAPI document generated from the route schemas to
// packages/server/openapi.json (committed, so reviews see API changes;
// openapi.test.ts fails when the committed file is stale).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOpenApi } from '../src/http/openapi.ts';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../openapi.json');
fs.writeFileSync(target, await generateOpenApi());
console.log(`written ${target}`);
