/**
 * Sentence boundaries in normalised text: a linear scan, paragraph breaks always end a sentence;
 * '.', '!' and '?' end one when followed by white space and a capital, digit or opening quote,
 * unless the dot ends an initial ("J. de Vries") or a common Dutch abbreviation.
 */
import type { Sentence } from './extract/model.ts';

const ABBREVIATIONS = new Set([
  'dr', 'drs', 'mr', 'prof', 'ir', 'ing', 'ds', 'mw', 'mevr', 'dhr', 'hr', 'st', 'bijv', 'bv', 'pag', 'p', 'nr', 'ca',
  'jl', 'resp', 'vs', 'vgl', 'zgn', 'etc', 'evt', 'incl', 'excl', 'min', 'max', 'tel', 'mob', 'o.a', 'e.d', 'a.s', 'd.w.z',
  'm.b.t', 't.a.v', 'i.p.v', 'i.s.m', 'o.l.v', 'z.g.a.n', 'jr', 'sr', 'blz', 'afb', 'fig', 'ed', 'red',
]);

const AFTER_END = /[\p{Lu}\d‘'“"(]/u;
const CLOSERS = new Set(['’', "'", '”', '"', ')']);
const isWhite = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r';

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && isWhite(text[s])) s++;
    let e = end;
    while (e > s && isWhite(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n' && text[i + 1] === '\n') {
      push(i);
      start = i + 2;
      i++;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < n && CLOSERS.has(text[j])) j++;
    if (j >= n || text[j] !== ' ') continue;
    const next = text[j + 1];
    if (next === undefined || !AFTER_END.test(next)) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(j);
    start = j + 1;
    i = j;
  }
  push(n);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && /[\p{L}.]/u.test(text[k]) && dot - k <= 12) k--;
  const word = text.slice(k + 1, dot);
  if (/^\p{Lu}$/u.test(word)) return true; // initial
  return ABBREVIATIONS.has(word.toLowerCase());
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
