/**
 * Subgraphs for the explorer, shaped for Cytoscape: the neighbourhood of an entity and the
 * shortest path between two. Entity-to-entity relations only (no sections, no documents);
 * the per-document relationships of one (type, source, target) are summed into one edge.
 */
import type { EntityType } from '../../import/types.ts';
import { RELATION_PATTERN } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';

export interface GraphNodeRow {
  id: string;
  type: EntityType;
  label: string;
  weight: number | null;
}

export interface GraphEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number | null;
}

export interface SubgraphRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
}

export const MAX_DEPTH = 3;
export const MAX_PATH_LENGTH = 8;

/**
 * Edges among `nodes` (a list of nodes), one per (type, source, target), as compact lists
 * [type, source id, target id, weight] (shaped in JS: a large neighbourhood has thousands).
 */
const EDGES_AMONG = `
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r:${RELATION_PATTERN}]->(b)
    WHERE b IN nodes
    WITH a, b, type(r) AS type, sum(r.weight) AS weight
    RETURN collect([type, a.id, b.id, weight]) AS edges
  }`;

const NODE_SHAPE = (n: string) => `{id: ${n}.id, type: ${n}.type, label: ${n}.name, weight: toFloat(coalesce(${n}.mentionCount, 0))}`;

/**
 * Breadth-first, one level per block (at most MAX_DEPTH), through nodes of the wanted types
 * only, so that the answer stays connected. Nearer nodes win the node cap, then the most
 * mentioned. A level is not expanded once the cap is reached.
 *
 * Each frontier node contributes only its own `$limit` best new neighbours (most mentioned,
 * then id): a node among the level's best `$limit` is among the best of every frontier node
 * that reaches it, so the answer is the same as ranking the whole level, without collecting
 * the thousands of neighbours a theme shared by many people has. Those best new neighbours are
 * the first `$limit` unseen ones of its best `$scan` (= 2 x `$limit`) neighbours: fewer than
 * `$limit` nodes have been seen when a level is expanded, so this is the same set, while the
 * "already seen?" test (a list scan) runs on a few hundred candidates instead of every
 * neighbour. Entity relationships only link entities (graph/write.ts), so the far end's label
 * is not checked.
 */
const NEXT_LEVEL = (frontier: string, seen: string, depth: number, found: string) => `
  CALL (${seen}) {
    UNWIND ${frontier} AS f
    WITH f WHERE $depth >= ${depth} AND ${seen.split(', ').map((l) => `size(${l})`).join(' + ')} < $limit
    CALL (f) {
      MATCH (f)-[:${RELATION_PATTERN}]-(n)
      WHERE $types IS NULL OR n.type IN $types
      WITH DISTINCT n
      ORDER BY n.mentionCount DESC, n.id
      LIMIT $scan
      RETURN collect(n) AS best
    }
    UNWIND [n IN best WHERE ${seen.split(', ').map((l) => `NOT n IN ${l}`).join(' AND ')}][..$limit] AS n
    WITH DISTINCT n
    ORDER BY n.mentionCount DESC, n.id
    LIMIT $limit
    RETURN collect(n) AS ${found}
  }`;

/** Each level is already in rank order: nearer levels first, then the cap. */
export const NEIGHBOURHOOD = `
  MATCH (start:Entity {id: $id})
  WITH start, [start] AS level0
  ${NEXT_LEVEL('level0', 'level0', 1, 'level1')}
  ${NEXT_LEVEL('level1', 'level0, level1', 2, 'level2')}
  ${NEXT_LEVEL('level2', 'level0, level1, level2', 3, 'level3')}
  WITH (level0 + level1 + level2 + level3)[..$limit] AS nodes
  ${EDGES_AMONG}
  RETURN [n IN nodes | [n.id, n.type, n.name, n.mentionCount]] AS nodes, edges`;

type NodeTuple = [string, EntityType, string, number | null];
type EdgeTuple = [string, string, string, number | null];

export async function neighbourhood(
  ctx: ReadContext,
  opts: { id: string; depth: number; types: readonly EntityType[] | null; limit: number },
): Promise<SubgraphRow | null> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, opts.depth));
  const types = opts.types && opts.types.length > 0 ? [...opts.types] : null;
  const limit = Math.max(1, opts.limit);
  const rows = await readRows(ctx, NEIGHBOURHOOD, { id: opts.id, depth: int(depth), types, limit: int(limit), scan: int(2 * limit) });
  if (rows.length === 0) return null;
  return {
    nodes: (rows[0].nodes as NodeTuple[]).map(([id, type, label, mentions]) => ({ id, type, label, weight: mentions ?? 0 })),
    edges: (rows[0].edges as EdgeTuple[]).map(([type, source, target, weight]) => ({ id: `${type}:${source}->${target}`, source, target, type, weight })),
  };
}

const PATH = `
  MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  OPTIONAL MATCH p = shortestPath((a)-[:${RELATION_PATTERN}*..${MAX_PATH_LENGTH}]-(b))
  WITH a, b, p
  WHERE p IS NULL OR length(p) <= $maxLength
  WITH a, b, CASE WHEN p IS NULL THEN null ELSE nodes(p) END AS nodes
  CALL (nodes) {
    WITH nodes WHERE nodes IS NOT NULL
    UNWIND range(0, size(nodes) - 2) AS i
    WITH nodes[i] AS x, nodes[i + 1] AS y
    MATCH (x)-[r:${RELATION_PATTERN}]-(y)
    WITH startNode(r) AS s, endNode(r) AS e, type(r) AS type, sum(r.weight) AS weight
    RETURN collect({id: type + ':' + s.id + '->' + e.id, source: s.id, target: e.id, type: type, weight: weight}) AS edges
  }
  RETURN a.id AS from, b.id AS to,
         CASE WHEN nodes IS NULL THEN null ELSE [n IN nodes | ${NODE_SHAPE('n')}] END AS nodes, edges`;

export type PathResult =
  | { found: true; subgraph: SubgraphRow }
  | { found: false; missing: string[] };

/**
 * Shortest path over entity relations, at most `maxLength` hops. Between two neighbours on the
 * path every relation type that links them is shown. `missing` names unknown ids.
 */
export async function shortestPath(ctx: ReadContext, from: string, to: string, maxLength: number): Promise<PathResult> {
  const max = Math.max(0, Math.min(MAX_PATH_LENGTH, maxLength));
  if (from === to) {
    const rows = await readRows(ctx, `MATCH (a:Entity {id: $id}) RETURN [${NODE_SHAPE('a')}] AS nodes`, { id: from });
    if (rows.length === 0) return { found: false, missing: [from] };
    return { found: true, subgraph: { nodes: rows[0].nodes as GraphNodeRow[], edges: [] } };
  }
  const rows = await readRows(ctx, PATH, { from, to, maxLength: int(max) });
  if (rows.length === 0) {
    const known = await readRows(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id`, { ids: [from, to] });
    const found = new Set(known.map((r) => r.id as string));
    const missing = [from, to].filter((id) => !found.has(id));
    return { found: false, missing };
  }
  const row = rows[0];
  if (row.nodes === null) return { found: false, missing: [] };
  return { found: true, subgraph: { nodes: row.nodes as GraphNodeRow[], edges: row.edges as GraphEdgeRow[] } };
}
