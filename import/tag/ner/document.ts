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
const PASS1_NEIGHBOURS = 126;
const CAPITALISED_MID_ELSEWHERE = 127;

/**
 * Per-token extra feature hashes for every sentence of one document, given pass-1 labels. Sentences
 * marked in `skip` still count as evidence but get no features of their own (an empty list).
 */
export function documentFeatures(doc: readonly (readonly string[])[], pass1: readonly ArrayLike<number>[], skip?: readonly boolean[]): number[][][] {
  const wordInfo = new Map<string, { key: string; cap: boolean; lowerStart: boolean }>();
  const infoOf = (w: string) => {
    let x = wordInfo.get(w);
    if (!x) wordInfo.set(w, (x = { key: w.toLowerCase(), cap: /^\p{Lu}/u.test(w), lowerStart: /^\p{Ll}/u.test(w) }));
    return x;
  };
  // counts[word] = per label count of pass-1 labels of capitalised occurrences
  const counts = new Map<string, Int32Array>();
  const lowerMid = new Set<string>();
  const capMid = new Map<string, number>();
  doc.forEach((words, s) => {
    words.forEach((w, i) => {
      const { key, cap, lowerStart } = infoOf(w);
      if (cap) {
        let c = counts.get(key);
        if (!c) counts.set(key, (c = new Int32Array(LABEL_COUNT)));
        c[pass1[s][i]]++;
        if (i > 0) capMid.set(key, (capMid.get(key) ?? 0) + 1);
      } else if (i > 0 && lowerStart) lowerMid.add(key);
    });
  });
  return doc.map((words, s) =>
    skip?.[s] ? [] : words.map((w, i) => {
      const { key, cap } = infoOf(w);
      const labels = pass1[s];
      const feats: number[] = [mix(PASS1_OWN, labels[i]), mix(PASS1_NEIGHBOURS, mix(i > 0 ? labels[i - 1] : 99, i + 1 < words.length ? labels[i + 1] : 99))];
      // A sentence-initial capital says little; the same word capitalised mid-sentence elsewhere says "name".
      if (i === 0 && (capMid.get(key) ?? 0) > 0) feats.push(mix(CAPITALISED_MID_ELSEWHERE, 1));
      if (cap && lowerMid.has(key)) feats.push(mix(DOC_LOWER_ELSEWHERE, i === 0 ? 1 : 2));
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
