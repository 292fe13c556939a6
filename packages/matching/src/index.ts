export * from './types.ts';
export * from './constraints.ts';
export * from './als.ts';
export * from './topk.ts';
export * from './signals.ts';
export * from './engine.ts';
export * from './evaluate.ts';
