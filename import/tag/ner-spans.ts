/**
 * The tag stage's model: the trained Dutch NER tagger (import/tag/ner/) proposes PER/ORG/LOC/MISC
 * spans over a section, one call per section with the segmenter's sentences. Swap the tagger here.
 */
import type { SectionContext } from '../model.ts';
import type { TaggedSpan } from '../type/span-types.ts';
import { loadNerModel, type NerLabel } from './ner/index.ts';
import { capitalisedFloods } from './rules/capitalised-floods.ts';
import { LEX, foldHash, keyNext, keyStart } from './ner/lexicon.ts';

/** The type stage reads the confidence of ORG and MISC spans only (span-features.ts): the others are not scored. */
const SCORED: readonly NerLabel[] = ['ORG', 'MISC'];

export function proposeSpans(ctx: SectionContext): TaggedSpan[] {
  // a sentence that is one flood of capitalised words (a word list, a title-cased heading, noise) holds no name
  // the type stage would keep: it is not tagged, so such a file costs per word what prose does
  // (blanked to spaces, so that every offset stays where it was)
  const { spans } = capitalisedFloods(ctx.text);
  return loadNerModel().tagText(spans.length ? blanked(ctx.text, spans) : ctx.text, ctx.sentences, SCORED);
}

/** The text with the characters of each [start, end) of `spans` (flattened pairs) replaced by spaces. */
function blanked(text: string, spans: readonly number[]): string {
  let out = '';
  let kept = 0;
  for (let k = 0; k < spans.length; k += 2) {
    out += text.slice(kept, spans[k]) + ' '.repeat(spans[k + 1] - spans[k]);
    kept = spans[k + 1];
  }
  return out + text.slice(kept);
}

/** The tagger's own Dutch dictionary (OpenTaal lower-case words, baked into the model file): is this an ordinary word? */
export function isDictionaryWord(word: string): boolean {
  return loadNerModel().lexicon.has(keyNext(keyStart(LEX.DICT_LOWER), foldHash(word)));
}
