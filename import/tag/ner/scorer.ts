/**
 * Fast emission scores at tagging time. Most features depend on one word type only (the word's own
 * features, and what it contributes as a neighbour at each window offset), so their weight sums are
 * computed once per word type and cached; per token only the position features are looked up.
 * Gives exactly the sums of perceptron.emissions() over FeatureExtractor.sentence().
 */
import { BIAS_FEATURE, type FeatureExtractor, MAX_CONTEXT_FEATURES, MAX_LOCAL_FEATURES, type TypeInfo, WINDOW_OFFSETS } from './features.ts';
import { LABEL_COUNT } from './labels.ts';
import type { ChainWeights } from './perceptron.ts';

// Literals and local copies: V8 optimises hot loops over imported bindings much worse.
const L = 17;
if (L !== LABEL_COUNT) throw new Error('scorer.ts: label count changed');
const OFFSETS: readonly number[] = [...WINDOW_OFFSETS];
if (OFFSETS.join() !== '-2,-1,1,2') throw new Error('scorer.ts: window offsets changed');
const BIAS: readonly number[] = [BIAS_FEATURE];

let nextScorerId = 0;

function int16Weights(weights: ChainWeights, who: string): Int16Array {
  if (!(weights.emission instanceof Int16Array)) throw new Error(`${who} needs quantised (Int16) weights`);
  return weights.emission;
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Emission weights without their all-zero buckets: most of a hashed table is empty (about 5% of the
 * 2^20 buckets of the shipped model hold a weight), and a feature never seen in training, such as
 * most bigrams of new text, then costs one bit test in a small bit set instead of a fetch from a
 * table of tens of MB. A row holds one bucket's weights of every source table side by side (pass 1,
 * then pass 2): bucket b's row starts at rows[rank(b) * width] when bit b is set.
 */
class CompactWeights {
  readonly mask: number;
  readonly width: number;
  readonly bits: Int32Array;
  /** Set bits before each 32-bit word of `bits`. */
  readonly before: Int32Array;
  readonly rows: Int16Array;

  constructor(sources: readonly Int16Array[], buckets: number) {
    this.mask = buckets - 1;
    this.width = L * sources.length;
    this.bits = new Int32Array(Math.ceil(buckets / 32));
    this.before = new Int32Array(this.bits.length);
    let count = 0;
    for (let b = 0; b < buckets; b++) {
      let used = false;
      for (let k = 0; k < sources.length && !used; k++) {
        const t = sources[k];
        for (let l = b * L; l < b * L + L; l++) {
          if (t[l] !== 0) {
            used = true;
            break;
          }
        }
      }
      if (used) {
        this.bits[b >>> 5] |= 1 << (b & 31);
        count++;
      }
    }
    this.rows = new Int16Array(count * this.width);
    let row = 0;
    for (let w = 0; w < this.bits.length; w++) {
      this.before[w] = row;
      for (let r = 0; r < 32; r++) {
        if ((this.bits[w] & (1 << r)) === 0) continue;
        const b = w * 32 + r;
        for (let k = 0; k < sources.length; k++) this.rows.set(sources[k].subarray(b * L, b * L + L), row * this.width + k * L);
        row++;
      }
    }
  }

  /** Where feature f's row starts in `rows`, or -1 when its weights are all 0. */
  rowOf(f: number): number {
    const b = f & this.mask;
    const word = this.bits[b >>> 5];
    if ((word & (1 << (b & 31))) === 0) return -1;
    return (this.before[b >>> 5] + popcount(word & ~(-1 << (b & 31)))) * this.width;
  }

  /** Source table k as dense weights again (bucket * labels + label). */
  dense(k: number): Int16Array {
    const out = new Int16Array((this.mask + 1) * L);
    for (let b = 0; b <= this.mask; b++) {
      const at = this.rowOf(b);
      if (at >= 0) out.set(this.rows.subarray(at + k * L, at + k * L + L), b * L);
    }
    return out;
  }

  /** Adds the weights of `feats` to target[at .. at + width). */
  addInto(target: Int32Array, at: number, feats: readonly number[]): void {
    const e = this.rows;
    const width = this.width;
    for (const f of feats) {
      const base = this.rowOf(f);
      if (base >= 0) for (let l = 0; l < width; l++) target[at + l] += e[base + l];
    }
  }
}

