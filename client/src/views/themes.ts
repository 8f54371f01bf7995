/** "Thema's": pick a theme, see the people ranked by weight (list and graph) with the passages behind it. */
import { h } from '../dom.ts';
import { fetchThemePeople, fetchThemes } from '../queries.ts';
import { formatWeight } from '../labels.ts';
import { passage } from '../panels/details.ts';
import type { EntityRef, Mention, PersonThemeLink, Subgraph } from '../types.ts';
import type { View, ViewHost } from './view.ts';

export function createThemesView(host: ViewHost): View {
  const select = h('select', { id: 'thema-kiezen' }, h('option', { value: '', text: 'Thema’s laden…' }));
  const result = h('div', { class: 'ranked', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-themas' },
    h('h2', { text: "Thema's" }),
    h('div', { class: 'field' }, h('label', { for: 'thema-kiezen', text: 'Thema' }), select),
    h('p', { class: 'help', text: 'Wie werkt aan dit thema? De sterkste eerst, met de passage die het zegt.' }),
    result,
  );
  let themes: EntityRef[] | null = null;
  select.addEventListener('change', () => { if (select.value) host.navigate({ theme: select.value }); });

  async function ensureThemes(signal: AbortSignal): Promise<void> {
    if (themes) return;
    themes = (await fetchThemes({ signal })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    select.replaceChildren(h('option', { value: '', text: 'Kies een thema…' }), ...themes.map((t) => h('option', { value: t.id, text: t.name })));
  }

  return {
    id: 'themas',
    label: "Thema's",
    panel,
    async load(state, signal) {
      await ensureThemes(signal);
      select.value = state.theme ?? '';
      if (!state.theme) {
        result.replaceChildren();
        return null;
      }
      const data = await fetchThemePeople(state.theme, 25, { signal });
      if (!data) {
        result.replaceChildren(h('p', { class: 'error-text', text: 'Dit thema bestaat niet (meer).' }));
        return { nodes: [], edges: [] };
      }
      renderRanking(result, data.theme, data.people, host);
      return themeGraph(data.theme, data.people);
    },
  };
}

function renderRanking(container: HTMLElement, theme: EntityRef, people: PersonThemeLink[], host: ViewHost): void {
  if (!people.length) {
    container.replaceChildren(h('p', { class: 'muted', text: `Nog niemand gevonden die aan ${theme.name} werkt.` }));
    return;
  }
  const max = Math.max(...people.map((p) => p.weight), 1);
  container.replaceChildren(
    h('h3', { text: `Personen bij ${theme.name}` }),
    h('ol', { class: 'rank-list', id: 'thema-personen' }, ...people.map((link) => {
      const name = h('button', { type: 'button', class: 'link rank-name', 'data-id': link.person.id, text: link.person.name });
      name.addEventListener('click', () => host.selectEntity({ id: link.person.id, name: link.person.name, type: 'PERSON' }));
      const context = [link.person.roles?.join(', '), link.person.organisations?.map((o) => o.name).join(', ')].filter(Boolean).join(' · ');
      return h('li', { class: 'rank-item' },
        h('div', { class: 'rank-head' }, name, h('span', { class: 'weight', title: 'Sterkte', text: formatWeight(link.weight) })),
        h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((100 * link.weight) / max)}%` })),
        context ? h('p', { class: 'muted small', text: context }) : null,
        link.evidence.length ? evidenceSummary(link.evidence[0]) : null,
        link.evidence.length
          ? h('details', { class: 'evidence' }, h('summary', { text: `Bewijs (${link.evidence.length})` }), h('ul', { class: 'passage-list' }, ...link.evidence.map(evidenceItem)))
          : null,
      );
    })),
  );
}

/** Where a link comes from: a sentence that names both, or the article the person stands in. */
function evidenceLabel(m: Mention): string {
  if (m.kind === 'ARTICLE') return m.article?.title ? `Uit het artikel “${m.article.title}”` : 'Uit het artikel';
  return 'Uit de zin';
}

function evidenceSummary(m: Mention): HTMLElement {
  return h('p', { class: 'evidence-kind small', 'data-kind': m.kind ?? 'SENTENCE', text: evidenceLabel(m) });
}

function evidenceItem(m: Mention): HTMLElement {
  const item = passage(m);
  item.dataset.kind = m.kind ?? 'SENTENCE';
  item.prepend(h('p', { class: 'evidence-kind small', text: evidenceLabel(m) }));
  return item;
}

function themeGraph(theme: EntityRef, people: PersonThemeLink[]): Subgraph {
  return {
    nodes: [
      { id: theme.id, type: 'THEME', label: theme.name, weight: people.length },
      ...people.map((p) => ({ id: p.person.id, type: 'PERSON' as const, label: p.person.name, weight: p.weight })),
    ],
    edges: people.map((p) => ({ id: `WORKS_ON:${p.person.id}:${theme.id}`, source: p.person.id, target: theme.id, type: 'WORKS_ON', weight: p.weight })),
  };
}
