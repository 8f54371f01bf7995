/**
 * Linear-chain model over hashed features: emission weights per (feature bucket, label), transition
 * weights per label pair, Viterbi decoding under BILOU constraints, max-marginal confidences for
 * confidences, and averaged structured-perceptron training (deterministic: seeded shuffle, exact sums).
 */
import { seededRandom, shuffleInPlace } from './hash.ts';
import { LABEL_COUNT, allowedTransition } from './labels.ts';

/** The label count as a literal, so that the hot loops see a constant. */
const L = 17;
if (L !== LABEL_COUNT) throw new Error('perceptron.ts: label count changed');

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
/** Allowed previous labels of each label (inside a sentence). */
const PREDECESSORS: Uint8Array[] = Array.from({ length: L }, (_, to) => Uint8Array.from(Array.from({ length: L }, (_, f) => f).filter((from) => ALLOWED[tIndex(from, to)])));
/** Allowed next labels of each label (inside a sentence). */
const SUCCESSORS: Uint8Array[] = Array.from({ length: L }, (_, from) => Uint8Array.from(Array.from({ length: L }, (_, t) => t).filter((to) => ALLOWED[tIndex(from, to)])));

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

let backScratch = new Int8Array(0);
/** Labels that close an entity or are outside one (O, L-x, U-x), and the labels that may follow them (O, B-x, U-x), ascending. */
const CLOSED = Uint8Array.of(0, 3, 4, 7, 8, 11, 12, 15, 16);
const STARTERS = Uint8Array.of(0, 1, 4, 5, 8, 9, 12, 13, 16);
// the unrolled Viterbi below is written for this label layout
for (let to = 0; to < L; to++) {
  const expected = STARTERS.includes(to) ? [...CLOSED] : [to - 1 - ((to - 1) % 4) + 1, to - 1 - ((to - 1) % 4) + 2];
  if (PREDECESSORS[to].join() !== expected.join()) throw new Error('perceptron.ts: label layout changed');
}

/** A transition table with the transitions the unrolled Viterbi reads, in its order (made once per model, not per sentence). */
export interface Transitions {
  table: Float64Array;
  /** Closed label k (CLOSED) -> starter j (STARTERS) at j * 9 + k. */
  open: Float64Array;
  /** B-x and I-x -> I-x and L-x per type x, at x * 4 + k * 2 (+ 1 from I-x). */
  inside: Float64Array;
}

export function prepareTransitions(table: Float64Array, into: Transitions = { table, open: new Float64Array(81), inside: new Float64Array(16) }): Transitions {
  into.table = table;
  for (let j = 0; j < 9; j++) for (let k = 0; k < 9; k++) into.open[j * 9 + k] = table[tIndex(CLOSED[k], STARTERS[j])];
  for (let x = 0; x < 4; x++) {
    const b = 1 + 4 * x;
    for (let k = 0; k < 2; k++) {
      into.inside[x * 4 + k * 2] = table[tIndex(b, b + 1 + k)];
      into.inside[x * 4 + k * 2 + 1] = table[tIndex(b + 1, b + 1 + k)];
    }
  }
  return into;
}

/** Scratch for a transition table given bare (training changes its table between calls). */
const bareTransitions: Transitions = prepareTransitions(new Float64Array(TRANSITION_SIZE));

/**
 * Best label sequence. `score`, when given (length >= n * L), receives the forward max-scores, which
 * are exactly the `alpha` of confidences().
 */
