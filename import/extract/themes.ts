/**
 * Themes: a curated vocabulary (import/data/themes.json) matched with ONE compiled alternation.
 * A theme counts for a section only when it is substantially discussed there (enough hits for
 * the section's length, or named in its title) — a passing word is not a theme.
 * WORKS_ON links people, organisations and programmes of a section to its themes: a base weight
 * for sharing the section (scaled by how prominent the theme is), plus weight for every sentence
 * in which actor and theme occur together.
 */
import { readFileSync } from 'node:fs';
import type { EntityMention, MentionExtractor, RelationCandidate, RelationLinker, SectionContext, Sentence } from './model.ts';
import { sentenceIndexAt } from '../sentences.ts';

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

const KEY = 3;
const NO_PATTERNS: Pattern[] = [];

/** The code units at i, i+1 and i+2 folded into 18 bits; equal triples give equal keys. */
function triple(w: string, i: number): number {
  return ((w.charCodeAt(i) & 0x3f) << 12) | ((w.charCodeAt(i + 1) & 0x3f) << 6) | (w.charCodeAt(i + 2) & 0x3f);
}

/** The code units at i and i+1 (< end) folded into 16 bits (0 for a missing second one); equal pairs give equal keys. */
function pair(w: string, i: number, end: number): number {
  return ((w.charCodeAt(i) & 0xff) << 8) | (i + 1 < end ? w.charCodeAt(i + 1) & 0xff : 0);
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

/**
 * Word-level matcher: the text is split into lower-case words once; every word is looked up in
 * Maps (exact word, word prefixes for stems, word suffixes for compounds). Linear in the text,
 * no regex backtracking, fast enough for a large vocabulary.
 */
export class ThemeMatcher {
  private readonly exact = new Map<string, Pattern[]>();
  /** Stems and compound endings, keyed by their first (stems) or last (endings) three letters. */
  private readonly stems = new Map<string, Pattern[]>();
  private readonly suffixes = new Map<string, Pattern[]>();

  constructor(readonly themes: ThemeDefinition[]) {
    if (themes.length === 0) throw new Error('theme vocabulary is empty');
    const put = (map: Map<string, Pattern[]>, key: string, p: Pattern) => {
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    };
    themes.forEach((t, i) => {
      if (!t.synonyms.length) throw new Error(`theme ${t.id} has no synonyms`);
      const all = [...t.synonyms.map((s) => parsePattern(s, i, false)), ...(t.exclude ?? []).map((s) => parsePattern(s, i, true))];
      for (const p of all) {
        const first = p.tokens[0];
        if ((first.suffix || (p.tokens.length === 1 && first.prefix)) && first.text.length < KEY) {
          throw new Error(`theme ${t.id}: stem or ending "${first.text}" is shorter than ${KEY} letters`);
        }
        if (first.suffix) this.tails[triple(first.text, first.text.length - KEY)] = 1;
        else if (first.text.length < KEY) this.shortHeads[pair(first.text, 0, first.text.length)] = 1;
        else this.heads[triple(first.text, 0)] = 1;
        if (first.suffix) put(this.suffixes, first.text.slice(-KEY), p);
        else if (p.tokens.length === 1 && first.prefix) put(this.stems, first.text.slice(0, KEY), p);
        else put(this.exact, first.text, p);
      }
    });
  }

  /** Patterns whose first token may match word `w`: exact ones, then stems, then compound endings (memoised per word). */
  private readonly byWord = new Map<string, Pattern[]>();

  /** First three letters of every exact word and stem (words under three letters: all of it), last three of every compound ending: most words fail and skip the lookup. */
  private readonly heads = new Uint8Array(1 << 18);
  private readonly tails = new Uint8Array(1 << 18);
  private readonly shortHeads = new Uint8Array(1 << 16);

  /** Whether a word can start a pattern (see heads/tails); reads the code units where the word lies in `s`. */
  private mayStart(s: string, start: number, end: number): boolean {
    if (end - start < KEY) return this.shortHeads[pair(s, start, end)] === 1;
    return this.heads[triple(s, start)] === 1 || this.tails[triple(s, end - KEY)] === 1;
  }

  private patternsFor(w: string): Pattern[] {
    let list = this.byWord.get(w);
    if (list === undefined) {
      const parts = [this.exact.get(w), w.length >= KEY ? this.stems.get(w.slice(0, KEY)) : undefined, w.length >= KEY ? this.suffixes.get(w.slice(w.length - KEY)) : undefined];
      list = parts.some((x) => x) ? parts.flatMap((x) => x ?? []) : NO_PATTERNS;
      if (this.byWord.size > 100000) this.byWord.clear();
      this.byWord.set(w, list);
    }
    return list;
  }

  private static tokenMatches(t: PatternToken, word: string, first: boolean): boolean {
    if (t.prefix) return word.startsWith(t.text);
    if (t.suffix && first) return word.endsWith(t.text) && word.length > t.text.length;
    return word === t.text;
  }

  /** Every vocabulary hit in `text`, minus hits inside an excluded phrase of their theme. */
  hits(text: string): ThemeHit[] {
    const { words, starts, ends, lower } = tokenise(text);
    const count = starts.length;
    // words are sliced out of the lower-cased text only when a pattern needs them
    const word = (i: number): string => words[i] ?? (words[i] = lower!.slice(starts[i], ends[i]));
    const found: { p: Pattern; start: number; end: number; len: number }[] = [];
    const consider = (list: Pattern[] | undefined, i: number) => {
      if (!list) return;
      for (const p of list) {
        const n = p.tokens.length;
        if (i + n > count) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = ThemeMatcher.tokenMatches(p.tokens[k], word(i + k), k === 0);
        if (ok) found.push({ p, start: starts[i], end: ends[i + n - 1], len: n });
      }
    };
    for (let i = 0; i < count; i++) {
      if (lower ? !this.mayStart(lower, starts[i], ends[i]) : !this.mayStart(words[i]!, 0, words[i]!.length)) continue;
      const list = this.patternsFor(word(i));
      if (list !== NO_PATTERNS) consider(list, i);
    }
    const excluded = found.filter((f) => f.p.exclude);
    const out: ThemeHit[] = [];
    const covered = new Map<number, number>(); // themeIndex -> end of last accepted hit
    found
      .filter((f) => !f.p.exclude)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .forEach((f) => {
        if ((covered.get(f.p.themeIndex) ?? -1) > f.start) return;
        if (excluded.length > 0 && excluded.some((e) => e.p.themeIndex === f.p.themeIndex && f.start < e.end && e.start < f.end)) return;
        covered.set(f.p.themeIndex, f.end);
        out.push({ theme: this.themes[f.p.themeIndex], start: f.start, end: f.end });
      });
    return out;
  }
}

/**
 * The words of `text` as WORD finds them, lower-cased, with trailing apostrophes/hyphens cut off;
 * `ends` is start + length of the lower-cased word. With `lower` (the lower-cased text, same length)
 * the words are left for the caller to slice; without it, `words` holds them. A hand-written scan (one pass of charCodeAt, one
 * toLowerCase of the whole text) replaces a Unicode-property regex and a toLowerCase per word.
 */
function tokenise(text: string): { words: (string | undefined)[]; starts: number[]; ends: number[]; lower: string | null } {
  const words: (string | undefined)[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lower = text.toLowerCase();
  // Lower-casing must map each code unit to one code unit, independently of context (final sigma is not).
  if (lower.length !== text.length || text.includes('\u03a3')) {
    for (const m of text.matchAll(WORD)) {
      const w = m[0].toLowerCase().replace(/[’'-]+$/, '');
      words.push(w);
      starts.push(m.index!);
      ends.push(m.index! + w.length);
    }
    return { words, starts, ends, lower: null };
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(c === 35 || isWordChar(text, i, c))) {
      i++;
      continue;
    }
    const start = i;
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 39 || d === 0x2019 || d === 45) i++;
      else if (isWordChar(text, i, d)) i += d >= 0xd800 && d <= 0xdbff && i + 1 < n ? 2 : 1;
      else break;
    }
    let end = i;
    while (end > start) {
      const d = lower.charCodeAt(end - 1);
      if (d === 39 || d === 0x2019 || d === 45) end--;
      else break;
    }
    starts.push(start);
    ends.push(end);
  }
  return { words, starts, ends, lower };
}

const LETTER = /\p{L}/u;
/** 1 = letter or digit, 2 = neither, 0 = not yet known; per BMP code unit. */
const wordCharClass = new Uint8Array(0x10000);

/** [\p{L}0-9] at position i (code `c`), with astral letters read as one code point. */
function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && LETTER.test(String.fromCodePoint(cp));
  }
  let k = wordCharClass[c];
  if (k === 0) wordCharClass[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

let defaultMatcher: ThemeMatcher | null = null;

export function loadThemeVocabulary(): ThemeDefinition[] {
  const raw = JSON.parse(readFileSync(new URL('../data/themes.json', import.meta.url), 'utf8')) as { themes: ThemeDefinition[] };
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
  const hits = matcher.hits(ctx.text);
  const byTheme = new Map<string, ThemeHit[]>();
  for (const h of hits) {
    const list = byTheme.get(h.theme.id);
    if (list) list.push(h);
    else byTheme.set(h.theme.id, [h]);
  }
  const words = ctx.text.length / 6.5;
  const need = minimumHits(words);
  const title = ctx.section.title.toLowerCase();
  const titleHits = new Set(matcher.hits(title).map((h) => h.theme.id));
  const out: { theme: ThemeDefinition; hits: ThemeHit[] }[] = [];
  for (const list of byTheme.values()) {
    const theme = list[0].theme;
    const distinct = new Set(list.map((h) => ctx.text.slice(h.start, h.end).toLowerCase())).size;
    const enough = list.length >= need || (list.length >= need - 1 && distinct >= 2);
    if (enough || (titleHits.has(theme.id) && list.length >= 1)) out.push({ theme, hits: list });
  }
  return out.sort((a, b) => b.hits.length - a.hits.length);
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


/** Themes linked at section level (without a shared sentence): only the section's main ones. */
const SECTION_LEVEL_THEMES = 5;
const SAME_SENTENCE_WEIGHT = 1;
const SECTION_WEIGHT = 0.5;

const SHORT_SECTION_SENTENCES = 8;

function isCentral(actor: { name: string; sents: Set<number> }, ctx: SectionContext): boolean {
  return actor.sents.size >= 2 || ctx.sentences.length <= SHORT_SECTION_SENTENCES || ctx.section.title.includes(actor.name);
}

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
  const mainThemes = new Set(ranked.slice(0, SECTION_LEVEL_THEMES).map((t) => t.name));
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
      // A section-level link (no shared sentence) only for actors the section is about: someone
      // mentioned once in a long article about somebody else does not work on its themes.
      if (shared === 0 && (!mainThemes.has(theme.name) || !isCentral(actor, ctx))) continue;
      const prominence = Math.min(1, theme.hits / Math.max(3, maxHits));
      // Repeated evidence counts, with diminishing returns.
      const weight = SECTION_WEIGHT * prominence + SAME_SENTENCE_WEIGHT * Math.log2(1 + shared);
      if (evidence < 0) {
        // Section-level link: quote the sentence where the theme is strongest near the actor.
        const candidates = [...theme.sents.keys()].filter((i) => i >= 0);
        evidence = candidates.reduce((best, i) => (Math.abs(i - actor.first) < Math.abs(best - actor.first) ? i : best), candidates[0] ?? actor.first);
      }
      const s = ctx.sentences[evidence] ?? { start: 0, end: Math.min(ctx.text.length, 240) };
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
