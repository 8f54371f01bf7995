/**
 * Is this text language, and is it Dutch? Before asking franc, three cheap looks at the words
 * catch what franc would wave through: one letter or word repeated, long runs of base64 or hex,
 * and binary residue (few letters among many symbols).
 */
import { franc } from 'franc-min';

export type Verdict = { ok: true } | { ok: false; reason: 'not language' | 'not Dutch'; detail: string };

const SAMPLE = 20_000;
/** A long token of base64 / hex / URL-safe alphabet only (the caller also wants a digit and a letter in it). */
const BLOB_TOKEN = /^[A-Za-z0-9+/=_-]+$/;

export function judgeLanguage(text: string): Verdict {
  const noise = notLanguage(text);
  if (noise) return { ok: false, reason: 'not language', detail: noise };
  const language = detectLanguage(text);
  if (language !== 'nld') {
    return { ok: false, reason: 'not Dutch', detail: `the text reads as ${language === 'und' ? 'no recognisable language' : language}, not Dutch` };
  }
  return { ok: true };
}

/** A reason when samples of the text are not written language, else null. */
export function notLanguage(text: string): string | null {
  const samples = [0, 0.33, 0.66].map((f) => text.slice(Math.floor(text.length * f), Math.floor(text.length * f) + SAMPLE));
  let bad = 0;
  let why = '';
  for (const sample of samples) {
    const reason = sampleProblem(sample);
    if (reason) {
      bad++;
      why ||= reason;
    }
  }
  return bad >= 2 || (bad === 1 && text.length <= SAMPLE) ? why : null;
}

function sampleProblem(sample: string): string | null {
  const letters = countLetters(sample);
  const visible = sample.length - countSpaces(sample);
  if (visible === 0) return null;
  if (letters / visible < 0.6) return 'mostly symbols and digits, not words (binary residue or a data dump)';
  if (encodedLength(sample) / visible > 0.3) return 'encoded data (base64 or hex), not words';
  const lower = sample.toLowerCase();
  const words = letterRuns(lower);
  if (words.length === 0) return 'no words';
  const long = words.filter((w) => w.length > 25).reduce((n, w) => n + w.length, 0);
  if (long / letters > 0.3) return 'long unbroken letter runs (base64, hex or a word repeated without spaces)';
  if (words.length >= 50) {
    // (twelve different words are enough to know)
    const distinct = new Set<string>();
    for (const word of words) if (distinct.add(word).size >= 12) break;
    if (distinct.size < 12) return `only ${distinct.size} different words repeated over and over`;
  }
  const letterKinds = distinctLetters(lower);
  if (letterKinds < 8) return `only ${letterKinds} different letters`;
  return null;
}

/*
 * Letters (\p{L}) counted by a loop over the text, not as the matches of /\p{L}/gu: that match makes one string per
 * letter, and the two counts took three quarters of this check's time (which every file pays: ~12 ms per file, 6
 * CPU s of the 100x import's 496 files). A code unit of the Basic Multilingual Plane is tested against \p{L} once
 * and remembered; a surrogate pair (a character beyond it) is tested each time, as a lone surrogate is no letter.
 */
const LETTER_UNIT = new Int8Array(0x10000).fill(-1);
const LETTER = /^\p{L}$/u;

function isLetterUnit(code: number): boolean {
  let known = LETTER_UNIT[code];
  if (known < 0) known = LETTER_UNIT[code] = code >= 0xd800 && code <= 0xdfff ? 0 : LETTER.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/** The code point of the surrogate pair at `i`, or -1 when none starts there. */
function pairAt(text: string, i: number): number {
  const high = text.charCodeAt(i);
  if (high < 0xd800 || high > 0xdbff || i + 1 >= text.length) return -1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? text.codePointAt(i)! : -1;
}

/** How many characters of the text are letters (as `text.match(/\p{L}/gu).length` counts them). */
export function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const pair = pairAt(text, i);
    if (pair < 0) {
      if (isLetterUnit(text.charCodeAt(i))) n++;
    } else {
      if (LETTER.test(String.fromCodePoint(pair))) n++;
      i++;
    }
  }
  return n;
}

/** The runs of letters of the text (as `text.match(/\p{L}+/gu)` finds them), by the same loop: the regular expression took most of the check's time. */
export function letterRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const pair = pairAt(text, i);
    const letter = pair < 0 ? isLetterUnit(text.charCodeAt(i)) : LETTER.test(String.fromCodePoint(pair));
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    if (pair >= 0) i++;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}

/** White space as /\s/ reads it, by code unit, tested once and remembered (see LETTER_UNIT). */
const SPACE_UNIT = new Int8Array(0x10000).fill(-1);
const SPACE = /^\s$/;

function isSpaceUnit(code: number): boolean {
  let known = SPACE_UNIT[code];
  if (known < 0) known = SPACE_UNIT[code] = SPACE.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/** How many code units of the text are white space (as `text.length - text.replace(/\s+/g, '').length` counts them). */
export function countSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isSpaceUnit(text.charCodeAt(i))) n++;
  return n;
}

/**
 * The length of the text's tokens (as `text.split(/\s+/)` cuts them) of 24 code units or more that are base64, hex or
 * URL-safe characters only, with a digit and a letter; the shorter tokens are not cut out.
 */
export function encodedLength(text: string): number {
  let blob = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpaceUnit(text.charCodeAt(i))) continue;
    if (i - start >= 24) {
      const token = text.slice(start, i);
      if (BLOB_TOKEN.test(token) && /\d/.test(token) && /[a-z]/i.test(token)) blob += token.length;
    }
    start = i + 1;
  }
  return blob;
}

/** How many different letters the text has (as `new Set(text.match(/\p{L}/gu)).size` counts them). */
export function distinctLetters(text: string): number {
  const seen = new Uint8Array(0x10000);
  const astral = new Set<number>();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const pair = pairAt(text, i);
    if (pair < 0) {
      const code = text.charCodeAt(i);
      if (seen[code] === 0 && isLetterUnit(code)) {
        seen[code] = 1;
        n++;
      }
    } else {
      if (LETTER.test(String.fromCodePoint(pair))) astral.add(pair);
      i++;
    }
  }
  return n + astral.size;
}

/** franc on a few samples spread over the text: magazines open with covers and tables of contents. */
function detectLanguage(text: string): string {
  const sampleSize = 4000;
  const starts = [0.1, 0.4, 0.7].map((f) => Math.floor(text.length * f));
  const votes = new Map<string, number>();
  for (const start of starts) {
    const lang = franc(text.slice(start, start + sampleSize), { minLength: 40, only: ['nld', 'eng', 'deu', 'fra', 'spa', 'ita', 'por', 'afr'] });
    votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  if ((votes.get('nld') ?? 0) >= 2) return 'nld';
  // Afrikaans is a frequent false reading of short Dutch samples.
  if ((votes.get('nld') ?? 0) + (votes.get('afr') ?? 0) >= 2 && (votes.get('nld') ?? 0) >= 1) return 'nld';
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
