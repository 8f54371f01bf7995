/**
 * An article's theme profile: the themes of the vocabulary (import/data/themes.json) it is about,
 * each with a weight in (0, 1]. Words count by where they stand: in the title three times, in the
 * lead (the first paragraph after the title) twice, in the body once. Compounds and inflections are
 * folded by the vocabulary's stems and endings ("armoedebeleid" -> armoede, "eenzame" -> eenzaamheid).
 * Only the main themes are kept: a theme named in passing is not what the article is about.
 */
import { themeMatcher, type ThemeDefinition, type ThemeMatcher } from '../tag/rules/themes.ts';

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
  const add = (text: string, weight: number) => {
    for (const h of matcher.hits(text)) {
      const s = scores.get(h.theme.id);
      if (s) s.score += weight;
      else scores.set(h.theme.id, { theme: h.theme, score: weight });
    }
  };
  add(article.title, TITLE_WEIGHT);
  article.sections.forEach((s, i) => {
    // a section's text starts with its title line: the title is counted once, as title
    const body = s.text.startsWith(s.title) ? s.text.slice(s.title.length) : s.text;
    if (i > 0) add(s.title, BODY_WEIGHT);
    if (i === 0) {
      const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim());
      add(paragraphs[0] ?? '', LEAD_WEIGHT);
      add(paragraphs.slice(1).join('\n\n'), BODY_WEIGHT);
    } else add(body, BODY_WEIGHT);
  });
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.theme.label.localeCompare(b.theme.label));
  if (ranked.length === 0) return [];
  const top = ranked[0].score;
  return ranked
    .filter((s) => s.score >= MIN_SCORE && s.score >= MIN_SHARE * top)
    .slice(0, MAX_THEMES)
    .map((s) => ({ theme: s.theme, score: s.score, weight: Math.round((s.score / top) * 1000) / 1000 }));
}
