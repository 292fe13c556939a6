/**
 * The built-in simulated identity authority (模拟身份核验, 二要素: name + ID number) behind the `IdentityVerifier` port,
 * as a licensed provider of the public-security citizen-identity check answers a platform: 一致, 不一致 or 库中无此号,
 * after a round trip, or no answer at all. It holds no register of citizens, so its answers follow documented rules,
 * deterministic for a given name and number (docs/matching.md § Identity verification (二要素)):
 *
 * - a number whose form or check character is wrong: 库中无此号 (`no_record`) — the authority has no such number;
 * - a name on the mismatch list (`LIVEHUB_SIM_IDENTITY_MISMATCH_NAMES`, default 张不符 and 李不符): 不一致 (`mismatch`);
 * - a name on the outage list (`LIVEHUB_SIM_IDENTITY_OUTAGE_NAMES`, default 王超时), or any call while the outage
 *   switch is on (`setAvailable(false)`), or a latency over the timeout: no answer — the call rejects with
 *   `IdentityServiceError` after the timeout, as a provider's client does;
 * - otherwise 一致 (`matched`), after `latencyMs` (`LIVEHUB_SIM_IDENTITY_LATENCY_MS`, default 0; real providers
 *   answer in about 100–500 ms).
 *
 * It keeps neither the names nor the numbers it is asked about: only how many calls it answered (for tests).
 */
import { type IdentityVerdict, type IdentityVerifier, idNumberCheckChar } from '@livehub/core';

/** Names the simulator answers 不一致 for, unless configured otherwise. */
export const SIM_IDENTITY_MISMATCH_NAMES: readonly string[] = ['张不符', '李不符'];
/** Names the simulator never answers for (a timeout), unless configured otherwise. */
export const SIM_IDENTITY_OUTAGE_NAMES: readonly string[] = ['王超时'];

/** No answer from the authority: a timeout or an outage. The caller maps it to a retryable 503. */
export class IdentityServiceError extends Error {
  constructor(readonly kind: 'timeout' | 'unavailable') {
    super(kind === 'timeout' ? 'identity verification timed out' : 'identity verification service unavailable');
    this.name = 'IdentityServiceError';
  }
}

export interface SimIdentityOptions {
  mismatchNames?: readonly string[];
  outageNames?: readonly string[];
  /** the simulated round trip, ms */
  latencyMs?: number;
  /** how long a call waits for an answer before giving up, ms (default 3,000) */
  timeoutMs?: number;
  /** how time passes (tests pass one that records the waits and returns at once) */
  sleep?: (ms: number) => Promise<void>;
}

const fold = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SimulatedIdentityVerifier implements IdentityVerifier {
  readonly name = 'sim';
  private readonly mismatch: Set<string>;
  private readonly outage: Set<string>;
  private available = true;
  private answered = 0;

  constructor(private readonly opts: SimIdentityOptions = {}) {
    this.mismatch = new Set((opts.mismatchNames ?? SIM_IDENTITY_MISMATCH_NAMES).map(fold));
    this.outage = new Set((opts.outageNames ?? SIM_IDENTITY_OUTAGE_NAMES).map(fold));
  }

  /** The outage switch: while off, every call goes unanswered (rejects after the timeout). */
  setAvailable(on: boolean): void {
    this.available = on;
  }

  /** How many calls were answered (一致, 不一致 or 库中无此号). */
  get calls(): number {
    return this.answered;
  }

  async verify(req: { name: string; idNumber: string }): Promise<IdentityVerdict> {
    const sleep = this.opts.sleep ?? realSleep;
    const latency = Math.max(0, this.opts.latencyMs ?? 0);
    const timeout = Math.max(0, this.opts.timeoutMs ?? 3_000);
    const name = fold(req.name);
    if (!this.available) {
      await sleep(timeout);
      throw new IdentityServiceError('unavailable');
    }
    if (this.outage.has(name) || latency > timeout) {
      await sleep(timeout);
      throw new IdentityServiceError('timeout');
    }
    if (latency > 0) await sleep(latency);
    this.answered++;
    const id = req.idNumber.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id) || idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { matched: false, reason: 'no_record' };
    if (this.mismatch.has(name)) return { matched: false, reason: 'mismatch' };
    return { matched: true };
  }
}
