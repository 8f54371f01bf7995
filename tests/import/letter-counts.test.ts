import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLetters, countSpaces, distinctLetters, encodedLength, letterRuns } from '../../import/read/language.ts';

// the counts the language check made with regular expressions before the loops (import/read/language.ts)
const byRegex = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const distinctByRegex = (text: string) => new Set(text.match(/\p{L}/gu)).size;
const runsByRegex = (text: string) => text.match(/\p{L}+/gu) ?? [];
const spacesByRegex = (text: string) => text.length - text.replace(/\s+/g, '').length;
const encodedByRegex = (text: string) => {
  let blob = 0;
  for (const token of text.split(/\s+/)) if (token.length >= 24 && /^[A-Za-z0-9+/=_-]+$/.test(token) && /\d/.test(token) && /[a-z]/i.test(token)) blob += token.length;
  return blob;
};

describe('letter counts of the language check', () => {
  const corpus = join(import.meta.dirname, '..', '..', 'corpus');
  const texts = readdirSync(corpus).map((f) => readFileSync(join(corpus, f), 'utf8').slice(0, 40_000));

  it('count the letters and the different letters of the corpus as /\\p{L}/gu does', () => {
    for (const text of texts) {
      expect(countLetters(text)).toBe(byRegex(text));
      expect(distinctLetters(text.toLowerCase())).toBe(distinctByRegex(text.toLowerCase()));
      expect(letterRuns(text.toLowerCase())).toEqual(runsByRegex(text.toLowerCase()));
      expect(countSpaces(text)).toBe(spacesByRegex(text));
      expect(encodedLength(text)).toBe(encodedByRegex(text));
    }
  });

  it('count letters beyond the Basic Multilingual Plane once each, and lone surrogates, emoji and marks as no letter', () => {
    const odd = '𝔄𝔅𝔄 abc 😀 \uD800x \uDC00 İstanbul ΣΑΣ 漢字 e\u0301 ǅ 𐐀𐐨';
    expect(countLetters(odd)).toBe(byRegex(odd));
    expect(distinctLetters(odd)).toBe(distinctByRegex(odd));
    expect(countLetters('😀 \uD800 \u0301 123')).toBe(0);
    expect(distinctLetters('𝔄𝔄𝔄 a a')).toBe(2);
    expect(letterRuns(odd)).toEqual(runsByRegex(odd));
    expect(letterRuns('ab\uD800cd 𝔄x😀y')).toEqual(['ab', 'cd', '𝔄x', 'y']);
    const spaces = ' a\t\n\u00a0\u2003\u3000\ufeff\u200b b\r\n';
    expect(countSpaces(spaces)).toBe(spacesByRegex(spaces));
    const blobs = 'aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ= tekst 0123456789abcdef0123456789abcdef\u00a0abcdefghijklmnopqrstuvwxyzabcd 123456789012345678901234567 x';
    expect(encodedLength(blobs)).toBe(encodedByRegex(blobs));
    expect(encodedLength(blobs)).toBeGreaterThan(0);
  });

  it('agree with the regular expression on every UTF-16 code unit, in random order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 100; k++) {
      const text = String.fromCharCode(...Array.from({ length: 2000 }, () => Math.floor(random() * 0x10000)));
      expect(countLetters(text)).toBe(byRegex(text));
      expect(distinctLetters(text)).toBe(distinctByRegex(text));
      expect(letterRuns(text)).toEqual(runsByRegex(text));
      expect(countSpaces(text)).toBe(spacesByRegex(text));
      expect(encodedLength(text)).toBe(encodedByRegex(text));
    }
  });
});