export class EmissionScorer {
  private readonly id = nextScorerId++;
  private readonly weights: CompactWeights;
  private readonly scale: number;
  private readonly padding: Int32Array[];
  private readonly acc = new Int32Array(L);
  private readonly local = new Uint32Array(MAX_LOCAL_FEATURES);

  constructor(
    weights: ChainWeights,
    private readonly extractor: FeatureExtractor,
  ) {
    this.weights = new CompactWeights([int16Weights(weights, 'EmissionScorer')], 2 ** weights.hashBits);
    this.scale = weights.scale;
    this.padding = extractor.padding.map((feats) => {
      const v = new Int32Array(L);
      this.weights.addInto(v, 0, feats);
      return v;
    });
  }

  /** The sums of one word type: its own features with the bias (0..L), then as a neighbour at each window offset. */
  private vector(info: TypeInfo): Int32Array {
    let v = info.vectors[this.id] as Int32Array | undefined;
    if (!v) {
      v = new Int32Array(L * 5);
      this.weights.addInto(v, 0, info.own);
      this.weights.addInto(v, 0, BIAS);
      for (let k = 0; k < 4; k++) this.weights.addInto(v, (k + 1) * L, info.asNeighbour[k]);
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
    const weights = this.weights;
    const e = weights.rows;
    const scale = this.scale;
    const vectors: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) vectors[i] = this.vector(infos[i]);
    // Integer sums (exact), scaled once per row: the same figures as summing then scaling.
    const acc = this.acc;
    const local = this.local;
    const add = (f: number) => {
      const base = weights.rowOf(f);
      if (base >= 0) for (let l = 0; l < L; l++) acc[l] += e[base + l];
    };
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
      const count = this.extractor.localFeatures(infos, i, local);
      for (let k = 0; k < count; k++) add(local[k]);
      const ctx = context[i];
      if (ctx) for (let k = 0; k < ctx.length; k++) add(ctx[k]);
      if (extra) {
        const x = extra[i];
        for (let k = 0; k < x.length; k++) add(x[k]);
      }
      const row = i * L;
      for (let l = 0; l < L; l++) out[row + l] = acc[l] * scale;
    }
    return out;
  }
}

const L2 = 2 * L;

/**
 * Both passes' integer sums of a label in one double: (pass1 + HI_BIAS) * PACK + pass2 + LO_BIAS.
 * Every weight is an Int16 (|w| < 2^15) and a token has a few hundred features at most
 * (MAX_PACKED_FEATURES bounds what one word type brings; the position and sentence-context features
 * are fewer than 50), so |pass1|, |pass2| < 2^25 and the packed value is a non-negative integer below
 * 2^52: sums of packed values are exact, and the two biased parts come back exactly by one
 * truncating division (the biases ride once in each token's sums, with its own word's). One add per
 * label instead of two.
 */
const PACK = 2 ** 26;
const LO_BIAS = 2 ** 25;
const HI_BIAS = 2 ** 25;
const BIASES = HI_BIAS * PACK + LO_BIAS;
const MAX_PACKED_FEATURES = 900;
/** Words whose sums an arena holds before it is made anew (some 30 MB). */
const MAX_ARENA_WORDS = 40_000;
let nextArenaKey = 0;
if ((MAX_PACKED_FEATURES + 100) * 32768 >= LO_BIAS) throw new Error('scorer.ts: packed sums could overflow');

/**
 * Both passes' emission scores from one walk over the features. Pass 2 sees every feature of pass 1
 * plus the document features, so the sums over the shared features are made once, from one compact
 * weight table that holds each bucket's pass-1 and pass-2 weights side by side (one memory fetch for
 * both instead of two far-apart ones), and packed two to a double (PACK): pass 1 gets its scores,
 * pass 2 keeps its partial integer sums and later adds only the document features. The same figures
 * as two EmissionScorers, exactly.
 */
export class PairedEmissionScorer {
  private readonly id = nextScorerId++;
  private readonly mask: number;
  private readonly bits: Int32Array;
  private readonly before: Int32Array;
  /** Non-empty buckets only: row * 2L + label: pass-1 weight; + L: pass-2 weight. */
  private readonly rows: Int16Array;
  /** The same rows packed (PACK): row * L + label. */
  private readonly packedRows: Float64Array;
  private readonly weights: CompactWeights;
  /**
   * The packed sums (PACK) of word types, side by side: 5 blocks of L per word (own features with
   * the bias, then as a neighbour at window index 0..3), after the padding (what a missing neighbour
   * gives at window index k, at k * L). A word's sums are valid while it carries this arena's key.
   */
  private arena = new Float64Array(1 << 16);
  private arenaUsed = 4 * L;
  private arenaKey = nextArenaKey++;
  private readonly paddingSums: Float64Array;
  private readonly acc = new Int32Array(L);
  private readonly local = new Uint32Array(MAX_LOCAL_FEATURES);
  /** Packed sums of the sentence being scored (n * L), grown as needed. */
  private sums = new Float64Array(0);
  private readonly scales: [number, number];
  /** The sentence's context features (token, feature), grown as needed. */
  private contextTokens = new Int32Array(0);
  private contextFeats = new Uint32Array(0);

