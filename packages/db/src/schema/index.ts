/**
 * The database schema (Drizzle), one file per bounded context. Migrations in ../../migrations are generated from
 * this entry with `npm run db:generate` and committed; the server applies them at start-up. SQL must run on both
 * PGlite (PostgreSQL 17) and PostgreSQL 15, so ids come from the application, never from uuidv7().
 *
 * Every context file is re-exported whole on purpose: drizzle-kit sees only the tables this entry exports, so a
 * table left out of a curated list would be dropped by the next generated migration.
 */
export * from './identity.ts';
export * from './audit.ts';
export * from './compliance.ts';
export * from './workflows.ts';
export * from './registry.ts';
export * from './catalog.ts';
export * from './selection.ts';
export * from './live.ts';
export * from './orders.ts';
export * from './settlement.ts';
export * from './reconciliation.ts';
export * from './payouts.ts';
export * from './credit.ts';
export * from './credit-models.ts';
export * from './credit-modes.ts';
export * from './credit-appeals.ts';
export * from './disputes.ts';
export * from './notifications.ts';
export * from './reports.ts';
export * from './supervision.ts';
export * from './exchange.ts';
export * from './statistics.ts';
export * from './matching.ts';
export * from './ip-notices.ts';
export * from './programmes.ts';
export * from './supply.ts';
export * from './campaigns.ts';
export * from './policies.ts';
export * from './inventory.ts';
export * from './presales.ts';
export * from './funding.ts';
