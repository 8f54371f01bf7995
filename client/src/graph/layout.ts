/**
 * Layouts. A fresh graph gets a full fcose layout; an expansion keeps every node that is
 * already on screen where it is (fcose fixedNodeConstraint) and only places the new ones,
 * starting from a ring around the node that was expanded.
 */
import cytoscape, { type Core, type NodeCollection, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

const BIG = 250;

function baseOptions(nodeCount: number) {
  return {
    name: 'fcose',
    quality: 'default',
    animate: false,
    fit: false,
    padding: 40,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: true,
    nodeRepulsion: () => (nodeCount > BIG ? 6000 : 9000),
    idealEdgeLength: () => (nodeCount > BIG ? 60 : 90),
    edgeElasticity: () => 0.45,
    gravity: 0.3,
    numIter: nodeCount > BIG ? 1200 : 2500,
    tile: true,
    sampleSize: 25,
  };
}

function run(cy: Core, options: Record<string, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const layout = cy.elements().layout(options as unknown as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
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

  const centre = centreOf(existing, anchor);
  const radius = 90 + 25 * Math.sqrt(added.length);
  added.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / added.length;
    node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });

  const fixedNodeConstraint = existing.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
  await run(cy, {
    ...baseOptions(cy.nodes().length),
    randomize: false,
    initialEnergyOnIncremental: 0.5,
    fixedNodeConstraint,
  });
}

function centreOf(nodes: NodeCollection, anchor: Position | null): Position {
  if (anchor) return anchor;
  const box = nodes.boundingBox();
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}
