export * from './workflow.types.ts';
export * from './workflow.definitions.ts';
export * from './workflow.engine.ts';
export * from './workflow.service.ts';
export * from './working-days.ts';
