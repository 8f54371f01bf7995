/**
 * Second-pass features: how the same word was tagged elsewhere in the document by the first pass
 * (a name tagged once is usually the same entity later on), and whether the word also occurs in
 * lower case mid-sentence there (then it is an ordinary word).
 */
import { mix } from './hash.ts';
import { LABEL_COUNT, prefixOf, typeOf, ENTITY_TYPES } from './labels.ts';

const DOC_TYPE = 120;
const DOC_MAJORITY = 121;
const DOC_LOWER_ELSEWHERE = 122;
const DOC_POSITION = 123;
const DOC_NONE = 124;
const PASS1_OWN = 125;

/** Per-token extra feature hashes for every sentence of one document, given pass-1 labels. */
export function documentFeatures(doc: readonly (readonly string[])[], pass1: readonly ArrayLike<number>[]): number[][][] {
  // counts[word] = per label count of pass-1 labels of capitalised occurrences
  const counts = new Map<string, Int32Array>();
  const lowerMid = new Set<string>();
  doc.forEach((words, s) => {
    words.forEach((w, i) => {
      const key = w.toLowerCase();
      if (/^\p{Lu}/u.test(w)) {
        let c = counts.get(key);
        if (!c) counts.set(key, (c = new Int32Array(LABEL_COUNT)));
        c[pass1[s][i]]++;
      } else if (i > 0 && /^\p{Ll}/u.test(w)) lowerMid.add(key);
    });
  });
  return doc.map((words, s) =>
    words.map((w, i) => {
      const key = w.toLowerCase();
      const feats: number[] = [mix(PASS1_OWN, pass1[s][i])];
      if (lowerMid.has(key) && /^\p{Lu}/u.test(w)) feats.push(mix(DOC_LOWER_ELSEWHERE, i === 0 ? 1 : 2));
      const c = counts.get(key);
      if (!c || w.length < 2) return feats;
      const own = pass1[s][i];
      const typeCount = new Int32Array(ENTITY_TYPES.length + 1);
      let total = 0;
      for (let l = 0; l < LABEL_COUNT; l++) {
        const n = c[l] - (l === own ? 1 : 0);
        if (n <= 0) continue;
        total += n;
        const t = typeOf(l);
        typeCount[t ? ENTITY_TYPES.indexOf(t) + 1 : 0] += n;
        if (t) feats.push(mix(DOC_POSITION, l)); // e.g. this word was the last token (surname) of a PER elsewhere
      }
      if (total === 0) return feats;
      let best = 0;
      for (let t = 1; t < typeCount.length; t++) if (typeCount[t] > 0) feats.push(mix(DOC_TYPE, t));
      for (let t = 1; t < typeCount.length; t++) if (typeCount[t] > typeCount[best]) best = t;
      if (best === 0) feats.push(mix(DOC_NONE, 1));
      else feats.push(mix(DOC_MAJORITY, best), mix(DOC_MAJORITY, best * 16 + (prefixOf(own) === 'O' ? 1 : 2)));
      return feats;
    }),
  );
}
