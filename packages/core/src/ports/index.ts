export * from './runtime.ts';
export * from './kv.ts';
export * from './repositories.ts';
export * from './names.ts';
