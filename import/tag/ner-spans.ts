/**
 * The tag stage's model: the trained Dutch NER tagger (import/tag/ner/) proposes PER/ORG/LOC/MISC
 * spans over a section, one call per section with the segmenter's sentences. Swap the tagger here.
 */
import type { SectionContext } from '../model.ts';
import type { TaggedSpan } from '../type/span-types.ts';
import { loadNerModel } from './ner/index.ts';
import { LEX, foldHash, keyNext, keyStart } from './ner/lexicon.ts';

export function proposeSpans(ctx: SectionContext): TaggedSpan[] {
  return loadNerModel().tagText(ctx.text, ctx.sentences);
}

/** The tagger's own Dutch dictionary (OpenTaal lower-case words, baked into the model file): is this an ordinary word? */
export function isDictionaryWord(word: string): boolean {
  return loadNerModel().lexicon.has(keyNext(keyStart(LEX.DICT_LOWER), foldHash(word)));
}
