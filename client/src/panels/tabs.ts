/** The view tabs (ARIA tabs with roving focus); each view's panel lives in the sidebar. */
import { h } from '../dom.ts';
import type { ViewId } from '../state/app-state.ts';
import type { View } from '../views/view.ts';

export interface Tabs { select(id: ViewId): void }

export function createTabs(tabList: HTMLElement, sidebar: HTMLElement, views: View[], onChoose: (id: ViewId) => void): Tabs {
  const buttons = views.map((view) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab-${view.id}`, 'aria-controls': view.panel.id, 'aria-selected': 'false', tabindex: -1, text: view.label,
    });
    button.addEventListener('click', () => onChoose(view.id));
    view.panel.setAttribute('role', 'tabpanel');
    view.panel.setAttribute('aria-labelledby', button.id);
    view.panel.hidden = true;
    return button;
  });
  tabList.replaceChildren(...buttons);
  sidebar.replaceChildren(...views.map((v) => v.panel));

  tabList.addEventListener('keydown', (event) => {
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else return;
    event.preventDefault();
    buttons[next].focus();
    onChoose(views[next].id);
  });

  return {
    select(id) {
      views.forEach((view, i) => {
        const on = view.id === id;
        buttons[i].setAttribute('aria-selected', String(on));
        buttons[i].tabIndex = on ? 0 : -1;
        view.panel.hidden = !on;
      });
    },
  };
}
