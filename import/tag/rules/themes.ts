/**
 * Themes: a curated vocabulary (import/data/themes.json) matched with ONE compiled alternation.
 * A theme counts for a section only when it is substantially discussed there (enough hits for
 * the section's length, or named in its title) — a passing word is not a theme.
 * WORKS_ON here links people, organisations and programmes to a theme only through the sentences that
 * name both (weight grows with their number and the theme's prominence in the section); the links an
 * article implies are made in relate/article-links.ts.
 */
import { readFileSync } from 'node:fs';
import type { EntityMention, MentionExtractor, RelationCandidate, RelationLinker, SectionContext, Sentence } from '../../model.ts';
import { sentenceIndexAt } from '../../segment/sentences.ts';

export interface ThemeDefinition {
  id: string;
  label: string;
  synonyms: string[];
  exclude?: string[];
}

export interface ThemeHit {
  theme: ThemeDefinition;
  start: number;
  end: number;
}

interface PatternToken {
  text: string;
  /** "eenzaam*": the word may continue. */
  prefix: boolean;
  /** "*mishandeling": the word may be the end of a compound. */
  suffix: boolean;
}

interface Pattern {
  themeIndex: number;
  tokens: PatternToken[];
  exclude: boolean;
}

/**
 * The patterns a word may start, by the first three letters or the ending of the word, with what their
 * first tokens need of the word's length: most words fail that test and skip the patterns.
 */
interface Bucket {
  patterns: Pattern[];
  /** Bit n set: some first token must be exactly n code units long (bit 31: 31 or more). */
  exactLengths: number;
  /** The shortest word a stem or ending here can match (Infinity if none). */
  minOpenLength: number;
}

/** The shortest word that token `t`, as the first of its pattern, matches; exact tokens: -1. */
function minOpenLength(t: PatternToken): number {
  if (t.prefix) return t.text.length;
  if (t.suffix) return t.text.length + 1;
  return -1;
}

function lengthBit(n: number): number {
  return 1 << Math.min(n, 31);
}

interface Found {
  p: Pattern;
  start: number;
  end: number;
}

const KEY = 3;

/** The code units at i, i+1 and i+2, lower-cased through `lower`, folded into 18 bits; equal triples give equal keys. */
function triple(w: string, i: number, lower: Uint16Array): number {
  return ((lower[w.charCodeAt(i)] & 0x3f) << 12) | ((lower[w.charCodeAt(i + 1)] & 0x3f) << 6) | (lower[w.charCodeAt(i + 2)] & 0x3f);
}

