/**
 * Ranks entity-search candidates (pure). The order, most important first:
 *  1. how many of the query's words the entity matches (all words before some);
 *  2. the whole query is the name or an alias ("eenzaamheid" -> the theme eenzaamheid);
 *  3. how well each word matches: a whole word of the name or an alias, else a prefix of
 *     one, else the same Dutch stem, else a small typo or another index hit;
 *  4. how much of the name the query covers (the short, specific name first);
 *  5. the most mentioned (a theme and an organisation both called "onderwijs": the one the
 *     corpus speaks of more), then the index's own relevance.
 * The score holds 1-4; sorting by it, then 5, gives exactly this order.
 */
import { STOP_WORDS, dutchStem, editDistanceWithin, foldedWords } from '../text/dutch.ts';
import type { EntityRow } from './model.ts';

export interface Candidate {
  entity: EntityRow;
  /** Query words (indexes into the term list) that an index clause matched. */
  indexTerms: number[];
  indexScore: number;
}

export interface RankedHit {
  entity: EntityRow;
  score: number;
}

const WHOLE = 3;
const PREFIX = 2;
const STEM = 1.5;
const LOOSE = 1;

function wordQuality(term: string, words: readonly string[], stems: readonly string[]): number {
  if (words.includes(term)) return WHOLE;
  if (term.length >= 2 && words.some((w) => w.startsWith(term))) return PREFIX;
  const stem = dutchStem(term);
  if (stem.length >= 3 && stems.some((s) => s === stem)) return STEM;
  if (term.length >= 4 && words.some((w) => editDistanceWithin(term, w, 1) <= 1)) return LOOSE;
  return 0;
}

export function rankCandidates(terms: readonly string[], candidates: readonly Candidate[]): RankedHit[] {
  const counted = terms.map((t, i) => ({ t, i })).filter(({ t }) => !STOP_WORDS.has(t));
  const wanted = counted.length > 0 ? counted : terms.map((t, i) => ({ t, i }));
  const phrase = terms.join(' ');
  const ranked = candidates.map((c) => {
    const names = [c.entity.name, ...(c.entity.aliases ?? [])].map(foldedWords);
    const words = [...new Set(names.flat())];
    const stems = words.map(dutchStem);
    const nameWords = names[0];
    let matched = 0;
    let quality = 0;
    const covered = new Set<string>();
    for (const { t, i } of wanted) {
      let q = wordQuality(t, words, stems);
      if (q === 0 && c.indexTerms.includes(i)) q = LOOSE * 0.5;
      if (q > 0) matched++;
      quality += q;
      const stem = dutchStem(t);
      for (const w of nameWords) if (w === t || w.startsWith(t) || dutchStem(w) === stem) covered.add(w);
    }
    const exact = names.some((n) => n.join(' ') === phrase) ? 1 : 0;
    const coverage = nameWords.length ? covered.size / new Set(nameWords).size : 0;
    const score = matched * 1000 + exact * 500 + quality * 15 + coverage * 10;
    return { entity: c.entity, score, matched, indexScore: c.indexScore };
  });
  return ranked
    .filter((r) => r.matched > 0)
    .sort((a, b) => b.score - a.score
      || (b.entity.mentionCount ?? 0) - (a.entity.mentionCount ?? 0)
      || b.indexScore - a.indexScore
      || a.entity.name.localeCompare(b.entity.name)
      || a.entity.id.localeCompare(b.entity.id))
    .map(({ entity, score }) => ({ entity, score }));
}
