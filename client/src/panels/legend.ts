/** The legend, which is also the type filter, and the "Minimale sterkte" slider for weak edges. */
import { h, trusted } from '../dom.ts';
import { shapeIcon } from '../graph/style.ts';
import { TYPE_LABEL, formatWeight } from '../labels.ts';
import { ENTITY_TYPES, type EntityType } from '../types.ts';

export interface LegendValue { types: EntityType[]; minWeight: number }

export interface Legend {
  set(value: LegendValue): void;
  setMaxWeight(max: number): void;
}

export function createLegend(container: HTMLElement, onChange: (value: LegendValue) => void): Legend {
  const boxes = new Map<EntityType, HTMLInputElement>();
  const items = ENTITY_TYPES.map((type) => {
    const box = h('input', { type: 'checkbox', id: `type-${type.toLowerCase()}`, checked: true, 'data-type': type });
    boxes.set(type, box);
    box.addEventListener('change', emit);
    return h('label', { class: 'legend-item', for: box.id }, box, trusted(shapeIcon(type, 16)), TYPE_LABEL[type]);
  });
  const typeGroup = h('fieldset', { class: 'legend-types' }, h('legend', { text: 'Legenda en filter' }), ...items);

  const slider = h('input', { type: 'range', id: 'min-sterkte', min: 0, max: 5, step: 0.5, value: 0 });
  const output = h('output', { for: 'min-sterkte', id: 'min-sterkte-waarde', text: '0' });
  slider.addEventListener('input', () => { output.textContent = formatWeight(Number(slider.value)); });
  slider.addEventListener('change', emit);
  const weightGroup = h('div', { class: 'legend-weight' }, h('label', { for: 'min-sterkte', text: 'Minimale sterkte' }), slider, output);
  const edgeKey = h('p', { class: 'legend-edges' },
    h('span', { class: 'edge-solid', 'aria-hidden': 'true' }), 'werkt aan / voor',
    h('span', { class: 'edge-dashed', 'aria-hidden': 'true' }), 'in gemeente',
  );

  container.replaceChildren(typeGroup, weightGroup, edgeKey);

  function value(): LegendValue {
    return { types: ENTITY_TYPES.filter((t) => boxes.get(t)!.checked), minWeight: Number(slider.value) };
  }

  function emit(): void {
    onChange(value());
  }

  return {
    set(next: LegendValue) {
      for (const type of ENTITY_TYPES) boxes.get(type)!.checked = next.types.includes(type);
      if (next.minWeight > Number(slider.max)) slider.max = String(Math.ceil(next.minWeight));
      slider.value = String(next.minWeight);
      output.textContent = formatWeight(next.minWeight);
    },
    setMaxWeight(max: number) {
      const top = Math.max(1, Math.ceil(max), Math.ceil(Number(slider.value)));
      slider.max = String(top);
      // article-level links weigh a fraction of one: a fine step when the graph's weights are small
      slider.step = top > 20 ? '1' : top > 5 ? '0.5' : '0.1';
    },
  };
}
