import { describe, expect, it } from 'vitest';
import type { AuditService } from '../audit/audit.service.ts';
import type { OutboxEvent } from '../outbox/outbox.dispatcher.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import { noNames } from '../shared/name-directory.ts';
import type { NotificationChannel } from './notification-channel.port.ts';
import { NotificationService } from './notification.service.ts';
import type { NotificationRecord } from './notifications.types.ts';

/** An inbox in memory, unique on (source event, recipient) like the table. */
function memoryInbox() {
  const rows: NotificationRecord[] = [];
  const notifications = {
    async insertMany(items: NotificationRecord[]) {
      const fresh = items.filter((i) => !rows.some((r) => r.sourceEventId === i.sourceEventId && r.recipientUserId === i.recipientUserId));
      rows.push(...fresh);
      return fresh;
    },
  };
  const repos = { notifications } as never;
  const uow = { transaction: async <T>(work: (r: never) => Promise<T>) => work(repos), read: repos } as unknown as ScopedUnitOfWork<
    'notifications' | 'audit'
  >;
  return { rows, uow };
}

let seq = 0;
const service = (inbox: ReturnType<typeof memoryInbox>, channels: NotificationChannel[], errors: string[] = []) =>
  new NotificationService({
    uow: inbox.uow,
    clock: { now: () => new Date('2026-12-05T00:00:00Z') },
    ids: { next: () => `id-${++seq}` },
    audit: {} as AuditService,
    names: { namesFor: async () => noNames() },
    members: {
      membersOfDepartment: async (code, roles) =>
        code === 'zscqj' && roles.includes('regulator') ? [{ orgId: 'org-r', userId: 'ip-officer-1' }] : [],
      membersOf: async (orgId, roles) =>
        orgId === 'org-m' && roles.includes('merchant_staff') ? ['staff-1', 'staff-2', 'streamer-1'] : [],
      membersOfKind: async (orgKind, roles) =>
        orgKind !== 'platform'
          ? []
          : roles.includes('reviewer')
            ? [
                { orgId: 'org-p', userId: 'reviewer-1' },
                { orgId: 'org-p', userId: 'admin-1' },
              ]
            : roles.includes('platform_admin')
              ? [{ orgId: 'org-p', userId: 'admin-1' }]
              : [],
    },
    channels,
    onChannelError: (name, item) => errors.push(`${name}:${item.recipientUserId}`),
  });

const violation: OutboxEvent = {
  id: 'event-1',
  topic: 'compliance.violation_confirmed',
  payload: { violationId: 'v1', streamerUserId: 'streamer-1', merchantOrgId: 'org-m', severity: 2 },
  at: '2026-12-04T10:00:00.000Z',
};

describe('NotificationService.deliver', () => {
  it('addresses the streamer and each staff member once (a streamer on the staff gets one item), at the event’s time', async () => {
    const inbox = memoryInbox();
    const stored = await service(inbox, []).deliver(violation);
    expect(stored.map((i) => [i.recipientUserId, i.recipientOrgId])).toEqual([
      ['streamer-1', null],
      ['staff-1', 'org-m'],
      ['staff-2', 'org-m'],
    ]);
    expect(stored.every((i) => i.sourceEventId === 'event-1' && i.createdAt.toISOString() === violation.at && i.readAt === null)).toBe(
      true,
    );
  });

  it('stores and sends nothing on redelivery, and ignores topics it does not know', async () => {
    const inbox = memoryInbox();
    const sent: string[] = [];
    const channel: NotificationChannel = { name: 'test', accepts: () => true, send: async (i) => void sent.push(i.recipientUserId) };
    const s = service(inbox, [channel]);
    await s.deliver(violation);
    expect(await s.deliver(violation)).toEqual([]);
    expect(sent).toEqual(['streamer-1', 'staff-1', 'staff-2']);
    expect(await s.deliver({ ...violation, id: 'event-2', topic: 'live.started' })).toEqual([]);
    expect(inbox.rows).toHaveLength(3);
  });

  it('a failing channel does not fail the delivery: the items are stored and the failure reported', async () => {
    const inbox = memoryInbox();
    const errors: string[] = [];
    const broken: NotificationChannel = {
      name: 'sms',
      accepts: (i) => i.recipientUserId !== 'staff-2',
      send: async () => {
        throw new Error('provider down');
      },
    };
    expect(await service(inbox, [broken], errors).deliver(violation)).toHaveLength(3);
    expect(errors).toEqual(['sms:streamer-1', 'sms:staff-1']);
  });

  it('addresses the platform’s mediators by role when a complaint enters mediation, as members of the platform', async () => {
    const inbox = memoryInbox();
    const stored = await service(inbox, []).deliver({
      id: 'event-3',
      topic: 'disputes.complaint_escalated',
      payload: {
        complaintId: 'c1',
        orderId: 'o1',
        consumerUserId: 'buyer-1',
        merchantOrgId: 'org-m',
        status: 'mediating',
        action: 'merchant_silent',
      },
      at: '2026-12-04T10:00:00.000Z',
    });
    expect(stored.map((i) => [i.recipientUserId, i.recipientOrgId, i.severity, i.link])).toEqual([
      ['reviewer-1', 'org-p', 'action_required', '/complaints/c1'],
      ['admin-1', 'org-p', 'action_required', '/complaints/c1'],
      ['buyer-1', null, 'info', '/complaints/c1'],
      ['staff-1', 'org-m', 'info', '/complaints/c1'],
      ['staff-2', 'org-m', 'info', '/complaints/c1'],
      ['streamer-1', 'org-m', 'info', '/complaints/c1'],
    ]);
  });
});
