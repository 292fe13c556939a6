export * from './rule-pack.ts';
export * from './engine.ts';
export * from './normalize.ts';
export * from './automaton.ts';
export type { ProductCard } from './detectors.ts';
export { generateVariants } from './variants.ts';
export { loadDefaultPack, defaultEngine } from './default-pack.ts';
export * from './evaluate.ts';
