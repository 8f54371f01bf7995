/**
 * Every evidence passage of every entity relation, with both ends and the title of its article:
 * what the evidence-integrity check (tests/api/evidence-integrity.test.ts) reads back.
 */
import { RELATION_PATTERN, type EntityRow } from './model.ts';
import { readRows, type ReadContext } from './run.ts';

export interface EvidenceRow {
  type: string;
  from: Pick<EntityRow, 'id' | 'type' | 'name' | 'aliases'>;
  to: Pick<EntityRow, 'id' | 'type' | 'name' | 'aliases'>;
  weight: number;
  quote: string;
  kind: string;
  articleId: string | null;
  articleTitle: string | null;
}

const ALL_EVIDENCE = `
  MATCH (a:Entity)-[r:${RELATION_PATTERN}]->(b:Entity)
  UNWIND range(0, size(coalesce(r.quotes, [])) - 1) AS i
  WITH a, b, r, i, r.articleIds[i] AS articleId
  OPTIONAL MATCH (art:Article {id: articleId})
  RETURN type(r) AS type, a {.id, .type, .name, .aliases} AS from, b {.id, .type, .name, .aliases} AS to,
         r.weight AS weight, r.quotes[i] AS quote, coalesce(r.evidenceKinds[i], 'SENTENCE') AS kind,
         CASE WHEN articleId = '' THEN null ELSE articleId END AS articleId, art.title AS articleTitle`;

export async function allEvidence(ctx: ReadContext): Promise<EvidenceRow[]> {
  return (await readRows(ctx, ALL_EVIDENCE)) as unknown as EvidenceRow[];
}
