/**
 * What a gate asks of credit (going live, listing, selection, flash sales, the review queue): the measures in force
 * for a party. `CreditGateService` is the one implementation; a context takes this port (optional, so a context
 * built without credit — a unit test — enforces nothing). Call it before opening a transaction: it reads.
 */
import type { CreditGateService } from './credit-gate.service.ts';

export type CreditGatePort = Pick<CreditGateService, 'assertAllowed' | 'applies'>;
