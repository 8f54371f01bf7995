/**
 * Ablation: what each tag-stage module adds. For every MENTION_EXTRACTORS entry the extraction runs
 * once without it, on the check document (the magazine the rules and classifiers were NOT trained
 * on) and on CoNLL articles through the full extraction; the table prints F1 per type with
 * everything on and the change when that one module is off (negative: the module earns its place).
 */
import { MENTION_EXTRACTORS, MODEL_TAGGER, extractDocument } from '../pipeline.ts';
import { precision, recall, scoreDocument, type GoldDocument, type TypeScore } from './eval.ts';
import { emptyConllScore, f1, readConllArticles, scoreConllArticle, type ConllScore } from './conll-docs.ts';

export interface AblationInput {
  /** the magazine scored, with its gold */
  check: { file: string; text: string; gold: GoldDocument };
  conllPath: string;
}

const MAG_TYPES = ['PERSON', 'ORGANISATION', 'MUNICIPALITY', 'PROGRAMME', 'THEME'] as const;
const MAG_LABEL = { PERSON: 'per', ORGANISATION: 'org', MUNICIPALITY: 'mun', PROGRAMME: 'prog', THEME: 'theme' } as const;

function magF1(s: TypeScore): number {
  const p = precision(s) ?? 0;
  const r = recall(s) ?? 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function run(input: AblationInput, without: ReadonlySet<string>, articles: ReturnType<typeof readConllArticles>): number[] {
  const mag = scoreDocument(input.check.gold, extractDocument(input.check.file, input.check.text, { without }));
  const conll: ConllScore = emptyConllScore();
  for (const [i, a] of articles.entries()) scoreConllArticle(a, extractDocument(`conll-${i}.txt`, a.text, { without }), conll);
  return [...MAG_TYPES.map((t) => magF1(mag.types[t])), f1(conll.PER), f1(conll.ORG), f1(conll.LOC)];
}

export function runAblation(input: AblationInput): void {
  const articles = readConllArticles(input.conllPath);
  const head = [...MAG_TYPES.map((t) => `${MAG_LABEL[t]}`), 'PER', 'ORG', 'LOC'];
  console.log(`ablation: F1 with every module on, then the change with one module off`);
  console.log(`  magazine ${input.check.file} (per org mun prog theme) | ${input.conllPath.split('/').pop()} full extraction, ${articles.length} articles (PER ORG LOC=municipality)`);
  console.log(`  ${'module off'.padEnd(16)} ${head.map((h) => h.padStart(7)).join('')}`);
  const all = run(input, new Set(), articles);
  console.log(`  ${'(none)'.padEnd(16)} ${all.map((x) => x.toFixed(3).padStart(7)).join('')}`);
  for (const [name] of [...MENTION_EXTRACTORS, MODEL_TAGGER]) {
    const off = run(input, new Set([name]), articles);
    const delta = off.map((x, k) => x - all[k]);
    console.log(`  ${name.padEnd(16)} ${delta.map((d) => (Math.abs(d) < 0.0005 ? '0' : (d > 0 ? '+' : '') + d.toFixed(3)).padStart(7)).join('')}`);
  }
}
