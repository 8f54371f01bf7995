/**
 * Taking results away: ranked lists as CSV or JSON with their evidence (document, section,
 * quote), and the graph on screen as Cytoscape JSON or GraphML.
 */
import type { Core } from 'cytoscape';
import { h } from './dom.ts';
import type { EntityType, Mention } from './types.ts';

/** One entry of a ranked list, as exported. */
export interface ExportEntry {
  rank: number;
  id: string;
  name: string;
  type: EntityType | string;
  score: number | null;
  /** What explains the place in the list, in words (shared themes, matched words...). */
  reason?: string;
  evidence: Mention[];
}

export const CSV_COLUMNS = ['rank', 'id', 'name', 'type', 'score', 'reason', 'document', 'published', 'section', 'quote'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per passage of evidence (an entry without evidence still gets one row). */
export function rankedCsv(entries: readonly ExportEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const passages: (Mention | null)[] = e.evidence.length ? e.evidence : [null];
    for (const m of passages) {
      lines.push([
        e.rank, e.id, e.name, e.type, e.score ?? '', e.reason ?? '',
        m?.document.title ?? '', m?.document.published ?? '', m?.section ?? '', m?.snippet ?? '',
      ].map(csvCell).join(','));
    }
  }
  // A byte-order mark so that spreadsheet programs read the accents right.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function rankedJson(title: string, entries: readonly ExportEntry[]): string {
  return JSON.stringify({
    title,
    exported: new Date().toISOString(),
    items: entries.map((e) => ({
      rank: e.rank, id: e.id, name: e.name, type: e.type, score: e.score, reason: e.reason ?? null,
      evidence: e.evidence.map((m) => ({ document: m.document.title, published: m.document.published ?? null, file: m.document.file ?? null, section: m.section, quote: m.snippet })),
    })),
  }, null, 2);
}

/** Cytoscape's own JSON (what cy.json() gives and takes), without the style sheet. */
export function cytoscapeJson(cy: Core): string {
  const { elements } = cy.json() as { elements: unknown };
  return JSON.stringify({ format_version: '1.0', generated_by: 'sociaal-kg', target_cytoscapejs_version: '~3', elements }, null, 2);
}

function xml(text: unknown): string {
  return String(text ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function graphMl(cy: Core): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="double"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="kennisgraaf" edgedefault="directed">',
  ];
  cy.nodes().forEach((n) => {
    out.push(`    <node id="${xml(n.id())}"><data key="label">${xml(n.data('label'))}</data><data key="type">${xml(n.data('type'))}</data><data key="mentions">${Number(n.data('weight')) || 0}</data></node>`);
  });
  cy.edges().forEach((e) => {
    out.push(`    <edge id="${xml(e.id())}" source="${xml(e.data('source'))}" target="${xml(e.data('target'))}"><data key="relation">${xml(e.data('type'))}</data><data key="weight">${Number(e.data('weight')) || 0}</data></edge>`);
  });
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}

export function download(filename: string, type: string, content: string | Blob): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "CSV" and "JSON" buttons for a ranked list; `entries` is read when clicked. */
export function exportButtons(idPrefix: string, title: string, fileBase: string, entries: () => readonly ExportEntry[]): HTMLElement {
  const csv = h('button', { type: 'button', id: `${idPrefix}-csv`, class: 'export', title: 'De lijst met bewijs (document, sectie, citaat) als CSV', text: 'CSV' });
  const json = h('button', { type: 'button', id: `${idPrefix}-json`, class: 'export', title: 'De lijst met bewijs als JSON', text: 'JSON' });
  csv.addEventListener('click', () => download(`${fileBase}.csv`, 'text/csv;charset=utf-8', rankedCsv(entries())));
  json.addEventListener('click', () => download(`${fileBase}.json`, 'application/json', rankedJson(title, entries())));
  return h('div', { class: 'export-row' }, h('span', { class: 'muted small', text: 'Exporteer: ' }), csv, json);
}

export function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'lijst';
}
