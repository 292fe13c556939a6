import { auditEntrySchema, auditQuerySchema, auditVerifySchema } from '@livehub/contracts';
import type { AuditRecord } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import type { Api } from './types.ts';

const AUDIT_READERS = ['platform_admin', 'regulator'] as const;

const present = (e: AuditRecord) => ({
  seq: e.seq,
  id: e.id,
  at: e.at.toISOString(),
  actorUserId: e.actorUserId,
  actorLabel: e.actorLabel,
  orgId: e.orgId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  changeHash: e.changeHash,
  hash: e.hash,
  requestId: e.requestId,
});

export function auditRoutes(app: Api, c: Container): void {
  app.get(
    '/api/audit',
    {
      config: { policy: { allow: AUDIT_READERS, scope: 'audit:read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: auditQuerySchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    async (req) => {
      const q = req.query;
      const rows = await c.uow.read.audit.list({
        limit: q.limit,
        ...(q.beforeSeq ? { beforeSeq: q.beforeSeq } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.orgId ? { orgIds: [q.orgId] } : {}),
      });
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { policy: { allow: AUDIT_READERS, scope: 'audit:read' } },
      schema: { tags: ['audit'], summary: 'Recompute the hash chain over every entry', response: { 200: auditVerifySchema } },
    },
    async () => c.audit.verify(c.uow.read),
  );
}
