/** The details panel: the fields of the selected entity, its links grouped by type, and the passages behind it. */
import { h, trusted } from '../dom.ts';
import { shapeIcon } from '../graph/style.ts';
import { TYPE_LABEL, TYPE_PLURAL, formatWeight, relationLabel } from '../labels.ts';
import type { EntityDetails, EntityRef, EntityType, Mention } from '../types.ts';

export interface DetailsActions {
  open(ref: EntityRef): void;
  expand(id: string): void;
  hide(id: string): void;
  /** A theme: open the theme view ("Wie werkt hieraan?"). */
  whoWorksOn(themeId: string): void;
}

interface LinkGroup { type: EntityType; items: (EntityRef & { weight?: number })[] }

export function renderDetailsEmpty(container: HTMLElement): void {
  container.replaceChildren(
    h('h2', { text: 'Details' }),
    h('p', { class: 'muted', text: 'Kies een knoop in de graaf (klik, of pijltjestoetsen in de graaf) om te zien wat de teksten erover zeggen.' }),
  );
}

export function renderDetailsLoading(container: HTMLElement, label: string | null): void {
  container.replaceChildren(h('h2', { text: label ?? 'Details' }), h('p', { class: 'muted', text: 'Laden…' }));
}

export function renderDetailsError(container: HTMLElement, message: string): void {
  container.replaceChildren(h('h2', { text: 'Details' }), h('p', { class: 'error-text', role: 'alert', text: message }));
}

export function renderDetails(
  container: HTMLElement, entity: EntityDetails, actions: DetailsActions, onGraph: boolean,
  neighbours?: { shown: number; total: number },
): void {
  const fields = h('dl', { class: 'fields' });
  const field = (term: string, value: string | null | undefined) => {
    if (!value) return;
    fields.append(h('dt', { text: term }), h('dd', { text: value }));
  };
  field('Type', TYPE_LABEL[entity.type]);
  const aliases = [...new Map(entity.aliases.map((a) => [a.toLowerCase(), a])).entries()]
    .filter(([key]) => key !== entity.name.toLowerCase())
    .map(([, alias]) => alias);
  field('Ook bekend als', aliases.join(', '));
  field('Rollen', entity.roles?.join(', '));
  field('Soort', entity.kind ?? undefined);
  field('Provincie', entity.province ?? undefined);
  if (entity.documents.length) {
    fields.append(h('dt', { text: 'Documenten' }), h('dd', {}, h('ul', { class: 'doc-list' },
      ...entity.documents.map((d) => h('li', { text: d.published ? `${d.title} (${d.published})` : d.title })))));
  }

  const buttons = h('div', { class: 'details-actions' });
  const expand = h('button', { type: 'button', class: 'details-expand', text: 'Uitbreiden' });
  expand.addEventListener('click', () => actions.expand(entity.id));
  buttons.append(expand);
  if (neighbours && neighbours.shown < neighbours.total) {
    expand.textContent = `Meer buren (${neighbours.shown} van ${neighbours.total})`;
  }
  if (entity.type === 'THEME') {
    const who = h('button', { type: 'button', class: 'details-who', text: 'Wie werkt hieraan?' });
    who.addEventListener('click', () => actions.whoWorksOn(entity.id));
    buttons.append(who);
  }
  if (onGraph) {
    const hide = h('button', { type: 'button', class: 'details-hide', text: 'Verbergen' });
    hide.addEventListener('click', () => actions.hide(entity.id));
    buttons.append(hide);
  }

  container.replaceChildren(
    h('h2', { class: 'details-title' }, trusted(shapeIcon(entity.type, 18)), h('span', { text: entity.name })),
    fields,
    buttons,
    renderLinks(linkGroups(entity), actions),
    renderPassages(entity.mentions),
  );
}

function linkGroups(e: EntityDetails): LinkGroup[] {
  const groups: LinkGroup[] = [];
  const add = (type: EntityType, items: (EntityRef & { weight?: number })[] | undefined) => {
    if (items?.length) groups.push({ type, items });
  };
  add('PERSON', e.themePeople?.map((p) => ({ ...p.person, weight: p.weight })) ?? e.people);
  add('ORGANISATION', e.organisations);
  add('MUNICIPALITY', e.municipalities);
  add('PROGRAMME', e.programmes);
  add('THEME', e.themes?.map((t) => ({ ...t.theme, weight: t.weight })));
  return groups;
}

function renderLinks(groups: LinkGroup[], actions: DetailsActions): HTMLElement {
  const section = h('section', { class: 'links', 'aria-labelledby': 'links-kop' }, h('h3', { id: 'links-kop', text: 'Verbindingen' }));
  if (!groups.length) {
    section.append(h('p', { class: 'muted', text: 'Geen verbindingen gevonden.' }));
    return section;
  }
  for (const group of groups) {
    const list = h('ul', { class: 'link-list' });
    for (const item of group.items) {
      const button = h('button', { type: 'button', class: 'link', 'data-id': item.id }, item.name);
      button.addEventListener('click', () => actions.open({ id: item.id, name: item.name, type: group.type }));
      list.append(h('li', {}, button, item.weight !== undefined ? h('span', { class: 'weight', title: 'Sterkte', text: formatWeight(item.weight) }) : null));
    }
    section.append(h('h4', {}, trusted(shapeIcon(group.type, 12)), ` ${TYPE_PLURAL[group.type]} (${group.items.length})`), list);
  }
  return section;
}

export function renderPassages(mentions: Mention[], heading = 'Fragmenten'): HTMLElement {
  const section = h('section', { class: 'passages' }, h('h3', { text: heading }));
  if (!mentions.length) {
    section.append(h('p', { class: 'muted', text: 'Geen fragmenten.' }));
    return section;
  }
  section.append(h('ul', { class: 'passage-list' }, ...mentions.map(passage)));
  return section;
}

export function passage(m: Mention): HTMLElement {
  return h('li', { class: 'passage' },
    h('blockquote', { text: m.snippet }),
    h('p', { class: 'source' },
      h('cite', { text: m.document.title }),
      m.document.published ? ` (${m.document.published})` : '',
      m.section ? ` — ${m.section}` : ''),
  );
}

export interface EdgeSummary { type: string; weight: number | null; source: EntityRef; target: EntityRef }

/** A selected relation: its ends, its strength and the passages behind it (loaded afterwards). */
export function renderEdgeDetails(container: HTMLElement, edge: EdgeSummary, actions: DetailsActions): HTMLElement {
  const end = (ref: EntityRef) => {
    const button = h('button', { type: 'button', class: 'link', 'data-id': ref.id, text: ref.name });
    button.addEventListener('click', () => actions.open(ref));
    return button;
  };
  const passages = h('div', { class: 'edge-passages' }, h('p', { class: 'muted', text: 'Fragmenten laden…' }));
  container.replaceChildren(
    h('h2', { text: 'Verbinding' }),
    h('p', { class: 'edge-line' }, end(edge.source), ` ${relationLabel(edge.type)} `, end(edge.target)),
    h('dl', { class: 'fields' }, h('dt', { text: 'Sterkte' }), h('dd', { text: formatWeight(edge.weight) })),
    passages,
  );
  return passages;
}
