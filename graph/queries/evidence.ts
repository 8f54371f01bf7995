/** The passages behind a subgraph edge (one edge = one relation type between two entities). */
import { EVIDENCE_SUBQUERY, type PassageRow } from './model.ts';
import { readRows, type ReadContext } from './run.ts';

export interface EdgeKey {
  id: string;
  type: string;
  source: string;
  target: string;
}

// The relationship type is compared as a value, never spliced into the query.
const EDGE_EVIDENCE = `
  UNWIND $edges AS edge
  MATCH (a:Entity {id: edge.source})-[r]->(b:Entity {id: edge.target})
  WHERE type(r) = edge.type
  WITH edge, collect(r) AS rels
  ${EVIDENCE_SUBQUERY}
  RETURN edge.id AS id, evidence`;

export async function edgeEvidence(ctx: ReadContext, edges: readonly EdgeKey[]): Promise<Map<string, PassageRow[]>> {
  if (edges.length === 0) return new Map();
  const rows = await readRows(ctx, EDGE_EVIDENCE, { edges });
  return new Map(rows.map((r) => [r.id as string, r.evidence as PassageRow[]]));
}
