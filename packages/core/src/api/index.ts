export * from './common.schema.ts';
export * from './registry.schema.ts';
export * from './search.schema.ts';
export * from './ratings.schema.ts';
export * from './cluster-analytics.schema.ts';
export * from './vocabulary.schema.ts';
