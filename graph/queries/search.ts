/**
 * Entity search: what people type finds what they mean. Candidates come from two full-text
 * indexes over names and aliases, queried word by word: `entitySearch` (folded: exact, prefix
 * and fuzzy hits) and `entitySearchDutch` (stemmed: "eenzame" finds "eenzaamheid"). They are
 * then ranked here (see search-rank.ts): all words before some, an exact name first, whole
 * words before prefixes before stems and typos, a name that the query covers before a longer
 * one. User input never reaches Lucene's query syntax: it is folded and cut into plain word
 * terms, and each term is escaped besides.
 */
import type { EntityType } from '../../import/types.ts';
import { DUTCH_ENTITY_INDEX, FULLTEXT_INDEX } from '../schema.ts';
import { STOP_WORDS, foldText } from '../text/dutch.ts';
import { entityFromTuple, entityTuple, type EntityRow } from './model.ts';
import { rankCandidates, type Candidate } from './search-rank.ts';
import { int, readRows, type ReadContext } from './run.ts';

export { foldText };

/** Characters with a meaning in Lucene's classic query syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  // Upper-case AND/OR/NOT are operators; quoting makes them plain words.
  return /^(AND|OR|NOT)$/.test(escaped) ? `"${escaped}"` : escaped;
}

export { STOP_WORDS };

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;

/** The plain word terms of a user query (letters and digits only, folded). */
export function searchTerms(input: string): string[] {
  return foldText(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
}

/** One word in the folded index: exact above prefix (2+ letters) above fuzzy (4+ letters). */
export function termQuery(term: string, prefix = true): string {
  const t = escapeLucene(term);
  const alternatives = [`${t}^4`];
  if (prefix && term.length >= 2) alternatives.push(`${t}*^2`);
  if (term.length >= 4) alternatives.push(`${t}~1`);
  return alternatives.join(' OR ');
}

/**
 * The strict form: every word required, the last one also as a prefix, a phrase boost for
 * several words. Null when the input holds no word. (Used where every word must match.)
 */
export function buildLuceneQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  const clauses: string[] = [];
  terms.forEach((term, i) => {
    const last = i === terms.length - 1;
    if (STOP_WORDS.has(term)) {
      if (last) clauses.push(`+${escapeLucene(term)}*`);
      return;
    }
    clauses.push(`+(${termQuery(term, last)})`);
  });
  if (clauses.length === 0) return null;
  const words = terms.filter((t) => !STOP_WORDS.has(t));
  if (words.length > 1) clauses.push(`"${words.map(escapeLucene).join(' ')}"^6`);
  return clauses.join(' ');
}

export interface IndexClause {
  index: string;
  query: string;
  /** Which query word the clause stands for. */
  term: number;
}

/**
 * Per word: a folded clause (exact, prefix, fuzzy) and a stemmed one. English stop words
 * only count when the query holds nothing else (then as a prefix: the user is typing).
 */
export function searchClauses(terms: readonly string[]): IndexClause[] {
  const words = terms.map((term, i) => ({ term, i })).filter(({ term }) => !STOP_WORDS.has(term));
  if (words.length === 0) return terms.map((term, i) => ({ index: FULLTEXT_INDEX, query: `${escapeLucene(term)}*`, term: i }));
  return words.flatMap(({ term, i }) => [
    { index: FULLTEXT_INDEX, query: termQuery(term), term: i },
    { index: DUTCH_ENTITY_INDEX, query: escapeLucene(term), term: i },
  ]);
}

const SEARCH = `
  UNWIND $clauses AS clause
  CALL db.index.fulltext.queryNodes(clause.index, clause.query, {limit: $fetch}) YIELD node, score
  WITH node, clause, score
  WHERE $types IS NULL OR node.type IN $types
  WITH node, collect(DISTINCT clause.term) AS terms, max(score) AS score
  RETURN collect([${entityTuple('node')}, terms, score]) AS candidates`;

export interface SearchOptions {
  query: string;
  types?: readonly EntityType[] | null;
  first: number;
  offset?: number;
}

export interface SearchHit {
  entity: EntityRow;
  score: number;
}

export async function searchEntities(ctx: ReadContext, opts: SearchOptions): Promise<SearchHit[]> {
  const terms = searchTerms(opts.query);
  const offset = opts.offset ?? 0;
  if (terms.length === 0 || opts.first <= 0) return [];
  const types = opts.types && opts.types.length > 0 ? [...opts.types] : null;
  // Each clause brings its best hits; a type filter needs more of them to fill the page.
  const wanted = opts.first + offset;
  const fetch = Math.min(Math.max(100, types ? wanted * 5 : wanted * 2), 5000);
  const rows = await readRows(ctx, SEARCH, { clauses: searchClauses(terms), types, fetch: int(fetch) });
  // One row holding every candidate (up to 2 x fetch of them): one record to decode, not hundreds.
  const candidates: Candidate[] = ((rows[0]?.candidates ?? []) as [unknown[], number[], number][]).map(([entity, indexTerms, indexScore]) => ({
    entity: entityFromTuple(entity),
    indexTerms,
    indexScore,
  }));
  return rankCandidates(terms, candidates).slice(offset, offset + opts.first);
}
