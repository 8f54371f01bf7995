/**
 * Normalisation of the two input styles into clean paragraphs:
 * - markdown-ish (headings with #, **bold**, [text](url) links, escaped \*, `---` rules);
 * - text extracted from PDF (hard-wrapped lines ending in a space, blank lines between wrapped
 *   lines, words hyphenated across lines, page numbers and running heads).
 * One linear pass over the lines; every regex here is anchored or bounded, no backtracking traps.
 */

export interface Block {
  kind: 'heading' | 'para';
  /** Markdown heading level (1-6); 0 for paragraphs. */
  level: number;
  text: string;
}

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/** Character-level clean-up: ligatures, odd spaces, replacement characters, soft hyphens. Curly quotes are kept. */
export function cleanCharacters(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ﬀﬁﬂﬃﬄﬅﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[\u00ad\ufffd\u200b\ufeff]/g, '')
    .replace(/\t/g, ' ');
}

/** Strips inline markdown: links (keeping the visible text), images, bold/italic markers, escapes. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)/g, '$1')
    .replace(/\[([^\]\n]{0,300})\]\((?:[^)\s]{0,500})(?:\s+"[^"\n]{0,200}")?\)/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]{1,500})>/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\\([*_#\[\]()`>\-.!+])/g, '$1')
    .replace(/(^|[\s(])\*(?=\S)([^*\n]{1,200}?)\*(?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/`/g, '');
}

const PAGE_NUMBER = /^\d{1,3}$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,}|>>|<<|[•·▪■]+)$/;
const RUNNING_HEAD = /^MOVISIES\s*\|/i;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;

/** A wrapped word: the line ends in letters + '-' (not a real compound like "LHBTI-" or "e-"). */
function joinHyphenated(left: string, right: string): string {
  const m = /([\p{L}]+)-$/u.exec(left);
  const first = right.charAt(0);
  if (m && /\p{Ll}/u.test(first)) {
    const prefix = m[1];
    const keepHyphen = prefix.length === 1 || /\p{Lu}/u.test(prefix);
    return keepHyphen ? left + right : left.slice(0, -1) + right;
  }
  return left + right;
}

/**
 * Turns a raw document into blocks. A line continues the current paragraph when the previous
 * line was "open": it ended in a space (the PDF wrap marker), in a hyphenated word, or without
 * sentence-final punctuation while the next line starts in lower case.
 */
export function normaliseBlocks(raw: string): Block[] {
  const lines = cleanCharacters(raw).split('\n');
  const blocks: Block[] = [];
  let para = '';
  let open = false;

  const close = () => {
    const text = para.replace(/ {2,}/g, ' ').trim();
    if (text) blocks.push({ kind: 'para', level: 0, text });
    para = '';
    open = false;
  };

  for (const rawLine of lines) {
    const endsWithSpace = /\s$/.test(rawLine);
    const trimmed = rawLine.trim();
    if (!trimmed) {
      if (!open) close();
      continue;
    }
    if (PAGE_NUMBER.test(trimmed) || RUNNING_HEAD.test(trimmed)) continue;
    if (RULE.test(trimmed)) {
      close();
      continue;
    }
    const heading = MD_HEADING.exec(trimmed);
    if (heading) {
      close();
      const text = stripInlineMarkdown(heading[2]).replace(/\s+/g, ' ').trim();
      if (text) blocks.push({ kind: 'heading', level: heading[1].length, text });
      continue;
    }
    const text = stripInlineMarkdown(trimmed).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (para) {
      const hyphenWrap = /\p{L}-$/u.test(para) && /^\p{Ll}/u.test(text);
      const softWrap = !/[.!?:;’'"”)]$/.test(para) && /^\p{Ll}/u.test(text);
      if (hyphenWrap) {
        para = joinHyphenated(para, text);
      } else if (open || softWrap) {
        para = para + ' ' + text;
      } else {
        close();
        para = text;
      }
    } else {
      para = text;
    }
    open = endsWithSpace || /\p{L}-$/u.test(text);
  }
  close();
  return blocks;
}

/** The normalised text: blocks separated by blank lines. */
export function normalise(raw: string): string {
  return normaliseBlocks(raw)
    .map((b) => b.text)
    .join('\n\n');
}
