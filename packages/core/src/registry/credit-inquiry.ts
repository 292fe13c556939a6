/**
 * The interim credit inquiry: confirmed violations of the last two years held by LiveHub's own compliance records.
 * A subject with a critical violation, or three or more serious ones, is flagged; the joint review sees the
 * findings. The credit context will replace this adapter.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { AutomaticResult, CreditInquiryPort } from '../workflows/workflows.types.ts';

const WINDOW_MS = 2 * 366 * 86_400_000;

export class ViolationCreditInquiry implements CreditInquiryPort {
  constructor(private readonly clock: Clock) {}
  async inquire(tx: Pick<Repositories, 'compliance'>, subject: { type: string; id: string }): Promise<AutomaticResult> {
    const since = new Date(this.clock.now().getTime() - WINDOW_MS);
    const v = await tx.compliance.violationsFor(
      subject.type === 'streamer' ? { streamerUserId: subject.id } : { merchantOrgId: subject.id },
      since,
    );
    const critical = v.filter((x) => x.severity >= 4).length;
    const serious = v.filter((x) => x.severity === 3).length;
    const flagged = critical > 0 || serious >= 3;
    return {
      ok: true,
      findings: {
        source: 'livehub-violations',
        windowYears: 2,
        violations: v.length,
        critical,
        serious,
        rating: flagged ? 'attention' : 'good',
      },
    };
  }
}