/** The code units at i and i+1 (< end), lower-cased, folded into 16 bits (0 for a missing second one); equal pairs give equal keys. */
function pair(w: string, i: number, end: number, lower: Uint16Array): number {
  return ((lower[w.charCodeAt(i)] & 0xff) << 8) | (i + 1 < end ? lower[w.charCodeAt(i + 1)] & 0xff : 0);
}
const WORD = /[\p{L}0-9#][\p{L}0-9'’-]*/gu;

function parsePattern(synonym: string, themeIndex: number, exclude: boolean): Pattern {
  const words = synonym.toLowerCase().match(WORD_PATTERN) ?? [];
  if (words.length === 0) throw new Error(`empty synonym "${synonym}"`);
  const tokens = words.map((w, i) => ({
    text: w.replace(/^\*|\*$/g, ''),
    prefix: i === words.length - 1 && w.endsWith('*'),
    suffix: i === 0 && w.startsWith('*'),
  }));
  return { themeIndex, tokens, exclude };
}
const WORD_PATTERN = /\*?[\p{L}0-9#][\p{L}0-9'’-]*\*?/gu;

function put(map: Map<number, Pattern[]>, key: number, p: Pattern): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/**
 * Word-level matcher: the text is split into words once; every word is looked up in tables keyed by
 * its first three letters (exact words and stems; a shorter word by all of it) and by its last three
 * (compound endings), and the few candidates are compared in place, lower-cased code unit by code
 * unit, so no word is sliced out or lower-cased as a string. Linear in the text, no regex backtracking.
 */
export class ThemeMatcher {
  /** Per key (see triple and pair): 1 + the index in `buckets` of the patterns a word with that key may start; 0 for none. */
  private readonly heads = new Uint16Array(1 << 18);
  private readonly tails = new Uint16Array(1 << 18);
  private readonly shortHeads = new Uint16Array(1 << 16);
  private readonly buckets: Bucket[] = [];

  constructor(readonly themes: ThemeDefinition[]) {
    if (themes.length === 0) throw new Error('theme vocabulary is empty');
    const exact = new Map<number, Pattern[]>();
    const stems = new Map<number, Pattern[]>();
    const endings = new Map<number, Pattern[]>();
    const short = new Map<number, Pattern[]>();
    themes.forEach((t, i) => {
      if (!t.synonyms.length) throw new Error(`theme ${t.id} has no synonyms`);
      const all = [...t.synonyms.map((s) => parsePattern(s, i, false)), ...(t.exclude ?? []).map((s) => parsePattern(s, i, true))];
      for (const p of all) {
        const first = p.tokens[0];
        if ((first.suffix || (p.tokens.length === 1 && first.prefix)) && first.text.length < KEY) {
          throw new Error(`theme ${t.id}: stem or ending "${first.text}" is shorter than ${KEY} letters`);
        }
        if (first.suffix) put(endings, triple(first.text, first.text.length - KEY, SAME), p);
        else if (p.tokens.length === 1 && first.prefix) put(stems, triple(first.text, 0, SAME), p);
        else if (first.text.length < KEY) put(short, pair(first.text, 0, first.text.length, SAME), p);
        else put(exact, triple(first.text, 0, SAME), p);
      }
    });
    // exact words before stems: the order in which hits are found decides ties in hits()
    this.fill(this.heads, exact, stems);
    this.fill(this.tails, endings);
    this.fill(this.shortHeads, short);
  }

  private fill(table: Uint16Array, ...groups: Map<number, Pattern[]>[]): void {
    for (const key of new Set(groups.flatMap((g) => [...g.keys()]))) {
      const patterns = groups.flatMap((g) => g.get(key) ?? []);
      const open = patterns.map((p) => minOpenLength(p.tokens[0])).filter((n) => n >= 0);
      const exactLengths = patterns.filter((p) => minOpenLength(p.tokens[0]) < 0).reduce((bits, p) => bits | lengthBit(p.tokens[0].text.length), 0);
      this.buckets.push({ patterns, exactLengths, minOpenLength: Math.min(Infinity, ...open) });
      if (this.buckets.length > 0xffff) throw new Error('theme vocabulary too large');
      table[key] = this.buckets.length;
    }
  }

  /** Every vocabulary hit in `text`, minus hits inside an excluded phrase of their theme. */
  hits(text: string): ThemeHit[] {
    const found = this.found(text);
    return found.length === 0 ? [] : this.accepted(found);
  }

  /**
   * hits(text) of a section's text, `section` being the object that holds it (a SectionFact): its
   * candidate hits are kept with it (not beyond it: nothing is shared between documents), so that the
   * article's theme profile reads them again through hitsInRanges.
   */
  sectionHits(section: object, text: string): ThemeHit[] {
    const { found } = this.foundIn(section, text);
    return found.length === 0 ? [] : this.accepted(found);
  }

  /**
   * hits(text.slice(start, end)) for each [start, end) of `ranges` (flattened pairs), with offsets into
   * `text`, read from the section's candidate hits (see sectionHits); null when the words of the parts
   * cannot be read from the text's (a range that does not start and end at a word boundary, or a text that
   * is not lower-cased code unit by code unit): then ask hits() of each part.
   */
  hitsInRanges(section: object, text: string, ranges: readonly number[]): ThemeHit[][] | null {
    for (let k = 0; k < ranges.length; k += 2) {
      if (ranges[k] < ranges[k + 1] && (!isWordBoundary(text, ranges[k]) || !isWordBoundary(text, ranges[k + 1]))) return null;
    }
    const { found, shareable } = this.foundIn(section, text);
    if (!shareable) return null;
    const out: ThemeHit[][] = [];
    for (let k = 0; k < ranges.length; k += 2) {
      const inside = ranges[k] < ranges[k + 1] ? found.filter((f) => f.start >= ranges[k] && f.end <= ranges[k + 1]) : [];
      out.push(inside.length === 0 ? [] : this.accepted(inside));
    }
    return out;
  }

  /** Candidate hits per section object (and its text). */
  private readonly bySection = new WeakMap<object, { text: string; found: Found[]; shareable: boolean }>();

  private foundIn(section: object, text: string): { found: Found[]; shareable: boolean } {
    let entry = this.bySection.get(section);
    if (entry === undefined || entry.text !== text) {
      const found = this.found(text);
      // tokenise read the words in place (offsets into the text) unless it had to lower-case word by word
      entry = { text, found, shareable: scratch.lower === LOWER };
      this.bySection.set(section, entry);
    }
    return entry;
  }

  /** The candidate hits of `text` in text order, before overlaps and excluded phrases are settled. */
  private found(text: string): Found[] {
    const words = tokenise(text);
    const { buf, bufStart, bufEnd, lower } = words;
    const found: Found[] = [];
    for (let i = 0; i < words.count; i++) {
      const s = bufStart[i];
      const e = bufEnd[i];
      if (e - s < KEY) {
        const b = this.shortHeads[pair(buf, s, e, lower)];
        if (b !== 0) this.collect(this.buckets[b - 1], words, i, found);
        continue;
      }
      const head = this.heads[triple(buf, s, lower)];
      if (head !== 0) this.collect(this.buckets[head - 1], words, i, found);
      const tail = this.tails[triple(buf, e - KEY, lower)];
      if (tail !== 0) this.collect(this.buckets[tail - 1], words, i, found);
    }
    return found;
  }

  /** Adds to `found` the patterns of `bucket` that match from word i on. */
  private collect(bucket: Bucket, words: Words, i: number, found: Found[]): void {
    const length = words.bufEnd[i] - words.bufStart[i];
    if ((bucket.exactLengths & lengthBit(length)) === 0 && length < bucket.minOpenLength) return;
    for (const p of bucket.patterns) {
      const n = p.tokens.length;
      if (i + n > words.count) continue;
      let k = 0;
      while (k < n && tokenMatches(p.tokens[k], words, words.bufStart[i + k], words.bufEnd[i + k])) k++;
      if (k === n) found.push({ p, start: words.start[i], end: words.end[i + n - 1] });
    }
  }

  /** The hits in text order, longest first at one start; per theme no overlaps, none inside one of its excluded phrases. */
  private accepted(found: Found[]): ThemeHit[] {
    const excluded: Found[] = [];
    const kept: Found[] = [];
    for (const f of found) (f.p.exclude ? excluded : kept).push(f);
    kept.sort(byStartThenLongest);
    const out: ThemeHit[] = [];
    const covered = new Map<number, number>(); // themeIndex -> end of last accepted hit
    for (const f of kept) {
      if ((covered.get(f.p.themeIndex) ?? -1) > f.start) continue;
      if (excluded.length > 0 && insideExcluded(f, excluded)) continue;
      covered.set(f.p.themeIndex, f.end);
      out.push({ theme: this.themes[f.p.themeIndex], start: f.start, end: f.end });
    }
    return out;
  }
}

/** Whether no word of tokenise runs across offset `at`: a separator stands on one side of it (or the text ends). */
function isWordBoundary(text: string, at: number): boolean {
  return isSeparatorAt(text, at - 1) || isSeparatorAt(text, at);
}

/** Whether text[at] ends a word for tokenise in any text (outside the text counts as such). */
function isSeparatorAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return true;
  const c = text.charCodeAt(at);
  let k = charClass[c];
  if (k === UNKNOWN) k = classify(c);
  return k === OTHER;
}

function byStartThenLongest(a: Found, b: Found): number {
  return a.start - b.start || b.end - a.end;
}

function insideExcluded(f: Found, excluded: Found[]): boolean {
  for (const e of excluded) if (e.p.themeIndex === f.p.themeIndex && f.start < e.end && e.start < f.end) return true;
  return false;
}

/** Whether token `t` matches the word buf[s, e) of `words`. */
function tokenMatches(t: PatternToken, words: Words, s: number, e: number): boolean {
  const len = t.text.length;
  if (t.prefix) {
    // a pattern that is both stem and ending ("*x*") was found by its last three letters: they must match too
    return e - s >= len && spells(words, s, t.text, 0) && (!t.suffix || spells(words, e - KEY, t.text, len - KEY));
  }
  if (t.suffix) return e - s > len && spells(words, e - len, t.text, 0);
  return e - s === len && spells(words, s, t.text, 0);
}

/** Whether the buffer of `words` from `at` on, lower-cased, reads s.slice(from). */
function spells(words: Words, at: number, s: string, from: number): boolean {
  const { buf, lower } = words;
  for (let j = from; j < s.length; j++) if (lower[buf.charCodeAt(at + j - from)] !== s.charCodeAt(j)) return false;
  return true;
}

const LETTER = /\p{L}/u;

// Classes of BMP code units for tokenise: letters and digits make words, '#' starts one, apostrophes and hyphens continue one.
const UNKNOWN = 0;
const WORD_CHAR = 1;
const OTHER = 2;
const HASH = 3;
const JOINER = 4;
const SURROGATE = 5;
/** Lower-cases to more than one code unit, or depending on context. */
const SPECIAL = 6;
/** Per BMP code unit; outside ASCII classified on first sight. */
const charClass = new Uint8Array(0x10000);
/** Per BMP code unit: its lower case (set by classify for every code unit tokenise has seen; identity before). */
const LOWER = new Uint16Array(0x10000);
/** The identity: for a buffer that is lower case already. */
const SAME = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) LOWER[c] = SAME[c] = c;
for (let c = 0; c < 128; c++) {
  charClass[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD_CHAR : OTHER;
  if (c >= 65 && c <= 90) LOWER[c] = c + 32;
}
charClass.fill(SURROGATE, 0xd800, 0xe000);
charClass[35] = HASH;
for (const c of [39, 0x2019, 45]) charClass[c] = JOINER;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  if (lower.length !== 1 || c === 0x3a3) return (charClass[c] = SPECIAL);
  LOWER[c] = lower.charCodeAt(0);
  return (charClass[c] = LETTER.test(ch) ? WORD_CHAR : OTHER);
}

