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
    .replace(/\t/g, ' ')
    // an e-mail address broken after '@' by the PDF line wrap ("m.bool@ movisie.nl")
    .replace(/@[ \n]+(?=[\w-]+\.[a-z]{2,}\b)/g, '@');
}

/** Strips inline markdown: links (keeping the visible text), images, bold/italic markers, escapes. */
const MARKUP = /[*_\\`<!\[]/;

export function stripInlineMarkdown(line: string): string {
  if (!MARKUP.test(line)) return line;
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

/**
 * A word broken at the line end: "samen-" + "leving". The document itself decides when it can:
 * if the joined word occurs elsewhere it is joined, if the hyphenated form does it is kept. Otherwise
 * a hyphen after an acronym or one letter ("LHBTI-beleid", "e-mail") or after a capitalised word that
 * stands on its own in the document ("Movisie-academie", "Wmo-voorziening") is kept, and others are joined.
 */
function joinHyphenated(left: string, right: string, vocabulary: Set<string>): string {
  const m = /([\p{L}]+)-$/u.exec(left.slice(-40));
  const first = right.charAt(0);
  if (m && /\p{Ll}/u.test(first)) {
    const prefix = m[1];
    const suffix = /^[\p{L}]+/u.exec(right)?.[0] ?? '';
    const joined = (prefix + suffix).toLowerCase();
    const hyphenated = `${prefix}-${suffix}`.toLowerCase();
    let keepHyphen: boolean;
    if (vocabulary.has(joined)) keepHyphen = false;
    else if (vocabulary.has(hyphenated)) keepHyphen = true;
    else keepHyphen = prefix.length === 1 || /^\p{Lu}{2,}$/u.test(prefix) || (/^\p{Lu}/u.test(prefix) && vocabulary.has(prefix.toLowerCase()));
    return keepHyphen ? left + right : left.slice(0, -1) + right;
  }
  return left + right;
}

/** Every word of the document (hyphenated compounds also as a whole), lower-cased; words broken at a line end are not in it. */
function documentVocabulary(text: string): Set<string> {
  const vocabulary = new Set<string>();
  const WORD = /[\p{L}]+(?:-[\p{L}]+)*(?!-\s*$)/gmu;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0].toLowerCase();
    vocabulary.add(w);
    if (w.includes('-')) for (const part of w.split('-')) vocabulary.add(part);
  }
  return vocabulary;
}

const DANGLING_WORD = /(?:^|\s)(?:van|de|der|den|het|een|en|of|met|voor|in|op|te|ten|ter|aan|bij|door|naar|&|–)$/;

/** A paragraph that ends in a dangling word or an open bracket continues after a blank line ("Joris van" / "Gennep"). */
function cannotEndParagraph(para: string): boolean {
  if (!para) return false;
  const tail = para.slice(-12);
  if (DANGLING_WORD.test(tail) || /[,(]$/.test(tail)) return true;
  let depth = 0;
  for (let i = Math.max(0, para.length - 200); i < para.length; i++) {
    const c = para.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Turns a raw document into blocks. A line continues the current paragraph when the previous
 * line was "open": it ended in a space (the PDF wrap marker), in a hyphenated word, or without
 * sentence-final punctuation while the next line starts in lower case.
 */
export function normaliseBlocks(raw: string): Block[] {
  const cleaned = cleanCharacters(raw);
  const vocabulary = documentVocabulary(cleaned);
  const lines = cleaned.split('\n');
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
      if (!open) {
        if (cannotEndParagraph(para)) open = true;
        else close();
      }
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
      // only the tail of the paragraph is tested: end-anchored regexes over a growing string would be quadratic
      const tail = para.slice(-3);
      const hyphenWrap = /\p{L}-$/u.test(tail) && /^\p{Ll}/u.test(text);
      const softWrap = !/[.!?:;’'"”)]$/.test(tail) && /^\p{Ll}/u.test(text);
      if (hyphenWrap) {
        para = joinHyphenated(para, text, vocabulary);
      } else if (/\p{L}-$/u.test(tail) && /^\p{Lu}/u.test(text)) {
        para = para + text; // "Noord-" + "Holland"
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
