/**
 * Fresh events between trainings (foldIn): a streamer's vector is re-solved against the fixed product factors, so a
 * click on X lifts what is like X for that streamer — and nothing changes the non-personalised ranking.
 */
import { describe, expect, it } from 'vitest';
import { MatchingEngine } from './engine.ts';
import type { Interaction, MatchProduct, MatchStreamer } from './types.ts';

const DAY = 86_400_000;
const product = (id: string): MatchProduct => ({ id, category: 'food', merchant: 'm1', priceFen: 5000, commissionBp: 2000 });
const A = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const B = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
const streamer = (id: string): MatchStreamer => ({ id, categories: ['food'], audience: {} });

/** Two tastes: g-streamers take the a-products, h-streamers the b-products; t has only ever looked at a-products. */
function world() {
  const streamers = [
    ...Array.from({ length: 8 }, (_, i) => streamer(`g${i}`)),
    ...Array.from({ length: 8 }, (_, i) => streamer(`h${i}`)),
    streamer('t'),
  ];
  const history: Interaction[] = [];
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 6; j++) {
      if ((i + j) % 3 === 0) continue; // not everyone takes everything
      history.push({ streamer: `g${i}`, product: A[j] as string, kind: 'sale', at: 10 * DAY - j * DAY });
      history.push({ streamer: `h${i}`, product: B[j] as string, kind: 'sale', at: 10 * DAY - j * DAY });
    }
  history.push({ streamer: 't', product: 'a1', kind: 'click', at: 9 * DAY });
  history.push({ streamer: 't', product: 'a2', kind: 'sample', at: 9 * DAY });
  return { catalog: { products: [...A, ...B].map(product), streamers, merchants: [{ id: 'm1', admitted: true }] }, history };
}

const score = (e: MatchingEngine, s: string, p: string) => e.score(e.streamerIndex.get(s) as number, e.productIndex.get(p) as number);

describe('foldIn (fresh events re-rank without retraining)', () => {
  it('after a click on b1, the products like b1 rise for that streamer, and more than the others', () => {
    const { catalog, history } = world();
    const e = MatchingEngine.build(catalog, { history, asOf: 10 * DAY, als: { factors: 4, iterations: 10 } });
    const before = new Map([...A, ...B].map((p) => [p, score(e, 't', p)]));
    const rankBefore = e.rankProducts('t', { k: 12 }).map((r) => r.id);
    e.foldIn('t', [{ streamer: 't', product: 'b1', kind: 'click', at: 10 * DAY }]);
    const delta = (p: string) => score(e, 't', p) - (before.get(p) as number);
    const likeB = B.slice(1).map(delta);
    const aDeltas = A.slice(2).map(delta); // a1, a2 are its own history
    for (const d of likeB) expect(d).toBeGreaterThan(0);
    expect(Math.min(...likeB)).toBeGreaterThan(Math.max(...aDeltas));
    const rankAfter = e.rankProducts('t', { k: 12 }).map((r) => r.id);
    const meanRank = (list: string[]) => B.slice(1).reduce((s, p) => s + list.indexOf(p), 0) / 5;
    expect(meanRank(rankAfter)).toBeLessThan(meanRank(rankBefore));
    // another streamer is untouched
    expect(score(e, 'g0', 'b2')).toBe(
      score(MatchingEngine.build(catalog, { history, asOf: 10 * DAY, als: { factors: 4, iterations: 10 } }), 'g0', 'b2'),
    );
  });

  it('the non-personalised ranking is the same before and after', () => {
    const { catalog, history } = world();
    const e = MatchingEngine.build(catalog, { history, asOf: 10 * DAY, als: { factors: 4, iterations: 10 } });
    const list = () => e.rankProducts('t', { k: 12, personalised: false }).map((r) => [r.id, r.score]);
    const before = list();
    e.foldIn('t', [{ streamer: 't', product: 'b1', kind: 'click', at: 10 * DAY }]);
    expect(list()).toEqual(before);
  });
});
