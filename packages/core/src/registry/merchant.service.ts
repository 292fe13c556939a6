/** 商家入驻: a merchant registers its organization, profile and qualifications, and applies for admission. */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { maskPhone } from '../shared/masking.ts';
import type { ApplicationRecord } from '../workflows/workflows.types.ts';
import { expiryProblem } from './document-rules.ts';
import { checkedCreditCode, checkedMobile, openOrganization, refuseTakenCreditCode, type RegistrationDeps } from './registration.ts';
import { missingCategoryQualification, qualificationExpiry } from './registry.rules.ts';
import type { MerchantProfileRecord, MerchantRegistration } from './registry.types.ts';

export class MerchantService {
  constructor(private readonly d: RegistrationDeps) {}

  /** 商家入驻: creates (or reuses) the merchant organization, its profile, and the admission application. */
  async register(actor: Actor, input: MerchantRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const code = checkedCreditCode(input.creditCode);
    const mobile = checkedMobile(input.contactPhone);
    const missing = missingCategoryQualification(input.categories, input.documents);
    if (missing) throw new AppError('registry.qualification_required', { field: 'documents', details: missing });
    const now = this.d.clock.now();
    for (const [i, q] of (input.qualifications ?? []).entries()) {
      if (!q.expiresAt) continue;
      const problem = expiryProblem(qualificationExpiry(q.expiresAt), now);
      if (problem) throw new AppError(problem, { field: `qualifications.${i}.expiresAt`, details: { date: q.expiresAt } });
    }
    return this.d.uow.transaction(async (tx) => {
      refuseTakenCreditCode(code, await tx.registry.findMerchantByCreditCode(code));
      await this.d.documents.requireDocs(tx, actor, input.documents);
      let orgId = actor.role === 'merchant_staff' ? actor.orgId : null;
      if (orgId && (await tx.registry.findMerchant(orgId))) orgId = null; // this organization is registered already: a new one
      if (!orgId) {
        if (await tx.orgs.findByKindAndName('merchant', input.name)) {
          throw new AppError('registry.duplicate', { field: 'name', details: { what: `商家名称 ${input.name}`, existing: input.name } });
        }
        orgId = await openOrganization(tx, this.d.ids, {
          kind: 'merchant',
          name: input.name,
          district: input.district ?? null,
          parentId: null,
          userId,
          role: 'merchant_staff',
          now,
        });
      }
      const profile: MerchantProfileRecord = {
        orgId,
        creditCode: code,
        legalName: input.name,
        legalRepresentative: input.legalRepresentative,
        contactPhoneEnc: this.d.vault.encrypt(mobile),
        addressEnc: this.d.vault.encrypt(input.address),
        categories: input.categories,
        depositFen: input.depositFen,
        status: 'pending',
        statusReason: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.registry.insertMerchant(profile);
      for (const q of input.qualifications ?? []) {
        await tx.registry.insertQualification({
          id: this.d.ids.next(),
          ownerOrgId: orgId,
          ownerUserId: null,
          type: q.type,
          number: q.number ?? null,
          documentId: q.documentId,
          issuedAt: null,
          expiresAt: q.expiresAt ? new Date(q.expiresAt) : null,
          status: 'valid',
          createdAt: now,
        });
      }
      const as = { ...actor, orgId };
      await this.d.audit.record(tx, as, {
        action: 'merchant.register',
        targetType: 'organization',
        targetId: orgId,
        detail: { creditCode: code, name: input.name, phone: maskPhone(mobile) },
      });
      const application = await this.d.workflows.submit(tx, as, {
        kind: 'merchant_admission',
        subjectType: 'organization',
        subjectId: orgId,
        data: { name: input.name, creditCode: code, categories: input.categories, depositFen: input.depositFen },
        documents: input.documents,
      });
      return { orgId, application };
    });
  }
}
