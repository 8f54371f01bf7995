/**
 * "Wat zeggen de documenten over X?": passage search over the text of every section, ranked
 * (all words before some, Dutch stems count), the matched words marked, each passage with
 * the entities it mentions; choosing one opens it in the graph.
 */
import { h, trusted } from '../dom.ts';
import { fetchPassages } from '../queries.ts';
import { shapeIcon } from '../graph/style.ts';
import { TYPE_LABEL } from '../labels.ts';
import { exportButtons, slug, type ExportEntry } from '../export.ts';
import type { PassageHit } from '../types.ts';
import type { View, ViewHost } from './view.ts';

export function createPassagesView(host: ViewHost): View {
  const input = h('input', { type: 'search', id: 'fragment-zoeken', autocomplete: 'off', placeholder: 'bijv. eenzame ouderen', 'aria-describedby': 'fragment-hint' });
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Zoeken' });
  const form = h('form', { class: 'field passage-form', role: 'search' },
    h('label', { for: 'fragment-zoeken', text: 'Zoek in de teksten' }),
    h('div', { class: 'inline' }, input, submit),
    h('p', { class: 'search-hint', id: 'fragment-hint' }),
  );
  const result = h('div', { class: 'ranked', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-fragmenten' },
    h('h2', { text: 'Wat zeggen de documenten?' }),
    form,
    h('p', { class: 'help', text: 'Passages met alle woorden eerst; vervoegingen tellen mee (“eenzame” vindt “eenzaamheid”). Kies een naam om die in de graaf te openen.' }),
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query) host.navigate({ query });
  });

  return {
    id: 'fragmenten',
    label: 'Passages',
    panel,
    async load(state, signal) {
      input.value = state.query ?? '';
      if (!state.query) {
        result.replaceChildren();
        return null;
      }
      const hits = await fetchPassages(state.query, 20, { signal });
      renderHits(result, state.query, hits, host);
      return null;
    },
  };
}

function renderHits(container: HTMLElement, query: string, hits: PassageHit[], host: ViewHost): void {
  if (!hits.length) {
    container.replaceChildren(h('p', { class: 'muted', id: 'geen-fragmenten', text: `Geen passages gevonden voor “${query}”.` }));
    return;
  }
  const entries = (): ExportEntry[] => hits.map((p, i) => ({
    rank: i + 1, id: p.sectionId, name: p.section ?? p.document.title, type: 'PASSAGE', score: p.score,
    reason: p.matchedWords.join(' '), evidence: [{ document: p.document, section: p.section, snippet: p.snippet, sectionId: p.sectionId }],
  }));
  container.replaceChildren(
    h('h3', { text: `${hits.length} passages over “${query}”` }),
    exportButtons('export-fragmenten', `Passages over ${query}`, `passages-${slug(query)}`, entries),
    h('ol', { class: 'rank-list passage-hits', id: 'fragmenten-lijst' }, ...hits.map((hit) => {
      const quote = h('blockquote', { class: 'marked' }, ...hit.parts.map((p) => (p.match ? h('mark', { text: p.text }) : p.text)));
      const entities = hit.entities.map((e) => {
        const b = h('button', { type: 'button', class: 'chip', 'data-id': e.id, title: `${TYPE_LABEL[e.type]}: in de graaf openen` }, trusted(shapeIcon(e.type, 11)), h('span', { text: e.name }));
        b.addEventListener('click', () => host.openEntity(e));
        return b;
      });
      return h('li', { class: 'rank-item passage-hit', 'data-section': hit.sectionId },
        h('div', { class: 'rank-head' },
          h('span', { class: 'rank-name', text: hit.section ?? 'Zonder titel' }),
          h('span', { class: 'weight', title: 'Relevantie (hoger is beter)', text: hit.score.toFixed(1) })),
        h('p', { class: 'source' }, h('cite', { text: hit.document.title }), hit.document.published ? ` (${hit.document.published})` : ''),
        quote,
        entities.length ? h('div', { class: 'chips', 'aria-label': 'Genoemd in deze passage' }, ...entities) : null,
      );
    })),
  );
}
