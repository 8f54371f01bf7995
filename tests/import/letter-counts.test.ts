import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLetters, distinctLetters } from '../../import/read/language.ts';

// the counts the language check made with regular expressions before the loops (import/read/language.ts)
const byRegex = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const distinctByRegex = (text: string) => new Set(text.match(/\p{L}/gu)).size;

describe('letter counts of the language check', () => {
  const corpus = join(import.meta.dirname, '..', '..', 'corpus');
  const texts = readdirSync(corpus).map((f) => readFileSync(join(corpus, f), 'utf8').slice(0, 40_000));

  it('count the letters and the different letters of the corpus as /\\p{L}/gu does', () => {
    for (const text of texts) {
      expect(countLetters(text)).toBe(byRegex(text));
      expect(distinctLetters(text.toLowerCase())).toBe(distinctByRegex(text.toLowerCase()));
    }
  });

  it('count letters beyond the Basic Multilingual Plane once each, and lone surrogates, emoji and marks as no letter', () => {
    const odd = '𝔄𝔅𝔄 abc 😀 \uD800x \uDC00 İstanbul ΣΑΣ 漢字 e\u0301 ǅ 𐐀𐐨';
    expect(countLetters(odd)).toBe(byRegex(odd));
    expect(distinctLetters(odd)).toBe(distinctByRegex(odd));
    expect(countLetters('😀 \uD800 \u0301 123')).toBe(0);
    expect(distinctLetters('𝔄𝔄𝔄 a a')).toBe(2);
  });

  it('agree with the regular expression on every UTF-16 code unit, in random order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 100; k++) {
      const text = String.fromCharCode(...Array.from({ length: 2000 }, () => Math.floor(random() * 0x10000)));
      expect(countLetters(text)).toBe(byRegex(text));
      expect(distinctLetters(text)).toBe(distinctByRegex(text));
    }
  });
});
