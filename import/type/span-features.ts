/**
 * Features of one ORG/MISC candidate span for the organisation-or-programme decision: the tagger's
 * label and confidence, shape (length, acronym, digits, hyphen, lower-case words inside), the
 * project's cue lists (organisation heads, programme cues) inside and around the span, the
 * neighbouring words, and document evidence (a single word that the text also prints in lower case).
 */
import { headKind } from '../tag/rules/org/heads.ts';
import { cueKind, nameHeadKind } from '../tag/rules/programme/cues.ts';
import { municipalityByName, organisationByName } from '../gazetteers.ts';

export interface CandidateSpan {
  /** the tagger's label (ORG or MISC) */
  label: string;
  start: number;
  end: number;
  text: string;
  score: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;

function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

/** A whitespace-delimited run holding "@" or "/", or a domain ending after its first character: an address, not words. */
const WEB_HINT = /[@/]|\.(?:nl|com|org|eu|be|net|info|nu)\b/giu;
const SPACE = /\s/u;

/**
 * The text with every e-mail address, link and domain name (the whole whitespace-delimited run)
 * replaced by one space. Found from the few places that hint at one, so the cost is one scan.
 */
function withoutWebAddresses(text: string): string {
  let out = '';
  let kept = 0;
  WEB_HINT.lastIndex = 0;
  for (let m = WEB_HINT.exec(text); m; m = WEB_HINT.exec(text)) {
    let start = m.index;
    while (start > 0 && !SPACE.test(text[start - 1])) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !SPACE.test(text[end])) end++;
    WEB_HINT.lastIndex = end;
    // a domain needs a character before its dot in the same run
    if (m[0][0] === '.' && start === m.index) {
      WEB_HINT.lastIndex = m.index + 1;
      continue;
    }
    if (start < kept) start = kept; // the run was already cut up to here
    out += text.slice(kept, start) + ' ';
    kept = end;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

const lower = (w: string | undefined) => (w ?? '').toLowerCase();

function bucket(x: number, edges: number[]): number {
  const k = edges.findIndex((e) => x < e);
  return k === -1 ? edges.length : k;
}

/** What the type stage and the merge of variants ask of a text's words: does it print this word (exactly) in lower case? */
export interface LowerCaseWordQuery {
  has(word: string): boolean;
}

/** The lower-case words of each section, made once: the type stage and the merge of variants both ask. */
const lowerWordsOfSection = new WeakMap<object, SectionWords>();

/** lowerCaseWords(ctx.text) as a query, made once per section object. */
export function sectionLowerCaseWords(ctx: { text: string }): LowerCaseWordQuery {
  return sectionWords(ctx);
}

function sectionWords(ctx: { text: string }): SectionWords {
  let words = lowerWordsOfSection.get(ctx);
  if (!words) lowerWordsOfSection.set(ctx, (words = new SectionWords(ctx.text)));
  return words;
}

/** Whether any of the sections prints `word` in lower case (the union of their lowerCaseWords). */
export function documentLowerCaseWords(contexts: readonly { text: string }[]): LowerCaseWordQuery {
  const answers = new Map<string, boolean>();
  return {
    has(word: string): boolean {
      let answer = answers.get(word);
      if (answer === undefined) {
        const h = wordHash(word, 0, word.length);
        answer = contexts.some((ctx) => sectionWords(ctx).hasIndexed(word, h));
        answers.set(word, answer);
      }
      return answer;
    },
  };
}

/** Questions a section answers by a search of its text before it indexes its lower-case words. */
const SEARCHES_BEFORE_INDEX = 2;

/**
 * The same answers as lowerCaseWords(text).has(word), without a string per word of the text: the
 * type stage asks about a word or two per section, answered by a search of the text; the merge of
 * variants asks every section about each one-word organisation name, answered from an index of the
 * hashes of the section's lower-case words (a hash found is confirmed by a search, so a collision
 * never answers yes).
 */
export function lowerCaseWordQuery(text: string): LowerCaseWordQuery {
  return new SectionWords(text);
}

class SectionWords implements LowerCaseWordQuery {
  /** the text without web addresses, read on the first question */
  private plain = '';
  private read = false;
  /** text with surrogate pairs: lowerCaseWords' own set */
  private set: Set<string> | undefined;
  private hashes: Int32Array | undefined;
  private searches = 0;

  constructor(private readonly text: string) {}

  private prepare(): void {
    this.read = true;
    this.plain = withoutWebAddresses(this.text);
    if (SURROGATE.test(this.plain)) this.set = lowerCaseWordsByRegex(this.plain);
  }

  has(word: string): boolean {
    if (!this.read) this.prepare();
    if (this.set) return this.set.has(word);
    if (this.hashes === undefined && ++this.searches <= SEARCHES_BEFORE_INDEX) return printsWord(this.plain, word);
    return this.hasIndexed(word, wordHash(word, 0, word.length));
  }

  /** has(word), from the index of hashes (`h` = wordHash(word)). */
  hasIndexed(word: string, h: number): boolean {
    if (!this.read) this.prepare();
    if (this.set) return this.set.has(word);
    this.hashes ??= lowerCaseWordHashes(this.plain);
    return hashSetHas(this.hashes, h) && printsWord(this.plain, word);
  }
}

/** FNV-1a over the UTF-16 code units of word[start, end), never 0 (0 marks an empty slot). */
function wordHash(word: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ word.charCodeAt(k), 16777619);
  return h === 0 ? 1 : h;
}

/**
 * Hands `visit` each word of a text without surrogate pairs that starts with a lower-case letter, as
 * WORD finds them: a maximal run of characters that are not class 3, from its first letter or digit on.
 */
function eachLowerCaseWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = wordClass(text.charCodeAt(i));
    if (k !== 1 && k !== 4) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && wordClass(text.charCodeAt(i)) !== 3) i++;
    if (k === 4) visit(start, i);
  }
}

