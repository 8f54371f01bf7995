/**
 * A mention's snippets are sentences of its section: the writer stores where they stand in the section's text
 * (`snippetAt`: start and length of each, a short integer list, which Neo4j's record format can pack into the relationship's property
 * record) instead of a copy of each sentence (the 100x corpus: 389k snippets, 42 MB of strings written next to 60 MB
 * of section text; a cold 100x write, bench/write-path.ts 100 --warm, took 49.5 JVM CPU s against 57.0 and 60.9 s
 * against 68.1 at load 5). A snippet that is not in the text is kept as a string: its pair is [-1, its position in
 * `snippets`]. Readers take the list from MENTION_SNIPPETS, which also reads relationships written before
 * (`snippets` only).
 */
export interface SnippetPlaces {
  /** start, length of each snippet in order; [-1, k] for rest[k] */
  at: number[];
  rest: string[];
}

/** Surrogate pairs: Cypher's substring counts code points, JS counts UTF-16 units; the two agree on a text without them. */
const SURROGATE = /[\uD800-\uDFFF]/;

export function snippetPlaces(text: string, snippets: readonly string[], textHasSurrogates = SURROGATE.test(text)): SnippetPlaces {
  const at: number[] = [];
  const rest: string[] = [];
  for (const snippet of snippets) {
    const start = textHasSurrogates || snippet.length === 0 ? -1 : text.indexOf(snippet);
    if (start >= 0) at.push(start, snippet.length);
    else {
      at.push(-1, rest.length);
      rest.push(snippet);
    }
  }
  return { at, rest };
}

/** True when the text has characters outside the Basic Multilingual Plane (then every snippet is stored as a string). */
export const hasSurrogates = (text: string): boolean => SURROGATE.test(text);

/** Cypher: the snippets of MENTIONED_IN relationship `m` to section `s`, as strings, in the order they were written. */
export const MENTION_SNIPPETS = (m: string, s: string): string => `CASE WHEN ${m}.snippetAt IS NULL THEN coalesce(${m}.snippets, [])
      ELSE [k IN range(0, size(${m}.snippetAt) / 2 - 1) |
            CASE WHEN ${m}.snippetAt[2 * k] < 0 THEN ${m}.snippets[${m}.snippetAt[2 * k + 1]]
                 ELSE substring(${s}.text, ${m}.snippetAt[2 * k], ${m}.snippetAt[2 * k + 1]) END] END`;
