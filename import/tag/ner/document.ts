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

/** What the document features need of a word type (a TypeInfo of features.ts has it). */
export interface DocumentWord {
  word: string;
  lowerWord: string;
  /** Equal for words with the same lowerWord, different otherwise (among the words of one document). */
  lowerId: number;
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

/**
 * Document features of a whole document in one array: the document's token t (counting the tokens of
 * every sentence, skipped ones too) has feats[offsets[t] .. offsets[t + 1]); sentence s starts at
 * token first[s]. A skipped sentence's tokens have none.
 */
export interface FlatDocumentFeatures {
  feats: Uint32Array;
  offsets: Uint32Array;
  /** Per sentence, its first token's index (and the token count at the end). */
  first: Int32Array;
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
  const { feats, offsets, first } = flatDocumentFeatures(doc, pass1, skip, types);
  return doc.map((words, s) => (skip?.[s] ? [] : Array.from({ length: words.length }, (_, i) => Array.from(feats.subarray(offsets[first[s] + i], offsets[first[s] + i + 1])))));
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
  const lowerIds = new Map<string, number>();
  return doc.map((sentence) =>
    sentence.map((w) => {
      let type = words.get(w);
      if (!type) {
        const lowerWord = w.toLowerCase();
        let lowerId = lowerIds.get(lowerWord);
        if (lowerId === undefined) lowerIds.set(lowerWord, (lowerId = lowerIds.size));
        words.set(w, (type = { word: w, lowerWord, lowerId, cap: /^\p{Lu}/u.test(w), lowerStart: /^\p{Ll}/u.test(w) }));
      }
      return type;
    }),
  );
}

/**
 * Scratch of flatDocumentFeatures(), kept between calls: per lowerId, the call that last saw it
 * (stamp) and its slot there; per slot, its counts; per token, its slot.
 */
let call = 0;
let stampOfId = new Int32Array(1024);
let slotOfId = new Int32Array(1024);
let tokenScratch = new Int32Array(1024);
let counts = new Int32Array(1024 * LABEL_COUNT);
let labelsSeen = new Int32Array(1024);
let capMid = new Uint8Array(1024);
let lowerMid = new Uint8Array(1024);
const typeCount = new Int32Array(TYPES + 1);
/** Largest scratch (values) kept between calls. */
const MAX_KEPT = 2 ** 20;

function grownInt32(a: Int32Array<ArrayBuffer>, size: number, keep = false): Int32Array<ArrayBuffer> {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, 2 * a.length));
  if (keep) b.set(a);
  return b;
}

/** documentFeatures() in one typed array (tagging: no array per token). */
export function flatDocumentFeatures(
  doc: readonly (readonly string[])[],
  pass1: readonly ArrayLike<number>[],
  skip?: readonly boolean[],
  types: readonly (readonly DocumentWord[])[] = describe(doc),
): FlatDocumentFeatures {
  let tokens = 0;
  for (const sentence of doc) tokens += sentence.length;
  const labels = new Uint8Array(tokens);
  let t = 0;
  for (let s = 0; s < doc.length; s++) for (let i = 0; i < doc[s].length; i++) labels[t++] = pass1[s][i];
  return flatDocumentFeaturesOfLabels(types, labels, skip);
}

/**
 * flatDocumentFeatures() of a document given as its sentences' word types, with the pass-1 labels
 * of the whole document in one array (token t of the document: labels[t]).
 */
export function flatDocumentFeaturesOfLabels(types: readonly (readonly DocumentWord[])[], pass1: Uint8Array, skip?: readonly boolean[]): FlatDocumentFeatures {
  const doc = types;
  // Each distinct lower-case word (lowerId) gets a slot; per slot: pass-1 label counts of its capitalised
  // occurrences (and which labels occur), capitalised occurrences mid-sentence, lower-case ones mid-sentence.
  const first = new Int32Array(doc.length + 1);
  for (let s = 0; s < doc.length; s++) first[s + 1] = first[s] + doc[s].length;
  const tokens = first[doc.length];
  if (++call === 2 ** 31 - 1) {
    stampOfId.fill(0);
    call = 1;
  }
  // scratch of a huge document is not kept after the call
  const slotOfToken = tokens > MAX_KEPT ? new Int32Array(tokens) : (tokenScratch = grownInt32(tokenScratch, tokens));
  let slots = 0;
  let t = 0;
  for (let s = 0; s < doc.length; s++) {
    const row = types[s];
    for (let i = 0; i < row.length; i++, t++) {
      const id = row[i].lowerId;
      if (id >= stampOfId.length) {
        stampOfId = grownInt32(stampOfId, id + 1, true);
        slotOfId = grownInt32(slotOfId, id + 1, true);
      }
      if (stampOfId[id] !== call) {
        stampOfId[id] = call;
        slotOfId[id] = slots++;
      }
      slotOfToken[t] = slotOfId[id];
    }
  }
  if (labelsSeen.length < slots) {
    const size = Math.max(slots, 2 * labelsSeen.length);
    counts = new Int32Array(size * LABEL_COUNT);
    labelsSeen = new Int32Array(size);
    capMid = new Uint8Array(size);
    lowerMid = new Uint8Array(size);
  } else if (labelsSeen.length > MAX_KEPT / LABEL_COUNT && slots < labelsSeen.length / 4) {
    // after a document with very many distinct words: back to a size of the usual ones
    counts = new Int32Array(slots * LABEL_COUNT);
    labelsSeen = new Int32Array(slots);
    capMid = new Uint8Array(slots);
    lowerMid = new Uint8Array(slots);
  } else {
    counts.fill(0, 0, slots * LABEL_COUNT);
    labelsSeen.fill(0, 0, slots); // bit l: some capitalised occurrence got label l
    capMid.fill(0, 0, slots);
    lowerMid.fill(0, 0, slots);
  }
  t = 0;
  for (let s = 0; s < doc.length; s++) {
    const row = types[s];
    for (let i = 0; i < row.length; i++, t++) {
      const slot = slotOfToken[t];
      const type = row[i];
      if (type.cap) {
        counts[slot * LABEL_COUNT + pass1[t]]++;
        labelsSeen[slot] |= 1 << pass1[t];
        if (i > 0) capMid[slot] = 1;
      } else if (i > 0 && type.lowerStart) lowerMid[slot] = 1;
    }
  }
  const offsets = new Uint32Array(tokens + 1);
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
  for (let s = 0; s < doc.length; s++) {
    const sentence = doc[s];
    const n = sentence.length;
    t = first[s];
    if (skip?.[s]) {
      for (let i = 0; i < n; i++) offsets[t + i + 1] = size;
      continue;
    }
    const row = types[s];
    for (let i = 0; i < n; i++, t++) {
      offsets[t] = size;
      const slot = slotOfToken[t];
      const own = pass1[t];
      push(F_OWN[own]);
      push(F_NEIGHBOURS[(i > 0 ? pass1[t - 1] : LABEL_COUNT) * P + (i + 1 < n ? pass1[t + 1] : LABEL_COUNT)]);
      // A sentence-initial capital says little; the same word capitalised mid-sentence elsewhere says "name".
      if (i === 0 && capMid[slot]) push(F_CAPITALISED_MID);
      if (row[i].cap && lowerMid[slot]) push(F_LOWER_ELSEWHERE[i === 0 ? 1 : 0]);
      const seen = labelsSeen[slot];
      if (seen === 0 || sentence[i].word.length < 2) continue;
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
    offsets[t] = size;
  }
  return { feats: feats.subarray(0, size), offsets, first };
}
