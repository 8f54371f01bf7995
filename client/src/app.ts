/**
 * The app controller: holds the state that the URL reproduces, turns user actions into
 * API calls and graph changes, keeps the undo stack, and wires views, panels and canvas.
 */
import { ApiError, isAbort } from './api.ts';
import { GraphCanvas, type CanvasSnapshot, type EdgeChoice } from './graph/canvas.ts';
import { fetchEdgeEvidence, fetchEntity, fetchNeighbourPage } from './queries.ts';
import { cytoscapeJson, download, graphMl } from './export.ts';
import { defaultState, type AppState, type ViewId } from './state/app-state.ts';
import { formatState, parseState } from './state/url.ts';
import { UndoStack } from './state/undo.ts';
import { createLegend, type Legend } from './panels/legend.ts';
import { createStatusLine, type StatusLine } from './panels/status.ts';
import { createToolbar, type Toolbar } from './panels/toolbar.ts';
import { passage, renderDetails, renderDetailsEmpty, renderDetailsError, renderDetailsLoading, renderEdgeDetails } from './panels/details.ts';
import { createTabs, type Tabs } from './panels/tabs.ts';
import { createExploreView } from './views/explore.ts';
import { createThemesView } from './views/themes.ts';
import { createRelatedView } from './views/related.ts';
import { createPathView } from './views/path.ts';
import { createPassagesView } from './views/passages.ts';
import type { View, ViewHost } from './views/view.ts';
import type { EntityRef, Subgraph } from './types.ts';
import { h } from './dom.ts';

interface Step { canvas: CanvasSnapshot; state: AppState }

/** Neighbours shown per expansion (strongest first); expanding again shows the next ones. */
export const NEIGHBOUR_PAGE = 25;

export interface AppElements {
  graph: HTMLElement; sidebar: HTMLElement; details: HTMLElement; toolbar: HTMLElement;
  legend: HTMLElement; status: HTMLElement; message: HTMLElement; tabs: HTMLElement;
}

/** The keys that define which question a view answers; a change means re-asking the API. */
const QUESTION_KEYS: (keyof AppState)[] = ['view', 'focus', 'theme', 'programme', 'from', 'to', 'avoidThemes', 'avoidHubs', 'query'];

export class App implements ViewHost {
  readonly canvas: GraphCanvas;
  private state: AppState = defaultState();
  private readonly undoStack = new UndoStack<Step>();
  private readonly perView = new Map<ViewId, Step>();
  private readonly views: Map<ViewId, View>;
  private readonly status: StatusLine;
  private readonly legend: Legend;
  private readonly toolbar: Toolbar;
  private readonly tabs: Tabs;
  private loadController: AbortController | null = null;
  private detailsController: AbortController | null = null;
  private restoring = false;
  /** Per expanded node: how many of its neighbours (strongest first) are shown, of how many. */
  private readonly neighbourPages = new Map<string, { shown: number; total: number }>();

  constructor(private readonly el: AppElements) {
    this.canvas = new GraphCanvas(el.graph);
    this.status = createStatusLine(el.status, el.message);
    this.legend = createLegend(el.legend, (value) => {
      this.record();
      this.state.types = value.types;
      this.state.minWeight = value.minWeight;
      this.applyFilter();
      this.writeUrl();
    });
    this.toolbar = createToolbar(el.toolbar, {
      expand: () => { const id = this.canvas.selectedId(); if (id) void this.expand(id); },
      hide: () => { const id = this.canvas.selectedId(); if (id) this.hide(id); },
      undo: () => void this.undo(),
      fit: () => this.canvas.fit(),
      exportPng: () => this.exportPng(),
      exportJson: () => download(`kennisgraaf-${this.state.view}.cyjs.json`, 'application/json', cytoscapeJson(this.canvas.cy)),
      exportGraphMl: () => download(`kennisgraaf-${this.state.view}.graphml`, 'application/graphml+xml', graphMl(this.canvas.cy)),
      copyLink: () => void this.copyLink(),
    });
    const views = [createExploreView(this), createPassagesView(this), createThemesView(this), createRelatedView(this), createPathView(this)];
    this.views = new Map(views.map((v) => [v.id, v]));
    this.tabs = createTabs(el.tabs, el.sidebar, views, (id) => void this.switchView(id));

    this.canvas.onChange(() => this.refreshChrome());
    this.canvas.onSelect((id) => this.onSelect(id));
    this.canvas.onExpand((id) => void this.expand(id));
    this.canvas.onSelectEdge((edge) => this.onSelectEdge(edge));
    this.bindKeys();
    renderDetailsEmpty(el.details);
    window.addEventListener('popstate', () => void this.restore(parseState(location.search)));
  }

