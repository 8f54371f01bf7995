/** "Verkennen": search any entity, open it with its neighbours, expand step by step. */
import { h } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchNeighbourhood, fetchStats } from '../queries.ts';
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
  const panel = h('div', { class: 'view-panel', id: 'paneel-verkennen' },
    h('h2', { text: 'Verkennen' }),
    search.element,
    h('p', { class: 'help', text: 'Kies een resultaat om het met zijn buren te tonen. Dubbelklik of Enter breidt een knoop uit; Verbergen haalt hem weg; Ctrl+Z maakt de laatste stap ongedaan.' }),
    stats,
  );
  let statsShown = false;

  return {
    id: 'verkennen',
    label: 'Verkennen',
    panel,
    async load(state, signal) {
      if (!statsShown) {
        statsShown = true;
        fetchStats({ signal }).then((s) => { stats.textContent = statsText(s); }).catch(() => { statsShown = false; });
      }
      if (!state.focus) {
        search.setValue('');
        return null;
      }
      const graph = await fetchNeighbourhood(state.focus, 1, 150, { signal });
      const self = graph.nodes.find((n) => n.id === state.focus);
      search.setValue(self?.label ?? '');
      return graph;
    },
  };
}

function statsText(s: Stats): string {
  return `De teksten: ${s.documents} documenten, ${s.people} personen, ${s.organisations} organisaties, ` +
    `${s.municipalities} gemeenten, ${s.programmes} programma's, ${s.themes} thema's en ${s.relations} verbanden.`;
}
