/**
 * The graph on screen: one Cytoscape instance that merges subgraphs from the API (one edge
 * per relation type and pair), keeps positions on expansion, filters by type and edge
 * strength, sizes nodes by connectedness, and can be snapshotted for undo.
 */
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape';
import { graphStylesheet } from './style.ts';
import { layoutAdded, layoutFresh } from './layout.ts';
import { relationLabel } from '../labels.ts';
import { ENTITY_TYPES, type EntityType, type GraphEdge, type GraphNode, type Subgraph } from '../types.ts';

/** Above this many nodes the graph is drawn and laid out in a cheaper way. */
export const BIG_GRAPH = 400;
/** Above this many nodes the smaller nodes hide their labels until hovered or selected. */
const QUIET_LABELS_ABOVE = 50;
/** How many of the largest nodes keep their label in a crowded graph. */
const LABELLED_IN_CROWD = 30;

export interface CanvasSnapshot {
  nodes: { data: Record<string, unknown>; position: Position }[];
  edges: { data: Record<string, unknown> }[];
  selected: string | null;
}

export interface ShowOptions {
  /** Replace what is on screen (a new question) instead of adding to it (an expansion). */
  replace?: boolean;
  /** The node the new ones belong to; they start around it. */
  anchor?: string | null;
  /** Ids never to add (hidden by the user). */
  skip?: ReadonlySet<string>;
}

export interface EdgeChoice { type: string; weight: number | null; source: { id: string; name: string; type: EntityType }; target: { id: string; name: string; type: EntityType } }

export interface CanvasFilter { types: ReadonlySet<EntityType>; minWeight: number }

type Listener<T> = (value: T) => void;

export function edgeKey(edge: Pick<GraphEdge, 'type' | 'source' | 'target'>): string {
  return `${edge.type}|${edge.source}|${edge.target}`;
}

