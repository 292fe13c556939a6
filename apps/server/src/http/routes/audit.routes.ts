import { auditEntrySchema, auditQuerySchema, auditVerifySchema } from '@livehub/contracts';
import type { AuditRecord } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import type { Api } from './types.ts';

const AUDIT_READERS = ['platform_admin', 'regulator'] as const;

const present = (e: AuditRecord, names: Map<string, string>) => ({
  seq: e.seq,
  id: e.id,
  at: e.at.toISOString(),
  actorUserId: e.actorUserId,
  actorLabel: e.actorLabel,
  orgId: e.orgId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  targetName: e.targetId ? (names.get(`${e.targetType}:${e.targetId}`) ?? null) : null,
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
      const names = await targetNames(c, rows);
      return { items: rows.map((e) => present(e, names)) };
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

/**
 * The names of a page of entries' targets, so the log reads 订单 · LH2026… rather than an id: users, organizations,
 * orders, products and live sessions (one look-up per distinct target; a page holds at most 200 entries).
 */
async function targetNames(c: Container, rows: AuditRecord[]): Promise<Map<string, string>> {
  const r = c.uow.read;
  const names = new Map<string, string>();
  const wanted = new Map<string, Set<string>>();
  for (const e of rows) {
    if (!e.targetId) continue;
    const set = wanted.get(e.targetType) ?? new Set<string>();
    set.add(e.targetId);
    wanted.set(e.targetType, set);
  }
  const ids = (type: string) => [...(wanted.get(type) ?? [])];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const users = ids('user').filter((id) => uuid.test(id));
  if (users.length > 0) for (const u of await r.users.findByIds(users)) names.set(`user:${u.id}`, u.displayName);
  const lookups: Array<[string, (id: string) => Promise<string | null | undefined>]> = [
    ['organization', async (id) => (await r.orgs.findById(id))?.name],
    ['order', async (id) => (await r.orders.findOrder(id))?.orderNo],
    ['product', async (id) => (await r.catalog.findProduct(id))?.title],
    ['live_session', async (id) => (await r.live.findSession(id))?.title],
  ];
  for (const [type, find] of lookups) {
    await Promise.all(
      ids(type)
        .filter((id) => uuid.test(id))
        .map(async (id) => {
          const name = await find(id);
          if (name) names.set(`${type}:${id}`, name);
        }),
    );
  }
  return names;
}
