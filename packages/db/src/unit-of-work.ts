import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repositories, UnitOfWork } from '@livehub/core';
import type { Db } from './db.ts';
import { type AuditChainState, appendPending, DrizzleAuditRepository, DrizzleOutboxRepository } from './repositories/audit.repository.ts';
import { DrizzleCatalogRepository } from './repositories/catalog.repository.ts';
import { DrizzleSelectionRepository } from './repositories/selection.repository.ts';
import { DrizzleLedgerRepository, DrizzleSettlementRepository } from './repositories/settlement.repository.ts';
import { DrizzlePaymentRecordReader, DrizzleReconciliationRepository } from './repositories/reconciliation.repository.ts';
import { DrizzleDepositRepository, DrizzlePayoutRepository } from './repositories/payout.repository.ts';
import type { PreparedStatements } from './prepared.ts';
import { DrizzleCreditRepository } from './repositories/credit.repository.ts';
import { DrizzleCreditModelRepository } from './repositories/credit-models.repository.ts';
import { DrizzleCreditModeRepository } from './repositories/credit-modes.repository.ts';
import { DrizzleCreditAppealRepository } from './repositories/credit-appeals.repository.ts';
import { DrizzleCompensationObligationRepository } from './repositories/compensation-payment.repository.ts';
import { DrizzleComplaintRepository } from './repositories/disputes.repository.ts';
import { DrizzleReportRepository } from './repositories/reports.repository.ts';
import { DrizzleNotificationRepository } from './repositories/notifications.repository.ts';
import { DrizzleCaseRepository } from './repositories/case.repository.ts';
import { DrizzleIpNoticeRepository } from './repositories/ip-notice.repository.ts';
import { DrizzleStatisticsRepository } from './repositories/statistics.repository.ts';
import { DrizzleMatchingRepository } from './repositories/matching.repository.ts';
import { DrizzleClueRepository } from './repositories/supervision.repository.ts';
import { DrizzleLiveRepository } from './repositories/live.repository.ts';
import { DrizzleExchangeRepository } from './repositories/exchange.repository.ts';
import { DrizzleNameRepository } from './repositories/names.repository.ts';
import { DrizzleWallRepository } from './repositories/wall.repository.ts';
import { DrizzleOrderRepository } from './repositories/order.repository.ts';
import { DrizzleComplianceRepository } from './repositories/compliance.repository.ts';
import { DrizzleProgrammesRepository } from './repositories/programmes.repository.ts';
import { DrizzlePresaleRepository } from './repositories/presale.repository.ts';
import { DrizzleSupplyRepository } from './repositories/supply.repository.ts';
import { DrizzleCampaignRepository } from './repositories/campaign.repository.ts';
import { DrizzleFundingRepository } from './repositories/funding.repository.ts';
import { DrizzlePolicyRepository } from './repositories/policies.repository.ts';
import { DrizzleInventoryRepository } from './repositories/inventory.repository.ts';
import { DrizzleRegistryRepository } from './repositories/registry.repository.ts';
import { DrizzleWorkflowRepository } from './repositories/workflow.repository.ts';
import {
  DrizzleApiTokenRepository,
  DrizzleInvitationRepository,
  DrizzleMembershipRepository,
  DrizzleOrganizationRepository,
  DrizzleSessionRepository,
  DrizzleUserRepository,
} from './repositories/identity.repository.ts';

/** `chain`: inside a transaction, the audit chain's state its repositories share (see `AuditChainState`). */
/**
 * `exclusive`: no other transaction can commit while one of this database's runs (PGlite: one connection, its
 * transactions one at a time), so a read made before a lock was taken cannot have missed a commit.
 */
