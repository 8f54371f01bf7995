/**
 * An article's theme profile: the themes of the vocabulary (import/data/themes.json) it is about,
 * each with a weight in (0, 1]. Words count by where they stand: in the title three times, in the
 * lead (the first paragraph after the title) twice, in the body once. Compounds and inflections are
 * folded by the vocabulary's stems and endings ("armoedebeleid" -> armoede, "eenzame" -> eenzaamheid).
 * Only the main themes are kept: a theme named in passing is not what the article is about.
 */
import { themeMatcher, type ThemeDefinition, type ThemeHit, type ThemeMatcher } from '../tag/rules/themes.ts';
import { emptyList, packedList } from '../packed.ts';

export interface ArticleTheme {
  theme: ThemeDefinition;
  /** Position-weighted hits. */
  score: number;
  /** score relative to the article's strongest theme, in (0, 1]. */
  weight: number;
}

export interface ArticleText {
  title: string;
  /** The sections' texts in order; the first paragraph of the first one after its title is the lead. */
  sections: { title: string; text: string }[];
}

const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** A main theme scores at least this much, and at least this share of the strongest one. */
const MIN_SCORE = 3;
const MIN_SHARE = 0.5;
const MAX_THEMES = 2;

export function themeProfile(article: ArticleText, matcher: ThemeMatcher = themeMatcher()): ArticleTheme[] {
  const scores = new Map<string, { theme: ThemeDefinition; score: number }>();
  const add = (text: string, weight: number) => addHits(matcher.hits(text), weight);
  const addHits = (hits: ThemeHit[], weight: number) => {
    for (const h of hits) {
      const s = scores.get(h.theme.id);
      if (s) s.score += weight;
      else scores.set(h.theme.id, { theme: h.theme, score: weight });
    }
  };
  add(article.title, TITLE_WEIGHT);
  article.sections.forEach((s, i) => {
    // a section's text starts with its title line: the title is counted once, as title
    const bodyStart = s.text.startsWith(s.title) ? s.title.length : 0;
    if (i > 0) add(s.title, BODY_WEIGHT);
    // the lead and the body are parts of the section's text: their hits are read from the section's (found once
    // for the theme extractor), or found in the parts themselves when the words cannot be shared
    const parts = i === 0 ? leadAndRest(s.text, bodyStart) : [bodyStart, s.text.length];
    const weights = i === 0 ? [LEAD_WEIGHT, BODY_WEIGHT] : [BODY_WEIGHT];
    const shared = matcher.hitsInRanges(s, s.text, parts);
    weights.forEach((w, k) => {
      if (shared) addHits(shared[k], w);
      else add(s.text.slice(parts[2 * k], parts[2 * k + 1]), w);
    });
  });
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.theme.label.localeCompare(b.theme.label));
  if (ranked.length === 0) return emptyList();
  const top = ranked[0].score;
  // one array kind whatever the count (import/packed.ts): the article linkers read it
  return packedList(
    ranked
      .filter((s) => s.score >= MIN_SCORE && s.score >= MIN_SHARE * top)
      .slice(0, MAX_THEMES)
      .map((s) => ({ theme: s.theme, score: s.score, weight: Math.round((s.score / top) * 1000) / 1000 })),
  );
}

const PARAGRAPH_BREAK = /\n\s*\n/g;

/**
 * The lead (the first paragraph of the body, text[bodyStart..] split at blank lines) and the rest of the
 * body after it, as [start, end) offsets in `text` (flattened; an empty part is an empty range). Their
 * words are those of the lead paragraph and of the later paragraphs joined by blank lines.
 */
export function leadAndRest(text: string, bodyStart: number): [number, number, number, number] {
  const pieces: number[] = []; // start, end of each paragraph with a non-space character
  let from = bodyStart;
  const piece = (start: number, end: number) => {
    if (text.slice(start, end).trim()) pieces.push(start, end);
  };
  PARAGRAPH_BREAK.lastIndex = bodyStart;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    piece(from, m.index);
    from = m.index + m[0].length;
  }
  piece(from, text.length);
  if (pieces.length === 0) return [text.length, text.length, text.length, text.length];
  const restStart = pieces.length > 2 ? pieces[2] : text.length;
  const restEnd = pieces.length > 2 ? pieces[pieces.length - 1] : text.length;
  return [pieces[0], pieces[1], restStart, restEnd];
}
