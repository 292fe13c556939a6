/** Example and property tests for the identifier validators (GB 32100, GB 11714, GB 11643, mobile numbers). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  chinaCalendarDate,
  creditCodeCheckChar,
  idNumberCheckChar,
  normalizeIdentifier,
  orgCodeCheckChar,
  streamerAgeRule,
  validateCreditCode,
  validateIdNumber,
  validateMobile,
} from './identifiers.ts';

const RUNS = { numRuns: 300 };
const ALPHABET = [...CREDIT_CODE_ALPHABET];
const DIGITS = [...'0123456789'];
const DAY_MS = 86_400_000;
const TODAY = new Date('2026-03-01T00:00:00Z');

// ----------------------------------------------------------------------------------------------------------------
// Generators and helpers
// ----------------------------------------------------------------------------------------------------------------

const chars = (alphabet: string[], length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));

/** A valid credit code; when position 1 is '9' the embedded org code gets its own valid check char. */
const creditCodeArb = fc.tuple(fc.oneof(fc.constant('9'), fc.constantFrom(...ALPHABET)), chars(ALPHABET, 16)).map(([first, rest]) => {
  let body = first + rest;
  if (first === '9') body = body.slice(0, 16) + orgCodeCheckChar(body.slice(8, 16));
  return body + creditCodeCheckChar(body);
});

/** A UTC-midnight date between 1900-01-01 and 2026-03-01 inclusive. */
const pastDateArb = fc
  .integer({ min: 0, max: (Date.UTC(2026, 2, 1) - Date.UTC(1900, 0, 1)) / DAY_MS })
  .map((k) => new Date(Date.UTC(1900, 0, 1) + k * DAY_MS));

const ymd = (d: Date) =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;

const withIdCheck = (body17: string) => body17 + idNumberCheckChar(body17);

const idArb = fc.record({ region: chars(DIGITS, 6), birth: pastDateArb, seq: fc.integer({ min: 0, max: 999 }) }).map((r) => ({
  ...r,
  id: withIdCheck(r.region + ymd(r.birth) + String(r.seq).padStart(3, '0')),
}));

const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const swapAt = (s: string, i: number, j: number) => {
  const a = [...s];
  [a[i], a[j]] = [a[j]!, a[i]!];
  return a.join('');
};

/** Half-width ASCII → full-width form. */
const toFullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** Randomly full-width / lower-case each character and pad with (ideographic) spaces. */
const disguise = (s: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom('plain', 'full', 'lower', 'fullLower'), { minLength: s.length, maxLength: s.length }),
      fc.constantFrom('', ' ', '\u3000', '\t '),
      fc.constantFrom('', ' ', '\u3000', '\n'),
    )
    .map(
      ([modes, pre, post]) =>
        pre +
        [...s]
          .map((c, i) => {
            const m = modes[i];
            if (m === 'full') return toFullWidth(c);
            if (m === 'lower') return c.toLowerCase();
            if (m === 'fullLower') return toFullWidth(c.toLowerCase());
            return c;
          })
          .join('') +
        post,
    );

