/**
 * What every registration shares: the identifiers it is refused for (credit code, mobile number, a duplicate), and
 * the organization it opens with the applicant as its first member. Used by the merchant, base and agency services.
 */
import type { OrgKind, Role } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { WorkflowService } from '../workflows/workflow.service.ts';
import type { DocumentService } from './document.service.ts';
import { validateCreditCode, validateMobile } from './identifiers.ts';

/** What a registration that applies through the approval engine needs (merchants, streamers, bases). */
export interface RegistrationDeps {
  /**
   * The whole unit of work: the application is submitted through the approval engine in the registration's
   * transaction, and the engine runs on every repository (see WorkflowDeps).
   */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  /** checks the attached documents in the transaction */
  documents: Pick<DocumentService, 'requireDocs'>;
  workflows: Pick<WorkflowService, 'submit'>;
}

/** The normalized 统一社会信用代码, or a refusal naming why it is invalid. */
export function checkedCreditCode(input: string): string {
  const code = validateCreditCode(input);
  if (!code.ok) throw new AppError('registry.credit_code_invalid', { field: 'creditCode', details: { reason: code.message.zh } });
  return code.code;
}

/** The normalized mainland mobile number, or a refusal naming why it is invalid. */
export function checkedMobile(input: string, field = 'contactPhone'): string {
  const phone = validateMobile(input);
  if (!phone.ok) throw new AppError('request.invalid', { field, details: { issue: phone.message.zh } });
  return phone.mobile;
}

/** Refuses a credit code some registry record already holds, naming the holder. */
export function refuseTakenCreditCode(code: string, existing: { legalName: string } | null): void {
  if (existing)
    throw new AppError('registry.duplicate', {
      field: 'creditCode',
      details: { what: `统一社会信用代码 ${code}`, existing: existing.legalName },
    });
}

/** Opens an organization with the applicant as its first member, in the caller's transaction; returns its id. */
export async function openOrganization(
  tx: Pick<Repositories, 'orgs' | 'memberships'>,
  ids: IdGenerator,
  org: { kind: OrgKind; name: string; district: string | null; parentId: string | null; userId: string; role: Role; now: Date },
): Promise<string> {
  const orgId = ids.next();
  await tx.orgs.insert({ id: orgId, kind: org.kind, name: org.name, district: org.district, parentId: org.parentId, createdAt: org.now });
  await tx.memberships.insert({
    id: ids.next(),
    userId: org.userId,
    orgId,
    role: org.role,
    departmentId: null,
    createdAt: org.now,
  });
  return orgId;
}
