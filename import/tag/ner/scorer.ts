/**
 * Fast emission scores at tagging time. Most features depend on one word type only (the word's own
 * features, and what it contributes as a neighbour at each window offset), so their weight sums are
 * computed once per word type and cached; per token only the position features are looked up.
 * Gives exactly the sums of perceptron.emissions() over FeatureExtractor.sentence().
 */
import { BIAS_FEATURE, type FeatureExtractor, type TypeInfo, WINDOW_OFFSETS } from './features.ts';
import { LABEL_COUNT } from './labels.ts';
import type { ChainWeights } from './perceptron.ts';

// Literals and local copies: V8 optimises hot loops over imported bindings much worse.
const L = 17;
if (L !== LABEL_COUNT) throw new Error('scorer.ts: label count changed');
const OFFSETS: readonly number[] = [...WINDOW_OFFSETS];

let nextScorerId = 0;

export class EmissionScorer {
  private readonly id = nextScorerId++;
  private readonly mask: number;
  private readonly padding: Int32Array[];
  private readonly acc = new Int32Array(L);
  private readonly positional: number[] = [];

  constructor(
    private readonly weights: ChainWeights,
    private readonly extractor: FeatureExtractor,
  ) {
    if (!(weights.emission instanceof Int16Array)) throw new Error('EmissionScorer needs quantised (Int16) weights');
    this.mask = 2 ** weights.hashBits - 1;
    this.padding = extractor.padding.map((feats) => {
      const v = new Int32Array(L);
      this.addInto(v, 0, feats);
      return v;
    });
  }

  private addInto(target: Int32Array, at: number, feats: readonly number[]): void {
    const e = this.weights.emission as Int16Array;
    for (const f of feats) {
      const base = (f & this.mask) * L;
      for (let l = 0; l < L; l++) target[at + l] += e[base + l];
    }
  }

  private vector(info: TypeInfo): Int32Array {
    let v = info.vectors[this.id];
    if (!v) {
      v = new Int32Array(L * 5);
      this.addInto(v, 0, info.own);
      info.asNeighbour.forEach((feats, k) => this.addInto(v!, (k + 1) * L, feats));
      info.vectors[this.id] = v;
    }
    return v;
  }

  /**
   * Emission scores (n * labels) into `out`. `infos` and `context` may be passed in when the caller
   * already has them (they depend on the words only).
   */
  emissions(
    words: readonly string[],
    extra?: readonly (readonly number[])[],
    infos: readonly TypeInfo[] = this.extractor.typeInfos(words),
    context: readonly (number[] | undefined)[] = this.extractor.contextFeatures(infos),
    out: Float64Array = new Float64Array(words.length * L),
  ): Float64Array {
    const n = words.length;
    const e = this.weights.emission as Int16Array;
    const mask = this.mask;
    const scale = this.weights.scale;
    const vectors: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) vectors[i] = this.vector(infos[i]);
    // Integer sums (exact), scaled once per row: the same figures as summing then scaling.
    const acc = this.acc;
    const positional = this.positional;
    for (let i = 0; i < n; i++) {
      const own = vectors[i];
      for (let l = 0; l < L; l++) acc[l] = own[l];
      for (let k = 0; k < 4; k++) {
        const j = i + OFFSETS[k];
        const inside = j >= 0 && j < n;
        const src = inside ? vectors[j] : this.padding[k];
        const at = inside ? (k + 1) * L : 0;
        for (let l = 0; l < L; l++) acc[l] += src[at + l];
      }
      positional.length = 0;
      this.extractor.localFeatures(infos, i, positional);
      const ctx = context[i];
      if (ctx) for (let k = 0; k < ctx.length; k++) positional.push(ctx[k]);
      if (extra) {
        const x = extra[i];
        for (let k = 0; k < x.length; k++) positional.push(x[k]);
      }
      for (let k = 0; k < positional.length; k++) {
        const base = (positional[k] & mask) * L;
        for (let l = 0; l < L; l++) acc[l] += e[base + l];
      }
      const row = i * L;
      for (let l = 0; l < L; l++) out[row + l] = acc[l] * scale;
    }
    return out;
  }
}

const L2 = 2 * L;
const BIAS: readonly number[] = [BIAS_FEATURE];

/**
 * Both passes' emission scores from one walk over the features. Pass 2 sees every feature of pass 1
 * plus the document features, so the sums over the shared features are made once, from one weight
 * table that holds each bucket's pass-1 and pass-2 weights side by side (one memory fetch for both
 * instead of two far-apart ones): pass 1 gets its scores, pass 2 keeps its partial integer sums and
 * later adds only the document features. The same figures as two EmissionScorers, exactly.
 */
export class PairedEmissionScorer {
  private readonly id = nextScorerId++;
  private readonly mask: number;
  /** bucket * 2L + label: pass-1 weight; + L: pass-2 weight. */
  private readonly table: Int16Array;
  private readonly padding: Int32Array[];
  private readonly acc = new Int32Array(L2);
  private readonly positional: number[] = [];

