/**
 * Layouts. A fresh graph gets a full fcose layout; an expansion keeps every node that is
 * already on screen where it is (fcose fixedNodeConstraint) and only places the new ones,
 * starting from a ring around the node that was expanded.
 *
 * fcose runs on a headless copy of the graph (ids, sizes, positions only): on the live,
 * rendered instance every bounding-box query recomputes label styles, which made a
 * 1,000-node layout several times slower. The positions are copied back in one batch.
 */
import cytoscape, { type Core, type NodeCollection, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

const BIG = 400;

function baseOptions(nodeCount: number): Record<string, unknown> {
  const big = nodeCount > BIG;
  return {
    name: 'fcose',
    // Big graphs: the spectral phase only (about 5x cheaper than with the force-directed
    // refinement), then nodes that land on the same spot are spread out (spreadCoincident).
    quality: big ? 'draft' : 'default',
    nodeSeparation: big ? 140 : 75,
    animate: false,
    fit: false,
    padding: 40,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeRepulsion: () => (big ? 6000 : 12000),
    idealEdgeLength: () => (big ? 60 : nodeCount > 50 ? 110 : 90),
    edgeElasticity: () => 0.45,
    gravity: 0.3,
    numIter: big ? 1000 : 2500,
    tile: true,
    sampleSize: 25,
  };
}

interface LayoutNode { id: string; size: number; position?: Position }
interface LayoutEdge { id: string; source: string; target: string }

/** Runs fcose on a headless graph of just ids, sizes and positions, and returns the positions. */
async function runHeadless(nodes: LayoutNode[], edges: LayoutEdge[], options: Record<string, unknown>): Promise<Map<string, Position>> {
  // Created empty and filled with add(): constructing with elements runs a null layout that
  // emits a position event per node.
  const shadow = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  shadow.add([
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size }, position: n.position ? { ...n.position } : { x: 0, y: 0 } })),
    ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
  ]);
  await new Promise<void>((resolve) => {
    const layout = shadow.elements().layout(options as unknown as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  const positions = new Map(shadow.nodes().map((n) => [n.id(), { ...n.position() }]));
  shadow.destroy();
  if (options.quality === 'draft') spreadCoincident(positions, new Set());
  return positions;
}

async function run(cy: Core, options: Record<string, unknown>): Promise<void> {
  const nodes = cy.nodes().map((n) => ({ id: n.id(), size: Number(n.data('size')) || 24, position: n.position() }));
  const edges = cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string }));
  const positions = await runHeadless(nodes, edges, options);
  cy.batch(() => {
    cy.nodes().positions((node) => positions.get((node as cytoscape.NodeSingular).id()) ?? (node as cytoscape.NodeSingular).position());
  });
}

/** Positions for a graph that is not on screen yet, so that it can be added already placed. */
export function layoutFresh(nodes: LayoutNode[], edges: LayoutEdge[]): Promise<Map<string, Position>> {
  if (nodes.length === 0) return Promise.resolve(new Map());
  return runHeadless(nodes, edges, { ...baseOptions(nodes.length), randomize: true });
}

export async function layoutAll(cy: Core): Promise<void> {
  if (cy.nodes().length === 0) return;
  await run(cy, { ...baseOptions(cy.nodes().length), randomize: true });
}

/** Places `added` around `anchor` and lets fcose settle them with every other node fixed. */
export async function layoutAdded(cy: Core, added: NodeCollection, anchor: Position | null): Promise<void> {
  if (added.empty()) return;
  const existing = cy.nodes().difference(added);
  if (existing.empty()) return layoutAll(cy);

  const centre = anchor ?? centreOf(existing);
  const radius = 90 + 25 * Math.sqrt(added.length);
  cy.batch(() => {
    added.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / added.length;
      node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    });
  });

  const fixedNodeConstraint = existing.map((node) => ({ nodeId: node.id(), position: { ...(node as cytoscape.NodeSingular).position() } }));
  await run(cy, {
    ...baseOptions(cy.nodes().length),
    // Incremental placement needs the force-directed phase (draft would not move anything).
    quality: 'default',
    randomize: false,
    initialEnergyOnIncremental: 0.5,
    fixedNodeConstraint,
  });
}

/**
 * The spectral layout puts nodes with the same neighbours (people of one organisation) on
 * one spot; spread each such group on a sunflower spiral around that spot.
 */
function spreadCoincident(positions: Map<string, Position>, fixed: ReadonlySet<string>): void {
  const groups = new Map<string, string[]>();
  for (const [id, p] of positions) {
    if (fixed.has(id)) continue;
    const key = `${Math.round(p.x / 12)}:${Math.round(p.y / 12)}`;
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const centre = positions.get(ids[0])!;
    ids.forEach((id, i) => {
      const r = 30 * Math.sqrt(i + 0.5);
      positions.set(id, { x: centre.x + r * Math.cos(i * golden), y: centre.y + r * Math.sin(i * golden) });
    });
  }
}

function centreOf(nodes: NodeCollection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((n) => { x += n.position().x; y += n.position().y; });
  return { x: x / nodes.length, y: y / nodes.length };
}

/**
 * Compiles the layout code paths while the browser is idle after start-up, so that the
 * first real graph does not pay for it (it made the first 1,000-node layout ~40% slower).
 */
export function prewarmLayout(): void {
  const run = () => {
    const nodes = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, size: 20 }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 3)}`, target: n.id }));
    void layoutFresh(nodes, edges);
    void layoutFresh(nodes.slice(0, 60), edges.slice(0, 59));
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
}
