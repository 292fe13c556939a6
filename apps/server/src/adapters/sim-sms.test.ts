import type { NotificationRecord, UnitOfWork, UserRecord } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { AesGcmVault } from './runtime.ts';
import { SimSmsChannel } from './sim-sms.ts';

const vault = new AesGcmVault(Buffer.alloc(32, 7));
const users = new Map<string, Pick<UserRecord, 'id' | 'phoneEnc'>>([
  ['with-phone', { id: 'with-phone', phoneEnc: vault.encrypt('13812345678') }],
  ['no-phone', { id: 'no-phone', phoneEnc: null }],
]);
const uow = { read: { users: { findByIds: async (ids: string[]) => ids.flatMap((id) => users.get(id) ?? []) } } } as unknown as UnitOfWork;

const item = (over: Partial<NotificationRecord>): NotificationRecord => ({
  id: 'n1',
  sourceEventId: 'e1',
  topic: 'deposit.topup_required',
  recipientUserId: 'with-phone',
  recipientOrgId: 'o1',
  kind: 'deposit.topup_required',
  severity: 'action_required',
  titleZh: '保证金待补缴',
  titleEn: 'Deposit top-up required',
  bodyZh: '需补缴 ¥2000.00',
  bodyEn: 'Top up ¥2000.00',
  link: '/finance/deposit',
  dueAt: null,
  createdAt: new Date('2026-12-05T00:00:00Z'),
  readAt: null,
  ...over,
});

describe('the simulated SMS channel', () => {
  const sms = new SimSmsChannel({ uow, vault, now: () => new Date('2026-12-05T01:00:00Z'), keep: 2 });

  it('carries what needs action or warns, with a template for its kind; information stays in the inbox', () => {
    expect(sms.accepts(item({}))).toBe(true);
    expect(sms.accepts(item({ severity: 'warning', kind: 'violation.confirmed' }))).toBe(true);
    expect(sms.accepts(item({ severity: 'info', kind: 'payout.paid' }))).toBe(false);
    expect(sms.accepts(item({ kind: 'something.new' }))).toBe(false);
  });

  it('records the message with the number masked, never in the clear, and skips a user with no number', async () => {
    await sms.send(item({}));
    await sms.send(item({ id: 'n2', recipientUserId: 'no-phone' }));
    expect(sms.sent()).toEqual([
      {
        notificationId: 'n1',
        to: '138****5678',
        signature: '【LiveHub】',
        template: 'SMS_LH_DEPOSIT_TOPUP',
        params: { title: '保证金待补缴', link: '/finance/deposit' },
        at: '2026-12-05T01:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(sms.sent())).not.toContain('13812345678');
  });

  it('keeps the latest messages only', async () => {
    await sms.send(item({ id: 'n3' }));
    await sms.send(item({ id: 'n4' }));
    expect(sms.sent().map((m) => m.notificationId)).toEqual(['n3', 'n4']);
  });
});
