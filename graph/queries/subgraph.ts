/**
 * Subgraphs for the explorer, shaped for Cytoscape: the neighbourhood of an entity and the
 * shortest path between two. Entity-to-entity relations only (no sections, no documents);
 * the per-document relationships of one (type, source, target) are summed into one edge.
 */
import type { EntityType } from '../../import/types.ts';
import { PAIR_LINK } from '../pair-links.ts';
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
  /** Edges among the nodes left out by the neighbourhood's edge cap (absent: none). */
  edgesOmitted?: number;
  /** The upward edges each node kept under the cap (absent: no cap applied). */
  edgesPerNode?: number | null;
}

export const MAX_DEPTH = 3;
export const MAX_PATH_LENGTH = 8;
/** The neighbourhood's edge cap: by default 4 edges per node asked for (`limit`), at most this. */
export const EDGES_PER_LIMIT = 4;
export const MAX_EDGES = 5000;

/**
 * The links among `nodes` (in answer order: nearer first, then most mentioned), one per (type,
 * source, target): for each node (by its position) its outgoing pair links to the others, as
 * compact lists [position, type, weight, target id]. The cap is applied in JS (`capEdges`).
 */
const LINKS_AMONG = `
  CALL (nodes) {
    UNWIND range(0, size(nodes) - 1) AS i
    WITH nodes, i, nodes[i] AS a
    MATCH (a)-[link:${PAIR_LINK}]->(b)
    WHERE b IN nodes AND b <> a
    RETURN collect([i, link.type, link.weight, b.id]) AS links
  }`;

/**
 * Breadth-first, one level per block (at most MAX_DEPTH), through nodes of the wanted types
 * only, so that the answer stays connected. Nearer nodes win the node cap, then the most
 * mentioned (then id). A level is not expanded once the cap is reached.
 *
 * A level needs at most `room` = `$limit` - (nodes seen) new nodes, and a node among the
 * level's best `room` is among the best `room` new neighbours of every frontier node that
 * reaches it. Those are among the frontier node's best `$limit` neighbours (at most `$limit` -
 * `room` of them were seen), so each frontier node contributes only its best `$limit`
 * neighbours: the answer is the same as ranking the whole level, without collecting the
 * thousands of neighbours a theme shared by many people has. Neighbours are read through the
 * pair links (graph/pair-links.ts), one per neighbour pair and type, not through every
 * document's relationship. A hub contributes the head of its stored ranked list
 * (graph/hub-neighbours.ts: the same ranking, with the mention counts, kept by the importer)
 * instead of its thousands of links: its candidates are ranked by the stored counts, as ids,
 * and only the level's winners are looked up. With a type filter the list does not apply and
 * the hub is expanded.
 *
 * Candidates are [mention count, id, node or null (a hub's list entry)].
 */
const NEXT_LEVEL = (frontier: string, seen: string, depth: number, found: string) => `
  CALL (${frontier}, ${seen}) {
    WITH ${frontier} AS frontier, ${seen} AS seen
    WHERE $depth >= ${depth} AND size(seen) < $limit
    UNWIND frontier AS f
    CALL (f) {
      WITH f WHERE f.topNeighbourCounts IS NULL OR $types IS NOT NULL
      MATCH (f)-[:${PAIR_LINK}]-(n)
      WHERE $types IS NULL OR n.type IN $types
      WITH DISTINCT n
      ORDER BY n.mentionCount DESC, n.id
      LIMIT $limit
      RETURN [coalesce(n.mentionCount, 0), n.id, n] AS candidate
      UNION ALL
      WITH f WHERE f.topNeighbourCounts IS NOT NULL AND $types IS NULL
      UNWIND range(0, size(f.topNeighbours[..$limit]) - 1) AS k
      RETURN [f.topNeighbourCounts[k], f.topNeighbours[k], null] AS candidate
    }
    WITH seen, candidate WHERE NOT candidate[1] IN seen
    WITH seen, candidate[1] AS id, max(candidate[0]) AS mentions, head(collect(candidate[2])) AS node
    ORDER BY mentions DESC, id
    WITH $limit - size(seen) AS room, collect([id, node]) AS ranked
    UNWIND ranked[..room] AS pick
    CALL (pick) {
      WITH pick WHERE pick[1] IS NOT NULL
      RETURN pick[1] AS n
      UNION ALL
      WITH pick WHERE pick[1] IS NULL
      MATCH (n:Entity {id: pick[0]})
      RETURN n
    }
    RETURN collect(n) AS ${found}
  }`;

