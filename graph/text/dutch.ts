/**
 * Word-level text helpers shared by entity and passage search: folding (case and diacritics,
 * as the standard-folding index does) and Dutch stemming (the Snowball algorithm, as the
 * `dutch` index analyzer does), so that what the server marks or ranks agrees with what
 * Neo4j matched.
 */
import snowball from 'snowball-stemmers';

/** English stop words: Neo4j's standard analyzers drop them from the index, so they must not be required terms. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

const stemmer = snowball.newStemmer('dutch');

/** Fold case and diacritics the way the index does ("PiëzoMethodiek" -> "piezomethodiek"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Stems are asked again and again (the same words in every passage): remember them. */
const stems = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/** The Dutch stem of a folded word ("eenzame", "eenzaamheid" -> "eenzam"). */
export function dutchStem(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer.stem(word);
    if (stems.size >= MAX_REMEMBERED) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** Folded words of a text, letters and digits only. */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}
