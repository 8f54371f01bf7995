/**
 * Subgraphs for the explorer, shaped for Cytoscape: the neighbourhood of an entity and the
 * shortest path between two. Entity-to-entity relations only (no sections, no documents);
 * the per-document relationships of one (type, source, target) are summed into one edge.
 */
import type { EntityType } from '../../import/types.ts';
import { HUB_HEAD_LENGTH } from '../hub-neighbours.ts';
import { OUT_LINK_END, OUT_LINK_FIELD, PAIR_LINK } from '../pair-links.ts';
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

/** The summaries' marks (graph/pair-links.ts OUT_LINKS), as local constants. */
const END = OUT_LINK_END;
const FIELD = OUT_LINK_FIELD;
/** The relation types in RELATION_PATTERN order: an `outLinks` entry names its type by its position here. */
const RELATION_TYPES = RELATION_PATTERN.split('|');

/**
 * Every edge among the nodes: one per (type, source, target), read from the pair links
 * (graph/pair-links.ts) through each node's summary of its outgoing links (`outLinks`, one string:
 * per link the relation type's position, the weight and the target's id; kept by the importer with
 * the links, in the same transaction), so each edge is found once, from its source. The links to
 * nodes outside the answer are dropped in JS (subgraphOf), and the cap (graph/queries/edge-cap.ts)
 * is applied there too.
 *
 * Expanding the ~4,000 outgoing links of a 100x two-step neighbourhood and reading each one's
 * weight cost Neo4j ~3 ms of CPU per request (more than the node part); reading one string per
 * node is little more than a copy of its bytes (bench/api/time-cypher.ts at 100x, Neo4j CPU per
 * query: 6.9-7.2 ms with the expansion, 4.3-4.6 ms with the summaries, 3.9-4.1 ms for the nodes
 * alone). Reading the summaries costs the server more than the lists of ints did (~0.8 against
 * ~0.25 ms for subgraphOf on the 100x answer: ~4,000 targets found by their id strings).
 *
 * The edges come grouped by relation type (in RELATION_PATTERN order), each type's by source (in
 * answer order), each source's by target id: a fixed order, where before it was the order in which
 * Neo4j's store happened to give each node's links.
 */
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
  RETURN [n IN nodes | n.id] AS ids, [n IN nodes | n.type] AS types, [n IN nodes | n.name] AS labels,
         [n IN nodes | n.mentionCount] AS mentions, [n IN nodes | n.outLinks] AS outLinks`;

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
  const nodes: GraphNodeRow[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) nodes[i] = { id: ids[i], type: nodeTypes[i], label: labels[i], weight: mentions[i] ?? 0 };
  const positions = new IdTable(ids);
  const outLinks = row.outLinks as (string | null)[];
  let bound = 0;
  for (const data of outLinks) {
    if (data === null) continue;
    for (let at = data.indexOf(END); at !== -1; at = data.indexOf(END, at + 1)) bound++;
  }
  const candidates: EdgeColumns = {
    count: 0,
    source: new Int32Array(bound),
    target: new Int32Array(bound),
    type: new Int32Array(bound),
    weight: new Float64Array(bound),
    types: [],
  };
  // each summary holds its links by relation type position (one digit), then target id: the candidates are grouped
  // by relation type (in RELATION_PATTERN order), each type's by source, with a cursor per node into its summary
  const cursor = new Int32Array(ids.length);
  const edgeTypes: string[] = [];
  let count = 0;
  for (let t = 0; t < RELATION_TYPES.length; t++) {
    const digit = 48 + t;
    let seen = false;
    for (let source = 0; source < ids.length; source++) {
      const data = outLinks[source];
      if (data === null) continue;
      let at = cursor[source];
      while (at < data.length && data.charCodeAt(at) === digit) {
        const field = data.indexOf(FIELD, at + 1);
        const end = data.indexOf(END, field + 1);
        const target = positions.find(data, field + 1, end);
        // a link to a node outside the answer (a link of a node to itself is not in the summary)
        if (target !== -1) {
          if (!seen) {
            seen = true;
            edgeTypes.push(RELATION_TYPES[t]);
          }
          candidates.source[count] = source;
          candidates.target[count] = target;
          candidates.type[count] = edgeTypes.length - 1;
          candidates.weight[count] = parseWeight(data, at + 1, field);
          count++;
        }
        at = end + 1;
      }
      cursor[source] = at;
    }
  }
  candidates.types = edgeTypes;
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

/**
 * The answer's ids by position, looked up by a part of a summary string without cutting it out:
 * open addressing on a hash of the characters, checked by comparing them. (Measured no faster than a
 * Map of the ids and a cut-out string per target, but it allocates nothing per target.)
 */
class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(private readonly ids: readonly string[]) {
    let size = 16;
    while (size < ids.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      let slot = hashOf(ids[i], 0, ids[i].length) & this.mask;
      while (this.slots[slot] !== -1) {
        if (ids[this.slots[slot]] === ids[i]) break;
        slot = (slot + 1) & this.mask;
      }
      // the first position of an id (an answer holds each node once)
      if (this.slots[slot] === -1) this.slots[slot] = i;
    }
  }

  /** The position of the id `text[from, to)`, or -1. */
  find(text: string, from: number, to: number): number {
    const length = to - from;
    for (let slot = hashOf(text, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const i = this.slots[slot];
      if (i === -1) return -1;
      const id = this.ids[i];
      if (id.length === length && text.startsWith(id, from)) return i;
    }
  }
}

/**
 * A hash of a few of the id's characters (the last four, where copies and homonyms differ, and the
 * middle one) and its length: the lookup compares the whole id anyway, and hashing every character
 * of the ~4,000 targets was a third of the lookups' time.
 */
function hashOf(text: string, from: number, to: number): number {
  const length = to - from;
  let h = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  if (length >= 4) {
    h = Math.imul(h ^ text.charCodeAt(to - 1), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(to - 2), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(to - 3), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(to - 4), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(from + (length >> 1)), 0x01000193);
  } else {
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The number written at `text[from, to)` (Cypher's toString of a float), as Number() reads it:
 * plain decimals of at most 15 digits (the weights almost always: 0.5, 1.0, 0.25) are read here, as
 * their digits (an integer below 2^53, exact) divided by a power of ten (exact up to 10^22): one
 * correctly rounded division, so the same double as Number()'s; anything else (an exponent, more
 * digits) by Number(). (Allocates no string per weight; measured no faster than Number() on one.)
 */
function parseWeight(text: string, from: number, to: number): number {
  let digits = 0;
  let value = 0;
  let fraction = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++digits > 15) return Number(text.slice(from, to));
    } else if (c === 46 && fraction === -1) fraction = to - i - 1;
    else return Number(text.slice(from, to));
  }
  if (digits === 0) return Number(text.slice(from, to));
  return fraction > 0 ? value / TEN_POWERS[fraction] : value;
}

const TEN_POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

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
