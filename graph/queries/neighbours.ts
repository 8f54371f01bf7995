/**
 * A hub's neighbours a page at a time, strongest link first (the summed weight of every
 * relation between the two, a relation without weight counting 1), so that expanding the
 * publisher shows its 25 closest partners instead of 133 nodes at once.
 */
import { RELATION_PATTERN } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import type { GraphEdgeRow, GraphNodeRow } from './subgraph.ts';

const NODE_SHAPE = (n: string) => `{id: ${n}.id, type: ${n}.type, label: ${n}.name, weight: toFloat(coalesce(${n}.mentionCount, 0))}`;

const NEIGHBOURS = `
  MATCH (start:Entity {id: $id})
  CALL (start) {
    MATCH (start)-[r:${RELATION_PATTERN}]-(n:Entity)
    WHERE n <> start
    WITH n, sum(coalesce(r.weight, 1.0)) AS strength
    ORDER BY strength DESC, n.mentionCount DESC, n.id
    RETURN collect(n) AS ranked
  }
  WITH start, ranked, size(ranked) AS total
  WITH start, total, ranked[$offset..($offset + $first)] AS page, [start] + ranked[0..($offset + $first)] AS shown
  CALL (shown) {
    UNWIND shown AS a
    MATCH (a)-[r:${RELATION_PATTERN}]->(b:Entity)
    WHERE b IN shown
    WITH a, b, type(r) AS type, sum(r.weight) AS weight
    RETURN collect({id: type + ':' + a.id + '->' + b.id, source: a.id, target: b.id, type: type, weight: weight}) AS edges
  }
  RETURN [n IN [start] + page | ${NODE_SHAPE('n')}] AS nodes, edges, total`;

export interface NeighbourPageRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  /** All neighbours of the entity. */
  total: number;
}

/** The entity and its neighbours ranked `offset`..`offset + first`, with the edges among everything shown so far; null: no such entity. */
export async function neighbourPage(ctx: ReadContext, id: string, first: number, offset: number): Promise<NeighbourPageRow | null> {
  const rows = await readRows(ctx, NEIGHBOURS, { id, first: int(first), offset: int(offset) });
  return (rows[0] as unknown as NeighbourPageRow | undefined) ?? null;
}
