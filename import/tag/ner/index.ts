/**
 * Dutch named-entity tagger (PER, ORG, LOC, MISC): an averaged structured perceptron over hashed
 * features with BILOU Viterbi decoding and a document-level second pass, trained by `npm run train`
 * on CoNLL-2002 Dutch (see model/PROVENANCE.md). `loadNerModel()` reads the shipped model once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrainedNerModel, type NerModel } from './model.ts';

export type { NerLabel } from './labels.ts';
export type { NerToken } from './tokenise.ts';
export type { NerModel, NerSpan } from './model.ts';
export { tokenise, splitSentences } from './tokenise.ts';

/** The model file is missing, corrupt, or made by an incompatible version of this code. */
export class NerModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerModelError';
  }
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./model/ner-nl.bin.gz', import.meta.url));

const loaded = new Map<string, TrainedNerModel>();

export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel & TrainedNerModel {
  const cached = loaded.get(path);
  if (cached) return cached;
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NerModelError(`NER model ${path} cannot be read (${code ?? (error as Error).message})${code === 'ENOENT' ? ': run `npm run train` to make it' : ''}`);
  }
  let model: TrainedNerModel;
  try {
    model = TrainedNerModel.fromBuffer(file);
  } catch (error) {
    throw new NerModelError(`NER model ${path} is unusable: ${(error as Error).message}`);
  }
  loaded.set(path, model);
  return model;
}

