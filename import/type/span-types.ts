/**
 * The type stage for the tagger's spans: the tagger proposes, the domain knowledge types.
 *   PER      -> a person (a name of two words or more; a lone surname is left to resolution,
 *               which places it on the full name printed elsewhere in the document)
 *   LOC      -> a municipality when the CBS gazetteer knows the name, else a place (not kept)
 *   ORG/MISC -> organisation, programme or neither: the span classifier decides
 */
import type { EntityMention, SectionContext } from '../model.ts';
import { isFirstName, municipalityByName, particles } from '../gazetteers.ts';
import { capitalisedFloods } from '../tag/rules/capitalised-floods.ts';
import { loadSpanClassifier, type SpanClassifier } from './span-classifier.ts';
import { sectionLowerCaseWords, spanFeatures, type CandidateSpan, type LowerCaseWordQuery } from './span-features.ts';

/** The rules' mentions of a section, as fillGaps reads them (see fill-gaps.ts ruleCover). */
export interface RuleCover {
  overlaps(start: number, end: number): boolean;
}
const NOTHING_TAKEN: RuleCover = { overlaps: () => false };

/** A candidate span as the tag stage hands it on (the NER tagger's NerSpan has this shape). */
export interface TaggedSpan extends CandidateSpan {
  label: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

/** Leading/trailing characters a span should not carry into a name. */
const EDGE = /^[\s'"‘’“”(\[*_#@,.:;-]+|[\s'"‘’“”)\]*_,.:;-]+$/gu;

function trimmed(ctx: SectionContext, s: TaggedSpan): TaggedSpan | null {
  const raw = ctx.text.slice(s.start, s.end);
  const lead = raw.length - raw.replace(/^[\s'"‘’“”(\[*_#@,.:;-]+/u, '').length;
  const text = raw.replace(EDGE, '');
  if (!/\p{L}/u.test(text)) return null;
  const start = s.start + lead;
  return { ...s, start, end: start + text.length, text };
}

/** A span in a line without lower-case letters (a heading in capitals, a shouted word) is not a mention. */
/** How far around a span its line is read: a heading is short, and a bounded look keeps this linear on one-line texts. */
const HEADING_WINDOW = 200;

function isHeading(text: string, s: TaggedSpan): boolean {
  const from = Math.max(0, s.start - HEADING_WINDOW);
  const around = text.slice(from, Math.min(text.length, s.end + HEADING_WINDOW));
  const lineStart = around.lastIndexOf('\n', s.start - from - 1) + 1;
  const nl = around.indexOf('\n', s.end - from);
  const line = around.slice(lineStart, nl < 0 ? around.length : nl);
  return !/\p{Ll}/u.test(line);
}

/**
 * A person's name from a PER span: a word before the name that is an ordinary word and no first name
 * ("Rapper Boef", "Minister Jansen") is cut off; what is left needs two words, the first capitalised
 * and no particle (a lone surname, or "De Jonge", is left to resolution).
 */
function personName(s: TaggedSpan, isOrdinaryWord: (w: string) => boolean): TaggedSpan | null {
  let { text, start } = s;
  const first = /^\S+\s+/u.exec(text);
  if (first && isOrdinaryWord(first[0].trim()) && !isFirstName(first[0].trim())) {
    text = text.slice(first[0].length);
    start += first[0].length;
  }
  const words = text.split(/\s+/);
  if (words.length < 2 || !/^\p{Lu}/u.test(words[0]) || particles.has(words[0])) return null;
  return { ...s, text, start, end: start + text.length };
}

/**
 * `taken`: where the rules' mentions stand (fill-gaps.ts). A mention that would overlap one is not
 * made, since the rule wins there anyway: most of the tagger's spans are such, and a span that is
 * not typed costs no classification.
 */
export function typeSpans(
  ctx: SectionContext,
  spans: readonly TaggedSpan[],
  isOrdinaryWord: (word: string) => boolean = () => false,
  classifier: SpanClassifier = loadSpanClassifier(),
  taken: RuleCover = NOTHING_TAKEN,
): EntityMention[] {
  const out: EntityMention[] = [];
  let lowerWords: LowerCaseWordQuery | undefined;
  const floods = capitalisedFloods(ctx.text);
  for (const raw of spans) {
    const s = trimmed(ctx, raw);
    if (!s) continue;
    if (isHeading(ctx.text, s) || floods.covers(s.start, s.end)) continue;
    const base = { name: s.text, surface: s.text, start: s.start, end: s.end };
    if (s.label === 'PER') {
      const person = personName(s, isOrdinaryWord);
      if (person && !taken.overlaps(person.start, person.end)) out.push({ type: 'PERSON', name: person.text, surface: person.text, start: person.start, end: person.end });
    } else if (taken.overlaps(s.start, s.end)) {
      continue;
    } else if (s.label === 'LOC') {
      const m = municipalityByName(s.text);
      if (m && !m.ambiguous) out.push({ type: 'MUNICIPALITY', ...base, name: m.municipality.name, props: { province: m.municipality.province, cbsCode: m.municipality.cbsCode } });
    } else {
      lowerWords ??= sectionLowerCaseWords(ctx);
      const { type } = classifier.classify(spanFeatures(s, ctx.text, lowerWords));
      if (type !== 'NONE') out.push({ type, ...base });
    }
  }
  return out;
}
