/**
 * A synthetic neighbourhood shaped like the real graph (people around organisations and
 * themes, programmes in municipalities), deterministic for a given seed.
 */
import type { Subgraph } from '../client/src/types.ts';
import { prng } from './prng.ts';


export function syntheticGraph(nodeCount = 1000, seed = 42): Subgraph {
  const rand = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const share = { THEME: 0.03, MUNICIPALITY: 0.07, ORGANISATION: 0.2, PROGRAMME: 0.2 };
  const count = (f: number) => Math.max(1, Math.round(nodeCount * f));
  const themes = Array.from({ length: count(share.THEME) }, (_, i) => `theme:t${i}`);
  const municipalities = Array.from({ length: count(share.MUNICIPALITY) }, (_, i) => `municipality:m${i}`);
  const organisations = Array.from({ length: count(share.ORGANISATION) }, (_, i) => `organisation:o${i}`);
  const programmes = Array.from({ length: count(share.PROGRAMME) }, (_, i) => `programme:p${i}`);
  const people = Array.from({ length: nodeCount - themes.length - municipalities.length - organisations.length - programmes.length }, (_, i) => `person:q${i}`);

  const nodes: Subgraph['nodes'] = [
    ...themes.map((id, i) => ({ id, type: 'THEME' as const, label: `Thema ${i}`, weight: 5 + Math.floor(rand() * 60) })),
    ...municipalities.map((id, i) => ({ id, type: 'MUNICIPALITY' as const, label: `Gemeente ${i}`, weight: 1 + Math.floor(rand() * 20) })),
    ...organisations.map((id, i) => ({ id, type: 'ORGANISATION' as const, label: `Organisatie ${i}`, weight: 1 + Math.floor(rand() * 15) })),
    ...programmes.map((id, i) => ({ id, type: 'PROGRAMME' as const, label: `Programma ${i}`, weight: 1 + Math.floor(rand() * 8) })),
    ...people.map((id, i) => ({ id, type: 'PERSON' as const, label: `Persoon ${i}`, weight: 1 + Math.floor(rand() * 10) })),
  ];
  const edges: Subgraph['edges'] = [];
  const seen = new Set<string>();
  const edge = (type: string, source: string, target: string) => {
    const id = `${type}:${source}->${target}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, source, target, type, weight: 1 + Math.floor(rand() * 4) });
  };
  for (const p of people) {
    edge('WORKS_FOR', p, pick(organisations));
    if (rand() < 0.6) edge('WORKS_ON', p, pick(themes));
  }
  for (const o of organisations) {
    edge('BASED_IN', o, pick(municipalities));
    if (rand() < 0.5) edge('WORKS_ON', o, pick(themes));
  }
  for (const p of programmes) {
    edge('RUNS_IN', p, pick(municipalities));
    edge('RUN_BY', p, pick(organisations));
    edge('WORKS_ON', p, pick(themes));
  }
  return { nodes, edges };
}
