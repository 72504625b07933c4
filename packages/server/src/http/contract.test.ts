import { describe, expect, it } from 'vitest';
import { contract } from '@promatlas/core/api/contract.ts';
import { generateOpenApi } from './openapi.ts';

describe('API contract', () => {
  it('is served: every contract route is an operation of the OpenAPI document, with its parameters', async () => {
    const spec = JSON.parse(await generateOpenApi()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    for (const [name, route] of Object.entries(contract)) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operation = spec.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${name}: ${route.method} ${path}`).toBeDefined();
      const declared = (operation?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
      const expected = [
        ...Object.keys('params' in route ? route.params.shape : {}).map((n) => `path:${n}`),
        ...Object.keys('query' in route ? route.query.shape : {}).map((n) => `query:${n}`),
      ].sort();
      expect(declared, name).toEqual(expected);
    }
  });
});
