/**
 * Entity search through the full-text index `entitySearch` (names and aliases, folded for case
 * and diacritics). User input never reaches Lucene's query syntax: it is folded and cut into
 * plain word terms, and each term is escaped besides, before a ranked query is built from it.
 */
import type { EntityType } from '../../import/types.ts';
import { entityProjection, type EntityRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';

/** Characters with a meaning in Lucene's classic query syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  // Upper-case AND/OR/NOT are operators; quoting makes them plain words.
  return /^(AND|OR|NOT)$/.test(escaped) ? `"${escaped}"` : escaped;
}

/** Fold case and diacritics the way the index does ("PiëzoMethodiek" -> "piezomethodiek"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** English stop words: Neo4j's standard analyzers drop them from the index, so they must not be required terms. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

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

/**
 * Builds the Lucene query for type-ahead search, or null when the input holds no word.
 * Every word is required; per word, an exact hit ranks above a prefix hit (the last word
 * only: the user is still typing it) above a fuzzy hit (words of 4+ letters). Several words
 * in their order (a phrase) earn an extra boost.
 */
export function buildLuceneQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  const clauses: string[] = [];
  terms.forEach((term, i) => {
    const last = i === terms.length - 1;
    const t = escapeLucene(term);
    if (STOP_WORDS.has(term)) {
      if (last) clauses.push(`+${t}*`);
      return;
    }
    const alternatives = [`${t}^4`];
    if (last) alternatives.push(`${t}*^2`);
    if (term.length >= 4) alternatives.push(`${t}~1`);
    clauses.push(`+(${alternatives.join(' OR ')})`);
  });
  if (clauses.length === 0) return null;
  const words = terms.filter((t) => !STOP_WORDS.has(t));
  if (words.length > 1) clauses.push(`"${words.map(escapeLucene).join(' ')}"^6`);
  return clauses.join(' ');
}

const SEARCH = `
  CALL db.index.fulltext.queryNodes('entitySearch', $lucene, {limit: $fetch}) YIELD node, score
  WHERE $types IS NULL OR node.type IN $types
  RETURN ${entityProjection('node')} AS entity, score
  ORDER BY score DESC, node.mentionCount DESC, node.name, node.id
  SKIP $offset LIMIT $first`;

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
  const lucene = buildLuceneQuery(opts.query);
  const offset = opts.offset ?? 0;
  if (lucene === null || opts.first <= 0) return [];
  const types = opts.types && opts.types.length > 0 ? [...opts.types] : null;
  // The index covers every type; fetch enough hits that a type filter still fills the page.
  const wanted = opts.first + offset;
  const fetch = Math.min(types ? wanted * 5 + 50 : wanted, 5000);
  const rows = await readRows(ctx, SEARCH, { lucene, types, fetch: int(fetch), first: int(opts.first), offset: int(offset) });
  return rows.map((r) => ({ entity: r.entity as EntityRow, score: r.score as number }));
}
