/**
 * Articles: a magazine's sections grouped into the articles a reader sees, each with a title and its
 * sections (passages). A web page or a short document is one article.
 *
 * Markdown: a level-1 heading opens an article (a bare masthead such as "MOVISIES" does not; the
 * level-2 items under it are short articles of their own).
 * Text from PDF (no level-1 headings): sub-headings there are short ("Enthousiast", "Slimme
 * oplossingen"), interview questions end in "?", and sidebars start "Over …"; those continue the
 * article. A section after a closing mark (a contact box "Meer informatie: …", a byline "Door X"
 * at the end) or one whose title reads like a headline (a quote, or four words or more) opens one.
 */
export interface ArticleSpan {
  /** 1-based, in document order. */
  ordinal: number;
  title: string;
  /** Indexes of the article's sections, in order. */
  sections: number[];
}

interface SegmentLike {
  title: string;
  text: string;
  level: number;
  /** A continuation of the section before it (segment.ts cuts over-long sections): never opens an article. */
  continued?: boolean;
}

/** Below this size (characters) a document is one article whatever its headings. */
const SHORT_DOCUMENT = 6000;
const MASTHEAD_BODY = 80;

/** A contact box or a closing byline: what ends an article in a magazine. */
const CONTACT_BOX = /(?:^|\n)\s*(?:meer informatie\b|meer weten\b|contact\s*:)/i;
/** A line that holds only a byline: "Door Karin de Boer", "Tekst: Jan Smit en Ali Demir". Case matters for the names. */
const BYLINE_LINE = /(?:^|\n)\s*(?:[Dd]oor|DOOR|[Tt]ekst|TEKST)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|de|der|den|te|ten|ter|en|&))*\s*\.?\s*(?:\n|$)/u;
/** A headline: opens with a quote mark. */
const QUOTED_TITLE = /^[‘'“"]/;
const QUESTION = /\?\s*$/;
const NUMBERED = /^\d+\s*[.)]?\s*\p{L}/u;
const SIDEBAR = /^(?:over|meer over|wat doet|verder lezen|lees ook|tips?|kader)\b/i;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function bodyLength(s: SegmentLike): number {
  return Math.max(0, s.text.length - s.title.length);
}

function isMasthead(s: SegmentLike): boolean {
  return s.level === 1 && bodyLength(s) < MASTHEAD_BODY && s.title === s.title.toUpperCase();
}

/** In text without article headings: whether a section's title reads like the headline of a new article. */
export function isHeadline(title: string): boolean {
  const t = title.trim();
  if (QUOTED_TITLE.test(t)) return true;
  if (QUESTION.test(t) || NUMBERED.test(t) || SIDEBAR.test(t)) return false;
  return words(t) >= 4;
}

/** Whether a section ends with (or holds) a contact box or closing byline. */
export function closesArticle(text: string): boolean {
  return CONTACT_BOX.test(text) || BYLINE_LINE.test(text);
}

export function splitArticles(segments: SegmentLike[]): ArticleSpan[] {
  if (segments.length === 0) return [];
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  const firstArticle = segments.findIndex((x) => x.level === 1 && !isMasthead(x));
  const markdown = firstArticle >= 0;
  const opens: boolean[] = segments.map((s, i) => {
    if (i === 0) return true;
    if (total < SHORT_DOCUMENT || s.continued) return false;
    if (markdown) {
      if (s.level === 1) return true;
      // before the first real article (front matter under a masthead) every heading is an item of its own
      return s.level > 0 && i < firstArticle;
    }
    return closesArticle(segments[i - 1].text) || isHeadline(s.title);
  });
  const out: ArticleSpan[] = [];
  segments.forEach((s, i) => {
    if (opens[i] || out.length === 0) out.push({ ordinal: out.length + 1, title: articleTitle(s), sections: [i] });
    else out[out.length - 1].sections.push(i);
  });
  return out;
}

function articleTitle(s: SegmentLike): string {
  const t = s.title.trim();
  return t || s.text.slice(0, 90).trim();
}

/** Section index -> article index (0-based into the result of splitArticles). */
export function articleOfSection(articles: ArticleSpan[], sections: number): number[] {
  const of = new Array<number>(sections).fill(0);
  articles.forEach((a, k) => {
    for (const i of a.sections) of[i] = k;
  });
  return of;
}
