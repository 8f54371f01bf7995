/**
 * Features of one ORG/MISC candidate span for the organisation-or-programme decision: the tagger's
 * label and confidence, shape (length, acronym, digits, hyphen, lower-case words inside), the
 * project's cue lists (organisation heads, programme cues) inside and around the span, the
 * neighbouring words, and document evidence (a single word that the text also prints in lower case).
 */
import { headKind } from '../tag/rules/org/heads.ts';
import { cueKind, nameHeadKind } from '../tag/rules/programme/cues.ts';
import { municipalityByName, organisationByName } from '../gazetteers.ts';

export interface CandidateSpan {
  /** the tagger's label (ORG or MISC) */
  label: string;
  start: number;
  end: number;
  text: string;
  score: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;

function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

// Every match is a whole whitespace-delimited run; the look-behinds say so, and spare the engine a scan from every character.
const WEB_ADDRESS = /(?<!\S)\S*[@/]\S*|(?<!\S)\S+\.(?:nl|com|org|eu|be|net|info|nu)\b\S*/giu;

const lower = (w: string | undefined) => (w ?? '').toLowerCase();

function bucket(x: number, edges: number[]): number {
  const k = edges.findIndex((e) => x < e);
  return k === -1 ? edges.length : k;
}

/** lowerCaseWords of each section, made once: the type stage and the merge of variants both read it. */
const lowerWordsOfSection = new WeakMap<object, Set<string>>();

/** lowerCaseWords(ctx.text), computed once per section object (do not mutate the set). */
export function sectionLowerCaseWords(ctx: { text: string }): Set<string> {
  let words = lowerWordsOfSection.get(ctx);
  if (!words) lowerWordsOfSection.set(ctx, (words = lowerCaseWords(ctx.text)));
  return words;
}

/** The words a text prints in lower case: a capitalised single word that also occurs so is an ordinary word. */
export function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  // e-mail addresses, links and domain names print names in lower case: they are no evidence
  for (const w of wordsOf(text.replace(WEB_ADDRESS, ' '))) if (/^\p{Ll}/u.test(w)) out.add(w);
  return out;
}

export function spanFeatures(span: CandidateSpan, text: string, lowerWords: Set<string>): string[] {
  const words = wordsOf(span.text);
  const f: string[] = ['bias', `lab=${span.label}`, `score=${bucket(span.score, [0.5, 0.8, 0.95])}`, `ntok=${Math.min(words.length, 5)}`];
  if (!words.length) return f;
  const first = words[0];
  const last = words[words.length - 1];
  f.push(`first=${lower(first)}`, `last=${lower(last)}`);
  if (/^[\p{Lu}\d&-]{2,}$/u.test(span.text)) f.push('acronym');
  if (/\d/.test(span.text)) f.push('digit');
  if (span.text.includes('-')) f.push('hyphen');
  if (words.slice(1).some((w) => /^\p{Ll}/u.test(w))) f.push('lower-inside');
  if (span.text.length > 30) f.push('long');
  words.forEach((w, i) => {
    const at = i === words.length - 1 ? 'last' : i === 0 ? 'first' : 'mid';
    const k = headKind(w);
    if (k) f.push(`orghead=${k}`, `orghead-${at}`);
    const p = cueKind(w) ?? nameHeadKind(w);
    if (p) f.push(`progcue=${p}`, `progcue-${at}`);
  });
  if (words.length === 1) {
    if (lowerWords.has(lower(first))) f.push('single-word-also-lower');
    if (headKind(first)) f.push('single-head');
  }
  const before = wordsOf(text.slice(Math.max(0, span.start - 60), span.start));
  const prev = lower(before[before.length - 1]);
  const prev2 = lower(before[before.length - 2]);
  const next = lower(wordsOf(text.slice(span.end, span.end + 40))[0]);
  f.push(`prev=${prev}`, `prev2=${prev2}`, `next=${next}`);
  if (prev && (cueKind(prev) || nameHeadKind(prev))) f.push('prev-progcue');
  if (prev && headKind(prev)) f.push('prev-orghead');
  if (next && cueKind(next)) f.push('next-progcue');
  const charBefore = text.slice(Math.max(0, span.start - 1), span.start);
  const charAfter = text.slice(span.end, span.end + 1);
  if (/['‘“"*_]/.test(charBefore) || /['’”"*_]/.test(charAfter)) f.push('quoted');
  if (charBefore === '#' || charBefore === '@') f.push('tag-or-handle');
  if (organisationByName(span.text)) f.push('known-org');
  if (municipalityByName(span.text)) f.push('known-municipality');
  return f;
}
