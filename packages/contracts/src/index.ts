export * from './common.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './workbench.ts';
export * from './compliance.ts';
export * from './registry.ts';
