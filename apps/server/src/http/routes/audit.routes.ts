import { auditEntrySchema, auditQuerySchema, auditVerifySchema } from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { presentAuditEntry } from '../presenters/audit.presenter.ts';
import type { Api } from './types.ts';

const AUDIT_READERS = ['platform_admin', 'regulator'] as const;

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
      const page = await c.auditLog.page(req.query);
      return { items: page.items.map((e) => presentAuditEntry(e, page.targetNames)) };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { policy: { allow: AUDIT_READERS, scope: 'audit:read' } },
      schema: { tags: ['audit'], summary: 'Recompute the hash chain over every entry', response: { 200: auditVerifySchema } },
    },
    async () => c.auditLog.verify(),
  );
}
