/**
 * The import that `npm start` runs behind the server, as a line in the header: while it runs,
 * how many files are done and which one is being read (the graph is still growing); when it
 * ends, what it did and a button that asks the current question again. Reads /health, polling
 * only while an import runs.
 */

export interface ImportStatus {
  state: 'starting' | 'running' | 'done' | 'failed';
  files?: number;
  done?: number;
  created?: number;
  replaced?: number;
  unchanged?: number;
  skipped?: number;
  bytes?: number;
  current?: string[];
  error?: string;
}

export interface ImportWatchOptions {
  /** Poll interval while an import runs. */
  intervalMs?: number;
  healthUrl?: string;
}

const BASENAME = /[^/\\]+$/;

function fileName(path: string): string {
  return BASENAME.exec(path)?.[0] ?? path;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** "Import loopt: 2 van 5 bestanden (0,3 MB) · nu: a.md" */
export function runningText(status: ImportStatus): string {
  const files = status.files ?? 0;
  const parts = [files > 0 ? `Import loopt: ${status.done ?? 0} van ${files} bestanden` : 'Import start…'];
  if (status.bytes) parts[0] += ` (${megabytes(status.bytes)} gelezen)`;
  if (status.current?.length) parts.push(`nu: ${status.current.map(fileName).join(', ')}`);
  parts.push('de graaf groeit nog');
  return parts.join(' · ');
}

/** "Import klaar: 5 bestanden (3 nieuw, 1 vervangen, 1 ongewijzigd, 0 overgeslagen)" */
export function finishedText(status: ImportStatus): string {
  const counts = [
    [status.created, 'nieuw'],
    [status.replaced, 'vervangen'],
    [status.unchanged, 'ongewijzigd'],
    [status.skipped, 'overgeslagen'],
  ].filter(([n]) => typeof n === 'number') as [number, string][];
  const detail = counts.length ? ` (${counts.map(([n, what]) => `${n} ${what}`).join(', ')})` : '';
  return `Import klaar: ${status.files ?? 0} bestanden${detail}.`;
}

async function readStatus(url: string): Promise<ImportStatus | null> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { import?: ImportStatus };
  return body.import ?? null;
}

/**
 * Shows the import's progress in `el` (hidden when no import runs). `onFinished` re-asks the
 * current question; it runs when the reader presses the button, not by itself, so that a view
 * being read does not change under the reader's eyes. Returns a function that stops watching.
 */
export function watchImport(el: HTMLElement, onFinished: () => void, options: ImportWatchOptions = {}): () => void {
  const interval = options.intervalMs ?? 2000;
  const url = options.healthUrl ?? '/health';
  let sawRunning = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function show(text: string, kind: 'running' | 'done' | 'failed', action?: { label: string; run: () => void }): void {
    el.hidden = false;
    el.dataset.state = kind;
    el.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
    el.textContent = text;
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'import-refresh';
      button.textContent = action.label;
      button.addEventListener('click', () => action.run());
      el.append(' ', button);
    }
  }

  function hide(): void {
    el.hidden = true;
    el.textContent = '';
    delete el.dataset.state;
  }

  async function poll(): Promise<void> {
    if (stopped) return;
    let status: ImportStatus | null;
    try {
      status = await readStatus(url);
      failures = 0;
    } catch {
      // the server may be restarting: try again, less often, without a message for a blip
      failures++;
      timer = setTimeout(() => void poll(), Math.min(interval * 2 ** failures, 30_000));
      return;
    }
    if (stopped) return;
    if (!status) return hide();
    if (status.state === 'starting' || status.state === 'running') {
      sawRunning = true;
      show(runningText(status), 'running');
      timer = setTimeout(() => void poll(), interval);
      return;
    }
    if (status.state === 'failed') {
      show(`Import mislukt: ${status.error ?? 'onbekende fout'}. De graaf toont wat er al in staat.`, 'failed');
      return;
    }
    // done: say so only to a reader who saw it running; a finished import long ago is no news
    if (!sawRunning) return hide();
    show(finishedText(status), 'done', {
      label: 'Graaf vernieuwen',
      run: () => { hide(); onFinished(); },
    });
  }

  void poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
