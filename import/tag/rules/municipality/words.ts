/**
 * Capitalised words of a text, found by one scan over its characters (no regular expression
 * per word): the municipality and organisation extractors look up only these, and
 * share the result for the same text. A word starts with a capital or a digit ("Platform31") or
 * with "'s-" ("'s-Hertogenbosch"), not right after a letter, digit or the characters of e-mail
 * addresses, URLs and compounds; inner hyphens, apostrophes, "&", "+" and "*" join parts.
 */
import { blocksNameStart } from './context.ts';

export interface Words {
  /** start, end offsets of each word, flattened */
  spans: Int32Array;
  count: number;
  /** each word in lower case, for gazetteer lookups */
  lower: string[];
  /** false for words of digits only ("2018") */
  hasLetter: Uint8Array;
}

/** Character classes for the scan, one table lookup per character. */
const WORDCHAR = 1;
const UPPER_START = 2;
const JOINER = 4;
const BLOCKS = 8;
const TABLE_SIZE = 0x2000;
const CLASS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  let k = 0;
  const ch = String.fromCharCode(c);
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  const digit = c >= 48 && c <= 57;
  if (letter || digit) k |= WORDCHAR;
  if (digit || (c >= 65 && c <= 90) || (c >= 0xc0 && ch !== ch.toLowerCase())) k |= UPPER_START;
  if (c === 45 || c === 39 || c === 38 || c === 43 || c === 42) k |= JOINER; // - ' & + *
  if (blocksNameStart(c)) k |= BLOCKS;
  CLASS[c] = k;
}

function cls(c: number): number {
  if (c < TABLE_SIZE) return CLASS[c];
  return c === 0x2019 ? JOINER : 0; // ’
}

/**
 * Where a word may start: a superset of the capitals and digits (and the quotes of "'s-", "’s-", "‘s-"), so that
 * the regular expression engine, faster than a loop over the characters, skips the lower-case text.
 */
const MAY_START = /[A-Z0-9'\u00c0-\u1fff\u2018\u2019]/g;

let memoText: string | null = null;
let memoWords: Words | null = null;

/**
 * The words are scanned into a scratch array that is reused, then copied into a view carved out
 * of one shared block: a typed array of its own per section costs more than the scan of a short
 * section. A view is never handed out twice, so results stay valid.
 */
const POOL_INTS = 1 << 16;
let pool = new Int32Array(POOL_INTS);
let poolUsed = 0;
let scratch = new Int32Array(512);

function carve(ints: number): Int32Array {
  if (ints > POOL_INTS >> 2) return new Int32Array(ints);
  if (poolUsed + ints > POOL_INTS) {
    pool = new Int32Array(POOL_INTS);
    poolUsed = 0;
  }
  const out = new Int32Array(pool.buffer, poolUsed * 4, ints);
  poolUsed += ints;
  return out;
}

export function capitalisedWords(text: string): Words {
  if (memoText === text && memoWords) return memoWords;
  const n = text.length;
  let count = 0;
  MAY_START.lastIndex = 0;
  while (MAY_START.test(text)) {
    let i = MAY_START.lastIndex - 1;
    if (i > 0 && cls(text.charCodeAt(i - 1)) & BLOCKS) continue;
    const start = i;
    const c = text.charCodeAt(i);
    if (cls(c) & UPPER_START) i++;
    else if ((c === 39 || c === 0x2019 || c === 0x2018) && text.charCodeAt(i + 1) === 115 && text.charCodeAt(i + 2) === 45) i += 3; // 's-Hertogenbosch
    else continue;
    while (i < n) {
      const d = cls(text.charCodeAt(i));
      if (d & WORDCHAR) i++;
      else if (d & JOINER && i + 1 < n && cls(text.charCodeAt(i + 1)) & WORDCHAR) i += 2;
      else break;
    }
    MAY_START.lastIndex = i;
    if (count * 2 + 2 > scratch.length) {
      const next = new Int32Array(scratch.length * 2);
      next.set(scratch);
      scratch = next;
    }
    scratch[count * 2] = start;
    scratch[count * 2 + 1] = i;
    count++;
  }
  const spans = carve(count * 2);
  for (let k = 0; k < count * 2; k++) spans[k] = scratch[k];
  const lower: string[] = new Array(count);
  const hasLetter = new Uint8Array(count);
  for (let w = 0; w < count; w++) {
    const word = text.slice(spans[2 * w], spans[2 * w + 1]);
    lower[w] = word.toLowerCase();
    const c = word.charCodeAt(0);
    hasLetter[w] = c < 48 || c > 57 || /\p{L}/u.test(word) ? 1 : 0;
  }
  memoText = text;
  memoWords = { spans, count, lower, hasLetter };
  return memoWords;
}
