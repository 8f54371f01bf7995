/**
 * AppState <-> query string. Short, readable keys so that a copied link stays legible:
 * ?weergave=verkennen&focus=person:kim-putters&uitgebreid=a,b&verborgen=c&selectie=d&typen=PERSON,THEME&sterkte=1
 */
import { isEntityType } from '../types.ts';
import { defaultState, VIEW_IDS, type AppState, type ViewId } from './app-state.ts';

const KEYS = {
  view: 'weergave',
  focus: 'focus',
  expanded: 'uitgebreid',
  hidden: 'verborgen',
  selected: 'selectie',
  types: 'typen',
  minWeight: 'sterkte',
  theme: 'thema',
  programme: 'programma',
  from: 'van',
  to: 'naar',
  avoidThemes: 'zonder-themas',
  avoidHubs: 'zonder-hubs',
  query: 'zoekterm',
} as const;

/** Ids contain ':' and '-' but never ','; lists are comma-separated. */
function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const state = defaultState();
  const view = params.get(KEYS.view);
  if (view && (VIEW_IDS as readonly string[]).includes(view)) state.view = view as ViewId;
  state.focus = params.get(KEYS.focus) || null;
  state.expanded = list(params.get(KEYS.expanded));
  state.hidden = list(params.get(KEYS.hidden));
  state.selected = params.get(KEYS.selected) || null;
  if (params.has(KEYS.types)) state.types = list(params.get(KEYS.types)).filter(isEntityType);
  const weight = Number(params.get(KEYS.minWeight));
  if (Number.isFinite(weight) && weight > 0) state.minWeight = weight;
  state.theme = params.get(KEYS.theme) || null;
  state.programme = params.get(KEYS.programme) || null;
  state.from = params.get(KEYS.from) || null;
  state.to = params.get(KEYS.to) || null;
  state.avoidThemes = params.get(KEYS.avoidThemes) === '1';
  state.avoidHubs = params.get(KEYS.avoidHubs) === '1';
  state.query = params.get(KEYS.query)?.trim() || null;
  return state;
}

/** Only what differs from the default goes into the link; keys of other views are left out. */
export function formatState(state: AppState): string {
  const base = defaultState();
  const params = new URLSearchParams();
  params.set(KEYS.view, state.view);
  if (state.view === 'verkennen') {
    if (state.focus) params.set(KEYS.focus, state.focus);
  }
  if (state.view === 'themas' && state.theme) params.set(KEYS.theme, state.theme);
  if (state.view === 'vergelijkbaar' && state.programme) params.set(KEYS.programme, state.programme);
  if (state.view === 'verbinding') {
    if (state.from) params.set(KEYS.from, state.from);
    if (state.to) params.set(KEYS.to, state.to);
    if (state.avoidThemes) params.set(KEYS.avoidThemes, '1');
    if (state.avoidHubs) params.set(KEYS.avoidHubs, '1');
  }
  if (state.view === 'fragmenten' && state.query) params.set(KEYS.query, state.query);
  if (state.expanded.length) params.set(KEYS.expanded, state.expanded.join(','));
  if (state.hidden.length) params.set(KEYS.hidden, state.hidden.join(','));
  if (state.selected) params.set(KEYS.selected, state.selected);
  if (state.types.length !== base.types.length || state.types.some((t) => !base.types.includes(t))) {
    params.set(KEYS.types, state.types.join(','));
  }
  if (state.minWeight > 0) params.set(KEYS.minWeight, String(state.minWeight));
  // URLSearchParams escapes ':' and ','; ids stay readable without it.
  return '?' + params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}
