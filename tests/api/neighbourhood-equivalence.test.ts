/**
 * The neighbourhood's edges are capped in JS now (graph/queries/edge-cap.ts); before, the whole
 * cap ran in Cypher. Against the real Neo4j and the corpus, the answer is the same as the previous
 * query's (kept here, frozen, as the reference) for many starts, depths, limits and caps: the same
 * nodes in the same order, the same edges with the same weights, the same omission figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NEIGHBOURHOOD_NODES, neighbourhood, type SubgraphRow } from '../../graph/queries/subgraph.ts';
import { int, readRows, type ReadContext } from '../../graph/queries/run.ts';
import { PAIR_LINK, PAIR_LINK_PREFIX } from '../../graph/pair-links.ts';
import { closeTestDriver } from '../setup/neo4j.ts';
import { corpusReadContext } from './harness.ts';

/** The previous query's edge part (graph/queries/subgraph.ts before the cap moved to JS; the relation type read from the link's relationship type since it is stored there). */
const PREVIOUS_EDGES = `
  CALL (nodes) {
    UNWIND range(0, size(nodes) - 1) AS i
    WITH nodes[i] AS a, nodes[..i] AS earlier, nodes
    MATCH (a)-[link:${PAIR_LINK}]->(b)
    WHERE b IN nodes AND b <> a
    WITH link, CASE WHEN b IN earlier THEN a ELSE b END AS owner
    WITH owner, collect(link) AS upward
    WITH collect(owner) AS owners, collect(upward) AS lists
    WITH owners, lists, reduce(s = 0, l IN lists | s + size(l)) AS total
    WITH owners, lists, total, CASE WHEN total <= $maxEdges THEN null ELSE last([1] + [k IN range(2, reduce(m = 0, l IN lists | CASE WHEN size(l) > m THEN size(l) ELSE m END))
      WHERE reduce(s = 0, l IN lists | s + CASE WHEN size(l) < k THEN size(l) ELSE k END) <= $maxEdges]) END AS perNode
    CALL (owners, lists, perNode) {
      CALL (owners, lists, perNode) {
        UNWIND lists AS l
        WITH l WHERE perNode IS NULL OR size(l) <= perNode
        UNWIND l AS e
        RETURN e
        UNION ALL
        UNWIND range(0, size(lists) - 1) AS li
        WITH li, lists[li] AS l, owners[li] AS owner WHERE perNode IS NOT NULL AND size(l) > perNode
        UNWIND l AS e
        WITH li, e, CASE WHEN startNode(e) = owner THEN endNode(e) ELSE startNode(e) END AS other
        ORDER BY li, e.weight DESC, type(e), other.id
        WITH li, collect(e) AS ranked
        UNWIND ranked[..perNode] AS e
        RETURN e
      }
      RETURN collect(substring(type(e), ${PAIR_LINK_PREFIX.length})) AS edgeTypes, collect(id(startNode(e))) AS sources, collect(id(endNode(e))) AS targets, collect(e.weight) AS weights
    }
    RETURN total, perNode, edgeTypes, sources, targets, weights
  }`;


const PREVIOUS = `${NEIGHBOURHOOD_NODES}
  ${PREVIOUS_EDGES}
  RETURN [n IN nodes | id(n)] AS handles, [n IN nodes | n.id] AS ids, total, perNode, edgeTypes, sources, targets, weights`;

let read: ReadContext;

beforeAll(async () => {
  read = await corpusReadContext();
}, 300_000);

afterAll(async () => {
  await closeTestDriver();
});

interface Case { id: string; depth: number; limit: number; maxEdges: number }

async function previous(c: Case) {
  const [row] = await readRows(read, PREVIOUS, { id: c.id, depth: int(c.depth), types: null, limit: int(c.limit), maxEdges: int(c.maxEdges) });
  const handles = row.handles as number[];
  const ids = row.ids as string[];
  const idOf = new Map(handles.map((h, i) => [h, ids[i]]));
  const types = row.edgeTypes as string[];
  const sources = row.sources as number[];
  const targets = row.targets as number[];
  const weights = row.weights as number[];
  const edges = types.map((type, i) => `${type}:${idOf.get(sources[i])}->${idOf.get(targets[i])} ${weights[i]}`);
  return { nodes: ids, edges: edges.sort(), omitted: (row.total as number) - edges.length, perNode: row.perNode as number | null };
}

const now = (s: SubgraphRow) => ({
  nodes: s.nodes.map((n) => n.id),
  edges: s.edges.map((e) => `${e.id} ${e.weight}`).sort(),
  omitted: s.edgesOmitted,
  perNode: s.edgesPerNode,
});

describe('neighbourhood edges capped in JS', () => {
  it('gives the previous query\'s answer, capped or not', async () => {
    const starts = (await readRows(read, `
      MATCH (e:Entity) WITH e ORDER BY e.mentionCount DESC, e.id LIMIT 30 RETURN collect(e.id) AS ids`, {}))[0].ids as string[];
    const cases: Case[] = starts.flatMap((id) =>
      [1, 2, 3].flatMap((depth) => [[150, 600], [150, 120], [40, 15], [500, 5000], [60, 1]].map(([limit, maxEdges]) => ({ id, depth, limit, maxEdges }))),
    );
    let capped = 0;
    for (const c of cases) {
      const expected = await previous(c);
      const actual = now((await neighbourhood(read, { ...c, types: null }))!);
      expect(actual, JSON.stringify(c)).toEqual(expected);
      if (expected.perNode !== null) capped++;
    }
    // the cap really was exercised, at several per-node counts
    expect(capped).toBeGreaterThan(cases.length / 4);
  });
});
