/**
 * "Hoe zijn deze twee verbonden?" with alternatives: the shortest path between two entities
 * and up to k − 1 others, optionally never through a theme (or other types) or a hub. A hub is
 * an entity linked to more than HUB_SHARE of all entities (the publisher, a catch-all theme):
 * a path through it is short but says little. The two ends themselves are always allowed.
 *
 * Alternatives in the manner of Yen's algorithm, one level deep: the shortest path that
 * avoids one of the inner nodes of the first, for each of them. Each is one breadth-first
 * search (shortestPath); asking Neo4j for SHORTEST k directly walks every trail when fewer
 * than k exist, and counts the same nodes again for every parallel (per-document) relationship.
 */
import type { EntityType } from '../../import/types.ts';
import { RELATION_PATTERN } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import { MAX_PATH_LENGTH, type GraphEdgeRow, type GraphNodeRow, type SubgraphRow } from './subgraph.ts';

/** An entity linked to more than this share of all entities is a hub. */
export const HUB_SHARE = 0.05;
/** At most this many alternatives. */
export const MAX_PATHS = 5;

const NODE_SHAPE = (n: string) => `{id: ${n}.id, type: ${n}.type, label: ${n}.name, weight: toFloat(coalesce(${n}.mentionCount, 0))}`;

/**
 * For each list of ids in $excludes: the node ids of the shortest allowed path from $from to
 * $to (none: no row). Allowed: the target, or a node not excluded, of no avoided type, no hub.
 */
const SHORTEST_AVOIDING = `
  MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  WITH a, b, CASE WHEN $avoidHubs THEN toInteger(COUNT { MATCH (e:Entity) RETURN e } * ${HUB_SHARE}) ELSE null END AS hubDegree
  UNWIND range(0, size($excludes) - 1) AS i
  CALL (a, b, hubDegree, i) {
    WITH a, b, hubDegree, $excludes[i] AS exclude
    // A universal node predicate: Neo4j checks it during the breadth-first search.
    MATCH p = shortestPath((a)-[:${RELATION_PATTERN}*..${MAX_PATH_LENGTH}]-(b))
    WHERE all(y IN nodes(p) WHERE y = a OR y = b OR (
        NOT y.id IN exclude
        AND NOT y.type IN $avoidTypes
        AND (hubDegree IS NULL OR COUNT { (y)-[:${RELATION_PATTERN}]-(:Entity) } <= hubDegree)))
    WITH p WHERE length(p) <= $maxLength
    RETURN [n IN nodes(p) | n.id] AS ids
  }
  RETURN i, ids`;

/** Nodes and edges (one per relation type and pair, weights summed) of paths given as id lists. */
const PATH_SHAPES = `
  UNWIND range(0, size($paths) - 1) AS i
  CALL (i) {
    UNWIND range(0, size($paths[i]) - 1) AS j
    MATCH (n:Entity {id: $paths[i][j]})
    WITH j, n ORDER BY j
    RETURN collect(n) AS nodes
  }
  CALL (nodes) {
    UNWIND range(0, size(nodes) - 2) AS j
    WITH nodes[j] AS x, nodes[j + 1] AS y
    MATCH (x)-[r:${RELATION_PATTERN}]-(y)
    WITH startNode(r) AS s, endNode(r) AS e, type(r) AS type, sum(r.weight) AS weight
    RETURN collect({id: type + ':' + s.id + '->' + e.id, source: s.id, target: e.id, type: type, weight: weight}) AS edges
  }
  RETURN i, [n IN nodes | ${NODE_SHAPE('n')}] AS nodes, edges
  ORDER BY i`;

export interface PathOptions {
  from: string;
  to: string;
  maxLength: number;
  avoidTypes: readonly EntityType[];
  avoidHubs: boolean;
  first: number;
}

/** Up to `first` different paths, shortest first; each path's nodes in order from `from` to `to`. */
export async function shortestPaths(ctx: ReadContext, opts: PathOptions): Promise<SubgraphRow[]> {
  const k = Math.max(1, Math.min(MAX_PATHS, Math.trunc(opts.first)));
  const maxLength = Math.max(1, Math.min(MAX_PATH_LENGTH, opts.maxLength));
  if (opts.from === opts.to) return [];
  const base = { from: opts.from, to: opts.to, maxLength: int(maxLength), avoidTypes: [...opts.avoidTypes], avoidHubs: opts.avoidHubs };

  const [first] = await readRows(ctx, SHORTEST_AVOIDING, { ...base, excludes: [[]] });
  if (!first) return [];
  const paths: string[][] = [first.ids as string[]];
  const inner = paths[0].slice(1, -1);
  if (k > 1 && inner.length > 0) {
    const rows = await readRows(ctx, SHORTEST_AVOIDING, { ...base, excludes: inner.map((id) => [id]) });
    const seen = new Set(paths.map((p) => p.join('\u0000')));
    const others = rows
      .map((r) => r.ids as string[])
      .filter((ids) => { const key = ids.join('\u0000'); if (seen.has(key)) return false; seen.add(key); return true; })
      .sort((x, y) => x.length - y.length);
    paths.push(...others.slice(0, k - 1));
  }
  const shaped = await readRows(ctx, PATH_SHAPES, { paths });
  return shaped.map((r) => ({ nodes: r.nodes as GraphNodeRow[], edges: r.edges as GraphEdgeRow[] }));
}
