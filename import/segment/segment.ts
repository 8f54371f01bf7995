/**
 * Segmentation: a magazine's blocks -> titled sections, plus the document title and issue date.
 * Markdown headings always open a section; in plain text a short title-like paragraph followed
 * by body text opens one once the current section holds some body text.
 */
import type { Block } from '../normalise/normalise.ts';

export interface Segment {
  title: string;
  /** Section text: its paragraphs (title line included) separated by blank lines. */
  text: string;
  /** Markdown level of the heading that opens it (1 opens an article); 0 when no heading opens it. */
  level: number;
}

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

export function segment(blocks: Block[]): Segment[] {
  const sections: Segment[] = [];
  let title = '';
  let level = 0;
  let parts: string[] = [];
  let body = 0;
  const flush = () => {
    if (parts.length) sections.push({ title: title || parts[0].slice(0, MAX_TITLE_LENGTH), text: parts.join('\n\n'), level });
    parts = [];
    body = 0;
    level = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') {
      if (body === 0 && title) {
        title = `${title} – ${b.text}`;
        if (level === 0 || b.level < level) level = b.level;
      } else {
        flush();
        title = b.text;
        level = b.level;
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
      continue;
    }
    parts.push(b.text);
    body += b.text.length;
  }
  flush();
  return sections;
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