  constructor(
    first: ChainWeights,
    second: ChainWeights,
    private readonly extractor: FeatureExtractor,
  ) {
    // only the compact table and the scales are kept: the separate weight arrays can go
    this.scales = [first.scale, second.scale];
    const a = int16Weights(first, 'PairedEmissionScorer');
    const b = int16Weights(second, 'PairedEmissionScorer');
    if (first.hashBits !== second.hashBits) throw new Error('PairedEmissionScorer needs passes of the same size');
    this.weights = new CompactWeights([a, b], 2 ** first.hashBits);
    this.mask = this.weights.mask;
    this.bits = this.weights.bits;
    this.before = this.weights.before;
    this.rows = this.weights.rows;
    this.packedRows = new Float64Array(this.rows.length / 2);
    for (let r = 0, at = 0; at < this.rows.length; r += L, at += L2) {
      for (let l = 0; l < L; l++) this.packedRows[r + l] = this.rows[at + l] * PACK + this.rows[at + L + l];
    }
    this.paddingSums = new Float64Array(4 * L);
    extractor.padding.forEach((feats, k) => this.packedSums(feats, this.paddingSums, k * L));
    this.arena.set(this.paddingSums);
  }

  /** The emission weights of pass 1 (0) or 2 (1) as one array (bucket * labels + label), made on demand. */
  weightsOf(pass: 0 | 1): Int16Array {
    return this.weights.dense(pass);
  }

  /** Adds the packed weights of `feats` to target[at .. at + L). */
  private packedSums(feats: readonly number[], target: Float64Array, at: number): Float64Array {
    const e = this.rows;
    for (const f of feats) {
      const base = this.weights.rowOf(f);
      if (base >= 0) for (let l = 0; l < L; l++) target[at + l] += e[base + l] * PACK + e[base + L + l];
    }
    return target;
  }

  /** Where the packed sums of one word type start in the arena (made on first use). */
  private vector(info: TypeInfo): number {
    if (info.packedBy === this.arenaKey) return info.packedAt;
    let count = info.own.length + 1;
    for (let k = 0; k < 4; k++) count += info.asNeighbour[k].length;
    if (count > MAX_PACKED_FEATURES) throw new Error('PairedEmissionScorer: a word has too many features to pack');
    const at = this.arenaUsed;
    if (at + 5 * L > this.arena.length) {
      const grown = new Float64Array(2 * this.arena.length);
      grown.set(this.arena);
      this.arena = grown;
    }
    this.arenaUsed += 5 * L;
    const v = this.arena;
    // every token's bias weight and packing biases ride with its own word's sums (firstPass looks up no bias)
    this.packedSums(info.own, v, at);
    this.packedSums(BIAS, v, at);
    for (let l = 0; l < L; l++) v[at + l] += BIASES;
    for (let k = 0; k < 4; k++) this.packedSums(info.asNeighbour[k], v, at + (k + 1) * L);
    info.packedAt = at;
    info.packedBy = this.arenaKey;
    return at;
  }

  /** A fresh arena (every word is summed again on first use) once the old one is full, between sentences. */
  private trimArena(): void {
    if (this.arenaUsed < MAX_ARENA_WORDS * 5 * L) return;
    this.arena = new Float64Array(1 << 16);
    this.arena.set(this.paddingSums);
    this.arenaUsed = 4 * L;
    this.arenaKey = nextArenaKey++;
  }

