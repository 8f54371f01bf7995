/**
 * Fast emission scores at tagging time. Most features depend on one word type only (the word's own
 * features, and what it contributes as a neighbour at each window offset), so their weight sums are
 * computed once per word type and cached; per token only the position features are looked up.
 * Gives exactly the sums of perceptron.emissions() over FeatureExtractor.sentence().
 */
import { type FeatureExtractor, type TypeInfo, WINDOW_OFFSETS } from './features.ts';
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

  private addIntoRow(target: Float64Array, at: number, feats: readonly number[]): void {
    const e = this.weights.emission as Int16Array;
    const mask = this.mask;
    for (let k = 0; k < feats.length; k++) {
      const base = (feats[k] & mask) * L;
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

  /** `infos` and `context` may be passed in when the caller already has them (they depend on the words only). */
  emissions(
    words: readonly string[],
    extra?: readonly (readonly number[])[],
    infos: readonly TypeInfo[] = this.extractor.typeInfos(words),
    context: readonly (number[] | undefined)[] = this.extractor.contextFeatures(infos),
  ): Float64Array {
    const n = words.length;
    const vectors = infos.map((info) => this.vector(info));
    const out = new Float64Array(n * L);
    const positional: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = i * L;
      const own = vectors[i];
      for (let l = 0; l < L; l++) out[row + l] = own[l];
      for (let k = 0; k < 4; k++) {
        const j = i + OFFSETS[k];
        const src = j >= 0 && j < n ? vectors[j] : this.padding[k];
        const at = j >= 0 && j < n ? (k + 1) * L : 0;
        for (let l = 0; l < L; l++) out[row + l] += src[at + l];
      }
      positional.length = 0;
      this.extractor.positionFeatures(infos, i, context, positional);
      if (extra) for (const f of extra[i]) positional.push(f);
      this.addIntoRow(out, row, positional);
      const scale = this.weights.scale;
      for (let l = 0; l < L; l++) out[row + l] *= scale;
    }
    return out;
  }
}
