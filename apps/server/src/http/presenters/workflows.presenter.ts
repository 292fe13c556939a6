/** Applications and their documents as the API shows them: pure functions of what the approval engine returns. */
import type { ApplicationView, documentSchema } from '@livehub/contracts';
import { type DocumentRecord, type NamedApplicationView, stepOf } from '@livehub/core';
import type { z } from 'zod';

export function presentDocument(d: DocumentRecord): z.infer<typeof documentSchema> {
  return {
    id: d.id,
    docType: d.docType,
    fileType: d.fileType,
    size: d.size,
    sha256: d.sha256,
    filename: d.filename,
    expiresAt: d.expiresAt?.toISOString() ?? null,
    retainUntil: d.retainUntil.toISOString(),
    createdAt: d.createdAt.toISOString(),
  };
}

/** An application with its path, timeline, joint-review votes, objections, documents and what the reader may do. */
export function presentApplication(v: NamedApplicationView): ApplicationView {
  const a = v.application;
  const step = stepOf(v.definition, a.step);
  const joint = Object.values(v.definition.steps).find((s) => s.type === 'joint_review');
  return {
    id: a.id,
    kind: a.kind,
    kindTitle: v.definition.title,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    subjectName: v.subjectName,
    applicantUserId: a.applicantUserId,
    step: a.step,
    stepTitle: step.title,
    stepType: step.type,
    status: a.status,
    version: a.version,
    data: a.data,
    dueAt: a.dueAt?.toISOString() ?? null,
    overdue: v.overdue,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    path: Object.entries(v.definition.steps)
      .filter(([, s]) => s.type !== 'final' || s.outcome === 'approved')
      .map(([id, s]) => ({ id, title: s.title, type: s.type })),
    // the timeline names who acted by label only: ids stay inside
    events: v.events.map(({ id: _id, applicationId: _app, actorUserId: _user, at, ...e }) => ({ ...e, at: at.toISOString() })),
    jointReview:
      joint?.type === 'joint_review'
        ? {
            departments: joint.departments.map((code) => {
              const vote = v.votes.find((x) => x.department === code);
              return { code, decision: vote?.decision ?? null, at: vote?.at.toISOString() ?? null, reason: vote?.reason ?? null };
            }),
          }
        : null,
    objections: v.objections.map((o) => ({
      id: o.id,
      text: o.text,
      status: o.status,
      resolution: o.resolution,
      createdAt: o.createdAt.toISOString(),
    })),
    documents: v.documents.map(presentDocument),
    actions: v.actions,
  };
}
