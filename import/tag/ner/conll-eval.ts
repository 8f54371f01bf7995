/** `npm run eval -- --conll FILE`: tag a CoNLL-2002 file document by document and print conlleval-style scores. */
import { readFileSync } from 'node:fs';
import { type ConllDocument, type ConllScore, formatConllScore, parseConll, scoreConll } from './conll.ts';
import { loadNerModel } from './index.ts';
import type { NerModel } from './model.ts';

export function evaluateConll(model: NerModel, docs: readonly ConllDocument[]): ConllScore {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const doc of docs) {
    const tags = model.tagSentences(doc.map((s) => s.words));
    doc.forEach((s, i) => {
      gold.push(s.tags);
      predicted.push(tags[i]);
    });
  }
  return scoreConll(gold, predicted);
}

export function evaluateConllFile(model: NerModel, file: string): string {
  const docs = parseConll(readFileSync(file, 'utf8'));
  if (!docs.length) throw new Error(`${file} holds no CoNLL sentences`);
  return formatConllScore(evaluateConll(model, docs));
}

/** The `--conll FILE` option of `npm run eval`: prints the scores; returns the exit code (2 when input or model is unusable). */
export function runConllEval(file: string): number {
  try {
    const t0 = performance.now();
    console.log(`${file}\n${evaluateConllFile(loadNerModel(), file)}`);
    console.log(`(tagged in ${((performance.now() - t0) / 1000).toFixed(1)} s, model load included)`);
    return 0;
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 2;
  }
}