function hasLowerCase(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch;
}

/**
 * The words of a text: buf[bufStart[i], bufEnd[i]) is word i, lower-cased code unit by code unit through
 * `lower`; start[i] and end[i] are its place in the text (end = start + length of the lower-cased word).
 * One instance is reused by every call to spare the collector; it is valid until the next call.
 */
interface Words {
  count: number;
  buf: string;
  lower: Uint16Array;
  bufStart: Int32Array;
  bufEnd: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

const scratch: Words = { count: 0, buf: '', lower: SAME, bufStart: new Int32Array(0), bufEnd: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0) };

/** Room for `n` words in the scratch arrays; with `aliased`, the text offsets are the buffer offsets. */
function reserve(n: number, aliased: boolean): Words {
  if (scratch.bufStart.length < n) {
    const size = Math.max(n, 2 * scratch.bufStart.length);
    scratch.bufStart = new Int32Array(size);
    scratch.bufEnd = new Int32Array(size);
  }
  if (aliased) {
    scratch.start = scratch.bufStart;
    scratch.end = scratch.bufEnd;
  } else if (scratch.start === scratch.bufStart || scratch.start.length < n) {
    scratch.start = new Int32Array(scratch.bufStart.length);
    scratch.end = new Int32Array(scratch.bufStart.length);
  }
  scratch.count = 0;
  return scratch;
}

