/**
 * "Wat zeggen de documenten over X?": the passages (sections) that speak of the query's words,
 * through the `passageSearch` index (Dutch stems), ranked with all words before some, each
 * with its document, the words marked, and the entities it mentions (most mentioned first).
 */
import { PASSAGE_INDEX } from '../schema.ts';
import { markPassage, type TextPart } from '../text/highlight.ts';
import { DOCUMENT_PROJECTION, entityProjection, type DocumentRow, type EntityRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import { escapeLucene } from './search.ts';

const MAX_TERMS = 8;

/** The words of a query, lower-cased but with their diacritics (the `dutch` analyzer keeps them). */
export function passageTerms(input: string): string[] {
  return input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, 64));
}

/** Any word may match; all words together, and the words close together, weigh more. Null: no words. */
export function passageLuceneQuery(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  const escaped = terms.map(escapeLucene);
  const clauses = [...escaped];
  if (terms.length > 1) {
    clauses.push(`(${escaped.map((t) => `+${t}`).join(' ')})^4`);
    clauses.push(`"${escaped.join(' ')}"~8^2`);
  }
  return clauses.join(' OR ');
}

const PASSAGES = `
  CALL db.index.fulltext.queryNodes('${PASSAGE_INDEX}', $lucene, {limit: $fetch}) YIELD node, score
  WITH node AS s, score
  ORDER BY score DESC, s.id
  SKIP $offset LIMIT $first
  MATCH (s)-[:PART_OF]->(d:Document)
  CALL (s) {
    MATCH (e:Entity)-[m:MENTIONED_IN]->(s)
    WITH e, m ORDER BY m.count DESC, e.mentionCount DESC, e.id
    LIMIT $entities
    RETURN collect(${entityProjection('e')}) AS entities
  }
  RETURN s.id AS id, s.title AS title, s.ordinal AS ordinal, s.text AS text, score,
         ${DOCUMENT_PROJECTION('d')} AS document, entities`;

export interface PassageHitRow {
  sectionId: string;
  section: string | null;
  ordinal: number;
  document: DocumentRow;
  score: number;
  snippet: string;
  parts: TextPart[];
  matchedWords: string[];
  entities: EntityRow[];
}

export interface PassageSearchOptions {
  query: string;
  first: number;
  offset?: number;
  /** Entities per passage. */
  entities?: number;
}

export async function searchPassages(ctx: ReadContext, opts: PassageSearchOptions): Promise<PassageHitRow[]> {
  const terms = passageTerms(opts.query);
  const lucene = passageLuceneQuery(terms);
  const offset = opts.offset ?? 0;
  if (lucene === null || opts.first <= 0) return [];
  const rows = await readRows(ctx, PASSAGES, {
    lucene,
    fetch: int(Math.min(offset + opts.first, 5000)),
    first: int(opts.first),
    offset: int(offset),
    entities: int(opts.entities ?? 12),
  });
  return rows.map((r) => {
    const marked = markPassage(`${r.title ?? ''}\n${r.text ?? ''}`.trim(), terms);
    return {
      sectionId: r.id as string,
      section: (r.title as string | null) ?? null,
      ordinal: r.ordinal as number,
      document: r.document as DocumentRow,
      score: r.score as number,
      snippet: marked.snippet,
      parts: marked.parts,
      matchedWords: marked.matched,
      entities: r.entities as EntityRow[],
    };
  });
}
