// autocannon ships no type declarations; the benchmark uses a small, untyped part of it.
declare module 'autocannon';
