/**
 * Which departments handle a case (docs/supervision.md "Cases"): 移送, the holder hands the case and its clue to
 * another department; 联合执法, the holder invites others to handle it jointly (协办) and shares the clue with them.
 * Both tell the departments through the outbox (the inbox) and write the case's and the clue's logs; the holder
 * alone does either, while the case is not closed.
 */
import type { CaseJoin, CaseTransfer, CaseView } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CaseFileService } from './case-file.service.ts';
import type { CaseAccess, CaseSteps, CaseUow } from './case.internal.ts';
import type { DepartmentDirectory } from './clue.service.ts';

export interface CaseDepartmentsDeps {
  uow: CaseUow;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  departments: DepartmentDirectory;
  access: CaseAccess;
  steps: CaseSteps;
  file: CaseFileService;
}

export const CASE_TOPIC_TRANSFERRED = 'supervision.case_transferred';
export const CASE_TOPIC_JOINED = 'supervision.case_joined';

export class CaseDepartmentsService {
  constructor(private readonly d: CaseDepartmentsDeps) {}

  /**
   * 移送: the holder hands the case to another department with the reason, before it is closed; the case's clue goes
   * with it (its log shows the transfer, so the sharing log does). The new holder takes every step from here on.
   */
  async transfer(actor: Actor, id: string, input: CaseTransfer): Promise<CaseView> {
    await this.d.access.held(actor, id);
    await this.d.access.knownDepartment(actor, input.departmentCode, 'departmentCode');
    const department = await this.d.departments.departmentOf(actor);
    const dept = await this.d.access.departmentNamer(actor);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.access.holderLocked(tx, department, id);
      if (c.departmentCode === input.departmentCode) throw new AppError('supervision.case_same_department', { field: 'departmentCode' });
      const to = input.departmentCode;
      const next = await this.d.steps.bump(tx, c, { departmentCode: to, jointDepartments: c.jointDepartments.filter((d) => d !== to) });
      await this.d.steps.entry(tx, id, 'transferred', actor.userId, input.reason, { from: c.departmentCode, to });
      const clue = await tx.clues.findClue(c.clueId, { lock: true });
      if (clue && clue.departmentCode !== to) {
        if (!(await tx.clues.updateClue({ ...clue, departmentCode: to, version: clue.version + 1 }, clue.version)))
          throw new AppError('supervision.case_conflict');
        await tx.clues.appendEntry({
          id: this.d.ids.next(),
          clueId: clue.id,
          at: this.d.clock.now(),
          action: 'transferred',
          actorUserId: actor.userId,
          fromDepartment: clue.departmentCode,
          toDepartment: to,
          note: `随案件 ${c.caseNo} 移送：${input.reason}`,
        });
      }
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_TRANSFERRED,
        // the inbox tells the receiving department (fromCaseTransferred): the case's number and title, the names of
        // the departments; the reason stays in the case log
        payload: {
          caseId: id,
          caseNo: c.caseNo,
          title: c.summary,
          from: c.departmentCode,
          fromName: dept(c.departmentCode),
          to,
          toName: dept(to),
          reason: input.reason,
        },
        createdAt: this.d.clock.now(),
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_transferred',
        targetType: 'case',
        targetId: id,
        detail: { from: c.departmentCode, to, reason: input.reason },
      });
      return next;
    });
    return this.d.file.view(actor, c);
  }

  /**
   * 联合执法: the holder invites other departments to handle the case jointly (协办). They see it in their list, read
   * its evidence and log and add evidence; the steps (告知, 决定, 执行, 结案, 移送) stay with the holder. The case's
   * clue is shared with them (the sharing log shows it).
   */
  async join(actor: Actor, id: string, input: CaseJoin): Promise<CaseView> {
    await this.d.access.held(actor, id);
    for (const [i, code] of input.departmentCodes.entries()) await this.d.access.knownDepartment(actor, code, `departmentCodes.${i}`);
    const department = await this.d.departments.departmentOf(actor);
    const dept = await this.d.access.departmentNamer(actor);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.access.holderLocked(tx, department, id);
      const added = [...new Set(input.departmentCodes)].filter((d) => d !== c.departmentCode && !c.jointDepartments.includes(d));
      if (added.length === 0) throw new AppError('supervision.case_joint_already', { field: 'departmentCodes' });
      const next = await this.d.steps.bump(tx, c, { jointDepartments: [...c.jointDepartments, ...added] });
      const now = this.d.clock.now();
      for (const to of added) {
        await this.d.steps.entry(tx, id, 'joined', actor.userId, input.note ?? null, { from: c.departmentCode, to });
        if (await tx.clues.insertShare({ clueId: c.clueId, departmentCode: to, sharedByUserId: actor.userId, at: now }))
          await tx.clues.appendEntry({
            id: this.d.ids.next(),
            clueId: c.clueId,
            at: now,
            action: 'shared',
            actorUserId: actor.userId,
            fromDepartment: c.departmentCode,
            toDepartment: to,
            note: `案件 ${c.caseNo} 联合执法`,
          });
      }
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_JOINED,
        payload: {
          caseId: id,
          caseNo: c.caseNo,
          title: c.summary,
          holder: c.departmentCode,
          holderName: dept(c.departmentCode),
          departments: added,
        },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_joined',
        targetType: 'case',
        targetId: id,
        detail: { departments: added, note: input.note ?? null },
      });
      return next;
    });
    return this.d.file.view(actor, c);
  }
}
