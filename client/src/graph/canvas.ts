/**
 * The graph on screen: one Cytoscape instance that merges subgraphs from the API (one edge
 * per relation type and pair), keeps positions on expansion, filters by type and edge
 * strength, sizes nodes by connectedness, and can be snapshotted for undo.
 */
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape';
import { graphStylesheet } from './style.ts';
import { layoutAdded, layoutAll } from './layout.ts';
import { relationLabel } from '../labels.ts';
import type { EntityType, GraphEdge, GraphNode, Subgraph } from '../types.ts';

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

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: graphStylesheet(),
      minZoom: 0.05,
      maxZoom: 3,
      wheelSensitivity: 0.3,
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
    this.cy.on('dbltap', 'node', (e) => this.expandListeners.forEach((l) => l(e.target.id())));
    this.cy.on('mouseover', 'node', (e) => e.target.connectedEdges().addClass('highlight'));
    this.cy.on('mouseout', 'node', (e) => e.target.connectedEdges().removeClass('highlight'));
  }

  onSelect(listener: Listener<string | null>): void { this.selectListeners.push(listener); }
  onExpand(listener: Listener<string>): void { this.expandListeners.push(listener); }
  onChange(listener: Listener<void>): void { this.changeListeners.push(listener); }

  private emitSelect(id: string | null): void { this.selectListeners.forEach((l) => l(id)); }
  private emitChange(): void { this.changeListeners.forEach((l) => l()); }

  has(id: string): boolean { return this.cy.getElementById(id).nonempty(); }

  /** Adds (or replaces with) a subgraph and lays out only what is new. Returns the ids added. */
  async show(subgraph: Subgraph, options: ShowOptions = {}): Promise<string[]> {
    const cy = this.cy;
    const skip = options.skip ?? new Set<string>();
    const anchorNode = options.anchor ? cy.getElementById(options.anchor) : null;
    const anchorPos = anchorNode?.nonempty() ? { ...anchorNode.position() } : null;
    const addedIds: string[] = [];

    cy.batch(() => {
      if (options.replace) cy.elements().remove();
      for (const node of subgraph.nodes) {
        if (skip.has(node.id)) continue;
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) {
          if (node.weight != null) existing.data('weight', node.weight);
          continue;
        }
        cy.add({ group: 'nodes', data: nodeData(node) });
        addedIds.push(node.id);
      }
      for (const edge of subgraph.edges) {
        if (skip.has(edge.source) || skip.has(edge.target)) continue;
        if (cy.getElementById(edge.source).empty() || cy.getElementById(edge.target).empty()) continue;
        const key = edgeKey(edge);
        const existing = cy.getElementById(key);
        if (existing.nonempty()) {
          existing.data('weight', Math.max(Number(existing.data('weight')) || 0, edge.weight ?? 0));
          existing.data('width', edgeWidth(existing.data('weight')));
          continue;
        }
        cy.add({ group: 'edges', data: edgeData(edge, key) });
      }
      this.resize();
      this.applyFilter();
    });

    const added = cy.collection(addedIds.map((id) => cy.getElementById(id)));
    if (options.replace || cy.nodes().length === added.length) {
      await layoutAll(cy);
      this.fit();
    } else if (added.nonempty()) {
      await layoutAdded(cy, added.nodes(), anchorPos);
      this.fitIfOutside(added.nodes());
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
      cy.add(snapshot.edges.map((e) => ({ group: 'edges' as const, data: e.data })));
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
    this.cy.nodes().forEach((n) => {
      n.toggleClass('filtered', types.size > 0 && !types.has(n.data('type')));
    });
    this.cy.edges().forEach((e) => {
      const weak = minWeight > 0 && (Number(e.data('weight')) || 0) < minWeight;
      e.toggleClass('filtered', weak);
    });
  }

  /** Node size by connectedness on screen and by the API's weight (mentions), on a log scale. */
  private resize(): void {
    this.cy.nodes().forEach((n) => {
      const metric = Math.max(n.degree(false), Number(n.data('weight')) || 0);
      n.data('size', Math.min(64, 20 + 9 * Math.log2(1 + metric)));
    });
  }

  visibleCounts(): { nodes: number; edges: number } {
    const nodes = this.cy.nodes().not('.filtered');
    const edges = this.cy.edges().not('.filtered').filter((e) => !e.source().hasClass('filtered') && !e.target().hasClass('filtered'));
    return { nodes: nodes.length, edges: edges.length };
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

  fit(): void {
    if (this.cy.nodes().nonempty()) this.cy.fit(this.cy.elements().not('.filtered'), 40);
    if (this.cy.zoom() > 1.6) { this.cy.zoom(1.6); this.cy.center(); }
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
