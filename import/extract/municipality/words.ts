/**
 * Capitalised words of a text, found by one linear scan over its characters (no regular
 * expression per word): the municipality and organisation extractors look up only these, and
 * share the result for the same text. A word starts with a capital or a digit ("Platform31") or
 * with "'s-" ("'s-Hertogenbosch"), not right after a letter, digit or the characters of e-mail
 * addresses, URLs and compounds; inner hyphens, apostrophes, "&", "+" and "*" join parts.
 */
import { blocksNameStart } from './context.ts';

export interface Words {
  /** start, end offsets of each word, flattened */
  spans: Int32Array;
  count: number;
}

function isLetterOrDigit(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  return c < 0x2000; // Latin letters with diacritics, combining marks
}

function isUpperStart(text: string, i: number, c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return true;
  if (c > 0xff && c < 0x2000) {
    const ch = text[i];
    return ch !== ch.toLowerCase();
  }
  return false;
}

const JOINERS = new Set([45, 39, 0x2019, 38, 43, 42]); // - ' ’ & + *

let memoText: string | null = null;
let memoWords: Words | null = null;

export function capitalisedWords(text: string): Words {
  if (memoText === text && memoWords) return memoWords;
  const n = text.length;
  let spans = new Int32Array(256);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let start = -1;
    if (isUpperStart(text, i, c)) {
      if (i === 0 || !blocksNameStart(text.charCodeAt(i - 1))) start = i;
    } else if ((c === 39 || c === 0x2019) && text.charCodeAt(i + 1) === 115 && text.charCodeAt(i + 2) === 45 && (i === 0 || !blocksNameStart(text.charCodeAt(i - 1)))) {
      start = i; // 's-Hertogenbosch
      i += 2;
    }
    if (start < 0) {
      // a lower-case word is skipped whole, anything else one character at a time
      const inWord = isLetterOrDigit(c);
      i++;
      if (inWord) while (i < n && isLetterOrDigit(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isLetterOrDigit(d)) i++;
      else if (JOINERS.has(d) && i + 1 < n && isLetterOrDigit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (count * 2 + 2 > spans.length) {
      const next = new Int32Array(spans.length * 2);
      next.set(spans);
      spans = next;
    }
    spans[count * 2] = start;
    spans[count * 2 + 1] = i;
    count++;
  }
  memoText = text;
  memoWords = { spans, count };
  return memoWords;
}