export function repositoriesFor(db: Db, chain?: AuditChainState, exclusive = false, statements?: PreparedStatements): Repositories {
  return {
    users: new DrizzleUserRepository(db),
    orgs: new DrizzleOrganizationRepository(db),
    memberships: new DrizzleMembershipRepository(db),
    invitations: new DrizzleInvitationRepository(db),
    sessions: new DrizzleSessionRepository(db),
    apiTokens: new DrizzleApiTokenRepository(db),
    audit: new DrizzleAuditRepository(db, chain),
    outbox: new DrizzleOutboxRepository(db),
    compliance: new DrizzleComplianceRepository(db),
    workflows: new DrizzleWorkflowRepository(db),
    registry: new DrizzleRegistryRepository(db),
    catalog: new DrizzleCatalogRepository(db),
    selection: new DrizzleSelectionRepository(db),
    live: new DrizzleLiveRepository(db),
    orders: new DrizzleOrderRepository(db),
    names: new DrizzleNameRepository(db),
    ledger: new DrizzleLedgerRepository(db),
    settlement: new DrizzleSettlementRepository(db),
    reconciliation: new DrizzleReconciliationRepository(db),
    paymentRecords: new DrizzlePaymentRecordReader(db),
    payouts: new DrizzlePayoutRepository(db),
    deposits: new DrizzleDepositRepository(db),
    credit: new DrizzleCreditRepository(db, chain, exclusive, statements),
    creditModels: new DrizzleCreditModelRepository(db),
    creditModes: new DrizzleCreditModeRepository(db),
    creditAppeals: new DrizzleCreditAppealRepository(db),
    complaints: new DrizzleComplaintRepository(db),
    reports: new DrizzleReportRepository(db),
    complaintPayments: new DrizzleCompensationObligationRepository(db),
    notifications: new DrizzleNotificationRepository(db),
    clues: new DrizzleClueRepository(db),
    exchange: new DrizzleExchangeRepository(db),
    wall: new DrizzleWallRepository(db),
    cases: new DrizzleCaseRepository(db),
    statistics: new DrizzleStatisticsRepository(db),
    matching: new DrizzleMatchingRepository(db),
    ipNotices: new DrizzleIpNoticeRepository(db),
    programmes: new DrizzleProgrammesRepository(db),
    supply: new DrizzleSupplyRepository(db),
    presales: new DrizzlePresaleRepository(db),
    campaigns: new DrizzleCampaignRepository(db),
    policies: new DrizzlePolicyRepository(db),
    funding: new DrizzleFundingRepository(db),
    inventory: new DrizzleInventoryRepository(db),
  };
}

/** Marks the asynchronous work running inside a transaction. */
const inTransaction = new AsyncLocalStorage<true>();

/**
 * The out-of-transaction repositories, guarded: used from inside a transaction they throw at once. On PGlite (one
 * connection) such a read would wait for the transaction that waits for it — a silent hang — and on PostgreSQL it
 * would miss the transaction's own writes. Other requests' reads are not affected (the mark is per async context).
 */
function guarded(repos: Repositories): Repositories {
  const out: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(repos)) {
    out[name] = new Proxy(repo as object, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (inTransaction.getStore())
            throw new Error(`uow.read.${name}.${String(prop)} called inside a transaction: use the transaction's repositories`);
          return v.apply(target, args);
        };
      },
    });
  }
  return out as unknown as Repositories;
}

/**
 * Whether the guard is on: in the test suites (which walk every path), or with LIVEHUB_TX_GUARD=1. It is off in
 * a running platform: AsyncLocalStorage puts a hook on every promise the process makes, a few per cent of a
 * request's CPU under a flash sale's burst, to catch a programming error the tests are there to catch.
 */
export const TX_GUARD_DEFAULT = Boolean(process.env.VITEST) || process.env.LIVEHUB_TX_GUARD === '1';

export class DrizzleUnitOfWork implements UnitOfWork {
  readonly read: Repositories;
  constructor(
    private readonly db: Db,
    private readonly guard = TX_GUARD_DEFAULT,
    /** the database runs one transaction at a time (PGlite) */
    private readonly exclusive = false,
    /** the hot statements prepared once (PGlite: its one session) */
    private readonly statements?: PreparedStatements,
  ) {
    this.read = guard ? guarded(repositoriesFor(db)) : repositoriesFor(db);
  }
  /**
   * Runs `work` in a transaction; the audit entries it recorded are appended after it, as the transaction's last
   * statements (`appendPending`, ADR 0045).
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (tx: Db) => {
      const chain: AuditChainState = { locked: false };
      const out = await work(repositoriesFor(tx, chain, this.exclusive, this.statements));
      await appendPending(tx, chain);
      return out;
    };
    if (!this.guard) return this.db.transaction((tx) => run(tx as unknown as Db));
    return this.db.transaction((tx) => inTransaction.run(true, () => run(tx as unknown as Db)));
  }
}
