/**
 * The selection center's part in a live session, in the live context's transaction (its in-transaction form):
 * which agreement is in force for a product on the session, and the streamer's received samples a session
 * features (寄样 obligation met). The live context hands its transaction over and never touches these tables.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { AgreementRecord } from './selection.types.ts';

export type SessionSelectionTx = Pick<Repositories, 'selection'>;

export class SessionSelection {
  /** The agreement in force between the product's merchant and the streamer for the product, at `at`. */
  agreementInForceIn(
    tx: SessionSelectionTx,
    q: { merchantOrgId: string; streamerUserId: string; productId: string; at: Date },
  ): Promise<AgreementRecord | null> {
    return tx.selection.findInForce(q);
  }

  /** The version number and terms in force of an agreement (null when none is in force). */
  async termsInForceIn(tx: SessionSelectionTx, agreementId: string): Promise<{ version: number; terms: unknown } | null> {
    const a = await tx.selection.findAgreement(agreementId);
    if (!a?.inForceVersion) return null;
    const v = (await tx.selection.listVersions(a.id)).find((x) => x.version === a.inForceVersion);
    return { version: a.inForceVersion, terms: v?.terms };
  }

  /** The streamer's received samples of the session's products are now featured in it. */
  async featureSamplesIn(
    tx: SessionSelectionTx,
    q: { streamerUserId: string; productIds: string[]; sessionId: string; at: Date },
  ): Promise<number> {
    const onSession = new Set(q.productIds);
    const samples = await tx.selection.listSamples({ streamerUserId: q.streamerUserId, status: ['received'], limit: 500 });
    let featured = 0;
    for (const sample of samples.filter((x) => onSession.has(x.productId))) {
      const ok = await tx.selection.updateSample(
        {
          ...sample,
          status: 'featured',
          featuredIn: `live:${q.sessionId}`,
          history: [...sample.history, { at: q.at.toISOString(), action: 'feature', by: 'system:live', reason: `live:${q.sessionId}` }],
          version: sample.version + 1,
          updatedAt: q.at,
        },
        sample.version,
      );
      if (ok) featured++;
    }
    return featured;
  }
}
