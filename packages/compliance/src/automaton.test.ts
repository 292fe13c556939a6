import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton } from './automaton.ts';

/** The obvious quadratic search, as the reference the automaton must agree with. */
function naive(patterns: string[], text: string) {
  const out: Array<{ pattern: number; start: number; end: number }> = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((p, pattern) => {
      if (p.length > 0 && end >= p.length && text.slice(end - p.length, end) === p) out.push({ pattern, start: end - p.length, end });
    });
  }
  return out;
}
const key = (m: { pattern: number; start: number; end: number }) => `${m.end}:${m.start}:${m.pattern}`;

describe('Aho–Corasick automaton', () => {
  it('finds overlapping and nested patterns', () => {
    const a = Automaton.build(['he', 'she', 'his', 'hers', '最好', '好']);
    expect(a.findAll('ushers').map(key).sort()).toEqual(naive(['he', 'she', 'his', 'hers', '最好', '好'], 'ushers').map(key).sort());
    expect(a.findAll('这是最好的')).toEqual([
      { pattern: 4, start: 2, end: 4 },
      { pattern: 5, start: 3, end: 4 },
    ]);
  });

  it('agrees with naive search on random patterns and text', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '最', '好', '微', '信');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (patterns, text) => {
          const got = Automaton.build(patterns).findAll(text).map(key).sort();
          expect(got).toEqual(naive(patterns, text).map(key).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles an empty pattern list and empty text', () => {
    expect(Automaton.build([]).findAll('任何文本')).toEqual([]);
    expect(Automaton.build(['a']).findAll('')).toEqual([]);
  });
});
