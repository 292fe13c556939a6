/**
 * The simulated identity authority (二要素): a well-formed number with any other name is 一致, a name on the mismatch
 * list 不一致, a wrong check character 库中无此号; the outage names, the outage switch and a latency over the timeout
 * go unanswered (IdentityServiceError after the timeout); the round trip is waited for; the answers are the same
 * every time.
 */
import { idNumberCheckChar } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { IdentityServiceError, SIM_IDENTITY_MISMATCH_NAMES, SimulatedIdentityVerifier } from './sim-identity.ts';

const body = '32050619900315102';
const valid = body + idNumberCheckChar(body);
const wrongCheck = body + (idNumberCheckChar(body) === '1' ? '2' : '1');

function sim(opts: ConstructorParameters<typeof SimulatedIdentityVerifier>[0] = {}) {
  const waits: number[] = [];
  const v = new SimulatedIdentityVerifier({ ...opts, sleep: async (ms) => void waits.push(ms) });
  return { v, waits };
}

describe('the simulated identity authority (二要素)', () => {
  it('answers 一致 for a valid number with a name not on the mismatch list, every time', async () => {
    const { v } = sim();
    for (let i = 0; i < 3; i++) expect(await v.verify({ name: '陈小红', idNumber: valid })).toEqual({ matched: true });
    expect(await v.verify({ name: ' 陈 小红 ', idNumber: valid.toLowerCase() })).toEqual({ matched: true });
    expect(v.calls).toBe(4);
  });

  it('answers 不一致 for the documented mismatch names (width and spaces folded), 库中无此号 for a wrong check character', async () => {
    const { v } = sim();
    expect(SIM_IDENTITY_MISMATCH_NAMES).toEqual(['张不符', '李不符']);
    expect(await v.verify({ name: '张不符', idNumber: valid })).toEqual({ matched: false, reason: 'mismatch' });
    expect(await v.verify({ name: '李 不符', idNumber: valid })).toEqual({ matched: false, reason: 'mismatch' });
    expect(await v.verify({ name: '陈小红', idNumber: wrongCheck })).toEqual({ matched: false, reason: 'no_record' });
    expect(await v.verify({ name: '陈小红', idNumber: '12345' })).toEqual({ matched: false, reason: 'no_record' });
  });

  it('takes its mismatch list from the configuration', async () => {
    const { v } = sim({ mismatchNames: ['赵错位'] });
    expect(await v.verify({ name: '赵错位', idNumber: valid })).toEqual({ matched: false, reason: 'mismatch' });
    expect(await v.verify({ name: '张不符', idNumber: valid })).toEqual({ matched: true });
  });

  it('waits the round trip before answering', async () => {
    const { v, waits } = sim({ latencyMs: 250 });
    expect(await v.verify({ name: '陈小红', idNumber: valid })).toEqual({ matched: true });
    expect(waits).toEqual([250]);
  });

  it('leaves an outage name, the outage switch and a latency over the timeout unanswered, after the timeout', async () => {
    const { v, waits } = sim({ timeoutMs: 2_000 });
    await expect(v.verify({ name: '王超时', idNumber: valid })).rejects.toMatchObject({ name: 'IdentityServiceError', kind: 'timeout' });
    v.setAvailable(false);
    const down = await v.verify({ name: '陈小红', idNumber: valid }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(IdentityServiceError);
    expect((down as IdentityServiceError).kind).toBe('unavailable');
    v.setAvailable(true);
    expect(await v.verify({ name: '陈小红', idNumber: valid })).toEqual({ matched: true });
    const slow = sim({ latencyMs: 5_000, timeoutMs: 2_000 });
    await expect(slow.v.verify({ name: '陈小红', idNumber: valid })).rejects.toMatchObject({ kind: 'timeout' });
    expect([...waits, ...slow.waits]).toEqual([2_000, 2_000, 2_000]);
    expect(v.calls + slow.v.calls).toBe(1);
  });
});
