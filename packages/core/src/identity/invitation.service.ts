/**
 * 成员邀请 (organization invitations): the only way an organization's managers bring someone in. The organization
 * invites an existing user with a role; the invitation waits, expires, can be revoked by the organization, and
 * the invited user accepts or declines it. Only acceptance creates the membership, so no manager can make another
 * organization's streamer (or an administrator) its member and read their records.
 * Owns invitation state and the one-MCN rule; never sees HTTP, and never returns a phone number unmasked.
 */
import type { CreateInvitationRequest, Invitation, InvitationStatus } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { InvitationRecord, InvitationView, MembershipRecord, UserRecord } from './identity.types.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { maskPhone } from '../shared/masking.ts';
import { INVITATION_POLICY } from './identity.types.ts';
import { requireGrantableRole, requireManagedOrg } from './membership-rules.ts';

/** the repositories this job touches */
type InvitationRepos = 'users' | 'orgs' | 'memberships' | 'invitations' | 'audit';

export interface InvitationDeps {
  uow: ScopedUnitOfWork<InvitationRepos>;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
}

const MOBILE = /^1[3-9]\d{9}$/;

export class InvitationService {
  constructor(private readonly d: InvitationDeps) {}

  /** An organization manager invites an existing user (by username or mobile number) to take a role. */
  async invite(actor: Actor, orgId: string, input: CreateInvitationRequest): Promise<Invitation> {
    const now = this.d.clock.now();
    const id = await this.d.uow.transaction(async (tx) => {
      const org = await requireManagedOrg(tx.orgs, actor, orgId);
      requireGrantableRole(actor, org, input.role);
      const invitee = await this.findInvitee(tx, input.invitee);
      if (input.departmentId) {
        const deps = await tx.orgs.listDepartments([org.id]);
        if (!deps.some((x) => x.id === input.departmentId)) throw new AppError('org.department_invalid', { field: 'departmentId' });
      }
      if (await tx.memberships.find(invitee.id, org.id, input.role)) throw new AppError('org.member_exists', { field: 'invitee' });
      const open = await tx.invitations.findPending(org.id, invitee.id, input.role);
      if (open) {
        if (open.expiresAt > now) throw new AppError('invitation.exists', { field: 'invitee' });
        // An expired one makes way for the new one (only one may be pending per organization, user and role).
        await tx.invitations.decide(open.id, { status: 'expired', decidedAt: now });
      }
      const inv: InvitationRecord = {
        id: this.d.ids.next(),
        orgId: org.id,
        userId: invitee.id,
        role: input.role,
        departmentId: input.departmentId ?? null,
        status: 'pending',
        invitedBy: actor.userId,
        membershipId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_POLICY.ttlMs),
        decidedAt: null,
      };
      await tx.invitations.insert(inv);
      await this.d.audit.record(tx, actor, {
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: inv.id,
        orgId: org.id,
        detail: { userId: inv.userId, role: inv.role, departmentId: inv.departmentId, expiresAt: inv.expiresAt.toISOString() },
      });
      return inv.id;
    });
    return this.present(await this.requireView(this.d.uow.read, id));
  }

  /** The organization's invitations, newest first: managers only (they name people outside the organization). */
  async listForOrg(actor: Actor, orgId: string): Promise<Invitation[]> {
    const org = await requireManagedOrg(this.d.uow.read.orgs, actor, orgId, 'id');
    const rows = await this.d.uow.read.invitations.listForOrg(org.id, { limit: INVITATION_POLICY.listLimit });
    return rows.map((r) => this.present(r));
  }

  /** The invitations addressed to the caller; `pendingOnly` leaves out decided and expired ones. */
  async listMine(actor: Actor, opts: { pendingOnly?: boolean } = {}): Promise<Invitation[]> {
    if (!actor.userId) throw new AppError('auth.required');
    const rows = await this.d.uow.read.invitations.listForUser(actor.userId, {
      ...(opts.pendingOnly ? { status: 'pending' as const } : {}),
      limit: INVITATION_POLICY.listLimit,
    });
    const out = rows.map((r) => this.present(r));
    return opts.pendingOnly ? out.filter((x) => x.status === 'pending') : out;
  }

  /** The invited user accepts: the membership is created, in the same transaction as the invitation's change. */
  async accept(actor: Actor, invitationId: string): Promise<Invitation> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    await this.d.uow.transaction(async (tx) => {
      // One user's membership changes run one at a time: two MCN invitations accepted at once cannot both pass
      // the one-MCN check below.
      await tx.users.lock(userId);
      const inv = await this.requireOwnPending(tx, userId, invitationId);
      const org = await tx.orgs.findById(inv.orgId);
      if (!org) throw new AppError('invitation.not_found', { field: 'id' });
      const mine = await tx.memberships.listForUser(userId);
      if (mine.some((m) => m.orgId === org.id && m.role === inv.role)) throw new AppError('org.member_exists', { field: 'id' });
      // A streamer signs with one MCN at a time (as on the platforms' MCN signing): leave the current one first.
      if (org.kind === 'mcn') {
        const other = mine.find((m) => m.orgKind === 'mcn' && m.orgId !== org.id);
        if (other) throw new AppError('invitation.other_mcn', { field: 'id', details: { org: other.orgName } });
      }
      const now = this.d.clock.now();
      const m: MembershipRecord = {
        id: this.d.ids.next(),
        userId,
        orgId: org.id,
        role: inv.role,
        departmentId: inv.departmentId,
        createdAt: now,
      };
      await tx.memberships.insert(m);
      if (!(await tx.invitations.decide(inv.id, { status: 'accepted', decidedAt: now, membershipId: m.id }))) {
        throw new AppError('invitation.closed', { field: 'id' });
      }
      await this.d.audit.record(
        tx,
        { ...actor, orgId: org.id },
        {
          action: 'invitation.accept',
          targetType: 'invitation',
          targetId: inv.id,
          orgId: org.id,
          detail: { membershipId: m.id, role: m.role },
        },
      );
      await this.d.audit.record(tx, actor, {
        action: 'membership.add',
        targetType: 'membership',
        targetId: m.id,
        orgId: org.id,
        detail: { userId, role: m.role, departmentId: m.departmentId, invitationId: inv.id, invitedBy: inv.invitedBy },
      });
    });
    return this.present(await this.requireView(this.d.uow.read, invitationId));
  }

  /** The invited user declines. */
  async decline(actor: Actor, invitationId: string): Promise<Invitation> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    await this.d.uow.transaction(async (tx) => {
      const inv = await this.requireOwnPending(tx, userId, invitationId);
      await this.close(tx, inv, 'declined');
      await this.d.audit.record(tx, actor, {
        action: 'invitation.decline',
        targetType: 'invitation',
        targetId: inv.id,
        orgId: inv.orgId,
        detail: { role: inv.role },
      });
    });
    return this.present(await this.requireView(this.d.uow.read, invitationId));
  }

  /** The organization takes a pending invitation back. */
  async revoke(actor: Actor, orgId: string, invitationId: string): Promise<Invitation> {
    await this.d.uow.transaction(async (tx) => {
      const org = await requireManagedOrg(tx.orgs, actor, orgId);
      const inv = await tx.invitations.findById(invitationId);
      if (!inv || inv.orgId !== org.id) throw new AppError('invitation.not_found', { field: 'invitationId' });
      if (inv.status !== 'pending') throw new AppError('invitation.closed', { field: 'invitationId' });
      await this.close(tx, inv, 'revoked');
      await this.d.audit.record(tx, actor, {
        action: 'invitation.revoke',
        targetType: 'invitation',
        targetId: inv.id,
        orgId: org.id,
        detail: { userId: inv.userId, role: inv.role },
      });
    });
    return this.present(await this.requireView(this.d.uow.read, invitationId));
  }

  /** What the API shows: effective status (pending past its expiry reads as expired) and a masked phone. */
  present(v: InvitationView): Invitation {
    return {
      id: v.id,
      orgId: v.orgId,
      orgName: v.orgName,
      orgKind: v.orgKind,
      role: v.role,
      departmentName: v.departmentName,
      invitee: {
        userId: v.userId,
        username: v.username,
        displayName: v.displayName,
        phone: v.phoneEnc ? maskPhone(this.d.vault.decrypt(v.phoneEnc)) : null,
      },
      invitedBy: v.invitedByName,
      status: effectiveStatus(v, this.d.clock.now()),
      membershipId: v.membershipId,
      createdAt: v.createdAt.toISOString(),
      expiresAt: v.expiresAt.toISOString(),
      decidedAt: v.decidedAt?.toISOString() ?? null,
    };
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private async findInvitee(tx: Pick<Repositories, InvitationRepos>, key: string): Promise<UserRecord> {
    const user = MOBILE.test(key) ? await tx.users.findByPhoneIndex(this.d.vault.blindIndex(key)) : await tx.users.findByUsername(key);
    if (user?.status !== 'active') throw new AppError('invitation.invitee_not_found', { field: 'invitee' });
    return user;
  }

  /** Someone else's invitation answers exactly like a missing one: ids are not an oracle. */
  private async requireOwnPending(tx: Pick<Repositories, InvitationRepos>, userId: string, id: string): Promise<InvitationRecord> {
    const inv = await tx.invitations.findById(id);
    if (!inv || inv.userId !== userId) throw new AppError('invitation.not_found', { field: 'id' });
    if (inv.status === 'expired' || (inv.status === 'pending' && inv.expiresAt <= this.d.clock.now())) {
      throw new AppError('invitation.expired', { field: 'id' });
    }
    if (inv.status !== 'pending') throw new AppError('invitation.closed', { field: 'id' });
    return inv;
  }

  private async close(tx: Pick<Repositories, InvitationRepos>, inv: InvitationRecord, status: 'declined' | 'revoked'): Promise<void> {
    if (!(await tx.invitations.decide(inv.id, { status, decidedAt: this.d.clock.now() }))) {
      throw new AppError('invitation.closed', { field: 'id' });
    }
  }

  private async requireView(r: Pick<Repositories, InvitationRepos>, id: string): Promise<InvitationView> {
    const view = await r.invitations.findView(id);
    if (!view) throw new AppError('invitation.not_found', { field: 'id' });
    return view;
  }
}

export function effectiveStatus(inv: Pick<InvitationRecord, 'status' | 'expiresAt'>, now: Date): InvitationStatus {
  return inv.status === 'pending' && inv.expiresAt <= now ? 'expired' : inv.status;
}
