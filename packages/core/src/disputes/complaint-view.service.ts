/**
 * The complaints as each party reads them: the consumer their own, the merchant its organization's only, the
 * platform's mediation queue, the regulator's queue, and one complaint with its timeline for anyone it concerns.
 * Phones leave masked (complaint.internal.ts).
 */
import type { ComplaintStatus } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { PiiVault, Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { complaintView, roleOf } from './complaint.internal.ts';
import { obligationView } from './compensation-payment.rules.ts';
import type { ComplaintDetailView, ComplaintRecord, ComplaintView } from './disputes.types.ts';

export interface ComplaintViewDeps {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments'>;
  clock: Clock;
  vault: PiiVault;
  /** the merchant's, the streamer's and the order's names, one query per kind for a page */
  names?: NameReader | undefined;
}

/** a document is evidence of one complaint in practice (the consumer's upload, about one order); a bound all the same */
const EVIDENCE_LOOKUP = 50;

export type ComplaintListScope = 'mine' | 'merchant' | 'mediation' | 'regulator';
const QUEUE: Record<'mediation' | 'regulator', readonly ComplaintStatus[]> = {
  mediation: ['mediating'],
  // 受理台: escalated complaints to accept or refuse, accepted ones in the regulator's own mediation
  regulator: ['escalated', 'accepted_by_regulator'],
};

const QUEUE_READERS: Record<'mediation' | 'regulator', ReadonlySet<Actor['role']>> = {
  mediation: new Set(['platform_admin', 'reviewer']),
  regulator: new Set(['regulator']),
};

export class ComplaintViewService {
  constructor(private readonly d: ComplaintViewDeps) {}

  /**
   * The document store's read grant for a complaint's evidence: the merchant's staff of a complaint naming the
   * document (and the mediators and the regulator, whom the store's own rule already lets read) may open it; the
   * consumer reads their own uploads by that rule. Nobody else — another merchant's staff get not found.
   */
  async mayReadEvidence(actor: Actor, documentId: string): Promise<boolean> {
    const found = await this.d.uow.read.complaints.listByEvidence(documentId, EVIDENCE_LOOKUP);
    return found.some((c) => {
      const role = roleOf(actor, c);
      return role === 'merchant' || role === 'mediator' || role === 'regulator';
    });
  }

  /** A list by scope; a queue shows its open step unless a status is asked for. Routes hold who may ask which. */
  async list(
    actor: Actor,
    scope: ComplaintListScope,
    q: { status?: ComplaintStatus | undefined; limit: number },
  ): Promise<ComplaintView[]> {
    const statuses = q.status ? [q.status] : scope === 'mediation' || scope === 'regulator' ? QUEUE[scope] : undefined;
    let filter: { consumerUserId?: string; merchantOrgId?: string } = {};
    if (scope === 'mine') {
      if (actor.role !== 'consumer' || !actor.userId) throw new AppError('disputes.wrong_role');
      filter = { consumerUserId: actor.userId };
    } else if (scope === 'merchant') {
      if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('disputes.wrong_role');
      filter = { merchantOrgId: actor.orgId };
    } else if (!QUEUE_READERS[scope].has(actor.role)) throw new AppError('disputes.wrong_role');
    const rows = await this.d.uow.read.complaints.listComplaints({ ...filter, statuses, limit: q.limit });
    return this.named(rows);
  }

  private async named(rows: ComplaintRecord[]): Promise<ComplaintView[]> {
    const now = this.d.clock.now();
    const views = rows.map((c) => complaintView(c, this.d.vault, now));
    if (!this.d.names || rows.length === 0) return views;
    const n = await this.d.names.namesFor({
      orgs: rows.map((c) => c.merchantOrgId),
      users: rows.map((c) => c.streamerUserId),
      orders: rows.map((c) => c.orderId),
    });
    return views.map((v) => ({
      ...v,
      names: {
        merchantName: n.orgs.get(v.merchantOrgId) ?? null,
        streamerName: v.streamerUserId ? (n.users.get(v.streamerUserId) ?? null) : null,
        orderNo: n.orders.get(v.orderId) ?? null,
      },
    }));
  }

  /** One complaint and its timeline, for the consumer, its merchant, the platform and regulators; not found otherwise. */
  async detail(actor: Actor, id: string): Promise<ComplaintDetailView> {
    const c = await this.d.uow.read.complaints.findComplaint(id);
    if (!c || !roleOf(actor, c)) throw new AppError('disputes.not_found', { field: 'id' });
    const [timeline, obligation] = await Promise.all([
      this.d.uow.read.complaints.listEntries(c.id),
      this.d.uow.read.complaintPayments.findObligationOf(c.id),
    ]);
    const [complaint] = await this.named([c]);
    return { complaint: complaint as ComplaintView, timeline, obligation: obligation ? obligationView(obligation) : null };
  }
}
