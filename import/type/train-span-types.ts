/**
 * `npm run train:types` (run by `npm run train` after the tagger): trains the organisation-or-programme
 * decision over the tagger's ORG/MISC spans on ONE annotated magazine (dev gold 000; 001 stays the
 * check), plus news articles of ned.train for organisations outside the magazine. A span is labelled ORGANISATION or PROGRAMME when its text matches a gold name or alias of
 * that type (the eval's matching), NONE otherwise. Deterministic: same data, same weights.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentContexts } from '../pipeline.ts';
import { normaliseForMatch, type GoldDocument } from '../eval/eval.ts';
import { proposeSpans } from '../tag/ner-spans.ts';
import { SPAN_CLASSES, SPAN_MODEL_PATH, trainSpanClassifier, type SpanClass, type SpanModelFile } from './span-classifier.ts';
import { lowerCaseWords, spanFeatures } from './span-features.ts';
import { readConllArticles } from '../eval/conll-docs.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const goldDir = process.env.EVAL_GOLD_DIR ?? resolve(root, '..', 'shared', 'eval', 'dev-gold');
const TRAIN_DOC = process.argv[2] ?? '000';
const NEWS_FILE = resolve(root, '..', 'shared', 'eval', 'conll2002', 'ned.train');

export function trainingExamples(gold: GoldDocument, text: string): { features: string[]; label: SpanClass; text: string }[] {
  const keys = (list: { name: string; aliases?: string[] }[] | undefined) => new Set((list ?? []).flatMap((e) => [e.name, ...(e.aliases ?? [])]).map(normaliseForMatch));
  const orgs = keys(gold.organisations);
  const programmes = keys(gold.programmes);
  const out: { features: string[]; label: SpanClass; text: string }[] = [];
  for (const ctx of documentContexts(gold.document, text)) {
    const lowerWords = lowerCaseWords(ctx.text);
    for (const span of proposeSpans(ctx)) {
      if (span.label !== 'ORG' && span.label !== 'MISC') continue;
      const k = normaliseForMatch(span.text);
      const label: SpanClass = orgs.has(k) ? 'ORGANISATION' : programmes.has(k) ? 'PROGRAMME' : 'NONE';
      out.push({ features: spanFeatures(span, ctx.text, lowerWords), label, text: span.text });
    }
  }
  return out;
}

/**
 * News articles (ned.train, which the tagger also learns from) teach what an ORG span is outside the
 * magazine: a tagger ORG/MISC span whose text is a gold ORG of its article is an organisation, any
 * other is NONE. They never name programmes. Every NEWS_STRIDE-th article, so that they do not
 * outweigh the magazine.
 */
const NEWS_STRIDE = 4;

export function newsExamples(path: string): { features: string[]; label: SpanClass; text: string }[] {
  const out: { features: string[]; label: SpanClass; text: string }[] = [];
  readConllArticles(path).forEach((article, i) => {
    if (i % NEWS_STRIDE) return;
    for (const ctx of documentContexts(`news-${i}.txt`, article.text)) {
      const lowerWords = lowerCaseWords(ctx.text);
      for (const span of proposeSpans(ctx)) {
        if (span.label !== 'ORG' && span.label !== 'MISC') continue;
        out.push({ features: spanFeatures(span, ctx.text, lowerWords), label: article.names.ORG.has(span.text) ? 'ORGANISATION' : 'NONE', text: span.text });
      }
    }
  });
  return out;
}

function main(): void {
  const gf = readdirSync(goldDir).find((f) => f.startsWith(TRAIN_DOC) && f.endsWith('.json'));
  if (!gf) throw new Error(`no gold file starting with ${TRAIN_DOC} in ${goldDir}`);
  const gold = JSON.parse(readFileSync(join(goldDir, gf), 'utf8')) as GoldDocument;
  const file = basename(gold.document);
  const corpusFile = join(root, 'corpus', file);
  if (!existsSync(corpusFile)) throw new Error(`no corpus text ${corpusFile}`);
  const magazine = trainingExamples({ ...gold, document: file }, readFileSync(corpusFile, 'utf8'));
  const news = newsExamples(NEWS_FILE);
  const examples = [...magazine, ...news];
  const counts = Object.fromEntries(SPAN_CLASSES.map((c) => [c, examples.filter((e) => e.label === c).length]));
  const weights = trainSpanClassifier(examples);
  const model: SpanModelFile = {
    classes: SPAN_CLASSES,
    weights,
    provenance: {
      data: `dev gold ${gf} (annotations) over corpus/${file} (${magazine.length} spans), and every ${NEWS_STRIDE}th article of conll2002/ned.train (${news.length} spans); candidate spans: the NER tagger's ORG/MISC spans`,
      checkDocument: 'dev gold 001 is not used here: it is the check',
      command: 'npm run train:types',
      examples: counts,
      features: Object.keys(weights).length,
    },
  };
  mkdirSync(dirname(SPAN_MODEL_PATH), { recursive: true });
  writeFileSync(SPAN_MODEL_PATH, JSON.stringify(model) + '\n');
  console.log(`span types: ${examples.length} spans from ${file} (${JSON.stringify(counts)}), ${Object.keys(weights).length} features -> ${SPAN_MODEL_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