export class GraphCanvas {
  readonly cy: Core;
  private filter: CanvasFilter = { types: new Set(), minWeight: 0 };
  private readonly selectListeners: Listener<string | null>[] = [];
  private readonly expandListeners: Listener<string>[] = [];
  private readonly changeListeners: Listener<void>[] = [];
  private readonly edgeListeners: Listener<EdgeChoice>[] = [];

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: graphStylesheet(),
      minZoom: 0.05,
      maxZoom: 3,
      selectionType: 'single',
      boxSelectionEnabled: false,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
      pixelRatio: 'auto',
    });
    this.cy.on('select', 'node', (e) => this.emitSelect(e.target.id()));
    this.cy.on('unselect', 'node', () => {
      if (this.cy.$('node:selected').empty()) this.emitSelect(null);
    });
    this.cy.on('select', 'edge', (e) => {
      const edge = e.target as cytoscape.EdgeSingular;
      const choice: EdgeChoice = {
        type: edge.data('type'), weight: Number(edge.data('weight')) || null,
        source: { id: edge.source().id(), name: String(edge.source().data('label')), type: edge.source().data('type') },
        target: { id: edge.target().id(), name: String(edge.target().data('label')), type: edge.target().data('type') },
      };
      this.edgeListeners.forEach((l) => l(choice));
    });
    this.cy.on('dbltap', 'node', (e) => this.expandListeners.forEach((l) => l(e.target.id())));
    this.cy.on('mouseover', 'node', (e) => { e.target.addClass('hover'); e.target.connectedEdges().addClass('highlight'); });
    this.cy.on('mouseout', 'node', (e) => { e.target.removeClass('hover'); e.target.connectedEdges().removeClass('highlight'); });
    this.cy.on('select', 'node', (e) => {
      const near = e.target.neighborhood('node');
      if (near.length <= 15) near.addClass('near');
    });
    this.cy.on('unselect', 'node', (e) => e.target.neighborhood('node').removeClass('near'));
  }

  onSelect(listener: Listener<string | null>): void { this.selectListeners.push(listener); }
  onExpand(listener: Listener<string>): void { this.expandListeners.push(listener); }
  onChange(listener: Listener<void>): void { this.changeListeners.push(listener); }
  onSelectEdge(listener: Listener<EdgeChoice>): void { this.edgeListeners.push(listener); }

  private emitSelect(id: string | null): void { this.selectListeners.forEach((l) => l(id)); }
  private emitChange(): void { this.changeListeners.forEach((l) => l()); }

  has(id: string): boolean { return this.cy.getElementById(id).nonempty(); }

  /** Adds (or replaces with) a subgraph and lays out only what is new. Returns the ids added. */
  async show(subgraph: Subgraph, options: ShowOptions = {}): Promise<string[]> {
    const cy = this.cy;
    const skip = options.skip ?? new Set<string>();
    const anchorNode = options.anchor ? cy.getElementById(options.anchor) : null;
    const anchorPos = anchorNode?.nonempty() ? { ...anchorNode.position() } : null;
    if (options.replace) cy.elements().remove();

    // Work out what is new in plain JS first: touching Cytoscape per element is what costs.
    const present = new Set(cy.nodes().map((n) => n.id()));
    const presentEdges = new Set(cy.edges().map((e) => e.id()));
    const addedIds: string[] = [];
    const nodeDefs: cytoscape.ElementDefinition[] = [];
    const weightUpdates = new Map<string, number>();
    for (const node of subgraph.nodes) {
      if (skip.has(node.id)) continue;
      if (present.has(node.id)) {
        if (node.weight != null) weightUpdates.set(node.id, node.weight);
        continue;
      }
      present.add(node.id);
      addedIds.push(node.id);
      nodeDefs.push({ group: 'nodes', data: nodeData(node) });
    }
    const edgeDefs: cytoscape.ElementDefinition[] = [];
    const fast = present.size > BIG_GRAPH ? 'fast' : undefined;
    const edgeUpdates = new Map<string, number>();
    for (const edge of subgraph.edges) {
      if (!present.has(edge.source) || !present.has(edge.target)) continue;
      const key = edgeKey(edge);
      if (presentEdges.has(key)) {
        edgeUpdates.set(key, Math.max(edgeUpdates.get(key) ?? 0, edge.weight ?? 0));
        continue;
      }
      presentEdges.add(key);
      edgeDefs.push({ group: 'edges', data: edgeData(edge, key), classes: fast });
    }

    if (cy.nodes().empty()) {
      await this.addPlaced(nodeDefs, edgeDefs);
      this.emitChange();
      return addedIds;
    }

    cy.batch(() => {
      cy.add([...nodeDefs, ...edgeDefs]);
      for (const [id, weight] of weightUpdates) cy.getElementById(id).data('weight', weight);
      for (const [key, weight] of edgeUpdates) {
        const edge = cy.getElementById(key);
        const merged = Math.max(Number(edge.data('weight')) || 0, weight);
        edge.data({ weight: merged, width: edgeWidth(merged) });
      }
      this.resize();
      this.applyFilter();
    });

    const addedSet = new Set(addedIds);
    const added = cy.nodes().filter((n) => addedSet.has(n.id()));
    if (added.nonempty()) {
      await layoutAdded(cy, added, anchorPos);
      this.fitIfOutside(added);
    }
    this.emitChange();
    return addedIds;
  }

  remove(ids: string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      for (const id of ids) cy.getElementById(id).remove();
      this.resize();
    });
    this.emitChange();
  }

  clear(): void {
    this.cy.elements().remove();
    this.emitChange();
  }

  snapshot(): CanvasSnapshot {
    return {
      nodes: this.cy.nodes().map((n) => ({ data: { ...n.data() }, position: { ...n.position() } })),
      edges: this.cy.edges().map((e) => ({ data: { ...e.data() } })),
      selected: this.selectedId(),
    };
  }

  restore(snapshot: CanvasSnapshot): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(snapshot.nodes.map((n) => ({ group: 'nodes' as const, data: n.data, position: n.position })));
      const fast = snapshot.nodes.length > BIG_GRAPH ? 'fast' : undefined;
      cy.add(snapshot.edges.map((e) => ({ group: 'edges' as const, data: e.data, classes: fast })));
      this.resize();
      this.applyFilter();
    });
    if (snapshot.selected && this.has(snapshot.selected)) cy.getElementById(snapshot.selected).select();
    this.emitChange();
  }

  setFilter(filter: CanvasFilter): void {
    this.filter = filter;
    this.cy.batch(() => this.applyFilter());
    this.emitChange();
  }

  private applyFilter(): void {
    const { types, minWeight } = this.filter;
    const cy = this.cy;
    const allTypes = types.size === 0 || types.size === ENTITY_TYPES.length;
    const nodesOut = allTypes ? cy.collection() : cy.nodes().filter((n) => !types.has(n.data('type')));
    const edgesOut = minWeight > 0 ? cy.edges().filter((e) => (Number(e.data('weight')) || 0) < minWeight) : cy.collection();
    const out = nodesOut.union(edgesOut);
    cy.elements('.filtered').difference(out).removeClass('filtered');
    out.addClass('filtered');
  }

  /**
   * A fresh graph: sizes and layout are computed before anything is added, so that the
   * elements go in once, already placed (no per-node position updates on the live graph).
   */
  private async addPlaced(nodeDefs: cytoscape.ElementDefinition[], edgeDefs: cytoscape.ElementDefinition[]): Promise<void> {
    const nodes = nodeDefs.map((d) => d.data as { id: string; weight: number; size: number });
    const edges = edgeDefs.map((d) => d.data as { id: string; source: string; target: string });
    const { sizes, labelled } = nodeSizes(nodes, edges);
    const crowded = nodes.length > QUIET_LABELS_ABOVE;
    for (const def of nodeDefs) {
      const id = String(def.data.id);
      def.data.size = sizes.get(id);
      def.classes = crowded && !labelled.has(id) ? 'quiet' : undefined;
    }
    const positions = await layoutFresh(nodes.map((n) => ({ id: n.id, size: sizes.get(n.id) ?? 24 })), edges);
    for (const def of nodeDefs) def.position = positions.get(String(def.data.id)) ?? { x: 0, y: 0 };
    this.cy.batch(() => {
      this.cy.add([...nodeDefs, ...edgeDefs]);
      this.applyFilter();
    });
    this.fit();
  }

  /** Node size by connectedness on screen and by the API's weight (mentions). */
  private resize(): void {
    const nodes = this.cy.nodes().map((n) => ({ id: n.id(), weight: Number(n.data('weight')) || 0 }));
    const edges = this.cy.edges().map((e) => e.data() as { source: string; target: string });
    const { sizes, labelled } = nodeSizes(nodes, edges);
    this.cy.nodes().forEach((n) => {
      const size = sizes.get(n.id());
      if (n.data('size') !== size) n.data('size', size);
    });
    if (nodes.length <= QUIET_LABELS_ABOVE) {
      this.cy.nodes('.quiet').removeClass('quiet');
      return;
    }
    const quiet = this.cy.nodes().filter((n) => !labelled.has(n.id()));
    this.cy.nodes().difference(quiet).removeClass('quiet');
    quiet.addClass('quiet');
  }

  visibleCounts(): { nodes: number; edges: number } {
    const hiddenNodes = new Set(this.cy.nodes('.filtered').map((n) => n.id()));
    let edges = 0;
    this.cy.edges().forEach((e) => {
      if (e.hasClass('filtered')) return;
      const { source, target } = e.data() as { source: string; target: string };
      if (!hiddenNodes.has(source) && !hiddenNodes.has(target)) edges++;
    });
    return { nodes: this.cy.nodes().length - hiddenNodes.size, edges };
  }

  maxEdgeWeight(): number {
    let max = 0;
    this.cy.edges().forEach((e) => { max = Math.max(max, Number(e.data('weight')) || 0); });
    return max;
  }

  nodeIds(): string[] { return this.cy.nodes().map((n) => n.id()); }

  selectedId(): string | null {
    const sel = this.cy.$('node:selected');
    return sel.nonempty() ? sel.first().id() : null;
  }

  select(id: string | null, options: { reveal?: boolean } = {}): void {
    const cy = this.cy;
    if (id === this.selectedId()) return;
    cy.$(':selected').unselect();
    if (!id) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    node.select();
    if (options.reveal) this.reveal(node as NodeSingular);
  }

  setFocus(id: string | null): void {
    this.cy.nodes('.focus').removeClass('focus');
    if (id) this.cy.getElementById(id).addClass('focus');
  }

  /** Keyboard navigation: the next or previous visible node in reading order of labels. */
  step(direction: 1 | -1): string | null {
    const nodes = this.cy.nodes().not('.filtered').sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')), 'nl'));
    if (nodes.empty()) return null;
    const current = this.selectedId();
    const index = current ? nodes.toArray().findIndex((n) => n.id() === current) : -1;
    const next = nodes[(index + direction + nodes.length) % nodes.length];
    this.select(next.id(), { reveal: true });
    return next.id();
  }

  label(id: string): string | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? String(node.data('label')) : null;
  }

  /** Fits the visible nodes, by their positions only (measuring 1,000 labels is slow). */
  fit(): void {
    const cy = this.cy;
    const nodes = cy.nodes().not('.filtered');
    if (nodes.empty()) return;
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    nodes.forEach((n) => {
      const { x, y } = n.position();
      const r = (Number(n.data('size')) || 24) / 2;
      x1 = Math.min(x1, x - r - 30); x2 = Math.max(x2, x + r + 30); // labels are wider than nodes
      y1 = Math.min(y1, y - r); y2 = Math.max(y2, y + r + 26); // room for the label below
    });
    const padding = 40;
    const width = cy.width() - 2 * padding;
    const height = cy.height() - 2 * padding;
    const zoom = Math.max(cy.minZoom(), Math.min(1.15, width / Math.max(1, x2 - x1), height / Math.max(1, y2 - y1)));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - (zoom * (x1 + x2)) / 2, y: cy.height() / 2 - (zoom * (y1 + y2)) / 2 } });
  }

  private fitIfOutside(nodes: cytoscape.NodeCollection): void {
    const view = this.cy.extent();
    const box = nodes.boundingBox();
    if (box.x1 < view.x1 || box.y1 < view.y1 || box.x2 > view.x2 || box.y2 > view.y2) this.fit();
  }

  private reveal(node: NodeSingular): void {
    const view = this.cy.extent();
    const { x, y } = node.position();
    if (x < view.x1 || x > view.x2 || y < view.y1 || y > view.y2) this.cy.center(node);
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 });
  }
}

