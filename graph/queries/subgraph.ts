/**
 * Subgraphs for the explorer, shaped for Cytoscape: the neighbourhood of an entity and the
 * shortest path between two. Entity-to-entity relations only (no sections, no documents);
 * the per-document relationships of one (type, source, target) are summed into one edge.
 */
import type { EntityType } from '../../import/types.ts';
import { HUB_HEAD_LENGTH } from '../hub-neighbours.ts';
import { PAIR_LINK, PAIR_LINK_PREFIX } from '../pair-links.ts';
import { capEdgeColumns, type EdgeColumns } from './edge-cap.ts';
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
 * Every edge among `nodes`: one per (type, source, target), read from its pair link
 * (graph/pair-links.ts), each found once, from its source (a hub's outgoing links are few; its
 * thousands of incoming ones are not expanded). Every outgoing link of the nodes is returned, and
 * those whose target is not among them (or is the source itself) are dropped in JS: an entity has
 * at most a few dozen outgoing links (39 at 100x), and at 100x 3,963 links are shipped for 3,653
 * edges, while testing membership in Neo4j (`id(b) IN handles AND b <> a`, a hashed list lookup
 * and a node comparison per link) cost ~0.5 ms more of its CPU per request than reading and
 * shipping the other 310. The cap (graph/queries/edge-cap.ts) is applied in
 * JS, where grouping the edges by their owner (the end later in the answer) is a lookup by
 * position and ranking an owner's edges a sort of plain values: in Cypher the owner needed a list
 * membership test per edge and the ranking a sort of rows with relationship properties read again,
 * together three quarters of the query's time on a large graph.
 *
 * The relation type is the link's relationship type (`type(link)`, no property read: only `weight`
 * is read, a few thousand times per request on a large graph).
 *
 * Shipped per relation type (a few thousand edges on a large graph, so the driver decodes six type
 * strings instead of one per edge: a third less client CPU), as flat lists of ints: the source as
 * its position in `nodes` (found for free while walking them; small ints, which the driver
 * decodes without allocating), the target as its internal id (mapped back to a position in JS,
 * valid within this one answer): Neo4j packs and the driver decodes a list of ints much faster
 * than tuples of id strings. (`id()` is deprecated as a way to find a node again later; it is
 * used here only to join two lists of the same answer.)
 */
