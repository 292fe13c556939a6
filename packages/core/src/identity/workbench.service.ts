/** What each role's workbench opens with: live counts from the database, scoped to what the role may see. */
import type { WorkbenchSummary } from '@livehub/contracts';
import type { CatalogRepository } from '../catalog/index.ts';
import type { OrderRepository } from '../orders/index.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import type { SelectionRepository } from '../selection/index.ts';
import type { WorkflowRepository } from '../workflows/index.ts';

export interface WorkbenchDeps {
  uow: ScopedUnitOfWork<'users' | 'orgs' | 'memberships' | 'apiTokens' | 'audit'>;
  /** the counts other contexts answer, through narrow reader ports (their repositories' count methods) */
  readers: {
    products: Pick<CatalogRepository, 'countProducts'>;
    selection: Pick<SelectionRepository, 'countSamples' | 'countAgreements'>;
    applications: Pick<WorkflowRepository, 'countApplications'>;
    orders: Pick<OrderRepository, 'listOrders'>;
  };
}

/** Counts on a buyer's cards stop here. */
const CONSUMER_COUNT_CAP = 99;

export class WorkbenchService {
  constructor(private readonly d: WorkbenchDeps) {}

  async summary(actor: Actor): Promise<WorkbenchSummary> {
    const r = this.d.uow.read;
    const { products, selection, applications, orders } = this.d.readers;
    const cards: WorkbenchSummary['cards'] = [];
    let orgName: string | null = null;
    if (actor.orgId) orgName = (await r.orgs.findById(actor.orgId))?.name ?? null;
    const scope = isCrossTenant(actor) ? undefined : actor.orgId ? [actor.orgId] : [];

    switch (actor.role) {
      case 'platform_admin':
      case 'reviewer':
      case 'system':
        cards.push({ key: 'users', value: await r.users.count() });
        cards.push({ key: 'organizations', value: await r.orgs.count() });
        cards.push({ key: 'merchants', value: await r.orgs.count({ kind: 'merchant' }) });
        cards.push({ key: 'streamers', value: await r.memberships.countByRole('streamer') });
        cards.push({ key: 'audit_entries', value: await r.audit.count() });
        cards.push({
          key: 'product_reviews',
          value: await applications.countApplications({ kind: 'product_review', steps: ['review'], status: ['in_progress'] }),
        });
        break;
      case 'regulator':
        cards.push({ key: 'live_bases', value: await r.orgs.count({ kind: 'live_base' }) });
        cards.push({ key: 'mcns', value: await r.orgs.count({ kind: 'mcn' }) });
        cards.push({ key: 'merchants', value: await r.orgs.count({ kind: 'merchant' }) });
        cards.push({ key: 'streamers', value: await r.memberships.countByRole('streamer') });
        if (actor.orgId) cards.push({ key: 'departments', value: (await r.orgs.listDepartments([actor.orgId])).length });
        break;
      case 'base_operator':
        cards.push({ key: 'mcns', value: scope ? await r.orgs.count({ kind: 'mcn', visibleTo: scope }) : 0 });
        cards.push({ key: 'members', value: scope ? await r.memberships.countForOrgs(scope) : 0 });
        break;
      case 'mcn_manager':
        cards.push({ key: 'streamers', value: scope ? await r.memberships.countForOrgs(scope, 'streamer') : 0 });
        cards.push({ key: 'members', value: scope ? await r.memberships.countForOrgs(scope) : 0 });
        break;
      case 'merchant_staff':
        cards.push({ key: 'members', value: scope ? await r.memberships.countForOrgs(scope) : 0 });
        if (actor.orgId) {
          const merchantOrgId = actor.orgId;
          cards.push({ key: 'products_approved', value: await products.countProducts({ merchantOrgId, status: ['approved'] }) });
          cards.push({ key: 'products_in_review', value: await products.countProducts({ merchantOrgId, status: ['in_review'] }) });
          cards.push({
            key: 'samples_to_handle',
            value: await selection.countSamples({ merchantOrgId, status: ['requested', 'approved', 'return_shipped'] }),
          });
          cards.push({
            key: 'agreements_in_force',
            value: await selection.countAgreements({ merchantOrgId, status: ['in_force'] }),
          });
        }
        break;
      case 'provider_staff':
      case 'evaluator':
        cards.push({ key: 'members', value: scope ? await r.memberships.countForOrgs(scope) : 0 });
        break;
      case 'streamer':
        if (actor.userId) {
          const streamerUserId = actor.userId;
          cards.push({
            key: 'samples_open',
            value: await selection.countSamples({ streamerUserId, status: ['requested', 'approved', 'shipped', 'received'] }),
          });
          cards.push({
            key: 'agreements_in_force',
            value: await selection.countAgreements({ streamerUserId, status: ['in_force'] }),
          });
          cards.push({
            key: 'agreements_pending',
            value: await selection.countAgreements({ streamerUserId, status: ['pending'] }),
          });
        }
        break;
      case 'consumer':
        // a buyer's own orders waiting on them: to pay, and on the way (capped: a badge, not a report)
        if (actor.userId) {
          const buyerUserId = actor.userId;
          const count = async (status: 'created' | 'shipped') =>
            (await orders.listOrders({ buyerUserId, status, limit: CONSUMER_COUNT_CAP })).length;
          cards.push({ key: 'orders_to_pay', value: await count('created') });
          cards.push({ key: 'orders_to_receive', value: await count('shipped') });
        }
        break;
      default: {
        const never: never = actor.role;
        throw new Error(`unhandled role ${String(never)}`);
      }
    }
    // API tokens are a tool for integrators: buyers are not shown them
    if (actor.userId && actor.role !== 'consumer') cards.push({ key: 'api_tokens', value: await r.apiTokens.countForUser(actor.userId) });

    const auditScope = isCrossTenant(actor) ? undefined : actor.orgId ? [actor.orgId] : null;
    const recent =
      auditScope === null
        ? []
        : (await r.audit.list({ limit: 10, ...(auditScope ? { orgIds: auditScope } : {}) })).map((e) => ({
            at: e.at.toISOString(),
            action: e.action,
            targetType: e.targetType,
            actorLabel: e.actorLabel,
          }));
    return { role: actor.role, orgName, cards, recent };
  }
}
