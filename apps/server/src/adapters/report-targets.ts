/**
 * 举报's target reader (disputes context's `ReportTargetReader`): what was reported and who it is about, read through
 * the live, catalog and identity repositories — a live room is about its streamer (and MCN), a product about its
 * merchant, an organization about itself, a user about that person.
 */
import type { ReportTargetFacts, ReportTargetReader, UnitOfWork } from '@livehub/core';

export function reportTargets(uow: UnitOfWork): ReportTargetReader {
  return {
    async targetOf(kind, id): Promise<ReportTargetFacts | null> {
      const none = {
        subjectOrgId: null,
        subjectUserId: null,
        sessionRef: null,
        productRef: null,
        streamerUserId: null,
        merchantOrgId: null,
      };
      if (kind === 'live_session') {
        const s = await uow.read.live.findSession(id);
        return s
          ? {
              ...none,
              kind,
              id,
              name: s.title,
              subjectOrgId: s.mcnOrgId,
              subjectUserId: s.streamerUserId,
              sessionRef: s.id,
              streamerUserId: s.streamerUserId,
            }
          : null;
      }
      if (kind === 'product') {
        const p = await uow.read.catalog.findProduct(id);
        return p
          ? { ...none, kind, id, name: p.title, subjectOrgId: p.merchantOrgId, productRef: p.id, merchantOrgId: p.merchantOrgId }
          : null;
      }
      if (kind === 'organization') {
        const o = await uow.read.orgs.findById(id);
        return o ? { ...none, kind, id, name: o.name, subjectOrgId: o.id } : null;
      }
      const u = await uow.read.users.findById(id);
      return u ? { ...none, kind, id, name: u.displayName, subjectUserId: u.id } : null;
    },
  };
}
