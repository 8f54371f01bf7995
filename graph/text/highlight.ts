/**
 * Marks the query's words in a passage (pure): a word of the text counts when it is a query
 * word or has its Dutch stem, the way the `dutch` index matched it ("eenzame" marks
 * "eenzaamheid"). Cuts the passage to the window that holds the most different query words.
 */
import { dutchStem, foldText } from './dutch.ts';

export interface TextPart {
  text: string;
  match: boolean;
}

export interface MarkedPassage {
  /** The window as plain text, with "…" where it was cut. */
  snippet: string;
  /** The same window in parts; `match` parts are the query's words. */
  parts: TextPart[];
  /** The distinct words of the text that matched (as written). */
  matched: string[];
}

interface Token {
  start: number;
  end: number;
  /** Index of the query word it matches, or -1. */
  term: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function matcher(terms: readonly string[]): (word: string) => number {
  const folded = terms.map(foldText);
  const stems = folded.map((t) => dutchStem(t));
  return (word) => {
    const w = /^[a-z0-9]+$/.test(word) ? word : foldText(word);
    const exact = folded.indexOf(w);
    if (exact >= 0) return exact;
    const stem = dutchStem(w);
    return stems.findIndex((s) => s.length >= 3 && s === stem);
  };
}

export function markPassage(text: string, terms: readonly string[], width = 320): MarkedPassage {
  const match = matcher(terms);
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(m[0]) });
  const hits = tokens.filter((t) => t.term >= 0);

  // The window start (a little before a hit) that covers the most different query words.
  let from = 0;
  let best = -1;
  for (const hit of hits) {
    const start = Math.max(0, hit.start - 60);
    const seen = new Set(hits.filter((h) => h.start >= start && h.end <= start + width).map((h) => h.term));
    if (seen.size > best) {
      best = seen.size;
      from = start;
    }
  }
  let to = Math.min(text.length, from + width);
  // Cut on word boundaries.
  if (from > 0) from = tokens.find((t) => t.start >= from)?.start ?? from;
  if (to < text.length) to = [...tokens].reverse().find((t) => t.end <= to)?.end ?? to;

  const parts: TextPart[] = [];
  const push = (s: string, isMatch: boolean) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && last.match === isMatch) last.text += s;
    else parts.push({ text: s, match: isMatch });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    push(text.slice(at, hit.start).replace(/\s+/g, ' '), false);
    parts.push({ text: text.slice(hit.start, hit.end), match: true });
    at = hit.end;
  }
  push(text.slice(at, to).replace(/\s+/g, ' '), false);
  if (to < text.length) push('…', false);

  const matched = [...new Set(hits.map((h) => text.slice(h.start, h.end)))];
  return { snippet: parts.map((p) => p.text).join(''), parts, matched };
}
