/**
 * "Verbinding": pick two entities, see up to three shortest paths between them, each step with
 * the passage behind it; themes and hubs (the publisher, catch-all themes) can be avoided.
 */
import { h, trusted } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchNames, fetchPaths, type PathAlternative } from '../queries.ts';
import { shapeIcon } from '../graph/style.ts';
import { relationLabel } from '../labels.ts';
import { passage } from '../panels/details.ts';
import type { GraphEdge, GraphNode, Subgraph } from '../types.ts';
import type { View, ViewHost } from './view.ts';

const ALTERNATIVES = 3;

export function createPathView(host: ViewHost): View {
  let pending: { from: string | null; to: string | null } = { from: null, to: null };
  const from = createSearchBox({ id: 'verbinding-van', label: 'Van', onChoose: (hit) => choose('from', hit.id) });
  const to = createSearchBox({ id: 'verbinding-naar', label: 'Naar', onChoose: (hit) => choose('to', hit.id) });
  const avoidThemes = h('input', { type: 'checkbox', id: 'vermijd-themas' });
  const avoidHubs = h('input', { type: 'checkbox', id: 'vermijd-hubs' });
  const options = h('fieldset', { class: 'path-options' },
    h('legend', { text: 'Niet via' }),
    h('label', { class: 'check' }, avoidThemes, " thema's"),
    h('label', { class: 'check', title: 'Knooppunten: namen verbonden met meer dan 5% van alles (zoals de uitgever)' }, avoidHubs, ' knooppunten (hubs)'),
  );
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-verbinding' },
    h('h2', { text: 'Verbinding' }),
    from.element,
    to.element,
    options,
    h('p', { class: 'help', text: 'Kies twee namen: de kortste verbindingen (tot drie) verschijnen in de graaf en hieronder als stappen, elk met de passage die het zegt.' }),
    result,
  );
  let current = { avoidThemes: false, avoidHubs: false };

  function choose(which: 'from' | 'to', id: string): void {
    pending = { ...pending, [which]: id };
    if (pending.from && pending.to) host.navigate({ from: pending.from, to: pending.to, ...current });
    else (which === 'from' ? to.input : from.input).focus();
  }
  const toggle = () => {
    current = { avoidThemes: avoidThemes.checked, avoidHubs: avoidHubs.checked };
    if (pending.from && pending.to) host.navigate({ from: pending.from, to: pending.to, ...current });
  };
  avoidThemes.addEventListener('change', toggle);
  avoidHubs.addEventListener('change', toggle);

  return {
    id: 'verbinding',
    label: 'Verbinding',
    panel,
    async load(state, signal) {
      pending = { from: state.from, to: state.to };
      current = { avoidThemes: state.avoidThemes, avoidHubs: state.avoidHubs };
      avoidThemes.checked = state.avoidThemes;
      avoidHubs.checked = state.avoidHubs;
      if (!state.from || !state.to) {
        result.replaceChildren();
        if (!state.from) from.setValue('');
        if (!state.to) to.setValue('');
        return null;
      }
      const [paths, names] = await Promise.all([
        fetchPaths(state.from, state.to, { themes: state.avoidThemes, hubs: state.avoidHubs }, ALTERNATIVES, { signal }),
        fetchNames([state.from, state.to], { signal }),
      ]);
      from.setValue(names.get(state.from)?.name ?? state.from);
      to.setValue(names.get(state.to)?.name ?? state.to);
      if (!paths.length) {
        const avoided = [state.avoidThemes ? "thema's" : '', state.avoidHubs ? 'knooppunten' : ''].filter(Boolean).join(' en ');
        result.replaceChildren(h('p', { class: 'muted', id: 'geen-verbinding', text: `Geen verbinding gevonden binnen zes stappen${avoided ? ` zonder ${avoided}` : ''}.` }));
        return { nodes: [], edges: [] };
      }
      renderAlternatives(result, paths, state.from, host);
      return union(paths);
    },
  };
}

/** The nodes of a path in order and the edge(s) between each pair. */
function steps(path: PathAlternative, start: string) {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const order = path.nodes[0]?.id === start ? path.nodes.map((n) => n.id) : [...path.nodes].reverse().map((n) => n.id);
  return order.map((id, i) => {
    const next = order[i + 1];
    const edges = next ? path.edges.filter((e) => (e.source === id && e.target === next) || (e.source === next && e.target === id)) : [];
    return { node: byId.get(id)!, edges, forward: edges.map((e) => e.source === id) };
  });
}

function renderAlternatives(container: HTMLElement, paths: PathAlternative[], start: string, host: ViewHost): void {
  const blocks = paths.map((path, index) => {
    const list = steps(path, start);
    const items = list.map(({ node, edges, forward }) => {
      const button = h('button', { type: 'button', class: 'link', 'data-id': node.id, text: node.label });
      button.addEventListener('click', () => host.selectEntity({ id: node.id, name: node.label, type: node.type }));
      const relation = edges.map((e, i) => (forward[i] ? relationLabel(e.type) : `← ${relationLabel(e.type)}`)).join(' · ');
      const evidence = edges.flatMap((e) => e.evidence).slice(0, 2);
      return h('li', { 'data-type': node.type },
        trusted(shapeIcon(node.type, 12)), ' ', button,
        relation ? h('span', { class: 'step', text: ` ${relation}` }) : null,
        evidence.length ? h('details', { class: 'evidence step-evidence' }, h('summary', { text: 'Bewijs' }), h('ul', { class: 'passage-list' }, ...evidence.map(passage))) : null,
      );
    });
    const hops = list.length - 1;
    return h('section', { class: 'path-alternative' },
      h('h3', { text: `${index === 0 ? 'Kortste verbinding' : `Alternatief ${index}`}: ${hops} ${hops === 1 ? 'stap' : 'stappen'}` }),
      h('ol', { class: 'path-steps', id: index === 0 ? 'verbinding-stappen' : `verbinding-stappen-${index + 1}` }, ...items),
    );
  });
  container.replaceChildren(...blocks);
}

function union(paths: PathAlternative[]): Subgraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of paths) {
    for (const n of p.nodes) nodes.set(n.id, n);
    for (const e of p.edges) edges.set(e.id, { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
