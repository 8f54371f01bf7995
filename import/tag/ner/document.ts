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

interface KeyStats {
  /** Per label count of pass-1 labels of the capitalised occurrences. */
  counts: Int32Array | null;
  capMid: number;
  lowerMid: boolean;
}
/** What the document features need of a word type (a TypeInfo of features.ts has it). */
export interface DocumentWord {
  lowerWord: string;
  cap: boolean;
  lowerStart: boolean;
}

const TYPES = ENTITY_TYPES.length;
/** Index in typeCount (0 = O, 1.. = ENTITY_TYPES) of each label. */
const TYPE_SLOT = Int32Array.from({ length: LABEL_COUNT }, (_, l) => {
  const t = typeOf(l);
  return t ? ENTITY_TYPES.indexOf(t) + 1 : 0;
});
const IS_O = Uint8Array.from({ length: LABEL_COUNT }, (_, l) => (prefixOf(l) === 'O' ? 1 : 0));

/** Document features of a whole document in one array: token i of sentence s has feats[offsets[s][i] .. offsets[s][i + 1]). */
export interface FlatDocumentFeatures {
  feats: Uint32Array;
  /** Per sentence, n + 1 offsets into feats; null for a skipped sentence. */
  offsets: (Uint32Array | null)[];
}

/**
 * Per-token extra feature hashes for every sentence of one document, given pass-1 labels. Sentences
 * marked in `skip` still count as evidence but get no features of their own (an empty list).
 */
export function documentFeatures(
  doc: readonly (readonly string[])[],
  pass1: readonly ArrayLike<number>[],
  skip?: readonly boolean[],
  types?: readonly (readonly DocumentWord[])[],
): number[][][] {
  const { feats, offsets } = flatDocumentFeatures(doc, pass1, skip, types);
  return offsets.map((o) => (o ? Array.from({ length: o.length - 1 }, (_, i) => Array.from(feats.subarray(o[i], o[i + 1]))) : []));
}

/** documentFeatures() in one typed array (tagging: no array per token). */
export function flatDocumentFeatures(
  doc: readonly (readonly string[])[],
  pass1: readonly ArrayLike<number>[],
  skip?: readonly boolean[],
  types?: readonly (readonly DocumentWord[])[],
): FlatDocumentFeatures {
  const words = new Map<string, DocumentWord>();
  const keys = new Map<string, KeyStats>();
  const statsOf: KeyStats[][] = new Array(doc.length);
  const capOf: Uint8Array[] = new Array(doc.length);
  for (let s = 0; s < doc.length; s++) {
    const sentence = doc[s];
    const labels = pass1[s];
    const row: KeyStats[] = new Array(sentence.length);
    const caps = new Uint8Array(sentence.length);
    for (let i = 0; i < sentence.length; i++) {
      let type = types?.[s][i];
      if (!type) {
        const w = sentence[i];
        type = words.get(w);
        if (!type) words.set(w, (type = { lowerWord: w.toLowerCase(), cap: /^\p{Lu}/u.test(w), lowerStart: /^\p{Ll}/u.test(w) }));
      }
      let stats = keys.get(type.lowerWord);
      if (!stats) keys.set(type.lowerWord, (stats = { counts: null, capMid: 0, lowerMid: false }));
      row[i] = stats;
      if (type.cap) {
        caps[i] = 1;
        (stats.counts ??= new Int32Array(LABEL_COUNT))[labels[i]]++;
        if (i > 0) stats.capMid++;
      } else if (i > 0 && type.lowerStart) stats.lowerMid = true;
    }
    statsOf[s] = row;
    capOf[s] = caps;
  }
  const typeCount = new Int32Array(TYPES + 1);
  const offsets: (Uint32Array | null)[] = new Array(doc.length).fill(null);
  let feats = new Uint32Array(1024);
  let size = 0;
  const push = (f: number) => {
    if (size === feats.length) {
      const grown = new Uint32Array(feats.length * 2);
      grown.set(feats);
      feats = grown;
    }
    feats[size++] = f;
  };
  for (let s = 0; s < doc.length; s++) {
    if (skip?.[s]) continue;
    const sentence = doc[s];
    const row = statsOf[s];
    const caps = capOf[s];
    const labels = pass1[s];
    const n = sentence.length;
    const at = new Uint32Array(n + 1);
    offsets[s] = at;
    for (let i = 0; i < n; i++) {
      at[i] = size;
      const stats = row[i];
      const cap = caps[i] === 1;
      const own = labels[i];
      push(mix(PASS1_OWN, own));
      push(mix(PASS1_NEIGHBOURS, mix(i > 0 ? labels[i - 1] : 99, i + 1 < n ? labels[i + 1] : 99)));
      // A sentence-initial capital says little; the same word capitalised mid-sentence elsewhere says "name".
      if (i === 0 && stats.capMid > 0) push(mix(CAPITALISED_MID_ELSEWHERE, 1));
      if (cap && stats.lowerMid) push(mix(DOC_LOWER_ELSEWHERE, i === 0 ? 1 : 2));
      const c = stats.counts;
      if (!c || sentence[i].length < 2) continue;
      typeCount.fill(0);
      let total = 0;
      for (let l = 0; l < LABEL_COUNT; l++) {
        const k = c[l] - (l === own ? 1 : 0);
        if (k <= 0) continue;
        total += k;
        typeCount[TYPE_SLOT[l]] += k;
        if (l !== 0) push(mix(DOC_POSITION, l)); // e.g. this word was the last token (surname) of a PER elsewhere
      }
      if (total === 0) continue;
      let best = 0;
      for (let t = 1; t <= TYPES; t++) if (typeCount[t] > 0) push(mix(DOC_TYPE, t));
      for (let t = 1; t <= TYPES; t++) if (typeCount[t] > typeCount[best]) best = t;
      if (best === 0) push(mix(DOC_NONE, 1));
      else {
        push(mix(DOC_MAJORITY, best));
        push(mix(DOC_MAJORITY, best * 16 + (IS_O[own] ? 1 : 2)));
      }
    }
    at[n] = size;
  }
  return { feats: feats.subarray(0, size), offsets };
}
