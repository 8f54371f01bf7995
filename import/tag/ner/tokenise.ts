/**
 * Dutch tokeniser with exact character offsets, close to the CoNLL-2002 token conventions:
 * punctuation apart, hyphenated compounds and 's-/'t-forms whole, initials and known abbreviations
 * keep their dot, e-mail addresses and URLs stay one token.
 */
import { FNV_OFFSET, FNV_PRIME, hashRange } from './hash.ts';

export interface NerToken {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'dr', 'drs', 'prof', 'mr', 'ir', 'ing', 'ds', 'mevr', 'dhr', 'mw', 'hr', 'st', 'bv', 'nv', 'vzw', 'enz', 'etc', 'fr',
  'tel', 'nr', 'blz', 'pag', 'jr', 'sr', 'gem', 'ca', 'vs', 'max', 'min', 'incl', 'excl', 'resp', 'evt', 'bijv', 'bv',
  'zgn', 'afd', 'adv', 'mln', 'mld', 'mrd', 'pct', 'km', 'cm', 'kg', 'drs', 'lic', 'bvba', 'plv', 'vgl', 'red', 'wnd',
]);

const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

const URL_PART = String.raw`(?:https?:\/\/|www\.)[^\s<>()\[\]{}"]*[^\s<>()\[\]{}".,;:!?'’]`;
const EMAIL_PART = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`;
const OTHER_PARTS = [
  String.raw`['’][stn]-[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*`, // 's-Hertogenbosch
  String.raw`['’](?:s|t|n)(?![\p{L}\p{N}])`, // 's 't 'n
  String.raw`['’]\p{N}{2}(?!\p{N})`, // '81
  String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // o.a. B.V. i.p.v.
  String.raw`\p{N}+(?:[.,:\/-]\p{N}+)*(?:-?\p{L}+)?`, // 2.500 12:30 1-0 3e 20ste
  String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’&\-][\p{L}\p{M}\p{N}]+)*`, // words, compounds
  String.raw`\S`,
];

/**
 * The token pattern, URL first, then e-mail, then the rest. A text without "http://", "https://" or
 * "www." can hold no URL, and one without "@" no e-mail address: it gets the pattern without those
 * alternatives (same tokens), sparing the engine a failed e-mail match, which scans each word
 * twice, at every token.
 */
const TOKEN_PATTERNS = [0, 1, 2, 3].map((k) => new RegExp([...(k & 1 ? [URL_PART] : []), ...(k & 2 ? [EMAIL_PART] : []), ...OTHER_PARTS].join('|'), 'gu'));

function tokenPattern(text: string): RegExp {
  const url = text.includes('www.') || text.includes('http://') || text.includes('https://');
  return TOKEN_PATTERNS[(url ? 1 : 0) + (text.includes('@') ? 2 : 0)];
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** Characters after a run of ASCII letters that no token pattern can take in: the run is the whole token. */
const ENDS_PLAIN_WORD = new Uint8Array(128);
for (const ch of ' \n\t\r,;!?()"/') ENDS_PLAIN_WORD[ch.charCodeAt(0)] = 1;
/**
 * ASCII punctuation that, in a text with no URL and no e-mail address, only the last alternative (\S)
 * can take: a token of its own character. ("." may start an e-mail address, quotes an 's-form.)
 */
const LONE_PUNCTUATION = new Uint8Array(128);
for (const ch of '.,:;!?()"/') LONE_PUNCTUATION[ch.charCodeAt(0)] = 1;

/**
 * Tokens in parallel arrays, no object per token: token k is text[starts[k] .. ends[k]), and
 * words[k] when the words were asked for. hashes[k] is the token's FNV-1a hash (hashString of its
 * word, as a signed 32-bit value), made while the tokeniser reads it: the tagger's word table files
 * words under it, so that the word's characters are not read again to hash them.
 */
export interface TokenList {
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  length: number;
}


export function tokenise(text: string): NerToken[] {
  const list = tokeniseList(text);
  const tokens: NerToken[] = new Array(list.length);
  for (let k = 0; k < list.length; k++) tokens[k] = { text: list.words[k], start: list.starts[k], end: list.ends[k] };
  return tokens;
}

/** The tokens of `text`; `withWords`: their strings too (else `words` stays empty). */
export function tokeniseList(text: string, withWords = true): TokenList {
  const words: string[] = [];
  let starts = new Int32Array(Math.min(text.length, 64 + (text.length >> 2)));
  let ends = new Int32Array(starts.length);
  let hashes = new Int32Array(starts.length);
  let count = 0;
  const grown = (a: Int32Array<ArrayBuffer>) => {
    const b = new Int32Array(2 * count + 16);
    b.set(a);
    return b;
  };
  const push = (word: string | null, start: number, end: number, hash: number) => {
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
      hashes = grown(hashes);
    }
    if (withWords) words.push(word ?? text.slice(start, end));
    starts[count] = start;
    hashes[count] = hash;
    ends[count++] = end;
  };
  const TOKEN = tokenPattern(text);
  // no URL and no e-mail address: more tokens need no regular expression (see below)
  const prose = TOKEN === TOKEN_PATTERNS[0];
  const length = text.length;
  let p = 0;
  while (p < length) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      p++;
      continue;
    }
    // Most tokens are plain ASCII words followed by a space or punctuation that starts no URL, e-mail
    // address, initial or compound: they need no regular expression.
    if (isAsciiLetter(c)) {
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let q = p + 1;
      for (let d = q < length ? text.charCodeAt(q) : 0; q < length && isAsciiLetter(d); d = text.charCodeAt(++q)) h = Math.imul(h ^ d, FNV_PRIME);
      const after = q === length ? 32 : text.charCodeAt(q);
      if (after < 128 && ENDS_PLAIN_WORD[after] === 1) {
        push(null, p, q, h);
        p = q;
        continue;
      }
      // In prose, a word of two letters or more before ":" or "." is the word pattern's match too (the
      // initials pattern needs one letter before each dot); a known abbreviation keeps its dot.
      if (prose && (after === 58 || (after === 46 && q - p >= 2))) {
        const abbreviation = after === 46 && q - p <= MAX_ABBREVIATION && ABBREVIATIONS.has(text.slice(p, q).toLowerCase());
        const end = abbreviation ? q + 1 : q;
        push(null, p, end, abbreviation ? Math.imul(h ^ 46, FNV_PRIME) : h);
        p = end;
        continue;
      }
    } else if (prose && c < 128 && LONE_PUNCTUATION[c] === 1) {
      push(null, p, p + 1, Math.imul(FNV_OFFSET ^ c, FNV_PRIME));
      p++;
      continue;
    }
    TOKEN.lastIndex = p;
    const m = TOKEN.exec(text);
    if (!m) break;
    let word = m[0];
    let end = m.index + word.length;
    // Initials ("J.") and known abbreviations ("dr.", "tel.") keep their dot.
    if (text.charCodeAt(end) === 46 /* . */ && /^\p{L}+$/u.test(word) && (word.length === 1 ? /\p{Lu}/u.test(word) : ABBREVIATIONS.has(word.toLowerCase()))) {
      word += '.';
      end += 1;
    }
    push(word, m.index, end, hashRange(text, m.index, end));
    p = end;
  }
  return { words, starts, ends, hashes, length: count };
}

const MAX_SENTENCE_TOKENS = 150;
/** Closing quotes and brackets (single characters) that may follow a sentence end. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const STARTS_LOWER = /^\p{Ll}/u;
const CLOSER_CODES = new Set([...CLOSERS].map((c) => c.charCodeAt(0)));

/** Does text[start .. end) start with a lower-case letter? */
function startsLower(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 128) return c >= 97 && c <= 122;
  return STARTS_LOWER.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Is text[start .. end) a closing quote or bracket? */
const isCloser = (text: string, start: number, end: number) => end - start === 1 && CLOSER_CODES.has(text.charCodeAt(start));

/** . ! ? runs, or an ellipsis character. */
function isSentenceEnd(text: string, start: number, end: number): boolean {
  if (end - start === 1 && text.charCodeAt(start) === 0x2026 /* … */) return true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 46 && c !== 33 && c !== 63) return false;
  }
  return end > start;
}

/**
 * Groups tokens into sentences: after . ! ? (or a closing quote/bracket after them) when the next token
 * does not start lower-case, at blank lines, at line breaks before a token that does not start lower-case, and every
 * MAX_SENTENCE_TOKENS tokens at most.
 */
export function splitSentences(text: string, tokens: NerToken[]): NerToken[][] {
  const list: TokenList = { words: tokens.map((t) => t.text), starts: Int32Array.from(tokens, (t) => t.start), ends: Int32Array.from(tokens, (t) => t.end), hashes: Int32Array.from(tokens, (t) => hashRange(t.text, 0, t.text.length)), length: tokens.length };
  const bounds: number[] = [];
  sentenceStarts(text, list, 0, tokens.length, bounds);
  bounds.push(tokens.length);
  return bounds.slice(0, -1).map((from, k) => tokens.slice(from, bounds[k + 1]));
}

/** splitSentences() over tokens[from .. to) of a token list: pushes the index of each sentence's first token to `out`. */
export function sentenceStarts(text: string, tokens: TokenList, from: number, to: number, out: number[]): void {
  const { starts, ends } = tokens;
  let size = 0;
  let pendingEnd = false;
  for (let i = from; i < to; i++) {
    const start = starts[i];
    const end = ends[i];
    if (size) {
      const prevEnd = ends[i - 1];
      let newlines = 0;
      for (let k = prevEnd; k < start; k++) if (text.charCodeAt(k) === 10) newlines++;
      let split = newlines >= 2 || size >= MAX_SENTENCE_TOKENS;
      if (!split && (newlines === 1 || pendingEnd)) {
        const lower = startsLower(text, start);
        const closing = start === prevEnd && isCloser(text, start, end);
        split = (newlines === 1 && !lower) || (pendingEnd && !lower && !closing);
      }
      if (split) size = 0;
    }
    if (size === 0) out.push(i);
    size++;
    if (isSentenceEnd(text, start, end)) pendingEnd = true;
    else if (!isCloser(text, start, end)) pendingEnd = false;
  }
}
