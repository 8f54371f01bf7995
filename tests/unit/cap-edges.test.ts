/**
 * The neighbourhood's edge cap (graph/queries/subgraph.ts capEdges) on hand-made answers: each
 * edge belongs to its later end, over the cap every node keeps the same number of its strongest
 * upward edges (as many as fit, at least one), ties broken by type and then the other end's id.
 */
import { describe, expect, it } from 'vitest';
import { capEdges } from '../../graph/queries/subgraph.ts';

// answer order: a (start), then b, c, d
const ids = ['a', 'b', 'c', 'd'];
const links: [number, string, number, string][] = [
  [1, 'WORKS_FOR', 1, 'a'], // b -> a: owned by b
  [0, 'WORKS_ON', 2, 'c'], // a -> c: owned by c
  [2, 'WORKS_FOR', 3, 'b'], // c -> b: owned by c
  [3, 'WORKS_ON', 0.5, 'a'], // d -> a: owned by d
  [3, 'WORKS_FOR', 0.5, 'b'], // d -> b: owned by d, same weight: type WORKS_FOR sorts first
  [3, 'BASED_IN', 0.5, 'c'], // d -> c: owned by d, BASED_IN sorts before both
  [1, 'WORKS_ON', 9, 'x'], // x is not in the answer
];

describe('capEdges', () => {
  it('keeps every edge among the nodes under the cap', () => {
    const { edges, total, perNode } = capEdges(ids, links, 100);
    expect(total).toBe(6);
    expect(perNode).toBeNull();
    expect(edges.map((e) => e.id).sort()).toEqual([
      'BASED_IN:d->c', 'WORKS_FOR:b->a', 'WORKS_FOR:c->b', 'WORKS_FOR:d->b', 'WORKS_ON:a->c', 'WORKS_ON:d->a',
    ]);
    expect(edges.find((e) => e.id === 'WORKS_ON:a->c')).toMatchObject({ source: 'a', target: 'c', type: 'WORKS_ON', weight: 2 });
  });

  it('over the cap keeps the same number of strongest upward edges per node, as many as fit', () => {
    // owners: b 1 edge, c 2 edges, d 3 edges; 5 fit with 2 per node (1 + 2 + 2)
    const five = capEdges(ids, links, 5);
    expect(five.total).toBe(6);
    expect(five.perNode).toBe(2);
    expect(five.edges.map((e) => e.id).sort()).toEqual(['BASED_IN:d->c', 'WORKS_FOR:b->a', 'WORKS_FOR:c->b', 'WORKS_FOR:d->b', 'WORKS_ON:a->c']);
    // nothing fits with 2 each: at least 1 per node, so that every node stays connected
    const one = capEdges(ids, links, 2);
    expect(one.perNode).toBe(1);
    expect(one.edges.map((e) => e.id).sort()).toEqual(['BASED_IN:d->c', 'WORKS_FOR:b->a', 'WORKS_FOR:c->b']);
  });
});
