export * from './outbox.dispatcher.ts';