/**
 * Sizes: square root of the share of the largest (degree on screen or mentions), so that a
 * hub stands out and the rest stays small; smaller overall in crowded graphs. `labelled`:
 * the nodes that keep their label in a crowded graph (the largest ones).
 */
function nodeSizes(nodes: { id: string; weight: number }[], edges: { source: string; target: string }[]): { sizes: Map<string, number>; labelled: Set<string> } {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const metric = new Map<string, number>();
  let max = 1;
  for (const n of nodes) {
    const m = Math.max(degree.get(n.id) ?? 0, Number(n.weight) || 0);
    metric.set(n.id, m);
    max = Math.max(max, m);
  }
  const scale = nodes.length > BIG_GRAPH ? 0.6 : nodes.length > QUIET_LABELS_ABOVE ? 0.85 : 1;
  const sizes = new Map<string, number>();
  for (const n of nodes) sizes.set(n.id, Math.round(scale * (18 + 44 * Math.sqrt((metric.get(n.id) ?? 0) / max))));
  const ranked = [...metric.entries()].sort((a, b) => b[1] - a[1]).slice(0, LABELLED_IN_CROWD);
  return { sizes, labelled: new Set(ranked.map(([id]) => id)) };
}

function nodeData(node: GraphNode): Record<string, unknown> {
  return { id: node.id, type: node.type, label: node.label, weight: node.weight ?? 0, size: 24 };
}

function edgeData(edge: GraphEdge, key: string): Record<string, unknown> {
  const weight = edge.weight ?? 1;
  return {
    id: key, serverId: edge.id, source: edge.source, target: edge.target, type: edge.type,
    weight, width: edgeWidth(weight), relation: relationLabel(edge.type),
  };
}

function edgeWidth(weight: number): number {
  return Math.min(7, 1 + 1.6 * Math.log2(1 + Math.max(0, Number(weight) || 0)));
}
