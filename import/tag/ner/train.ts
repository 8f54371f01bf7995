/**
 * Training: pass 1 (sentence features) by averaged perceptron; its jackknifed predictions on the
 * training documents give the document features of pass 2, so that pass 2 learns from pass-1 output
 * as noisy as it will be on new text. Deterministic for the same data, lexicon, clusters and seed.
 */
import { HashedClusterTable } from './clusters-table.ts';
import type { ConllDocument } from './conll.ts';
import { documentFeatures } from './document.ts';
import { ALL_FEATURES, FeatureExtractor, type FeatureOptions } from './features.ts';
import { bioToBilou } from './labels.ts';
import type { Lexicon } from './lexicon.ts';
import { TrainedNerModel } from './model.ts';
import { type ChainWeights, type TrainingExample, confidences, emissions, quantise, trainPerceptron, viterbi } from './perceptron.ts';

export interface TrainOptions {
  seed: number;
  epochs: number;
  hashBits: number;
  /** Folds for the jackknifed pass-1 predictions; 0 = no second pass. */
  folds: number;
  features: FeatureOptions;
  log?: (message: string) => void;
  training?: Record<string, unknown>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { seed: 20020, epochs: 10, hashBits: 20, folds: 5, features: ALL_FEATURES };

export function trainNerModel(docs: readonly ConllDocument[], lexicon: Lexicon, clusters: HashedClusterTable, options: TrainOptions): TrainedNerModel {
  const log = options.log ?? (() => {});
  const extractor = new FeatureExtractor(lexicon, clusters, options.features);
  const words = docs.map((d) => d.map((s) => s.words));
  const gold = docs.map((d) => d.map((s) => bioToBilou(s.tags)));
  const pass1Examples: TrainingExample[][] = docs.map((d, di) => d.map((s, si) => ({ ...extractor.sentence(s.words), gold: gold[di][si] })));
  const perceptron = { hashBits: options.hashBits, epochs: options.epochs, seed: options.seed };

  let temperature = 1;
  let pass2: ChainWeights | null = null;
  if (options.folds > 1) {
    // Jackknife: each document's pass-1 labels come from a model that did not see it.
    const heldOut: Uint8Array[][] = docs.map(() => []);
    const calibration: { em: Float64Array; n: number; gold: number[]; tr: Float64Array }[] = [];
    for (let fold = 0; fold < options.folds; fold++) {
      const train = pass1Examples.filter((_, di) => di % options.folds !== fold).flat();
      const w = trainPerceptron(train, { ...perceptron, seed: options.seed + fold + 1 });
      docs.forEach((_, di) => {
        if (di % options.folds !== fold) return;
        heldOut[di] = pass1Examples[di].map((ex, si) => {
          const em = emissions(w, ex);
          if (fold === 0 && calibration.length < 2000) calibration.push({ em, n: ex.offsets.length - 1, gold: gold[di][si], tr: w.transition });
          return viterbi(em, ex.offsets.length - 1, w.transition);
        });
      });
      log(`pass 1, fold ${fold + 1}/${options.folds} done`);
    }
    temperature = calibrateTemperature(calibration);
    log(`confidence temperature ${temperature}`);
    const pass2Examples: TrainingExample[] = [];
    docs.forEach((d, di) => {
      const extra = documentFeatures(words[di], heldOut[di]);
      d.forEach((s, si) => pass2Examples.push({ ...extractor.sentence(s.words, extra[si]), gold: gold[di][si] }));
    });
    pass2 = quantise(trainPerceptron(pass2Examples, perceptron));
    log('pass 2 trained');
  }
  const pass1 = quantise(trainPerceptron(pass1Examples.flat(), perceptron));
  log('pass 1 trained');
  return new TrainedNerModel(lexicon, clusters, pass1, pass2, { training: options.training ?? {}, options: options.features, temperature });
}

/** Temperature (from a fixed grid) that minimises the held-out negative log-likelihood of the gold labels' confidences. */
function calibrateTemperature(samples: { em: Float64Array; n: number; gold: number[]; tr: Float64Array }[]): number {
  const grid = [0.5, 1, 2, 3, 5, 8, 12, 20];
  let best = 1;
  let bestLoss = Infinity;
  for (const t of grid) {
    let loss = 0;
    for (const s of samples) {
      const p = confidences(s.em, s.n, s.tr, t);
      for (let i = 0; i < s.n; i++) loss -= Math.log(Math.max(1e-9, p(i, s.gold[i])));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}
