/** The shipped tagger model and its two passes' weights, as the tagger tests compare fast and reference paths on them. */
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL_PATH, loadNerModel } from '../../import/tag/ner/index.ts';
import { decodeModel } from '../../import/tag/ner/model-file.ts';
import { type ChainWeights } from '../../import/tag/ner/perceptron.ts';

export function shippedTagger() {
  const model = loadNerModel();
  const { header, sections } = decodeModel(readFileSync(DEFAULT_MODEL_PATH));
  const hashBits = header.hashBits as [number, number];
  const scales = header.scales as [number, number];
  const weights = (pass: 1 | 2): ChainWeights => ({
    hashBits: hashBits[pass - 1],
    emission: sections.get(`pass${pass}Emission`) as Int16Array,
    scale: scales[pass - 1],
    transition: Float64Array.from(sections.get(`pass${pass}Transition`) as Float32Array),
  });
  return { model, features: model.features, weights };
}
