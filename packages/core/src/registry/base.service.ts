/** 直播基地申报: a base operator registers the base and applies for certification (材料审查 by the commerce department first). */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import type { ApplicationRecord } from '../workflows/workflows.types.ts';
import { openOrganization, type RegistrationDeps } from './registration.ts';
import type { BaseProfileRecord, BaseRegistration } from './registry.types.ts';

export class BaseService {
  constructor(private readonly d: RegistrationDeps) {}

  /** 直播基地申报: the base operator applies; the application starts at 材料审查 by the commerce department. */
  async register(actor: Actor, input: BaseRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      await this.d.documents.requireDocs(tx, actor, input.documents);
      let orgId = actor.role === 'base_operator' ? actor.orgId : null;
      const existingProfile = orgId ? await tx.registry.findBase(orgId) : null;
      if (existingProfile && existingProfile.status !== 'rejected' && existingProfile.status !== 'revoked') {
        throw new AppError('registry.duplicate', { field: 'name', details: { what: '直播基地', existing: existingProfile.status } });
      }
      if (!orgId) {
        const existing = await tx.orgs.findByKindAndName('live_base', input.name);
        if (existing)
          throw new AppError('registry.duplicate', { field: 'name', details: { what: `基地名称 ${input.name}`, existing: existing.name } });
        orgId = await openOrganization(tx, this.d.ids, {
          kind: 'live_base',
          name: input.name,
          district: input.district,
          parentId: null,
          userId,
          role: 'base_operator',
          now,
        });
      }
      const profile: BaseProfileRecord = {
        orgId,
        addressEnc: this.d.vault.encrypt(input.address),
        district: input.district,
        areaM2: input.areaM2,
        operatorName: input.operatorName,
        focus: input.focus ?? null,
        level: null,
        status: 'pending',
        certifiedUntil: null,
        createdAt: now,
        updatedAt: now,
      };
      if (existingProfile) await tx.registry.updateBase(orgId, profile);
      else await tx.registry.insertBase(profile);
      const as = { ...actor, orgId };
      await this.d.audit.record(tx, as, {
        action: 'base.register',
        targetType: 'organization',
        targetId: orgId,
        detail: { name: input.name, district: input.district, areaM2: input.areaM2 },
      });
      const application = await this.d.workflows.submit(tx, as, {
        kind: 'base_certification',
        subjectType: 'organization',
        subjectId: orgId,
        data: {
          name: input.name,
          district: input.district,
          areaM2: input.areaM2,
          operatorName: input.operatorName,
          focus: input.focus ?? null,
        },
        documents: input.documents,
      });
      return { orgId, application };
    });
  }
}
