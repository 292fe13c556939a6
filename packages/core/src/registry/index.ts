export * from './identifiers.ts';
export * from './file-sniff.ts';
export * from './registry.types.ts';
export * from './registry.service.ts';
