/** What every view (tab) offers the app, and what the app offers the views. */
import type { AppState, ViewId } from '../state/app-state.ts';
import type { EntityRef, Subgraph } from '../types.ts';

export interface ViewHost {
  /** Start a new question in this view: the patch becomes the view's state, the graph is rebuilt. */
  navigate(patch: Partial<AppState>): void;
  /** Open an entity in the explore view (search result). */
  openEntity(ref: EntityRef): void;
  /** Select a node on screen (or add it when absent) and show its details. */
  selectEntity(ref: EntityRef): void;
  reportError(error: unknown, retry?: () => void): void;
}

export interface View {
  id: ViewId;
  label: string;
  panel: HTMLElement;
  /**
   * Builds the view's panel for `state` and returns the graph it starts from, or null when
   * the view has nothing to show yet (no theme chosen, ...). Throws ApiError on failure.
   */
  load(state: AppState, signal: AbortSignal): Promise<Subgraph | null>;
  /** Forgets what the view keeps between loads (counts, starting points): the graph has changed. */
  invalidate?(): void;
}
