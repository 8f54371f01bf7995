/**
 * Segmentation: a magazine's blocks -> titled sections, plus the document title and issue date.
 * Markdown headings always open a section; in plain text a short title-like paragraph followed
 * by body text opens one once the current section holds some body text.
 * No section grows past MAX_SECTION_CHARS: beyond it the section goes on in a continuation (same
 * title, `continued`), cut between paragraphs, or inside an over-long paragraph at a sentence end.
 * Every later stage works per section, so this bound keeps a file with no structure (one 5 MB
 * line, one sentence repeated for megabytes) from becoming one unbounded unit.
 */
import type { Block } from '../normalise/normalise.ts';

export interface Segment {
  title: string;
  /** Section text: its paragraphs (title line included) separated by blank lines. */
  text: string;
  /** Markdown level of the heading that opens it (1 opens an article); 0 when no heading opens it. */
  level: number;
  /** The section goes on from the one before it (cut at MAX_SECTION_CHARS): it opens nothing. */
  continued?: boolean;
}

/** The longest section (characters); a magazine's sections stay far below (the corpus's longest has some 7 200). */
export const MAX_SECTION_CHARS = 12_000;

const MIN_BODY_BEFORE_SPLIT = 800;
const MAX_TITLE_LENGTH = 90;
const BYLINE = /^(?:door|tekst|foto|fotografie|beeld|interview|meer informatie|meer weten|contact|kijk|lees|download|bron)\b/i;

export function isTitleLike(text: string): boolean {
  if (text.length < 3 || text.length > MAX_TITLE_LENGTH) return false;
  if (/[.,;:]$/.test(text)) return false;
  if (BYLINE.test(text)) return false;
  if (/@|www\.|https?:/.test(text)) return false;
  if (!/^[\p{Lu}\d‘'“"]/u.test(text)) return false;
  return /\p{L}{3}/u.test(text);
}

export function segment(input: Block[]): Segment[] {
  const blocks = boundParagraphs(input);
  const sections: Segment[] = [];
  let title = '';
  let level = 0;
  let parts: string[] = [];
  let body = 0;
  let size = 0; // characters in parts
  let continued = false;
  const flush = () => {
    if (parts.length) {
      const section: Segment = { title: title || parts[0].slice(0, MAX_TITLE_LENGTH), text: parts.join('\n\n'), level };
      if (continued) section.continued = true;
      sections.push(section);
    }
    parts = [];
    body = 0;
    size = 0;
    level = 0;
    continued = false;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'para' && parts.length && size + b.text.length + 2 > MAX_SECTION_CHARS) {
      // the section is full: it goes on in a continuation with the same title
      if (!title) title = parts[0].slice(0, MAX_TITLE_LENGTH);
      flush();
      continued = true;
    }
    size += b.text.length + 2;
    if (b.kind === 'heading') {
      if (body === 0 && title && parts.length) {
        title = `${title} – ${b.text}`;
        if (level === 0 || b.level < level) level = b.level;
      } else {
        flush();
        title = b.text;
        level = b.level;
        size = b.text.length + 2;
      }
      parts.push(b.text);
      continue;
    }
    const next = blocks[i + 1];
    const opensSection =
      isTitleLike(b.text) && next !== undefined && next.kind === 'para' && next.text.length >= 150 && body >= MIN_BODY_BEFORE_SPLIT;
    if (opensSection) {
      flush();
      title = b.text;
      parts.push(b.text);
      size = b.text.length + 2;
      continue;
    }
    parts.push(b.text);
    body += b.text.length;
  }
  flush();
  return sections;
}

/**
 * Paragraphs longer than a section cut at sentence ends (". " before a capital) into pieces of at
 * most MAX_SECTION_CHARS, or at a space when there is none in reach, so that a section can be cut
 * between them.
 */
function boundParagraphs(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.text.length > MAX_SECTION_CHARS)) return blocks;
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.text.length <= MAX_SECTION_CHARS) {
      out.push(b);
      continue;
    }
    let from = 0;
    const t = b.text;
    while (t.length - from > MAX_SECTION_CHARS) {
      const cut = cutBefore(t, from, from + MAX_SECTION_CHARS);
      out.push({ ...b, text: t.slice(from, cut).trimEnd() });
      from = cut;
      while (from < t.length && t.charCodeAt(from) === 32) from++;
    }
    if (from < t.length) out.push({ ...b, text: t.slice(from) });
  }
  return out;
}

/** Where to cut t[from, limit): after the last sentence end in the second half, else at the last space, else at limit. */
function cutBefore(t: string, from: number, limit: number): number {
  const half = from + ((limit - from) >> 1);
  for (let i = limit - 1; i > half; i--) {
    const c = t.charCodeAt(i - 1);
    if (t.charCodeAt(i) === 32 && (c === 46 || c === 33 || c === 63) && isUpperStart(t.charCodeAt(i + 1))) return i + 1;
  }
  const space = t.lastIndexOf(' ', limit - 1);
  return space > from ? space + 1 : limit;
}

function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || (c >= 48 && c <= 57);
}

const MONTHS = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
const ISSUE_DATE = new RegExp(`\\b${MONTHS}\\s+(?:19|20)\\d\\d\\b`, 'i');

/** Issue date as printed near the start of the document ("februari 2018"), or null. */
export function readPublished(blocks: Block[]): string | null {
  let seen = 0;
  for (const b of blocks) {
    if (seen > 4000) break;
    seen += b.text.length;
    // only the masthead: a short line carrying a month and year ("februari 2018 * nummer 1")
    if (b.text.length > 80) continue;
    const m = ISSUE_DATE.exec(b.text);
    if (m) return m[0];
  }
  return null;
}

/** The magazine's title: masthead name + subtitle + issue theme when printed, else the first title-like line. */
export function readTitle(blocks: Block[], fallback: string): string {
  const head = blocks.slice(0, 40);
  const masthead = head.find((b) => /^movisies$/i.test(b.text));
  const subtitle = head.find((b) => /^relatieblad voor\b/i.test(b.text) && b.text.length < 80);
  if (masthead || subtitle) {
    let title = 'Movisies';
    if (subtitle) title += ` – ${subtitle.text}`;
    const idx = masthead ? head.indexOf(masthead) : -1;
    // the issue theme: the capitals right after the masthead, possibly wrapped over two lines
    const isCaps = (b: Block | undefined) => !!b && b.text.length < 60 && b.text === b.text.toUpperCase() && /\p{Lu}{3}/u.test(b.text);
    const at = idx >= 0 ? head.slice(idx + 1, idx + 4).findIndex(isCaps) : -1;
    if (at >= 0) {
      const parts = [head[idx + 1 + at].text];
      if (isCaps(head[idx + 2 + at])) parts.push(head[idx + 2 + at].text);
      title += ` (thema: ${parts.join(' ').toLowerCase()})`;
    }
    return title;
  }
  const first = head.find((b) => isTitleLike(b.text) && b.text.length >= 8);
  return first?.text ?? fallback;
}