/** Each level is in rank order: nearer levels first. `seenN`: the ids of the levels up to N. */
export const NEIGHBOURHOOD = `
  MATCH (start:Entity {id: $id})
  WITH [start] AS level0, [start.id] AS seen0
  ${NEXT_LEVEL('level0', 'seen0', 1, 'level1')}
  WITH level0, level1, seen0 + [n IN level1 | n.id] AS seen1
  ${NEXT_LEVEL('level1', 'seen1', 2, 'level2')}
  WITH level0, level1, level2, seen1 + [n IN level2 | n.id] AS seen2
  ${NEXT_LEVEL('level2', 'seen2', 3, 'level3')}
  WITH (level0 + level1 + level2 + level3)[..$limit] AS nodes
  ${LINKS_AMONG}
  RETURN [n IN nodes | [n.id, n.type, n.name, n.mentionCount]] AS nodes, links`;

type NodeTuple = [string, EntityType, string, number | null];
/** [position of the source in the answer, type, weight, target id] */
type LinkTuple = [number, string, number | null, string];

export async function neighbourhood(
  ctx: ReadContext,
  opts: { id: string; depth: number; types: readonly EntityType[] | null; limit: number; maxEdges?: number },
): Promise<SubgraphRow | null> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, opts.depth));
  const types = opts.types && opts.types.length > 0 ? [...opts.types] : null;
  const limit = Math.max(1, opts.limit);
  const maxEdges = Math.max(1, Math.min(MAX_EDGES, opts.maxEdges ?? EDGES_PER_LIMIT * limit));
  const rows = await readRows(ctx, NEIGHBOURHOOD, { id: opts.id, depth: int(depth), types, limit: int(limit) });
  if (rows.length === 0) return null;
  const nodes = (rows[0].nodes as NodeTuple[]).map(([id, type, label, mentions]) => ({ id, type, label, weight: mentions ?? 0 }));
  const { edges, total, perNode } = capEdges(nodes.map((n) => n.id), rows[0].links as LinkTuple[], maxEdges);
  return { nodes, edges, edgesOmitted: total - edges.length, edgesPerNode: perNode };
}

interface OwnedEdge {
  edge: GraphEdgeRow;
  /** the end that is not the owner: its id breaks ties */
  other: string;
}

/**
 * At most `maxEdges` of the links among the answer's nodes (`ids`, in answer order).
 *
 * Each edge belongs to its end that comes later in the answer, and links it "upwards", to a node
 * nearer the start or more mentioned. When there are more than `maxEdges`, every node keeps only
 * its `perNode` strongest upward edges (summed weight, then type, then the other end's id),
 * `perNode` as large as fits in `maxEdges` (at least 1). Every node was reached through an
 * earlier one it is linked to, and whatever upward edge it keeps leads to an earlier node, which
 * keeps one too, and so on to the start: the picture stays connected. Dense parts (a hundred
 * organisations each linked to the same forty themes) are thinned evenly instead of drawn as
 * thousands of crossing lines. `total`: the edges before the cap; `perNode`: null when none was
 * left out.
 */
export function capEdges(ids: readonly string[], links: readonly LinkTuple[], maxEdges: number): { edges: GraphEdgeRow[]; total: number; perNode: number | null } {
  const position = new Map(ids.map((id, i) => [id, i]));
  const owned: OwnedEdge[][] = ids.map(() => []);
  let total = 0;
  for (const [i, type, weight, target] of links) {
    const j = position.get(target);
    if (j === undefined) continue;
    const source = ids[i];
    const edge = { id: `${type}:${source}->${target}`, source, target, type, weight };
    if (j < i) owned[i].push({ edge, other: target });
    else owned[j].push({ edge, other: source });
    total++;
  }
  let perNode: number | null = null;
  if (total > maxEdges) {
    const longest = Math.max(...owned.map((l) => l.length));
    perNode = 1;
    for (let k = 2; k <= longest; k++) {
      let kept = 0;
      for (const l of owned) kept += Math.min(l.length, k);
      if (kept > maxEdges) break;
      perNode = k;
    }
  }
  const edges: GraphEdgeRow[] = [];
  for (const list of owned) {
    if (perNode !== null && list.length > perNode) list.sort(strongestFirst);
    for (const { edge } of perNode === null ? list : list.slice(0, perNode)) edges.push(edge);
  }
  return { edges, total, perNode };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function strongestFirst(a: OwnedEdge, b: OwnedEdge): number {
  return (b.edge.weight ?? 0) - (a.edge.weight ?? 0) || compare(a.edge.type, b.edge.type) || compare(a.other, b.other);
}

const NODE_SHAPE = (n: string) => `{id: ${n}.id, type: ${n}.type, label: ${n}.name, weight: toFloat(coalesce(${n}.mentionCount, 0))}`;

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
