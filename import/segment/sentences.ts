/**
 * Sentence boundaries in normalised text: a linear scan, paragraph breaks always end a sentence;
 * '.', '!' and '?' end one when followed by white space and a capital, digit or opening quote,
 * unless the dot ends an initial ("J. de Vries") or a common Dutch abbreviation.
 * A "sentence" of more than MAX_SENTENCE_WORDS words (a heading or line of thousands of words, a
 * list without punctuation) is cut into pieces of at most that many words, so that no later stage
 * ever works on one unbounded unit.
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

/** The longest sentence in words; Dutch prose stays far below (the corpus's longest sentence has 79). */
export const MAX_SENTENCE_WORDS = 150;
/** A sentence this short (characters) cannot hold MAX_SENTENCE_WORDS words: no need to count them. */
const SHORT_SENTENCE = 2 * MAX_SENTENCE_WORDS;
/** How far back from the word budget a cut looks for a better place (after punctuation, before a lower-case word). */
const CUT_LOOKBACK_WORDS = 20;

/** Adds the sentence text[start, end) without its surrounding white space, unless nothing is left. */
function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  while (s < end && isWhite(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  if (e <= s) return;
  if (e - s <= SHORT_SENTENCE) out.push({ start: s, end: e });
  else pushBounded(out, text, s, e);
}

/**
 * Pushes text[s, e) (trimmed) as pieces of at most MAX_SENTENCE_WORDS words. A cut goes at a word
 * boundary; within the last CUT_LOOKBACK_WORDS words of the budget it prefers one after a comma,
 * semicolon or colon, else one before a lower-case word, so that a name is rarely cut in two.
 */
function pushBounded(out: Sentence[], text: string, s: number, e: number): void {
  let pieceStart = s;
  let words = 1;
  let best = -1; // the preferred cut (a word start) seen within the look-back window
  let bestRank = 0;
  for (let i = s + 1; i < e; i++) {
    if (!isWhite(text.charCodeAt(i - 1)) || isWhite(text.charCodeAt(i))) continue;
    // i starts a word
    words++;
    if (words > MAX_SENTENCE_WORDS - CUT_LOOKBACK_WORDS) {
      const before = text.charCodeAt(i - 2);
      const rank = before === 44 || before === 59 || before === 58 ? 2 : isLowerAscii(text.charCodeAt(i)) ? 1 : 0;
      if (rank >= bestRank && rank > 0) {
        best = i;
        bestRank = rank;
      }
    }
    if (words > MAX_SENTENCE_WORDS) {
      const cut = best > pieceStart ? best : i;
      pushPiece(out, text, pieceStart, cut);
      pieceStart = cut;
      // the words between the cut and i belong to the next piece
      words = 1;
      for (let k = cut + 1; k <= i; k++) if (isWhite(text.charCodeAt(k - 1)) && !isWhite(text.charCodeAt(k))) words++;
      best = -1;
      bestRank = 0;
    }
  }
  pushPiece(out, text, pieceStart, e);
}

function pushPiece(out: Sentence[], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && isWhite(text.charCodeAt(e - 1))) e--;
  if (e > start) out.push({ start, end: e });
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
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
