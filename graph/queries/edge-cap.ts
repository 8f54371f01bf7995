/**
 * The neighbourhood's edge cap, applied to the edges among its nodes (graph/queries/subgraph.ts
 * reads them; the rule is documented there and in the schema). Pure: no Neo4j.
 *
 * Each edge belongs to its end that comes later in the answer (its owner) and links it "upwards".
 * When there are more than `maxEdges`, every owner keeps only its `perNode` strongest upward edges
 * (weight, highest first, then type, then the other end's id), `perNode` the largest number for
 * which the kept edges fit in `maxEdges` (at least 1).
 */

export interface CandidateEdge {
  /** Positions of the two ends in the answer's node list. */
  source: number;
  target: number;
  type: string;
  weight: number | null;
}

export interface CappedEdges<E extends CandidateEdge> {
  kept: E[];
  /** Upward edges each owner kept; null when nothing was left out. */
  perNode: number | null;
}

/** `ids`: the node ids in answer order (the last ranking key). */
export function capEdges<E extends CandidateEdge>(edges: readonly E[], ids: readonly string[], maxEdges: number): CappedEdges<E> {
  if (edges.length <= maxEdges) return { kept: edges.slice(), perNode: null };
  // by owner position; the owners in the order of their first edge, which is the order kept
  const byOwner: E[][] = new Array(ids.length);
  const owners: number[] = [];
  for (const e of edges) {
    const owner = e.source > e.target ? e.source : e.target;
    const list = byOwner[owner];
    if (list) list.push(e);
    else {
      byOwner[owner] = [e];
      owners.push(owner);
    }
  }
  const sizes = owners.map((o) => byOwner[o].length);
  const longest = Math.max(...sizes);
  let perNode = 1;
  for (let k = 2; k <= longest; k++) {
    let sum = 0;
    for (const s of sizes) sum += s < k ? s : k;
    if (sum > maxEdges) break;
    perNode = k;
  }
  // the other end's id compared as its rank among the ids: numbers, not strings, in the sorts below
  const idRank = rankOf(ids);
  const kept: E[] = [];
  for (const owner of owners) {
    const list = byOwner[owner];
    if (list.length > perNode) {
      list.sort(
        (a, b) =>
          rankWeight(b.weight) - rankWeight(a.weight) ||
          compare(a.type, b.type) ||
          idRank[a.source === owner ? a.target : a.source] - idRank[b.source === owner ? b.target : b.source] ||
          b.source - a.source,
      );
    }
    for (let k = 0; k < list.length && k < perNode; k++) kept.push(list[k]);
  }
  return { kept, perNode };
}

/** Each position's rank when `ids` are sorted as compare() orders them. */
function rankOf(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => compare(ids[a], ids[b]));
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}

/** Cypher's descending order puts null first. */
const rankWeight = (w: number | null) => (w === null ? Infinity : w);
/** Cypher compares strings by code point, as `<` does for the strings we store. */
const compare = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);
