/** The outbox's public entry: events stored with the change, published after commit. */
export { eventsChannel, OutboxDispatcher } from './outbox.dispatcher.ts';
export type { OutboxDeps, OutboxEvent } from './outbox.dispatcher.ts';
export type { OutboxRepository } from './outbox.repository.ts';
export type { OutboxRecord } from './outbox.types.ts';
