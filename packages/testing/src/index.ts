export * from './databases.ts';
export * from './kv.contract.ts';
export * from './repositories.contract.ts';
export * from './run-dir.ts';
export * from './scratch.ts';
