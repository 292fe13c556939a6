import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY, gapBeforeOf, type Normalized, Normalizer, normalizedString, srcEndOf } from './normalize.ts';

const norm = (text: string) => new Normalizer(8).run(text);
const gaps = (n: Normalized) => Array.from({ length: n.length }, (_, k) => (gapBeforeOf(n, k) ? 1 : 0)).join('');

// characters evaders use, and the kinds the normalizer tells apart: CJK (simplified, traditional, numerals), Latin in
// both widths, digits in three spellings, boundaries, removed symbols and emoji, astral letters, lone surrogates
const PIECES = [...'最好低價一三八①⑽ＶＸvxA7０%，。！ ❤*·\u200b\n', '𝐕', '😀', '\ud800', '\udc00', '微信'];

describe('normalizer offsets and gaps', () => {
  it('maps every unit back to one whole original character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const n = norm(text);
        let last = -1;
        for (let k = 0; k < n.length; k++) {
          const at = n.src[k] as number;
          expect(at).toBeGreaterThanOrEqual(last);
          last = at;
          const ch = text.slice(at, srcEndOf(n, k));
          expect([...ch]).toHaveLength(1);
          // a unit's first original unit is never the second half of a surrogate pair
          if (at > 0) expect(/[\ud800-\udbff]/.test(text[at - 1] ?? '') && /[\udc00-\udfff]/.test(text[at] ?? '')).toBe(false);
        }
      }),
    );
  });

  it('counts the longest digit run over removed characters but not over boundaries or other content', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const n = norm(parts.join(''));
        let run = 0;
        let max = 0;
        for (let k = 0; k < n.length; k++) {
          const c = n.codes[k] as number;
          run = c >= 0x30 && c <= 0x39 ? run + 1 : 0;
          max = Math.max(max, run);
        }
        expect(n.maxDigitRun).toBe(max);
      }),
    );
    expect(norm('138 0013 8000').maxDigitRun).toBe(11);
    expect(norm('一三八，0013').maxDigitRun).toBe(4);
  });

  it('tells where removed characters or a boundary stood', () => {
    expect(normalizedString(norm('vx lily'))).toBe('vxlily');
    expect(gaps(norm('vx lily'))).toBe('001000');
    expect(gaps(norm('vxlily'))).toBe('000000');
    // a boundary is a unit of its own, and the unit after it is set apart
    const b = norm('最好。vx');
    expect(b.codes[2]).toBe(BOUNDARY);
    expect(gaps(b)).toBe('00010');
    // removed characters before the first unit count; a character's expansion stays together
    expect(gaps(norm('❤vx'))).toBe('10');
    expect(normalizedString(norm('⑽'))).toBe('10');
    expect(gaps(norm('a⑽'))).toBe('000');
    // an astral letter is one character of two units: nothing stood between it and the next
    const astral = norm('𝐕𝐗');
    expect(normalizedString(astral)).toBe('vx');
    expect([srcEndOf(astral, 0), srcEndOf(astral, 1)]).toEqual([2, 4]);
    expect(gaps(astral)).toBe('00');
    // a lone surrogate is removed, and leaves a gap
    expect(gaps(norm('v\ud800x'))).toBe('01');
  });
});
