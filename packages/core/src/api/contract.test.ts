import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  contract,
  routeUrl,
  type PathParamNames,
  type RouteInput,
  type RouteResponse,
} from './contract.ts';
import type { SearchResponse } from './search.schema.ts';

describe('routeUrl', () => {
  it('substitutes and encodes path parameters', () => {
    expect(routeUrl(contract.getOrganisation, { params: { id: 17 } })).toBe(
      '/api/organisations/17',
    );
    expect(routeUrl(contract.getRegion, { params: { code: '42/..' } })).toBe(
      '/api/regions/42%2F..',
    );
  });

  it('drops empty query parameters and encodes the rest', () => {
    expect(
      routeUrl(contract.search, {
        query: { q: 'станки и прессы', types: '', limit: 10, offset: undefined },
      }),
    ).toBe(
      '/api/search?q=%D1%81%D1%82%D0%B0%D0%BD%D0%BA%D0%B8+%D0%B8+%D0%BF%D1%80%D0%B5%D1%81%D1%81%D1%8B&limit=10',
    );
    expect(routeUrl(contract.listRegions, {})).toBe('/api/regions');
  });

  it('refuses to build a URL without a path parameter', () => {
    const input = { params: {} } as unknown as RouteInput<typeof contract.getOrganisation>;
    expect(() => routeUrl(contract.getOrganisation, input)).toThrow(/path parameter id/);
  });
});

describe('contract types', () => {
  it('derives path parameter names from the path and response types from the schemas', () => {
    expectTypeOf<PathParamNames<'/api/a/:code/b/:id'>>().toEqualTypeOf<'code' | 'id'>();
    expectTypeOf<PathParamNames<'/api/search'>>().toBeNever();
    expectTypeOf<RouteResponse<typeof contract.search>>().toEqualTypeOf<SearchResponse>();
  });
});
