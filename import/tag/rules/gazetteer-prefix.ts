/**
 * The multi-word step of a gazetteer lookup, shared by the municipality and organisation
 * extractors: from a word that begins some multi-word name, take the next words one at a time
 * while the words so far (folded) are still the beginning of a name in the gazetteer; no longer
 * name can match past the first word that breaks that.
 */
export interface PrefixIndex {
  /** folded forms of the first 2..n words of every multi-word name */
  prefixes: Set<string>;
  /** the most words any name has */
  maxWords: number;
}

/**
 * Fills `ends` with the end offset after 1, 2, ... words from `start` (the first word ends at
 * `firstEnd`), and `keys` with the folded text of the first 2, 3, ... words. `nextWord` is a
 * sticky regular expression for one separator plus the next word.
 */
export function extendNamePrefix(
  text: string,
  start: number,
  firstEnd: number,
  index: PrefixIndex,
  nextWord: RegExp,
  fold: (printed: string) => string,
  ends: number[],
  keys: string[],
): void {
  ends.length = 0;
  keys.length = 0;
  ends.push(firstEnd);
  let pos = firstEnd;
  while (ends.length < index.maxWords) {
    nextWord.lastIndex = pos;
    const n = nextWord.exec(text);
    if (!n) break;
    const key = fold(text.slice(start, n.index + n[0].length));
    if (!index.prefixes.has(key)) break;
    pos = n.index + n[0].length;
    ends.push(pos);
    keys.push(key);
  }
}
