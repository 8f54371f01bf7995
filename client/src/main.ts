import './styles.css';
import { App } from './app.ts';
import { installTestHook } from './test-hook.ts';
import { prewarmLayout } from './graph/layout.ts';
import { watchImport } from './panels/import-progress.ts';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} ontbreekt in index.html`);
  return el;
}

const app = new App({
  graph: byId('graph'), sidebar: byId('sidebar'), details: byId('details'), toolbar: byId('toolbar'),
  legend: byId('legend'), status: byId('status'), message: byId('message'), tabs: byId('tabs'),
});
installTestHook(app);
void app.start().then(prewarmLayout);
watchImport(byId('import-status'), () => void app.refresh());
