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

function wordQuality(term: string, stem: string, words: readonly string[], stems: readonly string[]): number {
  if (words.includes(term)) return WHOLE;
  if (term.length >= 2 && words.some((w) => w.startsWith(term))) return PREFIX;
  if (stem.length >= 3 && stems.some((s) => s === stem)) return STEM;
  if (term.length >= 4 && words.some((w) => editDistanceWithin(term, w, 1) <= 1)) return LOOSE;
  return 0;
}

/** What the ranking needs of an entity's name and aliases: the same for every query that finds it. */
interface NameProfile {
  /** Each of name and aliases, folded and joined by single spaces. */
  phrases: string[];
  /** The distinct folded words of name and aliases, and their stems. */
  words: string[];
  stems: string[];
  /** The words of the name itself, their stems, and how many distinct ones. */
  nameWords: string[];
  nameStems: string[];
  distinctNameWords: number;
}

/** Profiles by name and aliases (a pure function of them), so that a repeated search does not fold and stem again. */
const profiles = new Map<string, NameProfile>();
const MAX_PROFILES = 20_000;

function nameProfile(entity: EntityRow): NameProfile {
  const key = entity.aliases && entity.aliases.length > 0 ? `${entity.name}\u0000${entity.aliases.join('\u0000')}` : entity.name;
  let profile = profiles.get(key);
  if (profile === undefined) {
    const names = [entity.name, ...(entity.aliases ?? [])].map(foldedWords);
    const words = [...new Set(names.flat())];
    const nameWords = names[0];
    profile = {
      phrases: names.map((n) => n.join(' ')),
      words,
      stems: words.map(dutchStem),
      nameWords,
      nameStems: nameWords.map(dutchStem),
      distinctNameWords: new Set(nameWords).size,
    };
    if (profiles.size >= MAX_PROFILES) profiles.clear();
    profiles.set(key, profile);
  }
  return profile;
}

/** The order of String.prototype.localeCompare, without setting up a collator per comparison. */
const byLocale = new Intl.Collator();

export function rankCandidates(terms: readonly string[], candidates: readonly Candidate[]): RankedHit[] {
  const counted = terms.map((t, i) => ({ t, i })).filter(({ t }) => !STOP_WORDS.has(t));
  const wanted = (counted.length > 0 ? counted : terms.map((t, i) => ({ t, i }))).map((w) => ({ ...w, stem: dutchStem(w.t) }));
  const phrase = terms.join(' ');
  const covered = new Set<string>();
  const ranked = candidates.map((c) => {
    const { phrases, words, stems, nameWords, nameStems, distinctNameWords } = nameProfile(c.entity);
    let matched = 0;
    let quality = 0;
    covered.clear();
    for (const { t, i, stem } of wanted) {
      let q = wordQuality(t, stem, words, stems);
      if (q === 0 && c.indexTerms.includes(i)) q = LOOSE * 0.5;
      if (q > 0) matched++;
      quality += q;
      for (let k = 0; k < nameWords.length; k++) {
        const w = nameWords[k];
        if (w === t || w.startsWith(t) || nameStems[k] === stem) covered.add(w);
      }
    }
    const exact = phrases.includes(phrase) ? 1 : 0;
    const coverage = nameWords.length ? covered.size / distinctNameWords : 0;
    const score = matched * 1000 + exact * 500 + quality * 15 + coverage * 10;
    return { entity: c.entity, score, matched, indexScore: c.indexScore };
  });
  return ranked
    .filter((r) => r.matched > 0)
    .sort((a, b) => b.score - a.score
      || (b.entity.mentionCount ?? 0) - (a.entity.mentionCount ?? 0)
      || b.indexScore - a.indexScore
      || byLocale.compare(a.entity.name, b.entity.name)
      || byLocale.compare(a.entity.id, b.entity.id))
    .map(({ entity, score }) => ({ entity, score }));
}
