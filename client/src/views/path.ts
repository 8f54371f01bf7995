/** "Verbinding": pick two entities, see the shortest path between them. */
import { h, trusted } from '../dom.ts';
import { createSearchBox } from '../panels/search-box.ts';
import { fetchNames, fetchPath } from '../queries.ts';
import { shapeIcon } from '../graph/style.ts';
import { relationLabel } from '../labels.ts';
import type { Subgraph } from '../types.ts';
import type { View, ViewHost } from './view.ts';

export function createPathView(host: ViewHost): View {
  let pending: { from: string | null; to: string | null } = { from: null, to: null };
  const from = createSearchBox({ id: 'verbinding-van', label: 'Van', onChoose: (hit) => choose('from', hit.id) });
  const to = createSearchBox({ id: 'verbinding-naar', label: 'Naar', onChoose: (hit) => choose('to', hit.id) });
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const panel = h('div', { class: 'view-panel', id: 'paneel-verbinding' },
    h('h2', { text: 'Verbinding' }),
    from.element,
    to.element,
    h('p', { class: 'help', text: 'Kies twee namen: de kortste verbinding verschijnt in de graaf en hieronder als stappen.' }),
    result,
  );

  function choose(which: 'from' | 'to', id: string): void {
    pending = { ...pending, [which]: id };
    if (pending.from && pending.to) host.navigate({ from: pending.from, to: pending.to });
    else (which === 'from' ? to.input : from.input).focus();
  }

  return {
    id: 'verbinding',
    label: 'Verbinding',
    panel,
    async load(state, signal) {
      pending = { from: state.from, to: state.to };
      if (!state.from || !state.to) {
        result.replaceChildren();
        if (!state.from) from.setValue('');
        if (!state.to) to.setValue('');
        return null;
      }
      const [graph, names] = await Promise.all([
        fetchPath(state.from, state.to, 6, { signal }),
        fetchNames([state.from, state.to], { signal }),
      ]);
      from.setValue(names.get(state.from)?.name ?? state.from);
      to.setValue(names.get(state.to)?.name ?? state.to);
      if (!graph || !graph.nodes.length) {
        result.replaceChildren(h('p', { class: 'muted', id: 'geen-verbinding', text: 'Geen verbinding gevonden binnen zes stappen.' }));
        return { nodes: [], edges: [] };
      }
      renderSteps(result, graph, state.from, host);
      return graph;
    },
  };
}

/** The path as an ordered list of steps, walking the edges from the start node. */
function renderSteps(container: HTMLElement, graph: Subgraph, start: string, host: ViewHost): void {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const order = [start];
  const steps: string[] = [];
  const used = new Set<string>();
  let current = start;
  for (let i = 0; i < graph.edges.length; i++) {
    const edge = graph.edges.find((e) => !used.has(e.id) && (e.source === current || e.target === current));
    if (!edge) break;
    used.add(edge.id);
    const next = edge.source === current ? edge.target : edge.source;
    steps.push(edge.source === current ? relationLabel(edge.type) : `← ${relationLabel(edge.type)}`);
    order.push(next);
    current = next;
  }
  const items = order.map((id, i) => {
    const node = byId.get(id);
    const button = h('button', { type: 'button', class: 'link', 'data-id': id, text: node?.label ?? id });
    button.addEventListener('click', () => host.selectEntity({ id, name: node?.label ?? id, type: node?.type }));
    return h('li', {}, node ? trusted(shapeIcon(node.type, 12)) : null, ' ', button, steps[i] ? h('span', { class: 'step', text: ` ${steps[i]}` }) : null);
  });
  container.replaceChildren(
    h('h3', { text: `${order.length - 1} ${order.length - 1 === 1 ? 'stap' : 'stappen'}` }),
    h('ol', { class: 'path-steps', id: 'verbinding-stappen' }, ...items),
  );
}
