/** CoNLL-2002 files (token POS IOB, blank line between sentences, -DOCSTART- between articles) and conlleval-style scoring. */
import { ENTITY_TYPES } from './labels.ts';
import { bioSpans } from './labels.ts';

export interface ConllSentence {
  words: string[];
  tags: string[];
}
export type ConllDocument = ConllSentence[];

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let sentence: ConllSentence = { words: [], tags: [] };
  const endSentence = () => {
    if (sentence.words.length) doc.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const endDoc = () => {
    endSentence();
    if (doc.length) docs.push(doc);
    doc = [];
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, n) => {
    const trimmed = line.trim();
    if (!trimmed) return endSentence();
    const parts = trimmed.split(/\s+/);
    if (parts[0] === '-DOCSTART-') return endDoc();
    const tag = parts[parts.length - 1];
    if (parts.length < 2 || !/^(O|[BI]-(PER|ORG|LOC|MISC))$/.test(tag)) throw new Error(`line ${n + 1}: expected "token [POS] IOB-tag", got "${trimmed.slice(0, 80)}"`);
    sentence.words.push(parts[0]);
    sentence.tags.push(tag);
  });
  endDoc();
  return docs;
}

export interface TypeScore {
  gold: number;
  predicted: number;
  correct: number;
}
export interface ConllScore {
  types: Record<string, TypeScore>;
  overall: TypeScore;
  tokens: number;
}

/** Entity-level scores: a prediction counts only with the exact span and type (conlleval). */
export function scoreConll(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllScore {
  const types: Record<string, TypeScore> = {};
  for (const t of ENTITY_TYPES) types[t] = { gold: 0, predicted: 0, correct: 0 };
  const overall: TypeScore = { gold: 0, predicted: 0, correct: 0 };
  let tokens = 0;
  gold.forEach((g, s) => {
    tokens += g.length;
    const gs = bioSpans(g);
    const ps = bioSpans(predicted[s]);
    const keys = new Set(gs.map((x) => `${x.type}:${x.start}:${x.end}`));
    for (const x of gs) {
      (types[x.type] ??= { gold: 0, predicted: 0, correct: 0 }).gold++;
      overall.gold++;
    }
    for (const x of ps) {
      (types[x.type] ??= { gold: 0, predicted: 0, correct: 0 }).predicted++;
      overall.predicted++;
      if (keys.has(`${x.type}:${x.start}:${x.end}`)) {
        types[x.type].correct++;
        overall.correct++;
      }
    }
  });
  return { types, overall, tokens };
}

export function prf(s: TypeScore): { precision: number; recall: number; f1: number } {
  const precision = s.predicted ? s.correct / s.predicted : 0;
  const recall = s.gold ? s.correct / s.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function formatConllScore(score: ConllScore): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines = [`processed ${score.tokens} tokens with ${score.overall.gold} phrases; found: ${score.overall.predicted} phrases; correct: ${score.overall.correct}.`];
  const row = (name: string, s: TypeScore) => {
    const { precision, recall, f1 } = prf(s);
    return `${name.padEnd(8)} precision: ${pct(precision)}%; recall: ${pct(recall)}%; FB1: ${pct(f1)}  (gold ${s.gold}, found ${s.predicted}, correct ${s.correct})`;
  };
  lines.push(row('overall', score.overall));
  for (const [t, s] of Object.entries(score.types)) lines.push(row(t, s));
  return lines.join('\n');
}
