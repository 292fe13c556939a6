export * from './compliance.service.ts';
export * from './compliance.types.ts';
