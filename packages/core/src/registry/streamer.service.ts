/**
 * 主播认证: a person registers as a streamer (real name, ID number and age, licences, a digital human with its
 * responsible operator) and applies for certification. Their identity is encrypted; reviewers see it in full
 * only through an audited view (PIPL Art. 51).
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { maskIdNumber } from '../shared/masking.ts';
import type { ApplicationRecord } from '../workflows/workflows.types.ts';
import type { RegistrationDeps } from './registration.ts';
import { streamerAgeRule, validateIdNumber } from './identifiers.ts';
import { streamerDocumentProblem } from './registry.rules.ts';
import type { StreamerProfileRecord, StreamerRegistration } from './registry.types.ts';

export class StreamerService {
  constructor(private readonly d: RegistrationDeps) {}

  /** 主播认证: real name and ID number (check digit, age), licences, digital-human details; opens certification. */
  async register(actor: Actor, input: StreamerRegistration): Promise<{ application: ApplicationRecord }> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const now = this.d.clock.now();
    const id = validateIdNumber(input.idNumber, now);
    if (!id.ok) throw new AppError('registry.id_number_invalid', { field: 'idNumber', details: { reason: id.message.zh } });
    const rule = streamerAgeRule(id.age);
    const problem = streamerDocumentProblem({
      ageRule: rule,
      topics: input.topics,
      documents: input.documents,
      likenessConsentDocId: input.virtual?.likenessConsentDocId,
      virtual: Boolean(input.virtual),
    });
    if (problem)
      throw new AppError(problem.code, { field: problem.field, ...('topic' in problem ? { details: { topic: problem.topic } } : {}) });
    const index = this.d.vault.blindIndex(id.id);
    return this.d.uow.transaction(async (tx) => {
      const dup = await tx.registry.findStreamerByIdIndex(index);
      if (dup && dup.userId !== userId) {
        throw new AppError('registry.duplicate', {
          field: 'idNumber',
          details: { what: `身份证号 ${maskIdNumber(id.id)}`, existing: `主播 ${dup.userId.slice(0, 8)}` },
        });
      }
      const mine = await tx.registry.findStreamer(userId);
      if (mine && mine.status !== 'rejected' && mine.status !== 'revoked') {
        throw new AppError('registry.duplicate', { field: 'idNumber', details: { what: '主播认证', existing: mine.status } });
      }
      await this.d.documents.requireDocs(tx, actor, input.documents);
      if (input.mcnOrgId) {
        const mcn = await tx.orgs.findById(input.mcnOrgId);
        if (mcn?.kind !== 'mcn') throw new AppError('org.not_found', { field: 'mcnOrgId' });
      }
      if (input.virtual && !(await tx.users.findById(input.virtual.operatorUserId)))
        throw new AppError('user.not_found', { field: 'virtual.operatorUserId' });
      const profile: StreamerProfileRecord = {
        userId,
        realNameEnc: this.d.vault.encrypt(input.realName),
        idNumberEnc: this.d.vault.encrypt(id.id),
        idNumberIndex: index,
        birthYear: Number(id.birthDate.slice(0, 4)),
        mcnOrgId: input.mcnOrgId ?? null,
        topics: input.topics,
        marketerLevel: input.marketerLevel ?? null,
        virtual: input.virtual ? 'yes' : 'no',
        operatorUserId: input.virtual?.operatorUserId ?? null,
        virtualLabel: input.virtual?.label ?? null,
        status: 'pending',
        statusReason: null,
        certifiedUntil: null,
        createdAt: now,
        updatedAt: now,
      };
      if (mine) await tx.registry.updateStreamer(userId, profile);
      else await tx.registry.insertStreamer(profile);
      await this.d.audit.record(tx, actor, {
        action: 'streamer.register',
        targetType: 'streamer',
        targetId: userId,
        detail: { idNumber: maskIdNumber(id.id), age: id.age, topics: input.topics, virtual: Boolean(input.virtual) },
      });
      const application = await this.d.workflows.submit(tx, actor, {
        kind: 'streamer_certification',
        subjectType: 'streamer',
        subjectId: userId,
        data: {
          age: id.age,
          ageRule: rule,
          topics: input.topics,
          virtual: Boolean(input.virtual),
          mcnOrgId: input.mcnOrgId ?? null,
          marketerLevel: input.marketerLevel ?? null,
        },
        documents: input.documents,
      });
      return { application };
    });
  }

  profile(userId: string): Promise<StreamerProfileRecord | null> {
    return this.d.uow.read.registry.findStreamer(userId);
  }

  /** The unmasked identity of a streamer, for reviewers: every view is an audit entry (PIPL Art. 51). */
  async fullView(actor: Actor, userId: string, purpose: string): Promise<{ userId: string; realName: string; idNumber: string }> {
    const p = await this.d.uow.read.registry.findStreamer(userId);
    if (!p) throw new AppError('registry.not_found', { field: 'id' });
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, {
        action: 'pii.view',
        targetType: 'streamer',
        targetId: userId,
        detail: { fields: ['realName', 'idNumber'], purpose },
      }),
    );
    return { userId, realName: this.d.vault.decrypt(p.realNameEnc), idNumber: this.d.vault.decrypt(p.idNumberEnc) };
  }
}
