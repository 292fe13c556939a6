/**
 * The expiry sweep: qualifications within 30 days of expiry become `expiring` (a warning event); expired ones
 * become `expired` and suspend their merchant; lapsed streamer certifications expire. Each lapse goes out as
 * `registry.certification_lapsed` (the holder as a credit party). Idempotent; run by the
 * server hourly and by `livehub registry sweep`.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { WARN_BEFORE_MS } from './registry.rules.ts';
import type { QualificationRecord } from './registry.types.ts';

export interface ExpiryDeps {
  uow: ScopedUnitOfWork<'registry' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
}

export interface SweepResult {
  warned: number;
  expired: number;
  suspendedMerchants: number;
  lapsedStreamers: number;
}

/** Whose qualification lapsed, as a credit party: a streamer's own, or the merchant, MCN or base holding it. */
async function lapsedParty(
  tx: Pick<Repositories, 'registry'>,
  q: QualificationRecord,
): Promise<{ partyId: string; partyKind: 'merchant' | 'streamer' | 'mcn' | 'base' } | null> {
  if (q.ownerUserId) return { partyId: q.ownerUserId, partyKind: 'streamer' };
  if (!q.ownerOrgId) return null;
  if (await tx.registry.findMerchant(q.ownerOrgId)) return { partyId: q.ownerOrgId, partyKind: 'merchant' };
  if (await tx.registry.findMcn(q.ownerOrgId)) return { partyId: q.ownerOrgId, partyKind: 'mcn' };
  if (await tx.registry.findBase(q.ownerOrgId)) return { partyId: q.ownerOrgId, partyKind: 'base' };
  return null;
}

const SYSTEM: Actor = { userId: null, label: 'system:registry-sweep', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ExpiryService {
  constructor(private readonly d: ExpiryDeps) {}

  async sweep(now: Date = this.d.clock.now()): Promise<SweepResult> {
    const r = { warned: 0, expired: 0, suspendedMerchants: 0, lapsedStreamers: 0 };
    await this.d.uow.transaction(async (tx) => {
      for (const q of await tx.registry.listQualificationsExpiring(now, 'expired', 500)) {
        await tx.registry.updateQualification(q.id, 'expired');
        r.expired++;
        const party = await lapsedParty(tx, q);
        if (party)
          await tx.outbox.add({
            id: this.d.ids.next(),
            topic: 'registry.certification_lapsed',
            payload: { ...party, qualificationId: q.id, type: q.type },
            createdAt: now,
            publishedAt: null,
          });
        if (q.ownerOrgId) {
          const m = await tx.registry.findMerchant(q.ownerOrgId);
          if (m && m.status === 'admitted') {
            await tx.registry.updateMerchant(q.ownerOrgId, {
              status: 'suspended',
              statusReason: `qualification_expired:${q.type}`,
              updatedAt: now,
            });
            r.suspendedMerchants++;
          }
        }
        await this.d.audit.record(tx, SYSTEM, {
          action: 'qualification.expired',
          targetType: 'qualification',
          targetId: q.id,
          orgId: q.ownerOrgId,
          detail: { type: q.type },
        });
      }
      for (const q of await tx.registry.listQualificationsExpiring(new Date(now.getTime() + WARN_BEFORE_MS), 'expiring', 500)) {
        if (q.status !== 'valid') continue;
        await tx.registry.updateQualification(q.id, 'expiring');
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'registry.qualification_expiring',
          payload: { qualificationId: q.id, ownerOrgId: q.ownerOrgId, type: q.type, expiresAt: q.expiresAt?.toISOString() ?? null },
          createdAt: now,
          publishedAt: null,
        });
        r.warned++;
      }
      for (const s of await tx.registry.listStreamersLapsed(now, 500)) {
        await tx.registry.updateStreamer(s.userId, { status: 'expired', statusReason: 'certification_lapsed', updatedAt: now });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'registry.certification_lapsed',
          // one lapse per certification period: the id names the date it ran to
          payload: {
            partyId: s.userId,
            partyKind: 'streamer',
            qualificationId: `streamer-certification:${s.userId}:${s.certifiedUntil?.toISOString() ?? ''}`,
          },
          createdAt: now,
          publishedAt: null,
        });
        await this.d.audit.record(tx, SYSTEM, {
          action: 'streamer.expired',
          targetType: 'streamer',
          targetId: s.userId,
          orgId: s.mcnOrgId,
        });
        r.lapsedStreamers++;
      }
    });
    return r;
  }
}
