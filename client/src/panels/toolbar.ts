/** The actions on the graph, as real buttons (keyboard reachable, with shortcuts in the title). */
import { h } from '../dom.ts';

export interface ToolbarActions {
  expand(): void;
  hide(): void;
  undo(): void;
  fit(): void;
  exportPng(): void;
  exportJson(): void;
  exportGraphMl(): void;
  copyLink(): void;
}

export interface Toolbar {
  update(state: { hasSelection: boolean; canUndo: boolean; hasNodes: boolean }): void;
}

export function createToolbar(container: HTMLElement, actions: ToolbarActions): Toolbar {
  const button = (id: string, text: string, title: string, onClick: () => void) => {
    const b = h('button', { type: 'button', id, title, text });
    b.addEventListener('click', onClick);
    return b;
  };
  const expand = button('knop-uitbreiden', 'Uitbreiden', 'Buren van de gekozen knoop tonen (Enter of dubbelklik)', actions.expand);
  const hide = button('knop-verbergen', 'Verbergen', 'De gekozen knoop verbergen (Delete)', actions.hide);
  const undo = button('knop-ongedaan', 'Ongedaan maken', 'Laatste stap ongedaan maken (Ctrl+Z)', actions.undo);
  const fit = button('knop-passend', 'Passend maken', 'De hele graaf in beeld brengen', actions.fit);
  const png = button('knop-png', 'Exporteer PNG', 'De graaf opslaan als afbeelding', actions.exportPng);
  const json = button('knop-json', 'JSON', 'De graaf opslaan in Cytoscape-JSON', actions.exportJson);
  const graphml = button('knop-graphml', 'GraphML', 'De graaf opslaan als GraphML (Gephi, yEd, Cytoscape Desktop)', actions.exportGraphMl);
  const link = button('knop-link', 'Kopieer link', 'Een link naar deze weergave kopiëren', actions.copyLink);
  container.replaceChildren(
    h('div', { class: 'toolbar-group' }, expand, hide, undo),
    h('div', { class: 'toolbar-group' }, fit, png, json, graphml, link),
  );
  return {
    update({ hasSelection, canUndo, hasNodes }) {
      expand.disabled = !hasSelection;
      hide.disabled = !hasSelection;
      undo.disabled = !canUndo;
      fit.disabled = !hasNodes;
      png.disabled = !hasNodes;
      json.disabled = !hasNodes;
      graphml.disabled = !hasNodes;
    },
  };
}
