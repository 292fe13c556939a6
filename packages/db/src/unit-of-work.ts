import type { Repositories, UnitOfWork } from '@livehub/core';
import type { Db } from './db.ts';
import { DrizzleAuditRepository, DrizzleOutboxRepository } from './repositories/audit.repository.ts';
import { DrizzleComplianceRepository } from './repositories/compliance.repository.ts';
import { DrizzleRegistryRepository, DrizzleWorkflowRepository } from './repositories/workflow.repository.ts';
import {
  DrizzleApiTokenRepository,
  DrizzleMembershipRepository,
  DrizzleOrganizationRepository,
  DrizzleSessionRepository,
  DrizzleUserRepository,
} from './repositories/identity.repository.ts';

export function repositoriesFor(db: Db): Repositories {
  return {
    users: new DrizzleUserRepository(db),
    orgs: new DrizzleOrganizationRepository(db),
    memberships: new DrizzleMembershipRepository(db),
    sessions: new DrizzleSessionRepository(db),
    apiTokens: new DrizzleApiTokenRepository(db),
    audit: new DrizzleAuditRepository(db),
    outbox: new DrizzleOutboxRepository(db),
    compliance: new DrizzleComplianceRepository(db),
    workflows: new DrizzleWorkflowRepository(db),
    registry: new DrizzleRegistryRepository(db),
  };
}

export class DrizzleUnitOfWork implements UnitOfWork {
  readonly read: Repositories;
  constructor(private readonly db: Db) {
    this.read = repositoriesFor(db);
  }
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(repositoriesFor(tx as unknown as Db)));
  }
}
