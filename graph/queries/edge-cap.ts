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

/**
 * The candidate edges as columns (graph/queries/subgraph.ts fills them from the query's lists):
 * position `i` < `count` is one edge. The same cap as capEdges without an object per edge: at 100x
 * a neighbourhood has ~3,700 candidates of which ~600 are kept, and the per-edge objects, the
 * per-owner lists and their sorts were a quarter of what the server allocated per request.
 */
export interface EdgeColumns {
  count: number;
  source: Int32Array;
  target: Int32Array;
  /** Index into `types`. */
  type: Int32Array;
  /** NaN: no weight (null). */
  weight: Float64Array;
  types: readonly string[];
}

/**
 * capEdges on columns: the positions (into the columns) of the kept edges, in the order capEdges
 * keeps them (no cap: every candidate in order; under the cap: owners in the order of their first
 * edge, each owner's kept edges strongest first), and `perNode` as capEdges gives it.
 */
export function capEdgeColumns(edges: EdgeColumns, ids: readonly string[], maxEdges: number): { kept: Int32Array; perNode: number | null } {
  const n = edges.count;
  if (n <= maxEdges) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return { kept: all, perNode: null };
  }
  const { source, target, type, weight } = edges;
  // each owner's edge count, and the owners in the order of their first edge
  const size = new Int32Array(ids.length);
  const owners: number[] = [];
  for (let i = 0; i < n; i++) {
    const owner = source[i] > target[i] ? source[i] : target[i];
    if (size[owner]++ === 0) owners.push(owner);
  }
  let longest = 0;
  for (const o of owners) if (size[o] > longest) longest = size[o];
  let perNode = 1;
  for (let k = 2; k <= longest; k++) {
    let sum = 0;
    for (const o of owners) sum += size[o] < k ? size[o] : k;
    if (sum > maxEdges) break;
    perNode = k;
  }
  // the edges grouped by owner (owners in first-edge order, each owner's edges in candidate order)
  const start = new Int32Array(ids.length);
  let offset = 0;
  for (const o of owners) {
    start[o] = offset;
    offset += size[o];
  }
  const grouped = new Int32Array(n);
  const fill = start.slice();
  for (let i = 0; i < n; i++) grouped[fill[source[i] > target[i] ? source[i] : target[i]]++] = i;
  const idRank = rankOf(ids);
  const typeRank = rankOf(edges.types);
  let keptCount = 0;
  for (const o of owners) keptCount += size[o] < perNode ? size[o] : perNode;
  const kept = new Int32Array(keptCount);
  // ahead(a, b): edge a ranks before edge b of the same owner (capEdges' order)
  let owner = 0;
  const ahead = (a: number, b: number): boolean =>
    (columnWeight(weight[b]) - columnWeight(weight[a]) ||
      typeRank[type[a]] - typeRank[type[b]] ||
      idRank[source[a] === owner ? target[a] : source[a]] - idRank[source[b] === owner ? target[b] : source[b]] ||
      source[b] - source[a]) < 0;
  let k = 0;
  for (const o of owners) {
    const from = start[o];
    const to = from + size[o];
    if (size[o] <= perNode) {
      for (let i = from; i < to; i++) kept[k++] = grouped[i];
      continue;
    }
    // the owner's best perNode edges, by insertion into its part of `kept` (perNode is small: no sort of all its edges)
    owner = o;
    const first = k;
    let filled = 0;
    for (let i = from; i < to; i++) {
      const e = grouped[i];
      if (filled === perNode && !ahead(e, kept[first + filled - 1])) continue;
      let j = filled === perNode ? filled - 1 : filled++;
      while (j > 0 && ahead(e, kept[first + j - 1])) {
        kept[first + j] = kept[first + j - 1];
        j--;
      }
      kept[first + j] = e;
    }
    k += perNode;
  }
  return { kept, perNode };
}

/** rankWeight for a column's weight (NaN: null). */
const columnWeight = (w: number) => (w !== w ? Infinity : w);
