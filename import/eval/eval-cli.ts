/**
 * `npm run eval [-- --gold DIR --corpus DIR --verbose --min]`
 * Runs extractDocument on every corpus file that has a gold file and prints precision/recall per
 * type and link recall per document and micro-averaged, then the misses and unmatched predictions.
 * Exit code 0 unless the input cannot be read (2), or --min is given and a threshold is missed (1).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { extractDocument, extractionWarnings } from '../pipeline.ts';
import {
  type DocumentScore,
  type GoldDocument,
  type ScoredType,
  SCORED_TYPES,
  failures,
  precision,
  ratio,
  recall,
  scoreDocument,
  totals,
} from './eval.ts';
import { runAblation } from './ablate.ts';
import { printConllExtraction } from './conll-docs-cli.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function defaultGoldDir(): string {
  const sibling = resolve(projectRoot, '..', 'shared', 'eval', 'dev-gold');
  if (existsSync(sibling)) return sibling;
  return process.env.EVAL_GOLD_DIR ?? sibling;
}

const program = new Command()
  .name('eval')
  .description('Score the extractor against gold annotations')
  .option('--gold <dir>', 'folder with gold JSON files', defaultGoldDir())
  .option('--corpus <dir>', 'folder with the corpus texts', join(projectRoot, 'corpus'))
  .option('--verbose', 'list every miss and unmatched prediction', false)
  .option('--min', 'exit 1 when a threshold of issue 3 is missed', false)
  .option('--conll <file>', 'score the NER tagger on a CoNLL-2002 file instead (entity level, conlleval style)')
  .option('--ablate [document]', 'F1 change per tag-stage module switched off, on one magazine (default: the check document 001) and CoNLL articles')
  .option('--conll-docs <file>', 'CoNLL file for --ablate and --extract-conll', defaultConll())
  .option('--extract-conll', 'score the CoNLL articles of --conll-docs through the whole extraction (names per article)', false)
  .parse();

if (program.opts().conll) {
  const { runConllEval } = await import('../tag/ner/conll-eval.ts');
  process.exit(runConllEval(program.opts().conll as string));
}

const opts = program.opts<{ gold: string; corpus: string; verbose: boolean; min: boolean; ablate?: string | true; conllDocs: string; extractConll: boolean }>();

function defaultConll(): string {
  return resolve(projectRoot, '..', 'shared', 'eval', 'conll2002', 'ned.testa');
}

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}

const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
const LABEL: Record<ScoredType, string> = { PERSON: 'people', ORGANISATION: 'organisations', MUNICIPALITY: 'municipalities', PROGRAMME: 'programmes', THEME: 'themes' };

function printTable(s: DocumentScore): void {
  console.log(`\n${s.document}`);
  console.log('  type            gold  pred  found correct  precision recall');
  for (const t of SCORED_TYPES) {
    const x = s.types[t];
    const label = t === 'THEME' ? 'themes*' : LABEL[t];
    console.log(
      `  ${label.padEnd(15)} ${String(x.gold).padStart(4)} ${String(x.predicted).padStart(5)} ${String(x.found).padStart(6)} ${String(x.correct).padStart(7)}  ${fmt(precision(x)).padStart(9)} ${fmt(recall(x)).padStart(6)}`,
    );
  }
  for (const [kind, l] of Object.entries(s.links)) {
    console.log(
      `  link ${kind.padEnd(24)} ${String(l.found).padStart(3)}/${String(l.gold).padEnd(4)} recall ${fmt(ratio(l.found, l.gold))}  precision ${fmt(ratio(l.correct, l.judged))} (${l.correct}/${l.judged} judged)${l.outsideVocabulary ? `  (+${l.outsideVocabulary} gold keywords outside the vocabulary)` : ''}`,
    );
  }
}

if (opts.extractConll) {
  printConllExtraction(opts.conllDocs);
  process.exit(0);
}
if (opts.ablate) {
  const want = opts.ablate === true ? '001' : opts.ablate;
  const gf = readdirSync(opts.gold).find((f) => f.startsWith(want) && f.endsWith('.json'));
  if (!gf) fail(`no gold file starting with ${want} in ${opts.gold}`);
  const gold = JSON.parse(readFileSync(join(opts.gold, gf), 'utf8')) as GoldDocument;
  const file = basename(gold.document ?? gf.replace(/\.json$/, '.txt'));
  runAblation({ check: { file, text: readFileSync(join(opts.corpus, file), 'utf8'), gold: { ...gold, document: file } }, conllPath: opts.conllDocs });
  process.exit(0);
}

let goldFiles: string[];
try {
  goldFiles = readdirSync(opts.gold).filter((f) => f.endsWith('.json')).sort();
} catch (err) {
  fail(`cannot read gold folder ${opts.gold}: ${(err as Error).message}`);
}
if (!goldFiles.length) fail(`no gold files (*.json) in ${opts.gold}`);

const scores: DocumentScore[] = [];
for (const gf of goldFiles) {
  let gold: GoldDocument;
  try {
    gold = JSON.parse(readFileSync(join(opts.gold, gf), 'utf8'));
  } catch (err) {
    fail(`cannot read gold file ${gf}: ${(err as Error).message}`);
  }
  const docFile = gold.document ?? gf.replace(/\.json$/, '.txt');
  const candidates = [docFile, gf.replace(/\.json$/, '.txt'), gf.replace(/\.json$/, '.md')].map((f) => join(opts.corpus, basename(f)));
  const path = candidates.find((p) => existsSync(p));
  if (!path) fail(`no corpus file for ${gf} in ${opts.corpus}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail(`cannot read ${path}: ${(err as Error).message}`);
  }
  const result = extractDocument(basename(path), text);
  const score = scoreDocument({ ...gold, document: basename(path) }, result);
  scores.push(score);
  printTable(score);
}

const total = totals(scores);
printTable(total);
console.log('  (* themes are scored separately: the gold keywords are free text, ours come from a fixed vocabulary)');

const limit = opts.verbose ? Infinity : 12;
for (const s of scores) {
  console.log(`\n== ${s.document}`);
  for (const t of SCORED_TYPES) {
    const x = s.types[t];
    if (x.misses.length) console.log(`  ${LABEL[t]} missed (${x.misses.length}): ${x.misses.slice(0, limit).join(' | ')}${x.misses.length > limit ? ' | …' : ''}`);
    if (x.unmatched.length) console.log(`  ${LABEL[t]} unmatched (${x.unmatched.length}): ${x.unmatched.slice(0, limit).join(' | ')}${x.unmatched.length > limit ? ' | …' : ''}`);
  }
  for (const [kind, l] of Object.entries(s.links)) {
    if (l.misses.length) console.log(`  ${kind} missed (${l.misses.length}): ${l.misses.slice(0, limit).join(' | ')}${l.misses.length > limit ? ' | …' : ''}`);
    if (l.wrong.length) console.log(`  ${kind} wrong (${l.wrong.length}): ${l.wrong.slice(0, limit).join(' | ')}${l.wrong.length > limit ? ' | …' : ''}`);
  }
}
if (extractionWarnings.size) {
  console.log('\nextractor modules that threw (their output was dropped):');
  for (const [name, msg] of extractionWarnings) console.log(`  ${name}: ${msg}`);
}

if (opts.min) {
  const missed = failures(total);
  if (missed.length) {
    console.log(`\nthresholds missed:\n  ${missed.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nall thresholds met');
}
