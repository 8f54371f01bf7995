/**
 * Floods of capitalised words: FLOOD_WORDS or more capitalised words in a row on one line, each
 * one space from the next, none ending in punctuation. No name is that long (the rules' longest
 * run is 8 words with its connectors), and prose never reads so: such a run is a word list, a
 * title-cased heading or noise. The rules and the type stage skip names inside one, so that a
 * file of capitalised words costs per word what prose does instead of a name test at every word.
 */

/** The shortest run of capitalised words that counts as a flood. */
export const FLOOD_WORDS = 9;

/** Start, end offsets of each flood in the text, flattened and in order. */
export interface Floods {
  spans: number[];
  /** whether [start, end) lies inside a flood (the offsets are asked in increasing order or at random: bisection) */
  covers(start: number, end: number): boolean;
}

/**
 * A necessary condition for a flood, as one regular expression: FLOOD_WORDS words of two characters or
 * more, one space apart, each starting with a capital, the first ones ending in no punctuation.
 */
const CAP_WORD = String.raw`[A-Z\u00c0-\u00d6\u00d8-\u00de]\S*[^\s,.;:!?)\u201d\u2019"]`;
const MAY_HOLD_FLOOD = new RegExp(String.raw`${CAP_WORD}(?: ${CAP_WORD}){${FLOOD_WORDS - 2}} [A-Z\u00c0-\u00d6\u00d8-\u00de]\S`);

const NONE: Floods = { spans: [], covers: () => false };

/** Floods per text: the people and organisation rules, the tagger and the type stage all ask for each section. */
const memo = new Map<string, Floods>();
const MEMO_SIZE = 4096;

function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** A character that ends a word as punctuation: a run does not go on past it. */
function isPunctuation(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 0x201d || c === 0x2019 || c === 34;
}

/** The floods of a text. */
export function capitalisedFloods(text: string): Floods {
  let floods = memo.get(text);
  if (floods === undefined) {
    // most texts have none: a regular expression (far faster than the scan below) rules them out
    floods = MAY_HOLD_FLOOD.test(text) ? scanFloods(text) : NONE;
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, floods);
  }
  return floods;
}

function scanFloods(text: string): Floods {
  const spans: number[] = [];
  const n = text.length;
  let runStart = -1;
  let runWords = 0;
  let i = 0;
  const close = (end: number) => {
    if (runWords >= FLOOD_WORDS) spans.push(runStart, end);
    runStart = -1;
    runWords = 0;
  };
  let lastEnd = 0;
  while (i < n) {
    // one word: up to the next space or newline
    const start = i;
    while (i < n && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 10) i++;
    const end = i;
    if (end > start) {
      const capital = isUpperStart(text.charCodeAt(start)) && end - start >= 2;
      if (!capital) close(lastEnd);
      else {
        if (runStart < 0) runStart = start;
        runWords++;
        if (isPunctuation(text.charCodeAt(end - 1))) close(end);
      }
      lastEnd = end;
    }
    // the gap: one space continues a run, anything else (a newline, two spaces) ends it
    const gapStart = i;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10)) i++;
    if (i - gapStart !== 1 || text.charCodeAt(gapStart) !== 32) close(lastEnd);
  }
  close(lastEnd);
  return spans.length === 0 ? NONE : { spans, covers: (s, e) => covered(spans, s, e) };
}

function covered(spans: number[], start: number, end: number): boolean {
  // the last flood that starts at or before `start`
  let lo = 0;
  let hi = spans.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[2 * (lo - 1) + 1] >= end;
}