// ----------------------------------------------------------------------------------------------------------------
// 统一社会信用代码
// ----------------------------------------------------------------------------------------------------------------

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the known-good example and extracts its fields', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      regionCode: '350100',
      registrationAuthority: '9',
      orgCode: 'M000100Y4',
    });
  });

  it('reports each failure reason with a bilingual message', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateCreditCode('91350100M000100Y4I')).toMatchObject({ ok: false, reason: 'charset' });
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({
      ok: false,
      reason: 'check_char',
      message: { zh: '统一社会信用代码校验位错误', en: 'Wrong check character in the unified social credit code' },
    });
    // Valid overall check character but a wrong embedded org-code check character (5 instead of 4).
    const badOrg = '91350100M000100Y5';
    const code = badOrg + creditCodeCheckChar(badOrg);
    expect(validateCreditCode(code)).toMatchObject({ ok: false, reason: 'org_code_check' });
    // The same body under another registration authority: org-code check deliberately not enforced.
    const other = 'Y1350100M000100Y5';
    expect(validateCreditCode(other + creditCodeCheckChar(other))).toMatchObject({ ok: true, registrationAuthority: 'Y' });
    for (const input of ['91350100M000100Y4', '91350100M000100Y4I', '91350100M000100Y44', code]) {
      const res = validateCreditCode(input);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.message.zh).toMatch(/统一社会信用代码/);
        expect(res.message.en).toMatch(/unified social credit code/);
      }
    }
  });

  it('check-char function refuses malformed bodies', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100YI')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100m000100Y4')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('M000100')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('M000100-')).toThrow(RangeError);
  });

  it('maps an all-zero body to check value 0 (31 → 0)', () => {
    expect(creditCodeCheckChar('0'.repeat(17))).toBe('0');
    expect(validateCreditCode('0'.repeat(18)).ok).toBe(true);
  });

  it('property: generated codes validate and round-trip their fields', () => {
    fc.assert(
      fc.property(creditCodeArb, (code) => {
        const r = validateCreditCode(code);
        expect(r).toEqual({
          ok: true,
          code,
          regionCode: code.slice(2, 8),
          registrationAuthority: code.charAt(0),
          orgCode: code.slice(8, 17),
        });
      }),
      RUNS,
    );
  });

  it('property: every single-character substitution is detected by the check character', () => {
    fc.assert(
      fc.property(creditCodeArb, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...ALPHABET), (code, i, c) => {
        fc.pre(code.charAt(i) !== c);
        expect(validateCreditCode(replaceAt(code, i, c))).toMatchObject({ ok: false, reason: 'check_char' });
      }),
      RUNS,
    );
  });

  it('property: every transposition of two different characters is detected, except positions 1 ↔ 18', () => {
    // 3 has order 30 mod 31, so the 17 weights are distinct; the check character has implicit weight 1, which is also
    // the weight of position 1 — the one pair whose swap the code cannot see.
    fc.assert(
      fc.property(creditCodeArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 17 }), (code, i, j) => {
        fc.pre(i !== j && code.charAt(i) !== code.charAt(j));
        const r = validateCreditCode(swapAt(code, i, j));
        if (i + j === 17 && i * j === 0) {
          // Undetected by the check character; only the org-code check (if the new position 1 is '9') may object.
          const orgValid = orgCodeCheckChar(code.slice(8, 16)) === code.charAt(16);
          expect(r.ok ? 'ok' : r.reason).toBe(code.charAt(17) !== '9' || orgValid ? 'ok' : 'org_code_check');
        } else expect(r).toMatchObject({ ok: false, reason: 'check_char' });
      }),
      { numRuns: 1000 },
    );
    const other = 'Y1350100M000100Y5';
    const code = other + creditCodeCheckChar(other);
    expect(code.charAt(17)).not.toBe('Y');
    expect(validateCreditCode(swapAt(code, 0, 17)).ok).toBe(true);
  });

  it('property: adjacent transpositions are detected', () => {
    fc.assert(
      fc.property(creditCodeArb, fc.integer({ min: 0, max: 16 }), (code, i) => {
        fc.pre(code.charAt(i) !== code.charAt(i + 1));
        expect(validateCreditCode(swapAt(code, i, i + 1)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('property: full-width, lower-case and padded input normalizes', () => {
    fc.assert(
      fc.property(
        creditCodeArb.chain((code) => fc.tuple(fc.constant(code), disguise(code))),
        ([code, input]) => {
          expect(validateCreditCode(input)).toMatchObject({ ok: true, code });
        },
      ),
      RUNS,
    );
  });

  it('property: any character outside the alphabet is a charset error', () => {
    const outside = fc.constantFrom(...'IOZSV-_.#', '中');
    fc.assert(
      fc.property(creditCodeArb, fc.integer({ min: 0, max: 17 }), outside, (code, i, c) => {
        expect(validateCreditCode(replaceAt(code, i, c))).toMatchObject({ ok: false, reason: 'charset' });
      }),
      RUNS,
    );
  });
});

// ----------------------------------------------------------------------------------------------------------------
// 居民身份证号码
// ----------------------------------------------------------------------------------------------------------------

describe('resident identity card number (GB 11643-1999)', () => {
  it('accepts the classic GB 11643 example 11010519491231002X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      age: 76,
    });
  });

  it('computes the check char of the other standard example, whose 1880 birth year we refuse', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(validateIdNumber('440524188001010014', TODAY)).toMatchObject({ ok: false, reason: 'birth_date' });
  });

  it('derives sex from the parity of the sequence code', () => {
    const male = withIdCheck('11010519900101001');
    expect(validateIdNumber(male, TODAY)).toMatchObject({ ok: true, sex: 'male', birthDate: '1990-01-01', age: 36 });
  });

  it('reports each failure reason with a bilingual message', () => {
    const cases: [string, string][] = [
      ['1101051949123100', 'length'],
      ['1101051949123100AX', 'charset'],
      ['X1010519491231002X', 'charset'],
      [withIdCheck('11010520230230001'), 'birth_date'],
      [withIdCheck('11010520231301001'), 'birth_date'],
      [withIdCheck('11010520230000001'), 'birth_date'],
      [withIdCheck('11010518991231001'), 'birth_date'],
      [withIdCheck('11010520260302001'), 'future_birth'],
      ['110105194912310021', 'check_char'],
    ];
    for (const [input, reason] of cases) {
      const r = validateIdNumber(input, TODAY);
      expect(r, input).toMatchObject({ ok: false, reason });
      if (!r.ok) {
        expect(r.message.zh).toMatch(/居民身份证号码/);
        expect(r.message.en).toMatch(/resident identity card number/);
      }
    }
    expect(validateIdNumber('110105194912310021', TODAY)).toMatchObject({
      message: { zh: '居民身份证号码校验位错误', en: 'Wrong check character in the resident identity card number' },
    });
  });

  it('accepts a birth date equal to today, and takes "today" in China Standard Time', () => {
    const bornToday = withIdCheck('11010520260301001');
    expect(validateIdNumber(bornToday, TODAY)).toMatchObject({ ok: true, age: 0 });
    // 2026-02-28T16:00Z is already 2026-03-01 in Beijing.
    expect(validateIdNumber(bornToday, new Date('2026-02-28T16:00:00Z'))).toMatchObject({ ok: true });
    expect(validateIdNumber(bornToday, new Date('2026-02-28T15:59:59Z'))).toMatchObject({ ok: false, reason: 'future_birth' });
    expect(chinaCalendarDate(new Date('2026-02-28T16:00:00Z'))).toEqual({ year: 2026, month: 3, day: 1 });
    expect(() => chinaCalendarDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('has people born on 29 February turn a year older on 1 March in non-leap years', () => {
    const leapling = withIdCheck('11010520080229002'); // born 2008-02-29
    expect(validateIdNumber(leapling, new Date('2026-02-28T00:00:00Z'))).toMatchObject({ ok: true, age: 17 });
    expect(validateIdNumber(leapling, new Date('2026-03-01T00:00:00Z'))).toMatchObject({ ok: true, age: 18 });
    expect(validateIdNumber(leapling, new Date('2028-02-28T00:00:00Z'))).toMatchObject({ ok: true, age: 19 });
    expect(validateIdNumber(leapling, new Date('2028-02-29T00:00:00Z'))).toMatchObject({ ok: true, age: 20 });
  });

  it('check-char function refuses malformed bodies', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
    expect(() => idNumberCheckChar(toFullWidth('11010519491231002'))).toThrow(RangeError);
  });

  it('property: generated numbers validate and round-trip region, birth date and sex', () => {
    fc.assert(
      fc.property(idArb, ({ id, region, birth, seq }) => {
        const r = validateIdNumber(id, TODAY);
        expect(r).toMatchObject({
          ok: true,
          id,
          regionCode: region,
          birthDate: birth.toISOString().slice(0, 10),
          sex: seq % 2 === 1 ? 'male' : 'female',
        });
      }),
      RUNS,
    );
  });

  it('property (check function): every single-digit substitution in the body changes the check character', () => {
    fc.assert(
      fc.property(chars(DIGITS, 17), fc.integer({ min: 0, max: 16 }), fc.constantFrom(...DIGITS), (body, i, d) => {
        fc.pre(body.charAt(i) !== d);
        expect(idNumberCheckChar(replaceAt(body, i, d))).not.toBe(idNumberCheckChar(body));
      }),
      RUNS,
    );
  });

  it('property: every single-character substitution makes validation fail', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...DIGITS, 'X'), ({ id }, i, c) => {
        fc.pre(id.charAt(i) !== c);
        const r = validateIdNumber(replaceAt(id, i, c), TODAY);
        expect(r.ok).toBe(false);
        // A substitution outside the birth date, keeping the charset, can only be caught by the check character.
        if (c !== 'X' && (i < 6 || i >= 14)) expect(r).toMatchObject({ reason: 'check_char' });
      }),
      RUNS,
    );
  });

  it('property: every adjacent transposition of two different characters makes validation fail', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 16 }), ({ id }, i) => {
        fc.pre(id.charAt(i) !== id.charAt(i + 1));
        expect(validateIdNumber(swapAt(id, i, i + 1), TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('property (check function): adjacent transpositions in the body always change the check character', () => {
    fc.assert(
      fc.property(chars(DIGITS, 17), fc.integer({ min: 0, max: 15 }), (body, i) => {
        fc.pre(body.charAt(i) !== body.charAt(i + 1));
        expect(idNumberCheckChar(swapAt(body, i, i + 1))).not.toBe(idNumberCheckChar(body));
      }),
      RUNS,
    );
  });

  it('limitation, asserted as fact: swaps of positions 10 apart are NOT detected (2 has order 10 mod 11, so weights repeat)', () => {
    fc.assert(
      fc.property(chars(DIGITS, 17), fc.integer({ min: 0, max: 6 }), (body, i) => {
        expect(idNumberCheckChar(swapAt(body, i, i + 10))).toBe(idNumberCheckChar(body));
      }),
      RUNS,
    );
    // Concretely: the last region digit (position 6) and the middle sequence digit (position 16) swapped.
    const a = withIdCheck('11010519491231002');
    const b = swapAt(a, 5, 15);
    expect(b).toBe('11010019491231052X');
    expect(b).not.toBe(a);
    expect(validateIdNumber(b, TODAY).ok).toBe(true);
  });

  it('property: lower-case x, full-width and padded input normalizes', () => {
    fc.assert(
      fc.property(
        idArb.chain(({ id }) => fc.tuple(fc.constant(id), disguise(id))),
        ([id, input]) => {
          expect(validateIdNumber(input, TODAY)).toMatchObject({ ok: true, id });
        },
      ),
      RUNS,
    );
    expect(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, id: '11010519491231002X' });
  });

  it('property: a birth date is accepted exactly when it is a real calendar date from 1900 on', () => {
    const farFuture = new Date('2200-01-01T00:00:00Z');
    const isRealDate = (y: number, m: number, d: number) => {
      const t = new Date(Date.UTC(2000, m - 1, d));
      t.setUTCFullYear(y);
      return m >= 1 && m <= 12 && d >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 1899 }), fc.constantFrom(1900, 2000, 2100, 2024, 2023)),
        fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 })),
        fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31), fc.integer({ min: 0, max: 99 })),
        (y, m, d) => {
          const body = `110105${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}001`;
          const r = validateIdNumber(withIdCheck(body), farFuture);
          if (y >= 1900 && isRealDate(y, m, d)) expect(r.ok).toBe(true);
          else expect(r).toMatchObject({ ok: false, reason: 'birth_date' });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: dates after today are refused as future births', () => {
    fc.assert(
      fc.property(pastDateArb, fc.integer({ min: 1, max: 36_500 }), (today, ahead) => {
        const birth = new Date(today.getTime() + ahead * DAY_MS);
        fc.pre(birth.getUTCFullYear() <= 9999);
        expect(validateIdNumber(withIdCheck(`110105${ymd(birth)}001`), today)).toMatchObject({ ok: false, reason: 'future_birth' });
      }),
      RUNS,
    );
  });

  it('property: age agrees with a reference implementation (nth birthday via Date.UTC overflow), 29 Feb included', () => {
    /** Completed years: the largest n whose nth birthday ≤ today; Date.UTC rolls 29 Feb into 1 Mar in non-leap years. */
    const referenceAge = (birth: Date, today: Date) => {
      let n = 0;
      while (Date.UTC(birth.getUTCFullYear() + n + 1, birth.getUTCMonth(), birth.getUTCDate()) <= today.getTime()) n++;
      return n;
    };
    const leapDayArb = fc.integer({ min: 0, max: 31 }).map((k) => new Date(Date.UTC(1904 + 4 * k, 1, 29)));
    const birthArb = fc.oneof(pastDateArb, leapDayArb);
    const todayAround = (birth: Date) =>
      fc.oneof(
        fc.integer({ min: 0, max: 130 * 366 }).map((k) => new Date(birth.getTime() + k * DAY_MS)),
        // Near a birthday: Feb 27 – Mar 2 of a random later year.
        fc
          .tuple(fc.integer({ min: 0, max: 125 }), fc.constantFrom([1, 27], [1, 28], [1, 29], [2, 1], [2, 2]))
          .map(([dy, [m, d]]) => new Date(Date.UTC(birth.getUTCFullYear() + dy, m!, d!)))
          .filter((t) => t.getTime() >= birth.getTime()),
      );
    fc.assert(
      fc.property(
        birthArb.chain((birth) => fc.tuple(fc.constant(birth), todayAround(birth))),
        ([birth, today]) => {
          const r = validateIdNumber(withIdCheck(`110105${ymd(birth)}002`), today);
          expect(r).toMatchObject({ ok: true, age: referenceAge(birth, today) });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('streamer age rule (网络直播营销管理办法（试行）第十七条)', () => {
  it('refuses under 16, needs guardian consent at 16–17, adult from 18', () => {
    expect(streamerAgeRule(0)).toBe('refused_under_16');
    expect(streamerAgeRule(15)).toBe('refused_under_16');
    expect(streamerAgeRule(16)).toBe('guardian_consent_required');
    expect(streamerAgeRule(17)).toBe('guardian_consent_required');
    expect(streamerAgeRule(18)).toBe('adult');
    expect(streamerAgeRule(120)).toBe('adult');
  });

  it('rejects ages that are not non-negative integers', () => {
    for (const bad of [-1, 15.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => streamerAgeRule(bad)).toThrow(RangeError);
  });

  it('applies to the age from the ID number, turning 16 on the birthday itself', () => {
    const id = withIdCheck('11010520100301001'); // born 2010-03-01
    const dayBefore = validateIdNumber(id, new Date('2026-02-28T00:00:00Z'));
    const birthday = validateIdNumber(id, TODAY);
    expect(dayBefore.ok && streamerAgeRule(dayBefore.age)).toBe('refused_under_16');
    expect(birthday.ok && streamerAgeRule(birthday.age)).toBe('guardian_consent_required');
  });
});

// ----------------------------------------------------------------------------------------------------------------
// Mobile numbers
// ----------------------------------------------------------------------------------------------------------------

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting 13–19, with separators and country prefix removed', () => {
    for (const input of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+86-13812345678',
      '8613812345678',
      ' １３８１２３４５６７８ ',
    ]) {
      expect(validateMobile(input), input).toEqual({ ok: true, mobile: '13812345678' });
    }
    expect(validateMobile('19912345678')).toEqual({ ok: true, mobile: '19912345678' });
  });

  it('rejects wrong length, non-digits and prefixes outside 1[3-9]', () => {
    expect(validateMobile('1381234567')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateMobile('138123456789')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateMobile('')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateMobile('+8513812345678')).toMatchObject({ ok: false, reason: 'charset' });
    expect(validateMobile('138a2345678')).toMatchObject({ ok: false, reason: 'charset' });
    expect(validateMobile('(138)12345678')).toMatchObject({ ok: false, reason: 'charset' });
    expect(validateMobile('12812345678')).toMatchObject({ ok: false, reason: 'prefix' });
    expect(validateMobile('02112345678')).toMatchObject({ ok: false, reason: 'prefix' });
    const r = validateMobile('12812345678');
    if (!r.ok) expect(r.message).toEqual({ zh: '手机号码应以13至19开头', en: 'A mainland mobile number must start with 13 to 19' });
  });

  it('property: every 1[3-9] + 9-digit number validates in any accepted spelling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'3456789'),
        chars(DIGITS, 9),
        fc.constantFrom('', '+86', '86', '+86 ', '+86-'),
        fc.constantFrom('', ' ', '-'),
        (second, rest, prefix, sep) => {
          const mobile = `1${second}${rest}`;
          const spelled = prefix + mobile.slice(0, 3) + sep + mobile.slice(3, 7) + sep + mobile.slice(7);
          expect(validateMobile(spelled)).toEqual({ ok: true, mobile });
        },
      ),
      RUNS,
    );
  });
});

describe('normalizeIdentifier', () => {
  it('folds full-width ASCII and the ideographic space, trims and upper-cases', () => {
    expect(normalizeIdentifier('\u3000９１ａｂc\u3000')).toBe('91ABC');
    expect(normalizeIdentifier('１２３－４')).toBe('123-4');
  });
});
