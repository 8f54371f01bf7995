/**
 * Linear-chain model over hashed features: emission weights per (feature bucket, label), transition
 * weights per label pair, Viterbi decoding under BILOU constraints, forward-backward marginals for
 * confidences, and averaged structured-perceptron training (deterministic: seeded shuffle, exact sums).
 */
import { seededRandom, shuffleInPlace } from './hash.ts';
import { LABEL_COUNT as L, allowedTransition } from './labels.ts';

export interface FeaturisedSentence {
  offsets: Uint32Array;
  feats: Uint32Array;
}

/** Transition table: row 0 is the sentence start, row from+1 the previous label; column L is the sentence end. */
export const TRANSITION_SIZE = (L + 1) * (L + 1);
const NEG = -1e30;
const ALLOWED = new Uint8Array(TRANSITION_SIZE);
for (let from = -1; from < L; from++) for (let to = -1; to < L; to++) ALLOWED[(from + 1) * (L + 1) + (to < 0 ? L : to)] = allowedTransition(from, to) ? 1 : 0;
const tIndex = (from: number, to: number) => (from + 1) * (L + 1) + (to < 0 ? L : to);

export interface ChainWeights {
  hashBits: number;
  /** Emission weights, (bucket * L + label); Int16 when quantised (times `scale`), Float32/64 while training. */
  emission: Int16Array | Float32Array | Float64Array;
  scale: number;
  transition: Float32Array | Float64Array;
}

export function emissions(w: ChainWeights, s: FeaturisedSentence): Float64Array {
  const n = s.offsets.length - 1;
  const out = new Float64Array(n * L);
  const mask = 2 ** w.hashBits - 1;
  const e = w.emission;
  for (let i = 0; i < n; i++) {
    const row = i * L;
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
      const base = (s.feats[k] & mask) * L;
      for (let l = 0; l < L; l++) out[row + l] += e[base + l];
    }
    if (w.scale !== 1) for (let l = 0; l < L; l++) out[row + l] *= w.scale;
  }
  return out;
}

export function viterbi(em: Float64Array, n: number, tr: ArrayLike<number>): Uint8Array {
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = ALLOWED[tIndex(-1, l)] ? em[l] + tr[tIndex(-1, l)] : NEG;
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < L; to++) {
      let best = NEG;
      let arg = 0;
      for (let from = 0; from < L; from++) {
        const ti = tIndex(from, to);
        if (!ALLOWED[ti]) continue;
        const s = score[(i - 1) * L + from] + tr[ti];
        if (s > best) {
          best = s;
          arg = from;
        }
      }
      score[i * L + to] = best + em[i * L + to];
      back[i * L + to] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    const ti = tIndex(l, -1);
    if (!ALLOWED[ti]) continue;
    const s = score[(n - 1) * L + l] + tr[ti];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  labels[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]];
  return labels;
}

/** Label marginals p(y_i = l) under a CRF reading of the scores divided by `temperature`. */
export function marginals(em: Float64Array, n: number, tr: ArrayLike<number>, temperature: number): Float64Array {
  const inv = 1 / temperature;
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const lse = (xs: number[]) => {
    let m = NEG;
    for (const x of xs) if (x > m) m = x;
    if (m <= NEG) return NEG;
    let s = 0;
    for (const x of xs) s += Math.exp(x - m);
    return m + Math.log(s);
  };
  const buf: number[] = [];
  for (let l = 0; l < L; l++) alpha[l] = ALLOWED[tIndex(-1, l)] ? (em[l] + tr[tIndex(-1, l)]) * inv : NEG;
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < L; to++) {
      buf.length = 0;
      for (let from = 0; from < L; from++) {
        const ti = tIndex(from, to);
        if (ALLOWED[ti] && alpha[(i - 1) * L + from] > NEG) buf.push(alpha[(i - 1) * L + from] + tr[ti] * inv);
      }
      const a = lse(buf);
      alpha[i * L + to] = a <= NEG ? NEG : a + em[i * L + to] * inv;
    }
  }
  for (let l = 0; l < L; l++) beta[(n - 1) * L + l] = ALLOWED[tIndex(l, -1)] ? tr[tIndex(l, -1)] * inv : NEG;
  for (let i = n - 2; i >= 0; i--) {
    for (let from = 0; from < L; from++) {
      buf.length = 0;
      for (let to = 0; to < L; to++) {
        const ti = tIndex(from, to);
        if (ALLOWED[ti] && beta[(i + 1) * L + to] > NEG) buf.push(tr[ti] * inv + em[(i + 1) * L + to] * inv + beta[(i + 1) * L + to]);
      }
      beta[i * L + from] = lse(buf);
    }
  }
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    buf.length = 0;
    for (let l = 0; l < L; l++) buf.push(alpha[i * L + l] + beta[i * L + l]);
    const z = lse(buf);
    for (let l = 0; l < L; l++) out[i * L + l] = z <= NEG ? 0 : Math.exp(alpha[i * L + l] + beta[i * L + l] - z);
  }
  return out;
}

export interface TrainingExample extends FeaturisedSentence {
  gold: ArrayLike<number>;
}

export interface PerceptronOptions {
  hashBits: number;
  epochs: number;
  seed: number;
}

/** Averaged structured perceptron; the result is the averaged weights (Float64, not yet quantised). */
export function trainPerceptron(examples: readonly TrainingExample[], options: PerceptronOptions): ChainWeights {
  const size = 2 ** options.hashBits * L;
  const mask = 2 ** options.hashBits - 1;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const tw = new Float64Array(TRANSITION_SIZE);
  const tacc = new Float64Array(TRANSITION_SIZE);
  const live: ChainWeights = { hashBits: options.hashBits, emission: w, scale: 1, transition: tw };
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  let c = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.offsets.length - 1;
      if (n === 0) continue;
      const pred = viterbi(emissions(live, ex), n, tw);
      let prevGold = -1;
      let prevPred = -1;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        if (g !== p) {
          for (let k = ex.offsets[i]; k < ex.offsets[i + 1]; k++) {
            const base = (ex.feats[k] & mask) * L;
            w[base + g] += 1;
            acc[base + g] += c;
            w[base + p] -= 1;
            acc[base + p] -= c;
          }
        }
        if (g !== p || prevGold !== prevPred) {
          const tg = tIndex(prevGold, g);
          const tp = tIndex(prevPred, p);
          tw[tg] += 1;
          tacc[tg] += c;
          tw[tp] -= 1;
          tacc[tp] -= c;
        }
        prevGold = g;
        prevPred = p;
      }
      if (prevGold !== prevPred) {
        const tg = tIndex(prevGold, -1);
        const tp = tIndex(prevPred, -1);
        tw[tg] += 1;
        tacc[tg] += c;
        tw[tp] -= 1;
        tacc[tp] -= c;
      }
      c++;
    }
  }
  for (let i = 0; i < size; i++) if (w[i] !== 0 || acc[i] !== 0) w[i] -= acc[i] / c;
  for (let i = 0; i < TRANSITION_SIZE; i++) tw[i] -= tacc[i] / c;
  return live;
}

/** Int16 emission weights with one scale; weights below half a step become 0 (pruned). */
export function quantise(w: ChainWeights): ChainWeights {
  let max = 0;
  for (let i = 0; i < w.emission.length; i++) {
    const a = Math.abs(w.emission[i]);
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.emission.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(w.emission[i] / scale);
  return { hashBits: w.hashBits, emission: q, scale: scale * w.scale, transition: Float32Array.from(w.transition) };
}
