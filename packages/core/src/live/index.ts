export * from './live.types.ts';
export * from './live.service.ts';
export * from './room-hub.ts';
