/** MCN机构 and 专业服务机构: agencies and service providers register their organization (no approval flow). */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { checkedCreditCode, checkedMobile, openOrganization, refuseTakenCreditCode } from './registration.ts';
import type { OrgRegistration } from './registry.types.ts';

export interface AgencyDeps {
  /** the registry's records, and the organization and first membership a registration opens */
  uow: ScopedUnitOfWork<'registry' | 'orgs' | 'memberships' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
}

export class AgencyService {
  constructor(private readonly d: AgencyDeps) {}

  /** MCN机构登记: a new MCN organization (hosted by a base, optionally), its profile, and the caller as its manager. */
  registerMcn(actor: Actor, input: OrgRegistration): Promise<{ orgId: string }> {
    return this.register(actor, input, 'mcn');
  }

  /** 专业服务机构登记: supply-chain, data, technology, content or training services to the chain. */
  registerProvider(actor: Actor, input: OrgRegistration & { services: string[] }): Promise<{ orgId: string }> {
    return this.register(actor, input, 'service_provider');
  }

  private async register(
    actor: Actor,
    input: OrgRegistration & { services?: string[] },
    kind: 'mcn' | 'service_provider',
  ): Promise<{ orgId: string }> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const code = checkedCreditCode(input.creditCode);
    const mobile = checkedMobile(input.contactPhone);
    const role = kind === 'mcn' ? 'mcn_manager' : 'provider_staff';
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      refuseTakenCreditCode(code, await tx.registry.findByCreditCode(code));
      if (input.hostBaseOrgId) {
        const base = await tx.registry.findBase(input.hostBaseOrgId);
        if (!base || (base.status !== 'certified' && base.status !== 'downgraded'))
          throw new AppError('org.parent_invalid', { field: 'hostBaseOrgId' });
      }
      // an existing org of this kind run by the caller is reused; otherwise a new one with the caller as its manager
      let orgId = actor.role === role ? actor.orgId : null;
      if (orgId && (kind === 'mcn' ? await tx.registry.findMcn(orgId) : await tx.registry.findProvider(orgId))) orgId = null;
      if (!orgId) {
        if (await tx.orgs.findByKindAndName(kind, input.name)) {
          throw new AppError('registry.duplicate', { field: 'name', details: { what: input.name, existing: input.name } });
        }
        orgId = await openOrganization(tx, this.d.ids, {
          kind,
          name: input.name,
          district: null,
          parentId: input.hostBaseOrgId ?? null,
          userId,
          role,
          now,
        });
      }
      const common = {
        orgId,
        creditCode: code,
        legalName: input.name,
        contactPhoneEnc: this.d.vault.encrypt(mobile),
        hostBaseOrgId: input.hostBaseOrgId ?? null,
        createdAt: now,
      };
      if (kind === 'mcn') await tx.registry.insertMcn({ ...common, legalRepresentative: input.legalRepresentative ?? '' });
      else await tx.registry.insertProvider({ ...common, services: input.services ?? [] });
      await this.d.audit.record(
        tx,
        { ...actor, orgId },
        {
          action: `${kind}.register`,
          targetType: 'organization',
          targetId: orgId,
          detail: { creditCode: code, name: input.name, hostBaseOrgId: input.hostBaseOrgId ?? null, services: input.services ?? null },
        },
      );
      return { orgId };
    });
  }
}
