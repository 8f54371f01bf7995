/**
 * The neighbourhood's edge cap (`maxEdges`) against the real Neo4j and the corpus: under the cap
 * the answer holds every edge among its nodes; over it each node keeps its strongest upward edges
 * (towards nodes earlier in the answer), the same number for every node, the picture stays
 * connected, and the answer says how many edges were left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RELATION_PATTERN } from '../../graph/queries/model.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { ensureCorpus, expectCleanErrors, startApp, type RunningApp } from './harness.ts';

interface Node { id: string }
interface Edge { id: string; source: string; target: string; type: string; weight: number | null }
interface Sub { nodes: Node[]; edges: Edge[]; edgesOmitted: number; edgesPerNode: number | null }

let app: RunningApp;

const Q = `query($id: ID!, $depth: Int, $maxEdges: Int) {
  neighbourhood(id: $id, depth: $depth, maxEdges: $maxEdges) {
    nodes { id } edges { id source target type weight } edgesOmitted edgesPerNode } }`;

async function sub(id: string, depth: number, maxEdges?: number): Promise<Sub> {
  const res = await app.gql<{ neighbourhood: Sub }>(Q, { id, depth, maxEdges });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.neighbourhood;
}

/** The most mentioned person whose two-step neighbourhood has many edges. */
let focus: string;
let full: Sub;

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  app = await startApp({ cache: false });
  const { body } = await app.gql<{ people: Node[] }>('{ people(first: 10) { id } }');
  let best = -1;
  for (const p of body.data!.people) {
    const s = await sub(p.id, 2, 5000);
    if (s.edges.length > best) {
      best = s.edges.length;
      focus = p.id;
      full = s;
    }
  }
}, 300_000);

afterAll(async () => {
  await app?.close();
  await closeTestDriver();
});

describe('neighbourhood edge cap', () => {
  it('shows every edge among the nodes when they fit, and says nothing was left out', async () => {
    expect(full.edges.length).toBeGreaterThan(full.nodes.length); // a dense answer: a real test of the cap below
    expect(full.edgesOmitted).toBe(0);
    expect(full.edgesPerNode).toBeNull();
    const byDefault = await sub(focus, 2);
    if (full.edges.length <= 4 * 150) {
      expect(byDefault.edges.map((e) => e.id).sort()).toEqual(full.edges.map((e) => e.id).sort());
      expect(byDefault.edgesOmitted).toBe(0);
    }
  });

  it('holds exactly the relations among its nodes, each summed over its documents (read here from the per-document relationships)', async () => {
    const ids = full.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const session = testDriver().session({ database: testNeo4j().database });
    let want: Map<string, number>;
    try {
      const res = await session.run(
        `MATCH (a:Entity)-[r:${RELATION_PATTERN}]->(b:Entity)
         WHERE a.id IN $ids AND b.id IN $ids AND a <> b
         RETURN type(r) + ':' + a.id + '->' + b.id AS id, sum(r.weight) AS weight`,
        { ids },
      );
      want = new Map(res.records.map((r) => [r.get('id') as string, Number(r.get('weight'))]));
    } finally {
      await session.close();
    }
    expect(full.edges.map((e) => e.id).sort()).toEqual([...want.keys()].sort());
    for (const e of full.edges) {
      expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
      expect(e.weight!).toBeCloseTo(want.get(e.id)!, 9);
    }
    // depth 0: the entity alone, with nothing to link
    const alone = await sub(focus, 0);
    expect(alone.nodes.map((n) => n.id)).toEqual([focus]);
    expect(alone.edges).toEqual([]);
    expect(alone.edgesOmitted).toBe(0);
  });

  it('over the cap: upward edges only, the strongest of each node, connected, and the omission reported', async () => {
    const maxEdges = full.nodes.length; // room for about one edge per node
    const capped = await sub(focus, 2, maxEdges);
    expect(capped.nodes.map((n) => n.id)).toEqual(full.nodes.map((n) => n.id)); // the cap is on edges only
    expect(capped.edgesOmitted).toBeGreaterThan(0);
    expect(capped.edges.length + capped.edgesOmitted).toBe(full.edges.length);
    const k = capped.edgesPerNode!;
    expect(k).toBeGreaterThanOrEqual(1);
    if (k > 1) expect(capped.edges.length).toBeLessThanOrEqual(maxEdges);

    const position = new Map(full.nodes.map((n, i) => [n.id, i]));
    const owner = (e: Edge) => (position.get(e.source)! > position.get(e.target)! ? e.source : e.target);
    const fullById = new Map(full.edges.map((e) => [e.id, e]));
    const kept = new Set(capped.edges.map((e) => e.id));
    const perOwner = new Map<string, { kept: Edge[]; dropped: Edge[] }>();
    for (const e of full.edges) {
      const o = owner(e);
      const entry = perOwner.get(o) ?? { kept: [], dropped: [] };
      (kept.has(e.id) ? entry.kept : entry.dropped).push(e);
      perOwner.set(o, entry);
    }
    for (const e of capped.edges) expect(fullById.get(e.id)).toEqual(e); // same edge, same weight
    for (const [, { kept: mine, dropped }] of perOwner) {
      // every node keeps min(k, its upward edges), and none it dropped is stronger than one it kept
      expect(mine.length).toBe(Math.min(k, mine.length + dropped.length));
      const weakestKept = Math.min(...mine.map((e) => e.weight ?? 0));
      for (const d of dropped) expect(d.weight ?? 0).toBeLessThanOrEqual(weakestKept);
    }

    // connected: every node reaches the start through the kept edges
    const links = new Map<string, string[]>();
    for (const e of capped.edges) {
      links.set(e.source, [...(links.get(e.source) ?? []), e.target]);
      links.set(e.target, [...(links.get(e.target) ?? []), e.source]);
    }
    const reached = new Set([focus]);
    const queue = [focus];
    while (queue.length) for (const next of links.get(queue.shift()!) ?? []) if (!reached.has(next)) reached.add(next), queue.push(next);
    expect(reached.size).toBe(capped.nodes.length);

    // a larger cap keeps at least as many edges per node
    const wider = await sub(focus, 2, maxEdges * 2);
    expect(wider.edgesPerNode ?? Infinity).toBeGreaterThanOrEqual(k);
  });

  it('refuses a maxEdges out of range, naming the limit; paths report no omission', async () => {
    for (const maxEdges of [0, 5001]) {
      const res = await app.gql(Q, { id: focus, depth: 1, maxEdges });
      expectCleanErrors(res.body, expect);
      expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toMatch(/maxEdges.*5000/);
    }
    const to = full.nodes[full.nodes.length - 1].id;
    const { body } = await app.gql<{ path: Sub }>('query($a: ID!, $b: ID!) { path(from: $a, to: $b) { edges { id } edgesOmitted edgesPerNode } }', { a: focus, b: to });
    expect(body.data!.path.edgesOmitted).toBe(0);
    expect(body.data!.path.edgesPerNode).toBeNull();
  });
});
