/**
 * The outbox and what follows events first: credit scores from the credit feed, and notifications (站内信, SMS).
 */
import { CREDIT_FEED, type CreditService, NotificationService, OutboxDispatcher } from '@livehub/core';
import { notificationMembers } from '../adapters/notification-members.ts';
import { SimSmsChannel } from '../adapters/sim-sms.ts';
import type { Platform } from './platform.ts';

export function wireEvents(
  p: Platform,
  d: {
    credit: CreditService;
  },
) {
  const { clock, ids, uow, kv, vault, audit, names } = p;
  const { credit } = d;
  // Events written with their changes (order.created, live.started, compliance.violation_confirmed…) go out on
  // events:<topic>; `livehub serve` runs a pass every second.
  const outbox = new OutboxDispatcher({ uow, pubsub: kv.pubsub, locks: kv.locks, clock });
  // Credit scores move within seconds of the facts behind them: each topic of the feed becomes credit events.
  for (const [topic, toEvents] of Object.entries(CREDIT_FEED))
    outbox.on(topic, async (e) => void (await credit.ingest(toEvents(e.payload, new Date(e.at)))));
  // 站内信: the events someone must act on or know of become inbox items within seconds (docs/notifications.md);
  // besides the inbox, what needs action goes out by SMS (simulated: it records the message with the number masked)
  const sms = new SimSmsChannel({ uow, vault, now: () => clock.now() });
  const notifications = new NotificationService({
    uow,
    clock,
    ids,
    audit,
    names,
    members: notificationMembers(uow),
    channels: [sms],
    // the item is in the inbox whatever a channel does; a failed send is told to the operator, not retried
    onChannelError: (channel, item, e) =>
      void process.stderr.write(`notification channel ${channel} failed for ${item.id}: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  for (const topic of NotificationService.topics()) outbox.on(topic, async (e) => void (await notifications.deliver(e)));
  return { outbox, sms, notifications };
}
