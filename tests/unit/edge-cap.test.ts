/** The neighbourhood's edge cap (graph/queries/edge-cap.ts) on small hand-made answers. */
import { describe, expect, it } from 'vitest';
import { capEdgeColumns, capEdges, type CandidateEdge } from '../../graph/queries/edge-cap.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];
const edge = (source: number, target: number, weight: number | null, type = 'WORKS_ON'): CandidateEdge => ({ source, target, type, weight });
const names = (edges: CandidateEdge[]) => edges.map((e) => `${e.type}:${ids[e.source]}->${ids[e.target]}`).sort();

describe('capEdges', () => {
  it('keeps every edge when they fit, and says no cap applied', () => {
    const edges = [edge(1, 0, 1), edge(2, 1, 2), edge(0, 2, 3)];
    expect(capEdges(edges, ids, 3)).toEqual({ kept: edges, perNode: null });
  });

  it('over the cap: each owner (the later end) keeps its strongest upward edges, as many as fit for all', () => {
    // owners: b has 1 upward edge, c 2, d 3, e 4 (10 in all)
    const edges = [
      edge(1, 0, 1),
      edge(2, 0, 1), edge(1, 2, 5),
      edge(3, 0, 1), edge(3, 1, 2), edge(2, 3, 3),
      edge(4, 0, 4), edge(1, 4, 3), edge(4, 2, 2), edge(4, 3, 1),
    ];
    // k = 2 keeps 1 + 2 + 2 + 2 = 7; k = 3 would keep 9
    const { kept, perNode } = capEdges(edges, ids, 8);
    expect(perNode).toBe(2);
    expect(names(kept)).toEqual(names([edge(1, 0, 1), edge(2, 0, 1), edge(1, 2, 5), edge(3, 1, 2), edge(2, 3, 3), edge(4, 0, 4), edge(1, 4, 3)]));
  });

  it('keeps at least one edge per owner, so that the picture stays connected', () => {
    const edges = [edge(1, 0, 1), edge(2, 0, 1), edge(2, 1, 2), edge(3, 2, 1), edge(3, 0, 9)];
    const { kept, perNode } = capEdges(edges, ids, 1);
    expect(perNode).toBe(1);
    expect(names(kept)).toEqual(names([edge(1, 0, 1), edge(2, 1, 2), edge(3, 0, 9)]));
  });

  it('breaks weight ties by type, then by the other end\'s id; a missing weight ranks first', () => {
    const edges = [edge(4, 2, 1, 'WORKS_ON'), edge(4, 1, 1, 'WORKS_ON'), edge(4, 3, 1, 'RUN_BY'), edge(4, 0, null)];
    expect(names(capEdges(edges, ids, 2).kept)).toEqual(names([edge(4, 0, null), edge(4, 3, 1, 'RUN_BY')]));
    expect(names(capEdges(edges, ids, 3).kept)).toEqual(names([edge(4, 0, null), edge(4, 3, 1, 'RUN_BY'), edge(4, 1, 1)]));
  });
});

describe('capEdgeColumns (the cap on columns, as subgraphOf applies it)', () => {
  /** A small deterministic generator: the same cases on every run. */
  function random(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  }

  it('keeps the same edges in the same order, and the same perNode, as capEdges', () => {
    const rand = random(7);
    const types = ['WORKS_ON', 'RUN_BY', 'BASED_IN'];
    let capped = 0;
    for (let round = 0; round < 300; round++) {
      const nodes = 2 + Math.floor(rand() * 30);
      const ids = Array.from({ length: nodes }, (_, i) => `n${Math.floor(rand() * 1000)}-${i}`);
      const edges: CandidateEdge[] = [];
      const count = Math.floor(rand() * 120);
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const source = Math.floor(rand() * nodes);
        const target = Math.floor(rand() * nodes);
        const type = types[Math.floor(rand() * types.length)];
        if (source === target || seen.has(`${type}:${source}:${target}`)) continue;
        seen.add(`${type}:${source}:${target}`);
        // few distinct weights, and some missing, so that the ties go to the later keys
        edges.push({ source, target, type, weight: rand() < 0.1 ? null : Math.floor(rand() * 4) / 2 });
      }
      const maxEdges = 1 + Math.floor(rand() * 60);
      const typeIndex = new Map(types.map((t, i) => [t, i]));
      const columns = {
        count: edges.length,
        source: Int32Array.from(edges, (e) => e.source),
        target: Int32Array.from(edges, (e) => e.target),
        type: Int32Array.from(edges, (e) => typeIndex.get(e.type)!),
        weight: Float64Array.from(edges, (e) => (e.weight === null ? NaN : e.weight)),
        types,
      };
      const expected = capEdges(edges, ids, maxEdges);
      const actual = capEdgeColumns(columns, ids, maxEdges);
      expect(actual.perNode).toBe(expected.perNode);
      expect([...actual.kept].map((i) => edges[i])).toEqual(expected.kept);
      if (expected.perNode !== null) capped++;
    }
    expect(capped).toBeGreaterThan(50);
  });
});
