/**
 * The live context's part in an order or a flash sale, in the orders context's transaction (its in-transaction
 * form): a session, and a product's place on it (with the agreement it is sold under). The orders context hands its
 * transaction over and never reads the live tables itself.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { LiveSessionProductRecord, LiveSessionRecord } from './live.types.ts';

export type SessionLookupTx = Pick<Repositories, 'live'>;

export class SessionLookup {
  sessionIn(tx: SessionLookupTx, sessionId: string): Promise<LiveSessionRecord | null> {
    return tx.live.findSession(sessionId);
  }

  /** The product on the session, or null when it is not on it. */
  async productOnSessionIn(tx: SessionLookupTx, sessionId: string, productId: string): Promise<LiveSessionProductRecord | null> {
    return (await tx.live.listProducts(sessionId)).find((p) => p.productId === productId) ?? null;
  }
}
