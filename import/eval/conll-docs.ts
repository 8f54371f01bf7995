/**
 * CoNLL-2002 data scored through the whole extraction (not the tagger alone): each -DOCSTART-
 * article becomes one text (a sentence per paragraph), runs through extractDocument, and the
 * distinct entity names per article are compared, as the magazine gold is:
 *   PER  <-> PERSON        ORG <-> ORGANISATION or PROGRAMME
 *   LOC  <-> MUNICIPALITY  (precision: a predicted municipality that is a gold LOC; recall over the
 *                           gold LOC names the CBS gazetteer knows as a municipality)
 * MISC has no counterpart in the graph and is not scored.
 */
import { readFileSync } from 'node:fs';
import type { EntityFact, EntityType, ExtractionResult } from '../types.ts';
import { municipalityByName } from '../gazetteers.ts';
import { normaliseForMatch } from './eval.ts';

export interface ConllArticle {
  text: string;
  /** gold entity names by CoNLL label */
  names: Record<'PER' | 'ORG' | 'LOC' | 'MISC', Set<string>>;
}

export function readConllArticles(path: string): ConllArticle[] {
  const articles: ConllArticle[] = [];
  let sentences: string[][] = [];
  let names = emptyNames();
  let sentence: string[] = [];
  let open: { label: keyof ConllArticle['names']; words: string[] } | null = null;
  const closeEntity = () => {
    if (open) names[open.label].add(open.words.join(' '));
    open = null;
  };
  const closeSentence = () => {
    closeEntity();
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const closeArticle = () => {
    closeSentence();
    if (sentences.length) articles.push({ text: sentences.map((s) => s.join(' ')).join('\n\n') + '\n', names });
    sentences = [];
    names = emptyNames();
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) {
      closeSentence();
      continue;
    }
    const word = parts[0];
    const tag = parts[parts.length - 1];
    if (word === '-DOCSTART-') {
      closeArticle();
      continue;
    }
    const [bio, label] = tag.split('-') as [string, keyof ConllArticle['names'] | undefined];
    if (bio === 'O' || !label || (bio === 'B') || (open && open.label !== label)) closeEntity();
    if (label && (bio === 'B' || bio === 'I')) {
      if (!open) open = { label, words: [] };
      open.words.push(word);
    }
    sentence.push(word);
  }
  closeArticle();
  return articles;
}

function emptyNames(): ConllArticle['names'] {
  return { PER: new Set(), ORG: new Set(), LOC: new Set(), MISC: new Set() };
}

export interface Counts {
  gold: number;
  predicted: number;
  /** gold names found */
  found: number;
  /** predicted names that are gold */
  correct: number;
}

export type ConllScore = Record<'PER' | 'ORG' | 'LOC', Counts>;

const keys = (e: EntityFact): string[] => [e.name, ...e.aliases].map(normaliseForMatch);

function count(gold: string[], predicted: EntityFact[], into: Counts, goldForPrecision: string[] = gold): void {
  const goldKeys = new Set(gold.map(normaliseForMatch));
  const precisionKeys = new Set(goldForPrecision.map(normaliseForMatch));
  const predictedKeys = new Set(predicted.flatMap(keys));
  into.gold += goldKeys.size;
  into.found += [...goldKeys].filter((k) => predictedKeys.has(k)).length;
  into.predicted += predicted.length;
  into.correct += predicted.filter((e) => keys(e).some((k) => precisionKeys.has(k))).length;
}

const ofType = (r: ExtractionResult, ...types: EntityType[]) => r.entities.filter((e) => types.includes(e.type));

export function scoreConllArticle(article: ConllArticle, result: ExtractionResult, into: ConllScore): void {
  count([...article.names.PER], ofType(result, 'PERSON'), into.PER);
  count([...article.names.ORG], ofType(result, 'ORGANISATION', 'PROGRAMME'), into.ORG, [...article.names.ORG, ...article.names.MISC]);
  const loc = [...article.names.LOC];
  count(loc.filter((n) => municipalityByName(n)), ofType(result, 'MUNICIPALITY'), into.LOC, loc);
}

export function emptyConllScore(): ConllScore {
  const c = (): Counts => ({ gold: 0, predicted: 0, found: 0, correct: 0 });
  return { PER: c(), ORG: c(), LOC: c() };
}

export function f1(c: Counts): number {
  const p = c.predicted ? c.correct / c.predicted : 0;
  const r = c.gold ? c.found / c.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
