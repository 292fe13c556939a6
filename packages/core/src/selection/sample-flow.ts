/**
 * The sample request (寄样) state machine and who may see what in the selection center. Pure: no I/O.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { SampleAction, SampleRecord, SampleStatus } from './selection.types.ts';

/** Which party performs each sample action, from which state, into which state. */
export const SAMPLE_FLOW: Record<SampleAction, { by: 'merchant' | 'streamer'; from: SampleStatus[]; to: SampleStatus }> = {
  approve: { by: 'merchant', from: ['requested'], to: 'approved' },
  decline: { by: 'merchant', from: ['requested'], to: 'declined' },
  cancel: { by: 'streamer', from: ['requested'], to: 'cancelled' },
  ship: { by: 'merchant', from: ['approved'], to: 'shipped' },
  receive: { by: 'streamer', from: ['shipped'], to: 'received' },
  feature: { by: 'streamer', from: ['received'], to: 'featured' },
  ship_return: { by: 'streamer', from: ['received'], to: 'return_shipped' },
  confirm_return: { by: 'merchant', from: ['return_shipped'], to: 'returned' },
};

/** A streamer holds at most one request per product in these states. */
export const OPEN_SAMPLE: SampleStatus[] = ['requested', 'approved', 'shipped', 'received', 'return_shipped'];

/**
 * The records a party of the selection center sees: a merchant its organization's, a streamer their own, an MCN
 * manager its streamers', the platform and regulators everything. Other roles see nothing (403).
 */
export function partyScope(actor: Actor): { merchantOrgId?: string; streamerUserId?: string; mcnOrgId?: string } {
  if (isCrossTenant(actor)) return {};
  if (actor.role === 'merchant_staff') return { merchantOrgId: actor.orgId ?? '-' };
  if (actor.role === 'streamer') return { streamerUserId: actor.userId ?? '-' };
  if (actor.role === 'mcn_manager') return { mcnOrgId: actor.orgId ?? '-' };
  throw new AppError('auth.forbidden');
}

/** The side of a sample request `actor` is on, if any. */
export function samplePartyOf(actor: Actor, s: Pick<SampleRecord, 'merchantOrgId' | 'streamerUserId'>): 'merchant' | 'streamer' | null {
  if (actor.role === 'merchant_staff' && actor.orgId === s.merchantOrgId) return 'merchant';
  if (actor.role === 'streamer' && actor.userId === s.streamerUserId) return 'streamer';
  return null;
}

/** Whether `actor` may read a sample request: its parties, the streamer's MCN, the platform and regulators. */
export function mayReadSample(actor: Actor, s: Pick<SampleRecord, 'merchantOrgId' | 'streamerUserId' | 'mcnOrgId'>): boolean {
  return (
    isCrossTenant(actor) ||
    samplePartyOf(actor, s) !== null ||
    (actor.role === 'mcn_manager' && actor.orgId !== null && actor.orgId === s.mcnOrgId)
  );
}

/**
 * Checks that `actor` may move `s` by `action` from its current state; returns the state it moves to. Throws the
 * error the API answers with otherwise.
 */
export function nextSampleStatus(actor: Actor, s: SampleRecord, action: SampleAction): SampleStatus {
  const flow = SAMPLE_FLOW[action];
  if (samplePartyOf(actor, s) !== flow.by)
    throw new AppError('selection.sample_party', { details: { party: flow.by === 'merchant' ? '商家' : '主播' } });
  if (!flow.from.includes(s.status))
    throw new AppError('selection.sample_action_not_allowed', { field: 'action', details: { status: s.status, action } });
  return flow.to;
}
