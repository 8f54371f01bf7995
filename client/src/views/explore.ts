/** "Verkennen": search any entity, open it with its neighbours, expand step by step. */
import { h } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchNeighbourPage, fetchStartingPoints, fetchStats } from '../queries.ts';
import type { Stats } from '../types.ts';
import type { View, ViewHost } from './view.ts';

export function createExploreView(host: ViewHost): View {
  const search = createSearchBox({
    id: 'zoeken',
    label: 'Zoeken',
    placeholder: 'Persoon, organisatie, gemeente, programma of thema',
    onChoose: (hit) => host.openEntity(hit),
  });
  const stats = h('p', { class: 'muted stats' });
  const start = h('div', { class: 'starting-points', id: 'beginpunten' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-verkennen' },
    h('h2', { text: 'Verkennen' }),
    search.element,
    h('p', { class: 'help', text: 'Kies een resultaat om het met zijn buren te tonen. Dubbelklik of Enter breidt een knoop uit; Verbergen haalt hem weg; Ctrl+Z maakt de laatste stap ongedaan.' }),
    start,
    stats,
  );
  let statsShown = false;
  let startShown = false;

  return {
    id: 'verkennen',
    label: 'Verkennen',
    panel,
    async load(state, signal) {
      if (!statsShown) {
        statsShown = true;
        fetchStats({ signal }).then((s) => { stats.textContent = statsText(s); }).catch(() => { statsShown = false; });
      }
      start.hidden = Boolean(state.focus);
      if (!startShown) {
        startShown = true;
        fetchStartingPoints({ signal }).then((points) => renderStartingPoints(start, points, host)).catch(() => { startShown = false; });
      }
      if (!state.focus) {
        search.setValue('');
        return null;
      }
      const graph = await fetchNeighbourPage(state.focus, 25, 0, { signal });
      const self = graph.nodes.find((n) => n.id === state.focus);
      search.setValue(self?.label ?? '');
      return graph;
    },
    invalidate() {
      statsShown = false;
      startShown = false;
    },
  };
}

function statsText(s: Stats): string {
  return `De teksten: ${s.documents} documenten, ${s.people} personen, ${s.organisations} organisaties, ` +
    `${s.municipalities} gemeenten, ${s.programmes} programma's, ${s.themes} thema's en ${s.relations} verbanden.`;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "februari 2018" -> 201802 (for sorting; unknown dates last). */
function dateKey(published: string | null | undefined): number {
  const text = (published ?? '').toLowerCase();
  const year = Number(text.match(/\b(19|20)\d\d\b/)?.[0] ?? 0);
  const month = MONTHS.findIndex((m) => text.includes(m)) + 1;
  return year * 100 + month;
}

type StartingPoints = Awaited<ReturnType<typeof fetchStartingPoints>>;

/** The landing page: the largest themes, the newest documents and one example per question, all from the data. */
function renderStartingPoints(container: HTMLElement, points: StartingPoints, host: ViewHost): void {
  const link = (text: string, onClick: () => void, attrs: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', class: 'link', ...attrs, text });
    b.addEventListener('click', onClick);
    return b;
  };
  const theme = points.themes[0];
  const programme = points.programmes.find((p) => p.municipalities.length > 0);
  const [a, b] = points.people;
  const examples = [
    theme && h('li', {}, 'Wie werkt aan ', link(theme.name, () => host.navigate({ view: 'themas', theme: theme.id }), { 'data-example': 'themas' }), '?'),
    programme && h('li', {}, 'Wat lijkt op ', link(programme.name, () => host.navigate({ view: 'vergelijkbaar', programme: programme.id }), { 'data-example': 'vergelijkbaar' }), '?'),
    a && b && h('li', {}, 'Hoe zijn ', link(`${a.name} en ${b.name}`, () => host.navigate({ view: 'verbinding', from: a.id, to: b.id }), { 'data-example': 'verbinding' }), ' verbonden?'),
    theme && h('li', {}, 'Wat zeggen de teksten over ', link(theme.name, () => host.navigate({ view: 'fragmenten', query: theme.name }), { 'data-example': 'fragmenten' }), '?'),
  ].filter(Boolean) as HTMLElement[];
  const documents = [...points.documents].sort((x, y) => dateKey(y.published) - dateKey(x.published)).slice(0, 5);
  container.replaceChildren(
    h('h3', { text: 'Probeer' }),
    h('ul', { class: 'start-list', id: 'voorbeelden' }, ...examples),
    h('h3', { text: 'Grootste thema’s' }),
    h('ul', { class: 'start-list chips', id: 'grootste-themas' }, ...points.themes.map((t) =>
      h('li', {}, link(`${t.name} (${t.mentionCount})`, () => host.navigate({ view: 'themas', theme: t.id }), { 'data-id': t.id })))),
    h('h3', { text: 'Nieuwste documenten' }),
    h('ul', { class: 'start-list', id: 'nieuwste-documenten' }, ...documents.map((d) =>
      h('li', {}, link(d.title, () => host.navigate({ view: 'fragmenten', query: d.title }), { title: 'Passages uit en over dit document' }),
        d.published ? h('span', { class: 'muted small', text: ` ${d.published}` }) : null))),
  );
}