/**
 * The words of `text` as WORD finds them, lower-cased, with trailing apostrophes/hyphens cut off.
 * Normally the buffer is the text itself, scanned once with charCodeAt (no regex, no toLowerCase),
 * and lower-cased code unit by code unit (LOWER) where a word is compared; when lower-casing does not
 * map each code unit to one code unit (SPECIAL: "İ", the context-dependent "Σ", an astral letter with a
 * lower case), the words are matched one by one, lower-cased and joined into a buffer of their own.
 */
function tokenise(text: string): Words {
  const n = text.length;
  const words = reserve(n, true); // a word takes one code unit at least
  const { bufStart, bufEnd } = words;
  let count = 0;
  // one pass, one table look-up per code unit: the state is the open word (start < 0: none) and the end of its last letter
  let start = -1;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = charClass[c];
    if (k === UNKNOWN) k = classify(c);
    if (k >= SURROGATE) {
      if (k === SPECIAL) return tokeniseWordByWord(text);
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff && hasLowerCase(cp)) return tokeniseWordByWord(text);
      if (cp > 0xffff && LETTER.test(String.fromCodePoint(cp))) {
        if (start < 0) start = i;
        i++;
        end = i + 1;
        continue;
      }
      k = OTHER;
    }
    if (k === WORD_CHAR) {
      if (start < 0) start = i;
      end = i + 1;
    } else if (k !== JOINER) {
      if (start >= 0) {
        bufStart[count] = start;
        bufEnd[count] = end;
        count++;
        start = -1;
      }
      if (k === HASH) {
        start = i;
        end = i + 1;
      }
    }
  }
  if (start >= 0) {
    bufStart[count] = start;
    bufEnd[count] = end;
    count++;
  }
  words.count = count;
  words.buf = text;
  words.lower = LOWER;
  return words;
}

