export * from './catalog.types.ts';
export * from './default-categories.ts';
export * from './search-tokens.ts';
export * from './catalog.service.ts';
export * from './selection.service.ts';
export * from './agreement.service.ts';
