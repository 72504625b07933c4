// Declared with the API contract, so server routes and the web client share it.
export { listQuerySchema } from '@promatlas/core/api/contract.ts';

export function regionCodes(region: string | undefined): string[] | undefined {
  return region ? region.split(',') : undefined;
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/** «-name» → ['name', 'desc'] */
export function parseSort(sort: string): { column: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { column: sort.slice(1), direction: 'desc' }
    : { column: sort, direction: 'asc' };
}
