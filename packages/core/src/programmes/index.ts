export * from './flags.ts';
export * from './partial-deadline.ts';
export * from './status.ts';