export function viterbi(
  em: Float64Array,
  n: number,
  transitions: Float64Array | Transitions,
  score: Float64Array = new Float64Array(n * L),
  labels: Uint8Array = new Uint8Array(n),
  /** Where in `labels` the sentence's labels go. */
  at = 0,
): Uint8Array {
  if (n === 0) return labels;
  const prepared = transitions instanceof Float64Array ? prepareTransitions(transitions, bareTransitions) : transitions;
  const tr = prepared.table;
  const trOpen = prepared.open;
  const trInside = prepared.inside;
  // Back-pointers are scratch, kept between calls unless a sentence is huge.
  if (backScratch.length < n * L && n * L <= 2 ** 22) backScratch = new Int8Array(Math.min(2 ** 22, Math.max(n * L, backScratch.length * 2)));
  const back = backScratch.length >= n * L ? backScratch : new Int8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = ALLOWED[tIndex(-1, l)] ? em[l] + tr[tIndex(-1, l)] : NEG;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const row = i * L;
    // O, B-x and U-x follow a closed label (O, L-x, U-x): nine candidates, unrolled
    const c0 = score[prev];
    const c1 = score[prev + 3];
    const c2 = score[prev + 4];
    const c3 = score[prev + 7];
    const c4 = score[prev + 8];
    const c5 = score[prev + 11];
    const c6 = score[prev + 12];
    const c7 = score[prev + 15];
    const c8 = score[prev + 16];
    for (let j = 0; j < 9; j++) {
      const t = j * 9;
      let best = NEG;
      let arg = 0;
      let s = c0 + trOpen[t];
      if (s > best) best = s;
      s = c1 + trOpen[t + 1];
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = c2 + trOpen[t + 2];
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = c3 + trOpen[t + 3];
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = c4 + trOpen[t + 4];
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = c5 + trOpen[t + 5];
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = c6 + trOpen[t + 6];
      if (s > best) {
        best = s;
        arg = 12;
      }
      s = c7 + trOpen[t + 7];
      if (s > best) {
        best = s;
        arg = 15;
      }
      s = c8 + trOpen[t + 8];
      if (s > best) {
        best = s;
        arg = 16;
      }
      const to = STARTERS[j];
      score[row + to] = best + em[row + to];
      back[row + to] = arg;
    }
    // I-x and L-x follow B-x or I-x of the same type
    for (let x = 0; x < 4; x++) {
      const b = 1 + 4 * x;
      const sb = score[prev + b];
      const si = score[prev + b + 1];
      for (let k = 0; k < 2; k++) {
        const to = b + 1 + k;
        let best = NEG;
        let arg = 0;
        const s1 = sb + trInside[x * 4 + k * 2];
        if (s1 > best) {
          best = s1;
          arg = b;
        }
        const s2 = si + trInside[x * 4 + k * 2 + 1];
        if (s2 > best) {
          best = s2;
          arg = b + 1;
        }
        score[row + to] = best + em[row + to];
        back[row + to] = arg;
      }
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
  labels[at + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) labels[at + i - 1] = back[i * L + labels[at + i]];
  return labels;
}

let betaScratch = new Float64Array(0);

/**
 * Confidence of label l at token i: a softmax over labels, at `temperature`, of the max-marginals
 * (best score of any path through (i, l)). Returns a function so that only span tokens pay for it;
 * it is valid until the next call (its backward scores are scratch), for tokens i >= `from` (the
 * backward scores are computed only down to there).
 */
export function confidences(em: Float64Array, n: number, tr: Float64Array, temperature: number, forward?: Float64Array, from = 0): (i: number, label: number) => number {
  let alpha = forward;
  if (!alpha) {
    alpha = new Float64Array(n * L);
    for (let l = 0; l < L; l++) alpha[l] = ALLOWED[tIndex(-1, l)] ? em[l] + tr[tIndex(-1, l)] : NEG;
    for (let i = 1; i < n; i++) {
      for (let to = 0; to < L; to++) {
        let best = NEG;
        const preds = PREDECESSORS[to];
        for (let k = 0; k < preds.length; k++) best = Math.max(best, alpha[(i - 1) * L + preds[k]] + tr[tIndex(preds[k], to)]);
        alpha[i * L + to] = best + em[i * L + to];
      }
    }
  }
  // scratch, reused by the next call: the returned function is valid until then
  if (betaScratch.length < n * L && n * L <= 2 ** 22) betaScratch = new Float64Array(Math.min(2 ** 22, Math.max(n * L, betaScratch.length * 2)));
  const beta = betaScratch.length >= n * L ? betaScratch : new Float64Array(n * L);
  for (let l = 0; l < L; l++) beta[(n - 1) * L + l] = ALLOWED[tIndex(l, -1)] ? tr[tIndex(l, -1)] : NEG;
  for (let i = n - 2; i >= from; i--) {
    for (let prev = 0; prev < L; prev++) {
      let best = NEG;
      const succ = SUCCESSORS[prev];
      const trRow = (prev + 1) * (L + 1);
      const next = (i + 1) * L;
      for (let k = 0; k < succ.length; k++) {
        const to = succ[k];
        best = Math.max(best, tr[trRow + to] + em[next + to] + beta[next + to]);
      }
      beta[i * L + prev] = best;
    }
  }
  const a = alpha;
  return (i, label) => {
    let max = NEG;
    for (let l = 0; l < L; l++) max = Math.max(max, a[i * L + l] + beta[i * L + l]);
    let z = 0;
    for (let l = 0; l < L; l++) {
      const m = a[i * L + l] + beta[i * L + l];
      if (m > NEG / 2) z += Math.exp((m - max) / temperature);
    }
    const own = a[i * L + label] + beta[i * L + label];
    return own > NEG / 2 ? Math.exp((own - max) / temperature) / z : 0;
  };
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
export function trainPerceptron(examples: readonly TrainingExample[], options: PerceptronOptions): ChainWeights & { transition: Float64Array } {
  const size = 2 ** options.hashBits * L;
  const mask = 2 ** options.hashBits - 1;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const tw = new Float64Array(TRANSITION_SIZE);
  const tacc = new Float64Array(TRANSITION_SIZE);
  const live = { hashBits: options.hashBits, emission: w, scale: 1, transition: tw };
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
