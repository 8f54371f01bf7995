/**
 * Second-pass features: how the same word was tagged elsewhere in the document by the first pass
 * (a name tagged once is usually the same entity later on), and whether the word also occurs in
 * lower case mid-sentence there (then it is an ordinary word).
 */
import { hashString, mix } from './hash.ts';
import { LABEL_COUNT, prefixOf, typeOf, ENTITY_TYPES } from './labels.ts';

const DOC_TYPE = 120;
const DOC_MAJORITY = 121;
const DOC_LOWER_ELSEWHERE = 122;
const DOC_POSITION = 123;
const DOC_NONE = 124;
const PASS1_OWN = 125;
const PASS1_NEIGHBOURS = 126;
const CAPITALISED_MID_ELSEWHERE = 127;

/** What the document features need of a word type (a TypeInfo of features.ts has it). */
export interface DocumentWord {
  lowerWord: string;
  /** hashString(lowerWord): where the word is looked for first (equal words are still told apart by their text). */
  lower: number;
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

// The feature hashes, made once.
const F_OWN = Uint32Array.from({ length: LABEL_COUNT }, (_, l) => mix(PASS1_OWN, l));
/** Labels 0 .. L-1 and the padding 99 (index L) of both neighbours. */
const F_NEIGHBOURS = Uint32Array.from({ length: (LABEL_COUNT + 1) ** 2 }, (_, k) => {
  const a = Math.floor(k / (LABEL_COUNT + 1));
  const b = k % (LABEL_COUNT + 1);
  return mix(PASS1_NEIGHBOURS, mix(a === LABEL_COUNT ? 99 : a, b === LABEL_COUNT ? 99 : b));
});
const F_POSITION = Uint32Array.from({ length: LABEL_COUNT }, (_, l) => mix(DOC_POSITION, l));
const F_TYPE = Uint32Array.from({ length: TYPES + 1 }, (_, t) => mix(DOC_TYPE, t));
const F_MAJORITY = Uint32Array.from({ length: TYPES + 1 }, (_, t) => mix(DOC_MAJORITY, t));
const F_MAJORITY_O = Uint32Array.from({ length: TYPES + 1 }, (_, t) => mix(DOC_MAJORITY, t * 16 + 1));
const F_MAJORITY_ENTITY = Uint32Array.from({ length: TYPES + 1 }, (_, t) => mix(DOC_MAJORITY, t * 16 + 2));
const F_NONE = mix(DOC_NONE, 1);
const F_CAPITALISED_MID = mix(CAPITALISED_MID_ELSEWHERE, 1);
const F_LOWER_ELSEWHERE = [mix(DOC_LOWER_ELSEWHERE, 2), mix(DOC_LOWER_ELSEWHERE, 1)];

/** The words of a document as DocumentWords (when the caller has no TypeInfos). */
function describe(doc: readonly (readonly string[])[]): DocumentWord[][] {
  const words = new Map<string, DocumentWord>();
  return doc.map((sentence) =>
    sentence.map((w) => {
      let type = words.get(w);
      if (!type) {
        const lowerWord = w.toLowerCase();
        words.set(w, (type = { lowerWord, lower: hashString(lowerWord), cap: /^\p{Lu}/u.test(w), lowerStart: /^\p{Ll}/u.test(w) }));
      }
      return type;
    }),
  );
}

/** documentFeatures() in one typed array (tagging: no array per token). */
export function flatDocumentFeatures(
  doc: readonly (readonly string[])[],
  pass1: readonly ArrayLike<number>[],
  skip?: readonly boolean[],
  types: readonly (readonly DocumentWord[])[] = describe(doc),
): FlatDocumentFeatures {
  // Each distinct lower-case word gets a slot; per slot: pass-1 label counts of its capitalised
  // occurrences (and which labels occur), capitalised occurrences mid-sentence, lower-case ones mid-sentence.
  let tokens = 0;
  for (const sentence of doc) tokens += sentence.length;
  // open addressing over the lower-case hashes -> slot; a slot is the same word, not only the same hash
  const tableSize = 2 ** Math.ceil(Math.log2(2 * tokens + 2));
  const mask = tableSize - 1;
  const slotAt = new Int32Array(tableSize).fill(-1);
  const wordOf: string[] = [];
  const slotOf = new Int32Array(tokens);
  let t = 0;
  for (let s = 0; s < doc.length; s++) {
    const row = types[s];
    for (let i = 0; i < row.length; i++, t++) {
      const word = row[i].lowerWord;
      let h = mix(row[i].lower, 0x2545) & mask;
      while (slotAt[h] >= 0 && wordOf[slotAt[h]] !== word) h = (h + 1) & mask;
      if (slotAt[h] < 0) {
        slotAt[h] = wordOf.length;
        wordOf.push(word);
      }
      slotOf[t] = slotAt[h];
    }
  }
  const slots = wordOf.length;
  const counts = new Int32Array(slots * LABEL_COUNT);
  const labelsSeen = new Int32Array(slots); // bit l: some capitalised occurrence got label l
  const capMid = new Uint8Array(slots);
  const lowerMid = new Uint8Array(slots);
  t = 0;
  for (let s = 0; s < doc.length; s++) {
    const row = types[s];
    const labels = pass1[s];
    for (let i = 0; i < row.length; i++, t++) {
      const slot = slotOf[t];
      const type = row[i];
      if (type.cap) {
        counts[slot * LABEL_COUNT + labels[i]]++;
        labelsSeen[slot] |= 1 << labels[i];
        if (i > 0) capMid[slot] = 1;
      } else if (i > 0 && type.lowerStart) lowerMid[slot] = 1;
    }
  }
  const typeCount = new Int32Array(TYPES + 1);
  const offsets: (Uint32Array | null)[] = new Array(doc.length).fill(null);
  let feats = new Uint32Array(Math.max(1024, tokens * 4));
  let size = 0;
  const push = (f: number) => {
    if (size === feats.length) {
      const grown = new Uint32Array(feats.length * 2);
      grown.set(feats);
      feats = grown;
    }
    feats[size++] = f;
  };
  const P = LABEL_COUNT + 1;
  t = 0;
  for (let s = 0; s < doc.length; s++) {
    const sentence = doc[s];
    const n = sentence.length;
    if (skip?.[s]) {
      t += n;
      continue;
    }
    const row = types[s];
    const labels = pass1[s];
    const at = new Uint32Array(n + 1);
    offsets[s] = at;
    for (let i = 0; i < n; i++, t++) {
      at[i] = size;
      const slot = slotOf[t];
      const own = labels[i];
      push(F_OWN[own]);
      push(F_NEIGHBOURS[(i > 0 ? labels[i - 1] : LABEL_COUNT) * P + (i + 1 < n ? labels[i + 1] : LABEL_COUNT)]);
      // A sentence-initial capital says little; the same word capitalised mid-sentence elsewhere says "name".
      if (i === 0 && capMid[slot]) push(F_CAPITALISED_MID);
      if (row[i].cap && lowerMid[slot]) push(F_LOWER_ELSEWHERE[i === 0 ? 1 : 0]);
      const seen = labelsSeen[slot];
      if (seen === 0 || sentence[i].length < 2) continue;
      typeCount.fill(0);
      let total = 0;
      for (let l = 0; l < LABEL_COUNT; l++) {
        if ((seen & (1 << l)) === 0) continue;
        const k = counts[slot * LABEL_COUNT + l] - (l === own ? 1 : 0);
        if (k <= 0) continue;
        total += k;
        typeCount[TYPE_SLOT[l]] += k;
        if (l !== 0) push(F_POSITION[l]); // e.g. this word was the last token (surname) of a PER elsewhere
      }
      if (total === 0) continue;
      let best = 0;
      for (let ty = 1; ty <= TYPES; ty++) if (typeCount[ty] > 0) push(F_TYPE[ty]);
      for (let ty = 1; ty <= TYPES; ty++) if (typeCount[ty] > typeCount[best]) best = ty;
      if (best === 0) push(F_NONE);
      else {
        push(F_MAJORITY[best]);
        push(IS_O[own] ? F_MAJORITY_O[best] : F_MAJORITY_ENTITY[best]);
      }
    }
    at[n] = size;
  }
  return { feats: feats.subarray(0, size), offsets };
}
