/**
 * The gates other contexts call: may this streamer go live now (live), may this merchant list products now
 * (catalog, live) — and the same answers for the API, within the asker's scope.
 */
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import { listingGateReasons, liveGateReasons } from './registry.rules.ts';
import type { Gate } from './registry.types.ts';
import type { TalentService } from './talent.service.ts';

export interface GateDeps {
  uow: ScopedUnitOfWork<'registry'>;
  clock: Clock;
  /** who may read a person's records (the live gate's API answer) */
  talent: Pick<TalentService, 'requireReadScope'>;
  /** 暂停直播 by a case's decision (supervision), in force at `at` */
  liveHolds?: ((userId: string, at: Date) => Promise<{ until: Date } | null>) | undefined;
}

const gate = (reasons: string[]): Gate => ({ allowed: reasons.length === 0, reasons });

export class GateService {
  constructor(private readonly d: GateDeps) {}

  /** Whether a streamer may start a live session now, and why not. The live context calls this before going live. */
  async liveGate(userId: string): Promise<Gate> {
    const now = this.d.clock.now();
    const reasons = liveGateReasons(await this.d.uow.read.registry.findStreamer(userId), now);
    if (this.d.liveHolds && (await this.d.liveHolds(userId, now))) reasons.push('suspended_by_decision');
    return gate(reasons);
  }

  /** The live gate as an API answer: for the streamer, the platform and regulators, and the managers of their MCN or base. */
  async liveGateFor(actor: Actor, userId: string): Promise<Gate> {
    await this.d.talent.requireReadScope(actor, userId);
    return this.liveGate(userId);
  }

  /** Whether a merchant may list products now (the catalog calls this). */
  async listingGate(orgId: string): Promise<Gate> {
    const r = this.d.uow.read.registry;
    const p = await r.findMerchant(orgId);
    return gate(listingGateReasons(p, p ? await r.listQualifications({ orgId }) : []));
  }

  /** The listing gate as an API answer: for the merchant's own staff, the platform and regulators. */
  async listingGateFor(actor: Actor, orgId: string): Promise<Gate> {
    if (!isCrossTenant(actor) && !(actor.role === 'merchant_staff' && actor.orgId === orgId))
      throw new AppError('auth.tenant', { field: 'orgId' });
    return this.listingGate(orgId);
  }
}