/**
 * An open-addressing set of the hashes of the words lowerCaseWordsByScan(text) would hold: one scan
 * that hashes each word as it reads it (the scan of eachLowerCaseWord) and files it at once.
 */
function lowerCaseWordHashes(text: string): Int32Array {
  let table: Int32Array = new Int32Array(Math.max(16, 1 << (32 - Math.clz32(text.length >> 3))));
  let filled = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = wordClass(c);
    if (k !== 1 && k !== 4) {
      i++;
      continue;
    }
    let h = Math.imul((0x811c9dc5 | 0) ^ c, 16777619);
    i++;
    for (let d = i < n ? text.charCodeAt(i) : 0; i < n && wordClass(d) !== 3; d = text.charCodeAt(++i)) h = Math.imul(h ^ d, 16777619);
    if (k !== 4) continue;
    if (h === 0) h = 1;
    if (2 * (filled + 1) > table.length) table = rehashed(table, 2 * table.length);
    if (hashSetInsert(table, h)) filled++;
  }
  return table;
}

/** Files `h` (not 0) in the table; whether it was new. */
function hashSetInsert(table: Int32Array, h: number): boolean {
  const mask = table.length - 1;
  let slot = h & mask;
  while (table[slot] !== 0) {
    if (table[slot] === h) return false;
    slot = (slot + 1) & mask;
  }
  table[slot] = h;
  return true;
}

function rehashed(table: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  for (const h of table) if (h !== 0) hashSetInsert(out, h);
  return out;
}

function hashSetHas(table: Int32Array, h: number): boolean {
  const mask = table.length - 1;
  for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) if (table[slot] === h) return true;
  return false;
}

/**
 * Whether lowerCaseWordsByScan(text) holds `word`: a token of the scan is a maximal run of characters
 * that are not class 3, from its first letter or digit on, kept when that one is a lower-case letter.
 */
function printsWord(text: string, word: string): boolean {
  const n = word.length;
  if (n === 0 || wordClass(word.charCodeAt(0)) !== 4) return false;
  for (let k = 1; k < n; k++) if (wordClass(word.charCodeAt(k)) === 3) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const after = at + n;
    if (after < text.length && wordClass(text.charCodeAt(after)) !== 3) continue;
    // a token starts here when only joiners (class 2) stand between it and a separator or the text start
    let b = at - 1;
    while (b >= 0 && wordClass(text.charCodeAt(b)) === 2) b--;
    if (b < 0 || wordClass(text.charCodeAt(b)) === 3) return true;
  }
  return false;
}

