/**
 * A small handle on window for the browser tests and the benchmark: read the graph, and
 * load a subgraph that is already in hand (the benchmark's 1,000-node fixture).
 */
import type { Core } from 'cytoscape';
import type { App } from './app.ts';
import type { Subgraph } from './types.ts';

export interface ExplorerHook {
  /** The Cytoscape instance, for tests that need rendered positions. */
  cy: Core;
  nodeIds(): string[];
  positions(): Record<string, { x: number; y: number }>;
  counts(): { nodes: number; edges: number };
  selected(): string | null;
  /** Shows `graph` (replacing the screen) and resolves after layout and the next painted frame, with the elapsed ms. */
  loadSubgraph(graph: Subgraph): Promise<number>;
}

declare global {
  interface Window { __explorer?: ExplorerHook }
}

export function installTestHook(app: App): void {
  const canvas = app.canvas;
  window.__explorer = {
    cy: canvas.cy,
    nodeIds: () => canvas.nodeIds(),
    positions: () => Object.fromEntries(canvas.cy.nodes().map((n) => [n.id(), { ...n.position() }])),
    counts: () => canvas.visibleCounts(),
    selected: () => canvas.selectedId(),
    async loadSubgraph(graph) {
      const start = performance.now();
      document.getElementById('message')?.setAttribute('hidden', '');
      await canvas.show(graph, { replace: true });
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      return performance.now() - start;
    },
  };
}