  private readonly scales: [number, number];

  constructor(
    first: ChainWeights,
    second: ChainWeights,
    private readonly extractor: FeatureExtractor,
  ) {
    // only the table and the scales are kept: the separate weight arrays can go
    this.scales = [first.scale, second.scale];
    const a = first.emission;
    const b = second.emission;
    if (!(a instanceof Int16Array) || !(b instanceof Int16Array)) throw new Error('PairedEmissionScorer needs quantised (Int16) weights');
    if (first.hashBits !== second.hashBits) throw new Error('PairedEmissionScorer needs passes of the same size');
    const buckets = 2 ** first.hashBits;
    this.mask = buckets - 1;
    this.table = new Int16Array(buckets * L2);
    const t = this.table;
    for (let f = 0; f < buckets; f++) {
      for (let l = 0; l < L; l++) {
        t[f * L2 + l] = a[f * L + l];
        t[f * L2 + L + l] = b[f * L + l];
      }
    }
    this.padding = extractor.padding.map((feats) => {
      const v = new Int32Array(L2);
      this.addInto(v, 0, feats);
      return v;
    });
  }

  /** The emission weights of pass 1 (0) or 2 (1) as one array (bucket * labels + label), made on demand. */
  weightsOf(pass: 0 | 1): Int16Array {
    const buckets = this.mask + 1;
    const out = new Int16Array(buckets * L);
    const t = this.table;
    const from = pass * L;
    for (let f = 0; f < buckets; f++) for (let l = 0; l < L; l++) out[f * L + l] = t[f * L2 + from + l];
    return out;
  }

  private addInto(target: Int32Array, at: number, feats: readonly number[]): void {
    const e = this.table;
    for (const f of feats) {
      const base = (f & this.mask) * L2;
      for (let l = 0; l < L2; l++) target[at + l] += e[base + l];
    }
  }

  private vector(info: TypeInfo): Int32Array {
    let v = info.vectors[this.id];
    if (!v) {
      v = new Int32Array(L2 * 5);
      // every token's bias weight rides with its own word's sums (firstPass looks up no bias)
      this.addInto(v, 0, info.own);
      this.addInto(v, 0, BIAS);
      info.asNeighbour.forEach((feats, k) => this.addInto(v!, (k + 1) * L2, feats));
      info.vectors[this.id] = v;
    }
    return v;
  }

  /**
   * Pass-1 emission scores (n * labels) into `out`, and pass 2's integer sums over the same features
   * into `partial` (n * labels), for secondPass().
   */
  firstPass(infos: readonly TypeInfo[], context: readonly (number[] | undefined)[], out: Float64Array, partial: Int32Array): void {
    const n = infos.length;
    const e = this.table;
    const mask = this.mask;
    const scale = this.scales[0];
    const vectors: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) vectors[i] = this.vector(infos[i]);
    const acc = this.acc;
    const positional = this.positional;
    for (let i = 0; i < n; i++) {
      const own = vectors[i];
      for (let l = 0; l < L2; l++) acc[l] = own[l];
      for (let k = 0; k < 4; k++) {
        const j = i + OFFSETS[k];
        const inside = j >= 0 && j < n;
        const src = inside ? vectors[j] : this.padding[k];
        const at = inside ? (k + 1) * L2 : 0;
        for (let l = 0; l < L2; l++) acc[l] += src[at + l];
      }
      positional.length = 0;
      this.extractor.localFeatures(infos, i, positional, false);
      const ctx = context[i];
      if (ctx) for (let k = 0; k < ctx.length; k++) positional.push(ctx[k]);
      for (let k = 0; k < positional.length; k++) {
        const base = (positional[k] & mask) * L2;
        for (let l = 0; l < L2; l++) acc[l] += e[base + l];
      }
      const row = i * L;
      for (let l = 0; l < L; l++) {
        out[row + l] = acc[l] * scale;
        partial[row + l] = acc[L + l];
      }
    }
  }

  /** Pass-2 emission scores (n * labels) into `out`: the partial sums of firstPass() plus the sentence's document features (feats[offsets[i] .. offsets[i + 1]) for token i). */
  secondPass(partial: Int32Array, n: number, feats: Uint32Array, offsets: Uint32Array, out: Float64Array): void {
    const e = this.table;
    const mask = this.mask;
    const scale = this.scales[1];
    const acc = this.acc;
    for (let i = 0; i < n; i++) {
      const row = i * L;
      for (let l = 0; l < L; l++) acc[l] = partial[row + l];
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const base = (feats[k] & mask) * L2 + L;
        for (let l = 0; l < L; l++) acc[l] += e[base + l];
      }
      for (let l = 0; l < L; l++) out[row + l] = acc[l] * scale;
    }
  }
}
