export * from './events.ts';
export * from './model.ts';
export { DEFAULT_MODEL } from './default-model.ts';
export * from './score.ts';