  async start(): Promise<void> {
    await this.restore(parseState(location.search));
  }

  /** Asks the current question again (the graph changed, e.g. an import finished). */
  async refresh(): Promise<void> {
    for (const view of this.views.values()) view.invalidate?.();
    await this.restore(this.state);
  }

  // ---- ViewHost ----

  navigate(patch: Partial<AppState>): void {
    this.record();
    const next: AppState = { ...this.state, expanded: [], hidden: [], selected: null, ...patch };
    void this.restore(next, { push: true });
  }

  openEntity(ref: EntityRef): void {
    this.navigate({ view: 'verkennen', focus: ref.id, selected: ref.id });
  }

  async selectEntity(ref: EntityRef): Promise<void> {
    if (this.canvas.has(ref.id)) {
      this.canvas.select(ref.id, { reveal: true });
      return;
    }
    await this.expand(ref.id, this.canvas.selectedId());
    this.canvas.select(ref.id, { reveal: true });
  }

  reportError(error: unknown, retry?: () => void): void {
    if (isAbort(error)) return;
    this.status.error(error instanceof ApiError ? error.message : 'Er ging iets mis. Probeer het opnieuw.', retry);
  }

  // ---- actions ----

  /** Rebuilds the screen from a state (a link, back/forward, a new question). */
  async restore(next: AppState, options: { push?: boolean } = {}): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    const { signal } = controller;
    this.state = { ...next, expanded: [...next.expanded], hidden: [...next.hidden], types: [...next.types] };
    this.writeUrl(options.push);
    this.tabs.select(this.state.view);
    document.body.dataset.view = this.state.view;
    this.legend.set({ types: this.state.types, minWeight: this.state.minWeight });
    this.applyFilter();
    const view = this.views.get(this.state.view)!;
    const done = this.status.loading();
    this.restoring = true;
    try {
      this.status.clear();
      const base = await view.load(this.state, signal);
      if (signal.aborted) return;
      this.neighbourPages.clear();
      if (base && 'total' in base && this.state.focus) this.notePage(this.state.focus, 0, base as Subgraph & { total: number });
      const hidden = new Set(this.state.hidden);
      if (base) await this.canvas.show(base, { replace: true, skip: hidden });
      else this.canvas.clear();
      if (base && base.nodes.length === 0 && this.state.view === 'verkennen') this.status.info('Niets gevonden voor deze link.');
      for (const id of this.state.expanded) {
        const graph = await fetchNeighbourPage(id, NEIGHBOUR_PAGE, 0, { signal });
        if (signal.aborted) return;
        this.notePage(id, 0, graph);
        await this.canvas.show(graph, { anchor: id, skip: hidden });
      }
      this.canvas.setFocus(this.state.view === 'verkennen' ? this.state.focus : null);
      const selected = this.state.selected && this.canvas.has(this.state.selected) ? this.state.selected : null;
      this.canvas.select(selected, { reveal: true });
      if (!selected) this.onSelect(null, true);
      if (!base && this.canvas.nodeIds().length === 0) this.status.info(emptyHint(this.state.view));
      else this.offerMore(this.state.expanded.at(-1) ?? this.state.focus);
      this.perView.set(this.state.view, this.step());
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      const failed = structuredClone(this.state);
      this.reportError(error, () => void this.restore(failed));
    } finally {
      this.restoring = false;
      done();
      this.refreshChrome();
    }
  }

  /**
   * Shows the strongest neighbours of `id` not shown yet, a page at a time: the first
   * expansion the strongest NEIGHBOUR_PAGE, each next one the following page.
   */
  async expand(id: string, anchor: string | null = id): Promise<void> {
    const done = this.status.loading('Buren laden…');
    try {
      const known = this.canvas.has(id) ? this.neighbourPages.get(id) : undefined;
      const offset = known && known.shown < known.total ? known.shown : 0;
      const graph = await fetchNeighbourPage(id, NEIGHBOUR_PAGE, offset);
      this.notePage(id, offset, graph);
      this.record();
      // An explicitly opened node is no longer hidden.
      this.state.hidden = this.state.hidden.filter((h) => h !== id);
      const skip = new Set(this.state.hidden);
      const added = await this.canvas.show(graph, { anchor: this.canvas.has(id) ? id : anchor, skip });
      if (!this.state.expanded.includes(id) && id !== this.state.focus) this.state.expanded.push(id);
      this.writeUrl();
      this.status.clear();
      if (!this.offerMore(id) && added.length === 0) this.status.info('Geen nieuwe buren: alles staat al in beeld.');
    } catch (error) {
      this.reportError(error);
    } finally {
      done();
    }
  }

  private notePage(id: string, offset: number, page: { nodes: unknown[]; total: number }): void {
    this.neighbourPages.set(id, { shown: Math.min(page.total, offset + Math.max(0, page.nodes.length - 1)), total: page.total });
  }

  /** When `id` has neighbours not shown yet, says how many and offers the next page. */
  private offerMore(id: string | null): boolean {
    const page = id ? this.neighbourPages.get(id) : undefined;
    if (!id || !page || page.shown >= page.total) return false;
    const name = this.canvas.label(id) ?? id;
    this.status.info(`${name}: de ${page.shown} sterkste van ${page.total} buren getoond.`, {
      label: `Toon ${Math.min(NEIGHBOUR_PAGE, page.total - page.shown)} meer`,
      run: () => void this.expand(id),
    });
    return true;
  }

  /** How many neighbours of `id` are on screen, of how many (for the details panel). */
  neighbourCount(id: string): { shown: number; total: number } | undefined {
    return this.neighbourPages.get(id);
  }

  hide(id: string): void {
    if (!this.canvas.has(id)) return;
    this.record();
    this.canvas.remove([id]);
    if (!this.state.hidden.includes(id)) this.state.hidden.push(id);
    if (this.state.selected === id) this.state.selected = null;
    this.writeUrl();
  }

  async undo(): Promise<void> {
    const step = this.undoStack.pop();
    if (!step) {
      this.status.info('Er is niets om ongedaan te maken.');
      return;
    }
    const sameQuestion = QUESTION_KEYS.every((k) => step.state[k] === this.state[k]);
    if (!sameQuestion) {
      await this.restore(step.state);
      return;
    }
    this.state = step.state;
    this.legend.set({ types: this.state.types, minWeight: this.state.minWeight });
    this.applyFilter();
    this.canvas.restore(step.canvas);
    if (!step.canvas.selected) this.onSelect(null);
    this.writeUrl();
    this.refreshChrome();
  }

  private async switchView(id: ViewId): Promise<void> {
    if (id === this.state.view) return;
    this.perView.set(this.state.view, this.step());
    const saved = this.perView.get(id);
    if (saved) {
      this.loadController?.abort();
      this.state = { ...saved.state, types: this.state.types, minWeight: this.state.minWeight };
      this.tabs.select(id);
      document.body.dataset.view = id;
      this.canvas.restore(saved.canvas);
      this.applyFilter();
      this.onSelect(saved.canvas.selected, true);
      this.status.clear();
      if (saved.canvas.nodes.length === 0) this.status.info(emptyHint(id));
      this.writeUrl(true);
      this.refreshChrome();
      return;
    }
    const fresh: AppState = { ...defaultState(), view: id, types: this.state.types, minWeight: this.state.minWeight };
    await this.restore(fresh, { push: true });
  }

  private onSelect(id: string | null, force = false): void {
    if (this.restoring && id === null && !force) return;
    if (id === null && !force && this.canvas.cy.$('edge:selected').nonempty()) {
      // An edge took the selection: its details are shown instead.
      this.state.selected = null;
      this.writeUrl();
      this.refreshChrome();
      return;
    }
    this.state.selected = id;
    this.writeUrl();
    this.refreshChrome();
    this.detailsController?.abort();
    if (!id) {
      renderDetailsEmpty(this.el.details);
      return;
    }
    const controller = new AbortController();
    this.detailsController = controller;
    renderDetailsLoading(this.el.details, this.canvas.label(id));
    fetchEntity(id, { signal: controller.signal })
      .then((entity) => {
        if (controller.signal.aborted) return;
        if (!entity) renderDetailsError(this.el.details, 'Deze knoop bestaat niet (meer) in de graaf.');
        else renderDetails(this.el.details, entity, {
          open: (ref) => void this.selectEntity(ref),
          expand: (nodeId) => void this.expand(nodeId),
          hide: (nodeId) => this.hide(nodeId),
          whoWorksOn: (themeId) => this.navigate({ view: 'themas', theme: themeId }),
        }, this.canvas.has(id), this.neighbourPages.get(id));
      })
      .catch((error) => {
        if (controller.signal.aborted || isAbort(error)) return;
        renderDetailsError(this.el.details, error instanceof ApiError ? error.message : 'Details laden mislukt.');
      });
  }

  private onSelectEdge(edge: EdgeChoice): void {
    this.detailsController?.abort();
    const controller = new AbortController();
    this.detailsController = controller;
    const target = renderEdgeDetails(this.el.details, edge, { open: (ref) => void this.selectEntity(ref), expand: () => undefined, hide: () => undefined, whoWorksOn: () => undefined });
    fetchEdgeEvidence(edge.source.id, edge.target.id, { signal: controller.signal })
      .then((edges) => {
        if (controller.signal.aborted) return;
        const evidence = edges.filter((e) => e.type === edge.type).flatMap((e) => e.evidence);
        target.replaceChildren(evidence.length
          ? h('ul', { class: 'passage-list' }, ...evidence.map(passage))
          : h('p', { class: 'muted', text: 'Geen fragmenten gevonden voor deze verbinding.' }));
      })
      .catch((error) => {
        if (controller.signal.aborted || isAbort(error)) return;
        target.replaceChildren(h('p', { class: 'error-text', text: error instanceof ApiError ? error.message : 'Fragmenten laden mislukt.' }));
      });
  }

  // ---- helpers ----

  private step(): Step {
    return { canvas: this.canvas.snapshot(), state: structuredClone(this.state) };
  }

  private record(): void {
    this.undoStack.push(this.step());
  }

  private applyFilter(): void {
    this.canvas.setFilter({ types: new Set(this.state.types), minWeight: this.state.minWeight });
  }

  private writeUrl(push = false): void {
    const url = formatState(this.state) + location.hash;
    if (url === location.search + location.hash) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private refreshChrome(): void {
    const { nodes, edges } = this.canvas.visibleCounts();
    this.status.counts(nodes, edges);
    this.legend.setMaxWeight(this.canvas.maxEdgeWeight());
    this.toolbar.update({ hasSelection: this.canvas.selectedId() !== null, canUndo: this.undoStack.size > 0, hasNodes: nodes > 0 });
  }

  private exportPng(): void {
    const blob = this.canvas.png();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `kennisgraaf-${this.state.view}.png`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.status.info('Link gekopieerd.');
    } catch {
      this.status.info(`Link: ${location.href}`);
    }
  }

  private bindKeys(): void {
    this.el.graph.addEventListener('keydown', (event) => {
      const selected = this.canvas.selectedId();
      switch (event.key) {
        case 'ArrowRight': case 'ArrowDown': this.canvas.step(1); break;
        case 'ArrowLeft': case 'ArrowUp': this.canvas.step(-1); break;
        case 'Enter': case ' ': if (selected) void this.expand(selected); break;
        case 'Delete': case 'Backspace': if (selected) this.hide(selected); break;
        case 'Escape': this.canvas.select(null); break;
        case '+': case '=': this.canvas.cy.zoom({ level: this.canvas.cy.zoom() * 1.2, renderedPosition: centre(this.el.graph) }); break;
        case '-': this.canvas.cy.zoom({ level: this.canvas.cy.zoom() / 1.2, renderedPosition: centre(this.el.graph) }); break;
        default: return;
      }
      event.preventDefault();
    });
    document.addEventListener('keydown', (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') && (target as HTMLInputElement).type !== 'checkbox' && (target as HTMLInputElement).type !== 'range') return;
      event.preventDefault();
      void this.undo();
    });
  }
}

function centre(el: HTMLElement): { x: number; y: number } {
  return { x: el.clientWidth / 2, y: el.clientHeight / 2 };
}

function emptyHint(view: ViewId): string {
  switch (view) {
    case 'verkennen': return 'Zoek links een persoon, organisatie, gemeente, programma of thema om te beginnen.';
    case 'fragmenten': return 'Zoek links in de teksten: de passages verschijnen in de lijst, de namen erin openen de graaf.';
    case 'themas': return 'Kies links een thema.';
    case 'vergelijkbaar': return 'Kies links een programma.';
    case 'verbinding': return 'Kies links twee namen.';
  }
}
