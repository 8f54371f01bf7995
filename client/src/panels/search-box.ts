/**
 * Type-ahead search: an ARIA 1.2 combobox (input + listbox), debounced, cancelling stale
 * requests, navigable with the arrow keys, Enter to choose, Escape to close.
 */
import { h, trusted, debounce } from '../dom.ts';
import { isAbort } from '../api.ts';
import { searchEntities } from '../queries.ts';
import { shapeIcon } from '../graph/style.ts';
import { TYPE_LABEL } from '../labels.ts';
import type { EntityType, SearchHit } from '../types.ts';

export interface SearchBoxOptions {
  id: string;
  label: string;
  placeholder?: string;
  types?: EntityType[];
  onChoose: (hit: SearchHit) => void;
  onError?: (error: unknown) => void;
}

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue(text: string): void;
}

let instances = 0;

export function createSearchBox(options: SearchBoxOptions): SearchBox {
  const listId = `${options.id}-lijst`;
  const n = ++instances;
  const input = h('input', {
    id: options.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: options.placeholder ?? 'Naam, organisatie, gemeente…',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'listbox', 'aria-label': `${options.label}: resultaten`, hidden: true });
  const hint = h('p', { class: 'search-hint', 'aria-live': 'polite' });
  const element = h('div', { class: 'search-box' }, h('label', { for: options.id, text: options.label }), input, list, hint);

  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | null = null;
  let lastQuery = '';

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render(): void {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const option = h('li', { id: `zoek-${n}-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false', class: 'option', 'data-id': hit.id },
          trusted(shapeIcon(hit.type, 14)),
          h('span', { class: 'option-name', text: hit.name }),
          h('span', { class: 'option-type', text: TYPE_LABEL[hit.type] + (hit.province ? ` · ${hit.province}` : '') }),
        );
        option.addEventListener('mousedown', (e) => e.preventDefault());
        option.addEventListener('click', () => choose(i));
        return option;
      }),
    );
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `zoek-${n}-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index: number): void {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.name;
    lastQuery = hit.name;
    close();
    hint.textContent = '';
    options.onChoose(hit);
  }

  const lookup = debounce(async (query: string) => {
    controller?.abort();
    if (query.length < 2) {
      hits = [];
      hint.textContent = '';
      render();
      return;
    }
    controller = new AbortController();
    hint.textContent = 'Zoeken…';
    try {
      hits = await searchEntities(query, options.types ?? null, 12, { signal: controller.signal, timeoutMs: 8000 });
      active = hits.length ? 0 : -1;
      hint.textContent = hits.length ? `${hits.length} ${hits.length === 1 ? 'resultaat' : 'resultaten'}` : 'Niets gevonden.';
      render();
    } catch (error) {
      if (isAbort(error)) return;
      hits = [];
      render();
      hint.textContent = error instanceof Error ? error.message : 'Zoeken mislukt.';
      options.onError?.(error);
    }
  }, 180);

  input.addEventListener('input', () => {
    const query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    lookup(query);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!hits.length) return;
      active = (active + 1) % hits.length;
      render();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (!hits.length) return;
      active = (active - 1 + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  input.addEventListener('focus', () => { if (hits.length && input.value.trim() === lastQuery) render(); });

  return {
    element,
    input,
    setValue(text: string) {
      input.value = text;
      lastQuery = text;
      hits = [];
      close();
    },
  };
}
