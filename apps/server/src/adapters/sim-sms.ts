/**
 * The built-in simulated SMS channel (模拟短信通道) of the inbox. It behaves like an SMS provider's template API (阿里云
 * 短信 / 腾讯云短信: a registered signature, one template per kind of message, its variables) where it matters to the
 * platform: only what needs the recipient (action required, warnings) goes out, one message per inbox item, to the
 * phone number on file. Unlike a provider, it sends nothing: it records what it would send, with the phone number
 * masked (138****5678) — the number in the clear never leaves identity's vault here — so the demo and the tests can
 * show the message. A real adapter implements the same `NotificationChannel` port (docs/notifications.md): it
 * unseals the number through the vault and calls the provider with the template code and variables below.
 */
import { maskPhone, type NotificationChannel, type NotificationRecord, type PiiVault, type UnitOfWork } from '@livehub/core';

/** The template each kind of item is sent with (a provider's approved template code) and its variables. */
export const SMS_TEMPLATES: Record<string, string> = {
  'qualification.expiring': 'SMS_LH_QUALIFICATION_EXPIRING',
  'certification.lapsed': 'SMS_LH_CERTIFICATION_LAPSED',
  'violation.confirmed': 'SMS_LH_VIOLATION_CONFIRMED',
  'refund.overdue': 'SMS_LH_REFUND_OVERDUE',
  'sample.overdue': 'SMS_LH_SAMPLE_OVERDUE',
  'payout.failed': 'SMS_LH_PAYOUT_FAILED',
  'deposit.topup_required': 'SMS_LH_DEPOSIT_TOPUP',
  'compensation.due': 'SMS_LH_COMPENSATION_DUE',
  'compensation.advanced': 'SMS_LH_COMPENSATION_ADVANCED',
  'compensation.recovered': 'SMS_LH_COMPENSATION_RECOVERED',
  'fund.below_floor': 'SMS_LH_FUND_BELOW_FLOOR',
};

/** One message the simulator would have sent. */
export interface SimSms {
  notificationId: string;
  /** the recipient's number, masked */
  to: string;
  signature: string;
  template: string;
  params: { title: string; link: string };
  at: string;
}

export class SimSmsChannel implements NotificationChannel {
  readonly name = 'sms';
  private readonly log: SimSms[] = [];

  constructor(
    private readonly d: {
      uow: UnitOfWork;
      vault: PiiVault;
      now: () => Date;
      signature?: string;
      /** at most this many messages are kept (the oldest dropped) */
      keep?: number;
    },
  ) {}

  accepts(item: NotificationRecord): boolean {
    return item.severity !== 'info' && SMS_TEMPLATES[item.kind] !== undefined;
  }

  async send(item: NotificationRecord): Promise<void> {
    const [user] = await this.d.uow.read.users.findByIds([item.recipientUserId]);
    // no number on file: nothing to send (the inbox holds the item)
    if (!user?.phoneEnc) return;
    this.log.push({
      notificationId: item.id,
      to: maskPhone(this.d.vault.decrypt(user.phoneEnc)),
      signature: this.d.signature ?? '【LiveHub】',
      template: SMS_TEMPLATES[item.kind] as string,
      params: { title: item.titleZh, link: item.link },
      at: this.d.now().toISOString(),
    });
    const keep = this.d.keep ?? 1000;
    if (this.log.length > keep) this.log.splice(0, this.log.length - keep);
  }

  /** What it would have sent, oldest first. */
  sent(): readonly SimSms[] {
    return this.log;
  }
}
