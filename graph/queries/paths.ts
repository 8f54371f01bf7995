/**
 * "Hoe zijn deze twee verbonden?" with alternatives: the k shortest paths between two entities
 * (Neo4j's SHORTEST k), optionally never through a theme (or other types) or a hub. A hub is an
 * entity linked to more than HUB_SHARE of all entities (the publisher, a catch-all theme):
 * a path through it is short but says little. The two ends themselves are always allowed.
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

/** `k` is a whitelisted integer (1..MAX_PATHS), so it can stand in the query text. */
const PATHS = (k: number) => `
  MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  WITH a, b, CASE WHEN $avoidHubs THEN toInteger(COUNT { MATCH (e:Entity) RETURN e } * ${HUB_SHARE}) ELSE null END AS hubDegree
  MATCH p = SHORTEST ${k} (a)(()-[:${RELATION_PATTERN}]-(y:Entity WHERE y.id = $to OR (
      NOT y.type IN $avoidTypes
      AND (hubDegree IS NULL OR COUNT { (y)-[:${RELATION_PATTERN}]-(:Entity) } <= hubDegree)))){1,${MAX_PATH_LENGTH}}(b)
  WITH p, nodes(p) AS nodes
  WHERE length(p) <= $maxLength
  CALL (nodes) {
    UNWIND range(0, size(nodes) - 2) AS i
    WITH nodes[i] AS x, nodes[i + 1] AS y
    MATCH (x)-[r:${RELATION_PATTERN}]-(y)
    WITH startNode(r) AS s, endNode(r) AS e, type(r) AS type, sum(r.weight) AS weight
    RETURN collect({id: type + ':' + s.id + '->' + e.id, source: s.id, target: e.id, type: type, weight: weight}) AS edges
  }
  RETURN [n IN nodes | ${NODE_SHAPE('n')}] AS nodes, edges, length(p) AS length
  ORDER BY length`;

export interface PathOptions {
  from: string;
  to: string;
  maxLength: number;
  avoidTypes: readonly EntityType[];
  avoidHubs: boolean;
  first: number;
}

/** Up to `first` paths, shortest first; each path's nodes in order from `from` to `to`. */
export async function shortestPaths(ctx: ReadContext, opts: PathOptions): Promise<SubgraphRow[]> {
  const k = Math.max(1, Math.min(MAX_PATHS, Math.trunc(opts.first)));
  const maxLength = Math.max(1, Math.min(MAX_PATH_LENGTH, opts.maxLength));
  if (opts.from === opts.to) return [];
  const rows = await readRows(ctx, PATHS(k), {
    from: opts.from,
    to: opts.to,
    maxLength: int(maxLength),
    avoidTypes: [...opts.avoidTypes],
    avoidHubs: opts.avoidHubs,
  });
  return rows.map((r) => ({ nodes: r.nodes as GraphNodeRow[], edges: r.edges as GraphEdgeRow[] }));
}
