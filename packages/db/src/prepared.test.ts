/** The literals `PreparedStatements` puts into an EXECUTE: every string escaped, nothing else let through. */
import { describe, expect, it } from 'vitest';
import { sqlLiteral } from './prepared.ts';

describe('sqlLiteral', () => {
  it('writes null, booleans and finite numbers, and refuses what SQL cannot hold', () => {
    expect(sqlLiteral(null)).toBe('null');
    expect(sqlLiteral(true)).toBe('true');
    expect(sqlLiteral(-12.5)).toBe("'-12.5'");
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });

  it('escapes quotes and backslashes in an E string, whatever standard_conforming_strings says', () => {
    expect(sqlLiteral("O'Brien")).toBe("E'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(sqlLiteral("\\'); drop table users; --")).toBe("E'\\\\''); drop table users; --'");
    expect(sqlLiteral('直播\n带货\t')).toBe("E'直播\n带货\t'");
  });
});
