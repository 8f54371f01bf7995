/**
 * Sentence boundaries in normalised text: a linear scan, paragraph breaks always end a sentence;
 * '.', '!' and '?' end one when followed by white space and a capital, digit or opening quote,
 * unless the dot ends an initial ("J. de Vries") or a common Dutch abbreviation.
 */
import type { Sentence } from '../model.ts';

const ABBREVIATIONS = new Set([
  'dr', 'drs', 'mr', 'prof', 'ir', 'ing', 'ds', 'mw', 'mevr', 'dhr', 'hr', 'st', 'bijv', 'bv', 'pag', 'p', 'nr', 'ca',
  'jl', 'resp', 'vs', 'vgl', 'zgn', 'etc', 'evt', 'incl', 'excl', 'min', 'max', 'tel', 'mob', 'o.a', 'e.d', 'a.s', 'd.w.z',
  'm.b.t', 't.a.v', 'i.p.v', 'i.s.m', 'o.l.v', 'z.g.a.n', 'jr', 'sr', 'blz', 'afb', 'fig', 'ed', 'red',
]);

// Per-code-unit tests with charCodeAt: indexing text[i] would make a string of every character.
const AFTER_END = /[\p{Lu}\d‘'“"(]/u;
const LETTER_OR_DOT = /[\p{L}.]/u;
const UPPER = /\p{Lu}/u;
/** Bits per BMP code unit, filled on first sight (KNOWN set): whether it may start a sentence, is a letter or '.', is an upper-case letter. */
const KNOWN = 1;
const STARTS_SENTENCE = 2;
const LETTER_OR_DOT_BIT = 4;
const UPPER_BIT = 8;
const charBits = new Uint8Array(0x10000);

function bitsOf(c: number): number {
  let bits = charBits[c];
  if (bits === 0) {
    const ch = String.fromCharCode(c);
    bits = KNOWN | (AFTER_END.test(ch) ? STARTS_SENTENCE : 0) | (LETTER_OR_DOT.test(ch) ? LETTER_OR_DOT_BIT : 0) | (UPPER.test(ch) ? UPPER_BIT : 0);
    charBits[c] = bits;
  }
  return bits;
}

/** ’ ' ” " ) */
function isCloser(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 0x201d || c === 34 || c === 41;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Adds the sentence text[start, end) without its surrounding white space, unless nothing is left. */
function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  while (s < end && isWhite(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** Where a sentence may end: a paragraph break or '.', '!', '?'. A regex scan (test and lastIndex: nothing allocated) is twice as fast here as a charCodeAt loop. */
const MAY_END = /\n\n|[.!?]/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = text.length;
  MAY_END.lastIndex = 0;
  while (MAY_END.test(text)) {
    const i = MAY_END.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 10) {
      // a paragraph break; i is its second newline
      pushTrimmed(out, text, start, i - 1);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j >= n || text.charCodeAt(j) !== 32) continue;
    if (j + 1 >= n || (bitsOf(text.charCodeAt(j + 1)) & STARTS_SENTENCE) === 0) continue;
    if (c === 46 && isAbbreviation(text, i)) continue;
    pushTrimmed(out, text, start, j);
    start = j + 1;
    MAY_END.lastIndex = j + 1;
  }
  pushTrimmed(out, text, start, n);
  return out;
}

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && (bitsOf(text.charCodeAt(k)) & LETTER_OR_DOT_BIT) !== 0 && dot - k <= 12) k--;
  const length = dot - k - 1;
  if (length === 1 && (bitsOf(text.charCodeAt(dot - 1)) & UPPER_BIT) !== 0) return true; // initial
  return length > 0 && length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(k + 1, dot).toLowerCase());
}

/** Index of the sentence containing offset `pos` (binary search), or -1. */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentence containing offset `pos`. */
export function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  return sentences[sentenceIndexAt(sentences, pos)];
}