function tokeniseWordByWord(text: string): Words {
  const found = [...text.matchAll(WORD)];
  const words = reserve(found.length, false);
  const parts: string[] = [];
  let at = 0;
  for (const m of found) {
    const w = m[0].toLowerCase().replace(/[’'-]+$/, '');
    const k = parts.length;
    parts.push(w);
    words.bufStart[k] = at;
    words.bufEnd[k] = at + w.length;
    at += w.length + 1; // the words are joined with a space
    words.start[k] = m.index!;
    words.end[k] = m.index! + w.length;
  }
  words.count = found.length;
  words.buf = parts.join(' ');
  words.lower = SAME;
  return words;
}

let defaultMatcher: ThemeMatcher | null = null;

export function loadThemeVocabulary(): ThemeDefinition[] {
  const raw = JSON.parse(readFileSync(new URL('../../data/themes.json', import.meta.url), 'utf8')) as { themes: ThemeDefinition[] };
  return raw.themes;
}

export function themeMatcher(): ThemeMatcher {
  defaultMatcher ??= new ThemeMatcher(loadThemeVocabulary());
  return defaultMatcher;
}

/** How many hits make a theme "substantially discussed" in a section of `words` words. */
export function minimumHits(words: number): number {
  if (words < 120) return 2;
  return Math.max(3, Math.ceil(words / 1000));
}

/** The themes a section substantially discusses, with their hits, strongest first. */
export function sectionThemes(ctx: SectionContext, matcher = themeMatcher()): { theme: ThemeDefinition; hits: ThemeHit[] }[] {
  const hits = matcher.sectionHits(ctx.section, ctx.text);
  const byTheme = new Map<string, ThemeHit[]>();
  for (const h of hits) {
    const list = byTheme.get(h.theme.id);
    if (list) list.push(h);
    else byTheme.set(h.theme.id, [h]);
  }
  const words = ctx.text.length / 6.5;
  const need = minimumHits(words);
  let titleThemes: Set<string> | undefined; // looked up only when a theme falls short
  const out: { theme: ThemeDefinition; hits: ThemeHit[] }[] = [];
  for (const list of byTheme.values()) {
    const theme = list[0].theme;
    const enough = list.length >= need || (list.length >= need - 1 && distinctSurfaces(ctx.text, list) >= 2);
    if (!enough) titleThemes ??= new Set(matcher.hits(ctx.section.title.toLowerCase()).map((h) => h.theme.id));
    if (enough || titleThemes!.has(theme.id)) out.push({ theme, hits: list });
  }
  return out.sort((a, b) => b.hits.length - a.hits.length);
}

function distinctSurfaces(text: string, hits: ThemeHit[]): number {
  return new Set(hits.map((h) => text.slice(h.start, h.end).toLowerCase())).size;
}

export const extractThemes: MentionExtractor = (ctx) => {
  const mentions: EntityMention[] = [];
  for (const { theme, hits } of sectionThemes(ctx)) {
    for (const h of hits) {
      mentions.push({ type: 'THEME', name: theme.label, surface: ctx.text.slice(h.start, h.end), start: h.start, end: h.end, props: { themeId: theme.id } });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
};


const SAME_SENTENCE_WEIGHT = 1;
const SECTION_WEIGHT = 0.5;


export const linkThemes: RelationLinker = (ctx, mentions): RelationCandidate[] => {
  const themeMentions = mentions.filter((m) => m.type === 'THEME');
  if (themeMentions.length === 0) return [];
  const actors = mentions.filter((m) => m.type === 'PERSON' || m.type === 'ORGANISATION' || m.type === 'PROGRAMME');
  if (actors.length === 0) return [];

  // theme name -> sentence indexes with a hit, and hit count
  const themeSentences = new Map<string, Map<number, number>>();
  for (const t of themeMentions) {
    const si = sentenceIndexAt(ctx.sentences, t.start);
    let m = themeSentences.get(t.name);
    if (!m) themeSentences.set(t.name, (m = new Map()));
    m.set(si, (m.get(si) ?? 0) + 1);
  }
  const ranked = [...themeSentences.entries()]
    .map(([name, sents]) => ({ name, hits: [...sents.values()].reduce((a, b) => a + b, 0), sents }))
    .sort((a, b) => b.hits - a.hits);
  const maxHits = ranked[0].hits;

  // actor key -> sentence indexes
  const actorSentences = new Map<string, { type: EntityMention['type']; name: string; sents: Set<number>; first: number }>();
  for (const a of actors) {
    const key = `${a.type}|${a.name}`;
    const si = sentenceIndexAt(ctx.sentences, a.start);
    const entry = actorSentences.get(key) ?? { type: a.type, name: a.name, sents: new Set<number>(), first: si };
    entry.sents.add(si);
    actorSentences.set(key, entry);
  }

  const out: RelationCandidate[] = [];
  for (const actor of actorSentences.values()) {
    for (const theme of ranked) {
      let shared = 0;
      let evidence = -1;
      for (const si of actor.sents) {
        if (si >= 0 && theme.sents.has(si)) {
          shared += 1;
          if (evidence < 0) evidence = si;
        }
      }
      // Only a sentence that names both actor and theme is evidence here; what the article says about
      // its people and programmes is read by relate/article-links.ts, with the article as evidence.
      if (shared === 0) continue;
      const prominence = Math.min(1, theme.hits / Math.max(3, maxHits));
      // Repeated evidence counts, with diminishing returns.
      const weight = SECTION_WEIGHT * prominence + SAME_SENTENCE_WEIGHT * Math.log2(1 + shared);
      const s = ctx.sentences[evidence];
      out.push({
        type: 'WORKS_ON',
        from: { type: actor.type, name: actor.name },
        to: { type: 'THEME', name: theme.name },
        weight: Math.round(weight * 1000) / 1000,
        start: s.start,
        end: s.end,
      });
    }
  }
  return out;
};
