export * from './errors.ts';
export * from './ports/index.ts';
export * from './shared/actor.ts';
export * from './shared/hash.ts';
export * from './shared/masking.ts';
export * from './shared/memory-kv.ts';
export * from './audit/index.ts';
export * from './identity/index.ts';
