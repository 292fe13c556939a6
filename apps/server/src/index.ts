export * from './config.ts';
export * from './container.ts';
export * from './http/app.ts';
export * from './http/policy.ts';
export * from './adapters/runtime.ts';
export * from './adapters/media-server.ts';
export { WorkerCreditRangeScorer } from './adapters/credit-range-scorer.ts';
