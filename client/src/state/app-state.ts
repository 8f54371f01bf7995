/** Everything a link must reproduce: the view, what is on screen, the selection and the filters. */
import { ENTITY_TYPES, type EntityType } from '../types.ts';

export type ViewId = 'verkennen' | 'fragmenten' | 'themas' | 'vergelijkbaar' | 'verbinding';

export const VIEW_IDS: readonly ViewId[] = ['verkennen', 'fragmenten', 'themas', 'vergelijkbaar', 'verbinding'];

export interface AppState {
  view: ViewId;
  /** Explore view: the entity opened from search, then the nodes expanded after it, in order. */
  focus: string | null;
  expanded: string[];
  /** Nodes the user hid; expansions do not bring them back. */
  hidden: string[];
  selected: string | null;
  /** Entity types shown (the legend filter). */
  types: EntityType[];
  /** Edges weaker than this are hidden. */
  minWeight: number;
  theme: string | null;
  programme: string | null;
  from: string | null;
  to: string | null;
  /** Path view: no themes, no hubs on the way. */
  avoidThemes: boolean;
  avoidHubs: boolean;
  /** Passage view: the words searched for. */
  query: string | null;
}

export function defaultState(): AppState {
  return {
    view: 'verkennen',
    focus: null,
    expanded: [],
    hidden: [],
    selected: null,
    types: [...ENTITY_TYPES],
    minWeight: 0,
    theme: null,
    programme: null,
    from: null,
    to: null,
    avoidThemes: false,
    avoidHubs: false,
    query: null,
  };
}