const EDGES = `
  CALL (nodes) {
    UNWIND range(0, size(nodes) - 1) AS source
    WITH source, nodes[source] AS a
    // every outgoing link: membership (and a link of a node to itself) is tested in JS (subgraphOf)
    MATCH (a)-[link:${PAIR_LINK}]->(b)
    WITH type(link) AS type, collect(source) AS sources, collect(id(b)) AS targets, collect(link.weight) AS weights
    RETURN collect(substring(type, ${PAIR_LINK_PREFIX.length})) AS edgeTypes, collect(sources) AS sources, collect(targets) AS targets, collect(weights) AS weights
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
 * Candidates are rows (mentions, id, node or null for a hub's list entry), not a list per candidate:
 * building and indexing ~1200 small lists per level cost ~0.4 ms of Neo4j CPU per request at 100x.
 */
const NEXT_LEVEL = (frontier: string, seen: string, depth: number, found: string) => `
  CALL (${frontier}, ${seen}) {
    WITH ${frontier} AS frontier, ${seen} AS seen
    WHERE $depth >= ${depth} AND size(seen) < $limit
    UNWIND frontier AS f
    // a hub is known by its short head list (testing the full one decodes all its entries), read once here: Neo4j decodes
    // a stored list of ints bit by bit on every read, and testing it in each branch and reading it again took three
    WITH seen, f, CASE WHEN $types IS NULL THEN f.topNeighbourCountsHead END AS head
    CALL (f, head) {
      WITH f WHERE head IS NULL
      MATCH (f)-[:${PAIR_LINK}]-(n)
      WHERE $types IS NULL OR n.type IN $types
      WITH DISTINCT n
      ORDER BY n.mentionCount DESC, n.id
      LIMIT $limit
      RETURN coalesce(n.mentionCount, 0) AS mentions, n.id AS id, n AS node
      UNION ALL
      WITH f, head WHERE head IS NOT NULL
      // bound once per hub, not left to the planner's property caching (with another test of the branch, a plan made on the corpus read the counts again for every k)
      WITH CASE WHEN $limit <= ${HUB_HEAD_LENGTH} THEN [f.topNeighboursHead, head] ELSE [f.topNeighbours, f.topNeighbourCounts] END AS lists
      WITH lists[0][..$limit] AS listed, lists[1][..$limit] AS counts
      UNWIND range(0, size(listed) - 1) AS k
      RETURN counts[k] AS mentions, listed[k] AS id, null AS node
    }
    WITH seen, mentions, id, node WHERE NOT id IN seen
    // grouped by the room (a number), not by the list of ids seen: hashing that list per candidate costs more than the rest
    WITH $limit - size(seen) AS room, id, max(mentions) AS mentions, head(collect(node)) AS node
    ORDER BY mentions DESC, id
    WITH room, collect([id, node]) AS ranked
    UNWIND ranked[..room] AS pick
    // only a hub's list entry is looked up (a filter in a union branch ran after the seek, for every pick)
    OPTIONAL CALL (pick) {
      UNWIND CASE WHEN pick[1] IS NULL THEN [pick[0]] ELSE [] END AS listed
      MATCH (n:Entity {id: listed})
      RETURN n AS looked
    }
    RETURN collect(coalesce(pick[1], looked)) AS ${found}
  }`;

/** Each level is in rank order: nearer levels first. `seenN`: the ids of the levels up to N. */
export const NEIGHBOURHOOD_NODES = `
  MATCH (start:Entity {id: $id})
  WITH [start] AS level0, [start.id] AS seen0
  ${NEXT_LEVEL('level0', 'seen0', 1, 'level1')}
  WITH level0, level1, seen0 + [n IN level1 | n.id] AS seen1
  ${NEXT_LEVEL('level1', 'seen1', 2, 'level2')}
  WITH level0, level1, level2, seen1 + [n IN level2 | n.id] AS seen2
  ${NEXT_LEVEL('level2', 'seen2', 3, 'level3')}
  // a list built element by element: scanning the lazy concatenation of the levels is slower
  WITH [n IN (level0 + level1 + level2 + level3)[..$limit] | n] AS nodes`;

export const NEIGHBOURHOOD = `${NEIGHBOURHOOD_NODES}
  ${EDGES}
  RETURN [n IN nodes | id(n)] AS handles, [n IN nodes | n.id] AS ids, [n IN nodes | n.type] AS types, [n IN nodes | n.name] AS labels,
         [n IN nodes | n.mentionCount] AS mentions, edgeTypes, sources, targets, weights`;

export async function neighbourhood(
  ctx: ReadContext,
  opts: { id: string; depth: number; types: readonly EntityType[] | null; limit: number; maxEdges?: number },
): Promise<SubgraphRow | null> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, opts.depth));
  const types = opts.types && opts.types.length > 0 ? [...opts.types] : null;
  const limit = Math.max(1, opts.limit);
  const maxEdges = Math.max(1, Math.min(MAX_EDGES, opts.maxEdges ?? EDGES_PER_LIMIT * limit));
  const rows = await readRows(ctx, NEIGHBOURHOOD, { id: opts.id, depth: int(depth), types, limit: int(limit) });
  return rows.length === 0 ? null : subgraphOf(rows[0], maxEdges);
}

/** The neighbourhood's answer from its one row (NEIGHBOURHOOD's lists), under the edge cap. Pure. */
export function subgraphOf(row: Record<string, unknown>, maxEdges: number): SubgraphRow {
  const ids = row.ids as string[];
  const nodeTypes = row.types as EntityType[];
  const labels = row.labels as string[];
  const mentions = row.mentions as (number | null)[];
  const handles = row.handles as number[];
  const position = new Map<number, number>();
  const nodes: GraphNodeRow[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    position.set(handles[i], i);
    nodes[i] = { id: ids[i], type: nodeTypes[i], label: labels[i], weight: mentions[i] ?? 0 };
  }
  const edgeTypes = row.edgeTypes as string[];
  const sources = row.sources as number[][];
  const targets = row.targets as number[][];
  const weights = row.weights as (number | null)[][];
  let links = 0;
  for (let t = 0; t < sources.length; t++) links += sources[t].length;
  // the candidates as columns (graph/queries/edge-cap.ts), not an object each
  const candidates: EdgeColumns = {
    count: 0,
    source: new Int32Array(links),
    target: new Int32Array(links),
    type: new Int32Array(links),
    weight: new Float64Array(links),
    types: edgeTypes,
  };
  let count = 0;
  for (let t = 0; t < edgeTypes.length; t++) {
    const from = sources[t];
    const to = targets[t];
    const weight = weights[t];
    for (let i = 0; i < from.length; i++) {
      const target = position.get(to[i]);
      // a link to a node outside the answer, or of a node to itself
      if (target === undefined || target === from[i]) continue;
      const w = weight[i];
      candidates.source[count] = from[i];
      candidates.target[count] = target;
      candidates.type[count] = t;
      candidates.weight[count] = w === null ? NaN : w;
      count++;
    }
  }
  candidates.count = count;
  const { kept, perNode } = capEdgeColumns(candidates, ids, maxEdges);
  const edges: GraphEdgeRow[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    const type = edgeTypes[candidates.type[k]];
    const source = ids[candidates.source[k]];
    const target = ids[candidates.target[k]];
    const w = candidates.weight[k];
    edges[i] = { id: `${type}:${source}->${target}`, source, target, type, weight: w !== w ? null : w };
  }
  return { nodes, edges, edgesOmitted: count - kept.length, edgesPerNode: perNode };
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
