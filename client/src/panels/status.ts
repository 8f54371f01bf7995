/** The status line (counts on screen) and the message over the graph (loading, errors, hints). */
import { countLabel } from '../labels.ts';

export interface StatusLine {
  counts(nodes: number, edges: number): void;
  loading(text?: string): () => void;
  error(text: string, retry?: () => void): void;
  /** A hint; with `action`, a button that does the next step (e.g. show more). */
  info(text: string, action?: { label: string; run: () => void }): void;
  clear(): void;
}

export function createStatusLine(status: HTMLElement, message: HTMLElement): StatusLine {
  let pending = 0;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;

  function show(text: string, kind: 'loading' | 'error' | 'info'): void {
    message.hidden = false;
    message.className = `message message-${kind}`;
    message.setAttribute('role', kind === 'error' ? 'alert' : 'note');
    message.textContent = text;
  }

  function clear(): void {
    message.hidden = true;
    message.textContent = '';
  }

  return {
    counts(nodes, edges) {
      status.textContent = countLabel(nodes, edges);
    },
    loading(text = 'Laden…') {
      pending++;
      document.body.dataset.busy = 'true';
      // A fast answer should not flash a message; a slow one must say something.
      clearTimeout(loadingTimer);
      loadingTimer = setTimeout(() => { if (pending > 0) show(text, 'loading'); }, 120);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        pending = Math.max(0, pending - 1);
        if (pending === 0) {
          clearTimeout(loadingTimer);
          document.body.dataset.busy = 'false';
          if (message.classList.contains('message-loading')) clear();
        }
      };
    },
    error(text, retry) {
      show(text, 'error');
      if (retry) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'retry';
        button.textContent = 'Opnieuw proberen';
        button.addEventListener('click', () => { clear(); retry(); });
        message.append(' ', button);
      }
    },
    info(text, action) {
      show(text, 'info');
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'retry more';
        button.textContent = action.label;
        button.addEventListener('click', () => { clear(); action.run(); });
        message.append(' ', button);
      }
    },
    clear,
  };
}
