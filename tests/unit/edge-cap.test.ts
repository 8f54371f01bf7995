/** The neighbourhood's edge cap (graph/queries/edge-cap.ts) on small hand-made answers. */
import { describe, expect, it } from 'vitest';
import { capEdges, type CandidateEdge } from '../../graph/queries/edge-cap.ts';

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