/** The words a text prints in lower case: a capitalised single word that also occurs so is an ordinary word. */
export function lowerCaseWords(text: string): Set<string> {
  // e-mail addresses, links and domain names print names in lower case: they are no evidence
  const plain = withoutWebAddresses(text);
  return SURROGATE.test(plain) ? lowerCaseWordsByRegex(plain) : lowerCaseWordsByScan(plain);
}

const SURROGATE = /[\ud800-\udfff]/;

function lowerCaseWordsByRegex(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(text)) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) out.add(w);
    else if (c > 127 && /^\p{Ll}/u.test(w)) out.add(w);
  }
  return out;
}

/** Per BMP code unit, filled on first sight: 1 letter or digit (starts and continues a word), 2 continues one ('’&.-), 3 neither; 4 a lower-case letter. */
const wordCharClass = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER_LETTER = /\p{Ll}/u;

function wordClass(c: number): number {
  let k = wordCharClass[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LOWER_LETTER.test(ch) ? 4 : LETTER_OR_DIGIT.test(ch) ? 1 : c === 39 || c === 0x2019 || c === 38 || c === 46 || c === 45 ? 2 : 3;
    wordCharClass[c] = k;
  }
  return k;
}

/** lowerCaseWordsByRegex for text without surrogate pairs: the same words (WORD), found by one scan with no array of every word. */
function lowerCaseWordsByScan(text: string): Set<string> {
  const out = new Set<string>();
  eachLowerCaseWord(text, (start, end) => out.add(text.slice(start, end)));
  return out;
}

export function spanFeatures(span: CandidateSpan, text: string, lowerWords: LowerCaseWordQuery): string[] {
  const words = wordsOf(span.text);
  const f: string[] = ['bias', `lab=${span.label}`, `score=${bucket(span.score, [0.5, 0.8, 0.95])}`, `ntok=${Math.min(words.length, 5)}`];
  if (!words.length) return f;
  const first = words[0];
  const last = words[words.length - 1];
  f.push(`first=${lower(first)}`, `last=${lower(last)}`);
  if (/^[\p{Lu}\d&-]{2,}$/u.test(span.text)) f.push('acronym');
  if (/\d/.test(span.text)) f.push('digit');
  if (span.text.includes('-')) f.push('hyphen');
  if (words.slice(1).some((w) => /^\p{Ll}/u.test(w))) f.push('lower-inside');
  if (span.text.length > 30) f.push('long');
  words.forEach((w, i) => {
    const at = i === words.length - 1 ? 'last' : i === 0 ? 'first' : 'mid';
    const k = headKind(w);
    if (k) f.push(`orghead=${k}`, `orghead-${at}`);
    const p = cueKind(w) ?? nameHeadKind(w);
    if (p) f.push(`progcue=${p}`, `progcue-${at}`);
  });
  if (words.length === 1) {
    if (lowerWords.has(lower(first))) f.push('single-word-also-lower');
    if (headKind(first)) f.push('single-head');
  }
  const before = wordsOf(text.slice(Math.max(0, span.start - 60), span.start));
  const prev = lower(before[before.length - 1]);
  const prev2 = lower(before[before.length - 2]);
  const next = lower(wordsOf(text.slice(span.end, span.end + 40))[0]);
  f.push(`prev=${prev}`, `prev2=${prev2}`, `next=${next}`);
  if (prev && (cueKind(prev) || nameHeadKind(prev))) f.push('prev-progcue');
  if (prev && headKind(prev)) f.push('prev-orghead');
  if (next && cueKind(next)) f.push('next-progcue');
  const charBefore = text.slice(Math.max(0, span.start - 1), span.start);
  const charAfter = text.slice(span.end, span.end + 1);
  if (/['‘“"*_]/.test(charBefore) || /['’”"*_]/.test(charAfter)) f.push('quoted');
  if (charBefore === '#' || charBefore === '@') f.push('tag-or-handle');
  if (organisationByName(span.text)) f.push('known-org');
  if (municipalityByName(span.text)) f.push('known-municipality');
  return f;
}