  /**
   * Pass-1 emission scores (n * labels) into `out`, and pass 2's integer sums over the same features
   * (word types, window, position and sentence-context features) into `partial` (n * labels from
   * `partialAt`), for secondPass().
   */
  firstPass(infos: readonly TypeInfo[], out: Float64Array, partial: Int32Array, partialAt = 0): void {
    const n = infos.length;
    if (n === 0) return;
    if (this.sums.length < n * L) this.sums = new Float64Array(Math.max(n * L, this.sums.length * 2));
    const sums = this.sums;
    const e = this.packedRows;
    const bits = this.bits;
    const before = this.before;
    const mask = this.mask;
    const local = this.local;
    this.trimArena();
    // each word's sums at its arena offset; a missing neighbour reads the padding (window index k at k * L)
    let prev2 = 0;
    let prev1 = L;
    let own = this.vector(infos[0]);
    let next1 = n > 1 ? this.vector(infos[1]) + 3 * L : 2 * L;
    let v = this.arena;
    for (let i = 0; i < n; i++) {
      let next2 = 3 * L;
      if (i + 2 < n) {
        next2 = this.vector(infos[i + 2]) + 4 * L;
        v = this.arena; // the arena may have grown
      }
      const row = i * L;
      // offsets -2, -1, +1, +2 read the neighbour's block 1..4, or the padding
      for (let l = 0; l < L; l++) sums[row + l] = v[own + l] + v[prev2 + l] + v[prev1 + l] + v[next1 + l] + v[next2 + l];
      const count = this.extractor.localFeatures(infos, i, local);
      for (let k = 0; k < count; k++) {
        const bucket = local[k] & mask;
        const word = bits[bucket >>> 5];
        if ((word & (1 << (bucket & 31))) === 0) continue;
        const base = (before[bucket >>> 5] + popcount(word & ~(-1 << (bucket & 31)))) * L;
        for (let l = 0; l < L; l++) sums[row + l] += e[base + l];
      }
      // the blocks the next token reads: this token's -1 block becomes its -2, and so on
      prev2 = prev1 === L ? 0 : prev1 - L;
      prev1 = own + 2 * L;
      own = next1 === 2 * L ? -1 : next1 - 3 * L;
      next1 = next2 === 3 * L ? 2 * L : next2 - L;
    }
    if (this.contextTokens.length < n * MAX_CONTEXT_FEATURES) {
      this.contextTokens = new Int32Array(n * MAX_CONTEXT_FEATURES);
      this.contextFeats = new Uint32Array(n * MAX_CONTEXT_FEATURES);
    }
    const tokens = this.contextTokens;
    const feats = this.contextFeats;
    const contextCount = this.extractor.contextFeatureList(infos, tokens, feats);
    for (let k = 0; k < contextCount; k++) {
      const bucket = feats[k] & mask;
      const word = bits[bucket >>> 5];
      if ((word & (1 << (bucket & 31))) === 0) continue;
      const base = (before[bucket >>> 5] + popcount(word & ~(-1 << (bucket & 31)))) * L;
      const row = tokens[k] * L;
      for (let l = 0; l < L; l++) sums[row + l] += e[base + l];
    }
    const scale = this.scales[0];
    for (let i = 0; i < n * L; i++) {
      const v = sums[i];
      const high = (v / PACK) | 0; // v >= 0 and v / PACK < 2^26: truncation is the floor
      out[i] = (high - HI_BIAS) * scale;
      partial[partialAt + i] = v - high * PACK - LO_BIAS;
    }
  }

  /**
   * Pass-2 emission scores (n * labels) into `out`: the partial sums of firstPass() plus the sentence's
   * document features (feats[offsets[from + i] .. offsets[from + i + 1]) for token i); the partial sums from `partialAt`.
   */
  secondPass(partial: Int32Array, n: number, feats: Uint32Array, offsets: Uint32Array, out: Float64Array, from = 0, partialAt = 0): void {
    const e = this.rows;
    const bits = this.bits;
    const before = this.before;
    const mask = this.mask;
    const scale = this.scales[1];
    const acc = this.acc;
    for (let i = 0; i < n; i++) {
      const row = i * L;
      for (let l = 0; l < L; l++) acc[l] = partial[partialAt + row + l];
      for (let k = offsets[from + i]; k < offsets[from + i + 1]; k++) {
        const bucket = feats[k] & mask;
        const word = bits[bucket >>> 5];
        if ((word & (1 << (bucket & 31))) === 0) continue;
        const base = (before[bucket >>> 5] + popcount(word & ~(-1 << (bucket & 31)))) * L2 + L;
        for (let l = 0; l < L; l++) acc[l] += e[base + l];
      }
      for (let l = 0; l < L; l++) out[row + l] = acc[l] * scale;
    }
  }
}
