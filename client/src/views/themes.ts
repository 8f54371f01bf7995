/**
 * "Thema's": pick a theme (search as you type), see who works on it: people, organisations,
 * programmes and municipalities, each ranked by weight with the passages behind it, in lists
 * (exportable) and in the graph.
 */
import { h } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchNames, fetchThemeMembers, MEMBER_TYPES, type MemberType } from '../queries.ts';
import { TYPE_PLURAL, formatWeight } from '../labels.ts';
import { passage } from '../panels/details.ts';
import { exportButtons, slug, type ExportEntry } from '../export.ts';
import type { EntityRef, Mention, RankedEntry, Subgraph } from '../types.ts';
import type { View, ViewHost } from './view.ts';

/** Element ids of the four lists (stable: tests and links use them). */
export const MEMBER_LIST_ID: Record<MemberType, string> = {
  PERSON: 'thema-personen',
  ORGANISATION: 'thema-organisaties',
  PROGRAMME: 'thema-programmas',
  MUNICIPALITY: 'thema-gemeenten',
};

const PER_KIND = 25;

export function createThemesView(host: ViewHost): View {
  const picker = createSearchBox({
    id: 'thema-kiezen',
    label: 'Thema',
    placeholder: 'Typ een thema, bijv. de eerste letters',
    types: ['THEME'],
    onChoose: (hit) => host.navigate({ theme: hit.id }),
  });
  const result = h('div', { class: 'ranked', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-themas' },
    h('h2', { text: "Thema's" }),
    picker.element,
    h('p', { class: 'help', text: 'Wie werkt aan dit thema? Personen, organisaties, programma’s en gemeenten, de sterkste eerst, met de passages die het zeggen.' }),
    result,
  );

  return {
    id: 'themas',
    label: "Thema's",
    panel,
    async load(state, signal) {
      if (!state.theme) {
        picker.setValue('');
        result.replaceChildren();
        return null;
      }
      const data = await fetchThemeMembers(state.theme, PER_KIND, { signal });
      if (!data) {
        const names = await fetchNames([state.theme], { signal }).catch(() => new Map());
        picker.setValue(names.get(state.theme)?.name ?? '');
        result.replaceChildren(h('p', { class: 'error-text', text: 'Dit thema bestaat niet (meer).' }));
        return { nodes: [], edges: [] };
      }
      picker.setValue(data.theme.name);
      renderMembers(result, data.theme, data.members, host);
      return themeGraph(data.theme, data.members);
    },
  };
}

function renderMembers(container: HTMLElement, theme: EntityRef, members: Record<MemberType, RankedEntry[]>, host: ViewHost): void {
  const sections = MEMBER_TYPES.map((type) => {
    const list = members[type];
    const heading = h('h3', { text: `${TYPE_PLURAL[type]} (${list.length})` });
    if (!list.length) return h('section', { class: 'member-kind', 'data-type': type }, heading, h('p', { class: 'muted small', id: MEMBER_LIST_ID[type], text: `Geen ${TYPE_PLURAL[type].toLowerCase()} gevonden.` }));
    const max = Math.max(...list.map((m) => m.weight), 1);
    const entries = (): ExportEntry[] => list.map((m, i) => ({
      rank: i + 1, id: m.entity.id, name: m.entity.name, type: m.entity.type, score: m.weight, reason: `werkt aan ${theme.name}`, evidence: m.evidence,
    }));
    return h('section', { class: 'member-kind', 'data-type': type },
      heading,
      exportButtons(`export-${MEMBER_LIST_ID[type]}`, `${TYPE_PLURAL[type]} bij ${theme.name}`, `${slug(theme.name)}-${slug(TYPE_PLURAL[type])}`, entries),
      h('ol', { class: 'rank-list', id: MEMBER_LIST_ID[type] }, ...list.map((m) => {
        const name = h('button', { type: 'button', class: 'link rank-name', 'data-id': m.entity.id, text: m.entity.name });
        name.addEventListener('click', () => host.selectEntity({ id: m.entity.id, name: m.entity.name, type: m.entity.type }));
        return h('li', { class: 'rank-item' },
          h('div', { class: 'rank-head' }, name, h('span', { class: 'weight', title: 'Sterkte: gewicht van de verbanden met het thema, opgeteld over de documenten', text: formatWeight(m.weight) })),
          h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((100 * m.weight) / max)}%` })),
          m.evidence.length ? evidenceSummary(m.evidence[0]) : null,
          m.evidence.length
            ? h('details', { class: 'evidence' }, h('summary', { text: `Bewijs (${m.evidence.length})` }), h('ul', { class: 'passage-list' }, ...m.evidence.map(evidenceItem)))
            : null,
        );
      })),
    );
  });
  container.replaceChildren(h('h3', { class: 'theme-title', text: `Wie werkt aan ${theme.name}?` }), ...sections);
}

/** Where a link comes from: a sentence that names both, or the article the member stands in. */
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

function themeGraph(theme: EntityRef, members: Record<MemberType, RankedEntry[]>): Subgraph {
  const all = MEMBER_TYPES.flatMap((type) => members[type]);
  return {
    nodes: [
      { id: theme.id, type: 'THEME', label: theme.name, weight: all.length },
      ...all.map((m) => ({ id: m.entity.id, type: m.entity.type, label: m.entity.name, weight: m.weight })),
    ],
    edges: all.map((m) => ({ id: `WORKS_ON:${m.entity.id}:${theme.id}`, source: m.entity.id, target: theme.id, type: 'WORKS_ON', weight: m.weight })),
  };
}
