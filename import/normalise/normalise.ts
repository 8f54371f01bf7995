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
  // one pass for every replacement (none of them is touched by NFC, and each works on single characters)
  const text = raw.normalize('NFC');
  return ODD_CHARACTER.test(text) ? text.replace(ODD_CHARACTERS, replaceOddCharacter) : text;
}

const ODD_CHARACTER = /[\r\tﬀﬁﬂﬃﬄﬅﬆ\u00a0\u2007\u202f\u2009\u00ad\ufffd\u200b\ufeff]/;
const ODD_CHARACTERS = /\r\n?|[\tﬀﬁﬂﬃﬄﬅﬆ\u00a0\u2007\u202f\u2009\u00ad\ufffd\u200b\ufeff]/g;

function replaceOddCharacter(c: string): string {
  if (c.charCodeAt(0) === 13) return '\n';
  if (c === '\t' || c === '\u00a0' || c === '\u2007' || c === '\u202f' || c === '\u2009') return ' ';
  return LIGATURES[c] ?? '';
}

/** An e-mail address broken after '@' by the PDF line wrap ("m.bool@ movisie.nl"). */
function repairBrokenAddresses(text: string): string {
  // the regex only at an '@' followed by a space or newline (indexOf finds those cheaply), not over the whole text
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next !== 32 && next !== 10) continue;
    BROKEN_ADDRESS.lastIndex = at;
    const m = BROKEN_ADDRESS.exec(text);
    if (!m) continue;
    out += text.slice(from, at + 1);
    from = at + m[0].length;
    at = from - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const BROKEN_ADDRESS = /@[ \n]+(?=[\w-]+\.[a-z]{2,}\b)/y;

