import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi.ts';
import { operationIdFor } from './openapi-document.ts';

describe('committed OpenAPI document', () => {
  it('matches the route schemas (run `npm run openapi` after changing a route)', async () => {
    const committed = fs.readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../openapi.json'),
      'utf8',
    );
    const generated = await generateOpenApi();
    expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
    const spec = JSON.parse(generated);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/search',
        '/api/organisations',
        '/api/organisations/{id}',
        '/api/health',
      ]),
    );
  });
});

describe('operationIdFor', () => {
  it('names an operation by its method and path, path parameters as "By…"', () => {
    expect(operationIdFor('GET', '/api/organisations/:id')).toBe('getOrganisationsById');
    expect(operationIdFor('POST', '/api/cluster-categories/:code/members')).toBe(
      'postClusterCategoriesByCodeMembers',
    );
    expect(operationIdFor('GET', '/api/health')).toBe('getHealth');
  });
});
