/**
 * The outbox's dispatcher. Services write an event row in the same transaction as the change it reports
 * (`tx.outbox.add`), so an event exists exactly when its change committed. The dispatcher then hands pending events
 * on, oldest first: to the pub/sub channel `events:<topic>` (every process, and anything else subscribed to Redis)
 * and to the handlers registered in this process, and marks them published.
 *
 * Delivery is at least once: a process that dies between handing an event on and marking it hands it on again
 * after the restart, so consumers de-duplicate by the event's id. Order is kept: a pass stops at the first event
 * that cannot be handed on, and the next pass starts from it. One process dispatches at a time (a lock in the
 * KV store), so a cluster does not hand events on twice or out of order.
 *
 * A consumer that works better on many events at once (the clue detectors: one transaction and a few reads for the
 * whole pass) registers with `onBatch`: it gets the pass's events of its topics together, in order, before they are
 * handed on one by one. When it throws, its events are given to it again one at a time, so the pass stops at the
 * first event it cannot take, as it would for a handler of single events; a later handler's failure hands the rest
 * to it again next pass, which it takes as any redelivery (consumers de-duplicate by the event's id).
 */
import type { LockStore, PubSub } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { OutboxRecord } from './outbox.types.ts';
import type { Clock } from '../ports/runtime.ts';

export interface OutboxEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  /** ISO time the change committed */
  at: string;
}

export interface OutboxDeps {
  uow: ScopedUnitOfWork<'outbox'>;
  pubsub: PubSub;
  locks: LockStore;
  clock: Clock;
}

export const eventsChannel = (topic: string): string => `events:${topic}`;

const LOCK = 'outbox:dispatch';

export class OutboxDispatcher {
  private readonly handlers = new Map<string, Array<(e: OutboxEvent) => Promise<void>>>();
  private readonly batchHandlers: Array<{ topics: ReadonlySet<string>; handler: (events: OutboxEvent[]) => Promise<void> }> = [];

  constructor(private readonly d: OutboxDeps) {}

  /** Runs `handler` for every event of `topic` this process dispatches (in order; a throw stops the pass). */
  on(topic: string, handler: (e: OutboxEvent) => Promise<void>): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Runs `handler` once per pass with the pass's events of `topics`, in order (see the top of this file). */
  onBatch(topics: readonly string[], handler: (events: OutboxEvent[]) => Promise<void>): void {
    this.batchHandlers.push({ topics: new Set(topics), handler });
  }

  /** One pass over up to `limit` pending events. */
  async dispatch(limit = 200): Promise<{ published: number; pending: boolean; error: string | null }> {
    const token = await this.d.locks.acquire(LOCK, 30_000);
    if (!token) return { published: 0, pending: true, error: null };
    let published = 0;
    let error: string | null = null;
    try {
      const events = await this.d.uow.read.outbox.pending(limit);
      const batched = await this.handOnBatches(events);
      error = batched.error;
      const done: string[] = [];
      for (const row of events.slice(0, batched.upTo)) {
        try {
          await this.handOn(row);
        } catch (e) {
          error = `${row.topic} ${row.id}: ${e instanceof Error ? e.message : String(e)}`;
          break;
        }
        done.push(row.id);
        // marked as it goes in groups, so a failure further on does not hand these on again
        if (done.length >= 50) {
          await this.d.uow.read.outbox.markPublished(done.splice(0), this.d.clock.now());
        }
        published++;
      }
      if (done.length > 0) await this.d.uow.read.outbox.markPublished(done, this.d.clock.now());
      return { published, pending: error !== null || events.length === limit, error };
    } finally {
      await this.d.locks.release(LOCK, token);
    }
  }

  /** The batch consumers' part of a pass: how many of the events they took in order (all, unless one failed). */
  private async handOnBatches(rows: OutboxRecord[]): Promise<{ upTo: number; error: string | null }> {
    let upTo = rows.length;
    let error: string | null = null;
    for (const { topics, handler } of this.batchHandlers) {
      const mine = rows.slice(0, upTo).filter((r) => topics.has(r.topic));
      if (mine.length === 0) continue;
      try {
        await handler(mine.map(toEvent));
      } catch {
        // one at a time, to stop before the first event it cannot take
        for (const row of mine) {
          try {
            await handler([toEvent(row)]);
          } catch (e) {
            upTo = rows.indexOf(row);
            error = `${row.topic} ${row.id}: ${e instanceof Error ? e.message : String(e)}`;
            break;
          }
        }
      }
    }
    return { upTo, error };
  }

  private async handOn(row: OutboxRecord): Promise<void> {
    const event = toEvent(row);
    await this.d.pubsub.publish(eventsChannel(row.topic), JSON.stringify(event));
    for (const h of this.handlers.get(row.topic) ?? []) await h(event);
  }
}

function toEvent(row: OutboxRecord): OutboxEvent {
  return { id: row.id, topic: row.topic, payload: row.payload, at: row.createdAt.toISOString() };
}