const MARKUP = /[*_\\`<!\[]/;

/** Strips inline markdown: links (keeping the visible text), images, bold/italic markers, escapes. */
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

/** The longest markdown heading kept as one; a longer line after '#' is read as a paragraph. */
export const MAX_HEADING_CHARS = 300;

const PAGE_NUMBER = /^\d{1,3}$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,}|>>|<<|[•·▪■]+)$/;
const RUNNING_HEAD = /^MOVISIES\s*\|/i;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;

/**
 * A word broken at the line end: "samen-" + "leving" -> "samenleving". The hyphen is kept after an
 * acronym or a single letter ("LHBTI-beleid", "e-mail") and after a capitalised word that stands on
 * its own elsewhere in the document ("Movisie-academie", "Wmo-voorziening"); otherwise the word is
 * joined ("Coöpera-" + "tieve"). Only capitalised prefixes need a look at the document, so the cost
 * stays linear.
 */
function joinHyphenated(left: string, right: string, standsAlone: (word: string) => boolean): string {
  const prefix = letterRunBeforeHyphen(left);
  const first = right.charAt(0);
  if (prefix && /\p{Ll}/u.test(first)) {
    const keepHyphen = prefix.length === 1 || /^\p{Lu}{2,}$/u.test(prefix) || (/^\p{Lu}/u.test(prefix) && standsAlone(prefix));
    return keepHyphen ? left + right : left.slice(0, -1) + right;
  }
  return left + right;
}

const LETTER = /\p{L}/u;
const letterCache = new Map<number, boolean>();

function isUnicodeLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let r = letterCache.get(code);
  if (r === undefined) {
    r = LETTER.test(String.fromCharCode(code));
    letterCache.set(code, r);
  }
  return r;
}

/** The letters right before a final hyphen, within the last 40 characters ("Coöpera" of "de Coöpera-"), or ''. */
function letterRunBeforeHyphen(left: string): string {
  const end = left.length - 1;
  if (end < 1 || left.charCodeAt(end) !== 45) return '';
  const limit = Math.max(0, left.length - 40);
  let k = end;
  // a surrogate pair is two code units: \p{L} there is rare enough to leave to the regex
  while (k > limit) {
    const c = left.charCodeAt(k - 1);
    if (c >= 0xd800 && c <= 0xdfff) return /([\p{L}]+)-$/u.exec(left.slice(-40))?.[1] ?? '';
    if (!isUnicodeLetter(c)) break;
    k--;
  }
  return left.slice(k, end);
}

/** Whether `word` occurs in the text as a word of its own (not glued into a longer word or a line-end break). */
function standsAloneIn(text: string): (word: string) => boolean {
  const cache = new Map<string, boolean>();
  return (word) => {
    let found = cache.get(word);
    if (found === undefined) {
      found = false;
      // indexOf and a look at both neighbours: far cheaper than a look-behind regex over the whole text
      for (let at = text.indexOf(word); at >= 0 && !found; at = text.indexOf(word, at + 1)) {
        found = !isLetterCodePoint(codePointBefore(text, at)) && !letterOrLineBreakAt(text, at + word.length);
      }
      cache.set(word, found);
    }
    return found;
  };
}

const LETTER_CP = /\p{L}/u;

function isLetterCodePoint(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER_CP.test(String.fromCodePoint(cp));
}

/** The code point that ends right before `at` (a surrogate pair counts as one). */
function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

/** A letter at `at`, or a hyphen that breaks the word at a line end ("-", white space, a newline). */
function letterOrLineBreakAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  if (isLetterCodePoint(text.codePointAt(at))) return true;
  if (text.charCodeAt(at) !== 45) return false;
  for (let k = at + 1; k < text.length && WHITE_SPACE.test(text.charAt(k)); k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

const WHITE_SPACE = /\s/;

const DANGLING_WORD = /(?:^|\s)(?:van|de|der|den|het|een|en|of|met|voor|in|op|te|ten|ter|aan|bij|door|naar|&|–)$/;

/** A paragraph that ends in a dangling word or an open bracket continues after a blank line ("Joris van" / "Gennep"). */
function cannotEndParagraph(para: string): boolean {
  if (!para) return false;
  const tail = para.slice(-12);
  if (DANGLING_WORD.test(tail) || /[,(]$/.test(tail)) return true;
  const from = Math.max(0, para.length - 200);
  if (para.indexOf('(', from) < 0) return false; // the common case, found by a native scan
  let depth = 0;
  for (let i = from; i < para.length; i++) {
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
  const cleaned = repairBrokenAddresses(cleanCharacters(raw));
  const standsAlone = standsAloneIn(cleaned);
  const lines = cleaned.split('\n');
  const blocks: Block[] = [];
  // the paragraph under construction as pieces; `last` is its final piece (tests look only at its tail)
  let parts: string[] = [];
  let open = false;

  const close = () => {
    const joined = parts.join('');
    const text = (joined.includes('  ') ? joined.replace(/ {2,}/g, ' ') : joined).trim();
    if (text) blocks.push({ kind: 'para', level: 0, text });
    parts = [];
    open = false;
  };

  for (const rawLine of lines) {
    const endsWithSpace = rawLine.length > 0 && isSpace(rawLine.charCodeAt(rawLine.length - 1));
    const trimmed = rawLine.trim();
    if (!trimmed) {
      if (!open) {
        if (parts.length && cannotEndParagraph(parts[parts.length - 1])) open = true;
        else close();
      }
      continue;
    }
    if (isPageNumber(trimmed) || isRunningHead(trimmed)) continue;
    if (isRule(trimmed)) {
      close();
      continue;
    }
    const heading = trimmed.charCodeAt(0) === 35 ? MD_HEADING.exec(trimmed) : null; // '#'
    if (heading) {
      close();
      const text = collapseSpaces(stripInlineMarkdown(heading[2]));
      // a "heading" longer than any title is a paragraph marked up by mistake (or on purpose)
      if (text) blocks.push(text.length <= MAX_HEADING_CHARS ? { kind: 'heading', level: heading[1].length, text } : { kind: 'para', level: 0, text });
      continue;
    }
    const text = collapseSpaces(stripInlineMarkdown(trimmed));
    if (!text) continue;
    if (parts.length) {
      const last = parts[parts.length - 1];
      const endsHyphenAfterLetter = last.length >= 2 && last.charCodeAt(last.length - 1) === 45 && isLetter(last.charAt(last.length - 2));
      const first = text.charAt(0);
      if (endsHyphenAfterLetter && isLower(first)) {
        parts[parts.length - 1] = joinHyphenated(last, text, standsAlone);
      } else if (endsHyphenAfterLetter && isUpper(first)) {
        parts.push(text); // "Noord-" + "Holland"
      } else if (open || (!SENTENCE_FINAL.has(last.charAt(last.length - 1)) && isLower(first))) {
        parts.push(' ', text);
      } else {
        close();
        parts.push(text);
      }
    } else {
      parts.push(text);
    }
    open = endsWithSpace || (text.length >= 2 && text.charCodeAt(text.length - 1) === 45 && isLetter(text.charAt(text.length - 2)));
  }
  close();
  return blocks;
}

// The line tests look at the first character before running a regex: most lines fail there.
function isPageNumber(line: string): boolean {
  return line.length <= 3 && PAGE_NUMBER.test(line);
}

function isRunningHead(line: string): boolean {
  return (line.charCodeAt(0) | 0x20) === 109 && RUNNING_HEAD.test(line); // 'm' or 'M'
}

const RULE_STARTS = new Set(['-', '*', '_', '>', '<', '•', '·', '▪', '■']);

function isRule(line: string): boolean {
  return RULE_STARTS.has(line.charAt(0)) && RULE.test(line);
}

const SENTENCE_FINAL = new Set(['.', '!', '?', ':', ';', '’', "'", '"', '”', ')']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 160;
}

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function collapseSpaces(s: string): string {
  return (s.includes('  ') ? s.replace(/\s+/g, ' ') : s).trim();
}

/** The normalised text: blocks separated by blank lines. */
export function normalise(raw: string): string {
  return normaliseBlocks(raw)
    .map((b) => b.text)
    .join('\n\n');
}
