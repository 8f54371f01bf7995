/**
 * "Vergelijkbare initiatieven": pick a programme, see programmes in other municipalities,
 * ranked, with the shared themes and organisations that explain each match.
 */
import { h } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchRelated, type ProgrammeSummary } from '../queries.ts';
import { formatWeight } from '../labels.ts';
import { exportButtons, slug, type ExportEntry } from '../export.ts';
import type { GraphEdge, GraphNode, RelatedProgramme, Subgraph } from '../types.ts';

/** What the score means, for the tooltip and the help text. */
export const SCORE_EXPLAINED =
  'Score: de som over gedeelde thema’s en organisaties van hoe specifiek ze zijn, ln((S − s + ½) / (s + ½)) ' +
  'met S passages in de teksten en s die de naam noemen. Genoemd in de helft of meer: 0 (zoals de uitgever); ' +
  'in een kwart: ongeveer 1; in één passage: ongeveer 5. Overeenkomsten onder 1 worden niet getoond.';
import type { View, ViewHost } from './view.ts';

export function createRelatedView(host: ViewHost): View {
  const search = createSearchBox({
    id: 'programma-zoeken',
    label: 'Programma',
    placeholder: 'Naam van een programma of initiatief',
    types: ['PROGRAMME'],
    onChoose: (hit) => host.navigate({ programme: hit.id }),
  });
  const result = h('div', { class: 'ranked', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-vergelijkbaar' },
    h('h2', { text: 'Vergelijkbare initiatieven' }),
    search.element,
    h('p', { class: 'help', text: 'Programma’s in andere gemeenten, gerangschikt op wat ze delen: thema’s en organisaties, hoe specifieker hoe zwaarder. Wat iedereen deelt (de uitgever, een verzamelthema) telt nauwelijks.' }),
    h('details', { class: 'help small score-help', id: 'score-uitleg' }, h('summary', { text: 'Hoe werkt de score?' }), h('p', { text: SCORE_EXPLAINED })),
    result,
  );

  return {
    id: 'vergelijkbaar',
    label: 'Vergelijkbare initiatieven',
    panel,
    async load(state, signal) {
      if (!state.programme) {
        search.setValue('');
        result.replaceChildren();
        return null;
      }
      const { source, related } = await fetchRelated(state.programme, 10, { signal });
      if (!source) {
        result.replaceChildren(h('p', { class: 'error-text', text: 'Dit programma bestaat niet (meer).' }));
        return { nodes: [], edges: [] };
      }
      search.setValue(source.name);
      renderRanking(result, source, related, host);
      return relatedGraph(source, related);
    },
  };
}

function names(items: { name: string }[]): string {
  return items.map((i) => i.name).join(', ');
}

function renderRanking(container: HTMLElement, source: ProgrammeSummary, related: RelatedProgramme[], host: ViewHost): void {
  const where = source.municipalities?.length ? ` (${names(source.municipalities)})` : '';
  if (!related.length) {
    container.replaceChildren(h('p', { class: 'muted', text: `Geen vergelijkbare programma’s in andere gemeenten gevonden voor ${source.name}${where}.` }));
    return;
  }
  const reasonText = (r: RelatedProgramme) => (r.reasons ?? []).map((x) => `${x.entity.name} (${formatWeight(x.weight)})`).join('; ');
  const entries = (): ExportEntry[] => related.map((r, i) => ({
    rank: i + 1, id: r.programme.id, name: r.programme.name, type: 'PROGRAMME', score: r.score, reason: reasonText(r), evidence: [],
  }));
  const weightOf = (r: RelatedProgramme, id: string) => r.reasons?.find((x) => x.entity.id === id)?.weight;
  const named = (r: RelatedProgramme, items: { id: string; name: string }[]) =>
    items.map((i) => { const w = weightOf(r, i.id); return w === undefined ? i.name : `${i.name} (${formatWeight(w)})`; }).join(', ');
  container.replaceChildren(
    h('h3', { text: `Lijkt op ${source.name}${where}` }),
    exportButtons('export-vergelijkbaar', `Lijkt op ${source.name}`, `vergelijkbaar-${slug(source.name)}`, entries),
    h('ol', { class: 'rank-list', id: 'vergelijkbare-lijst' }, ...related.map((r) => {
      const name = h('button', { type: 'button', class: 'link rank-name', 'data-id': r.programme.id, text: r.programme.name });
      name.addEventListener('click', () => host.selectEntity({ id: r.programme.id, name: r.programme.name, type: 'PROGRAMME' }));
      return h('li', { class: 'rank-item' },
        h('div', { class: 'rank-head' }, name, h('span', { class: 'weight', title: SCORE_EXPLAINED, text: formatWeight(r.score) })),
        r.programme.municipalities.length ? h('p', { class: 'muted small', text: `In ${names(r.programme.municipalities)}` }) : null,
        r.sharedThemes.length ? h('p', { class: 'reason' }, h('strong', { text: 'Gedeelde thema’s: ' }), named(r, r.sharedThemes)) : null,
        r.sharedOrganisations.length ? h('p', { class: 'reason' }, h('strong', { text: 'Gedeelde organisaties: ' }), named(r, r.sharedOrganisations)) : null,
      );
    })),
  );
}

/** The source, the matches, and the shared themes and organisations that connect them. */
function relatedGraph(source: ProgrammeSummary, related: RelatedProgramme[]): Subgraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const node = (id: string, type: GraphNode['type'], label: string, weight = 0) => {
    if (!nodes.has(id)) nodes.set(id, { id, type, label, weight });
  };
  const edge = (type: string, from: string, to: string, weight = 1) => edges.push({ id: `${type}:${from}:${to}`, source: from, target: to, type, weight });

  node(source.id, 'PROGRAMME', source.name, related.length);
  for (const m of source.municipalities ?? []) { node(m.id, 'MUNICIPALITY', m.name); edge('RUNS_IN', source.id, m.id); }
  const sourceThemes = new Map((source.themes ?? []).map((t) => [t.theme.id, t.weight]));
  for (const r of related) {
    node(r.programme.id, 'PROGRAMME', r.programme.name, r.score);
    for (const m of r.programme.municipalities) { node(m.id, 'MUNICIPALITY', m.name); edge('RUNS_IN', r.programme.id, m.id); }
    for (const t of r.sharedThemes) {
      node(t.id, 'THEME', t.name);
      edge('WORKS_ON', r.programme.id, t.id);
      edge('WORKS_ON', source.id, t.id, sourceThemes.get(t.id) ?? 1);
    }
    for (const o of r.sharedOrganisations) {
      node(o.id, 'ORGANISATION', o.name);
      edge('RUN_BY', r.programme.id, o.id);
      edge('RUN_BY', source.id, o.id);
    }
  }
  return { nodes: [...nodes.values()], edges };
}
