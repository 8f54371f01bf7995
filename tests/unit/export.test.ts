/** Exports of ranked lists (pure): one CSV row per passage of evidence, quoted where needed. */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, rankedCsv, rankedJson, type ExportEntry } from '../../client/src/export.ts';

const entries: ExportEntry[] = [
  {
    rank: 1, id: 'person:a', name: 'Anna, de Vries', type: 'PERSON', score: 2.5, reason: 'werkt aan armoede',
    evidence: [
      { document: { id: 'd', title: 'Movisies 2018', published: 'februari 2018' }, section: 'Interview', snippet: 'Ze zei: "armoede raakt iedereen".' },
      { document: { id: 'd', title: 'Movisies 2018', published: null }, section: null, snippet: 'Tweede regel\nmet een nieuwe regel' },
    ],
  },
  { rank: 2, id: 'person:b', name: 'Bert', type: 'PERSON', score: 1, evidence: [] },
];

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}

describe('ranked list export', () => {
  it('writes one CSV row per passage with document, section and quote, quoting commas, quotes and newlines', () => {
    const rows = parseCsv(rankedCsv(entries).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['1', 'person:a', 'Anna, de Vries', 'PERSON', '2.5', 'werkt aan armoede', 'Movisies 2018', 'februari 2018', 'Interview', 'Ze zei: "armoede raakt iedereen".']);
    expect(rows[2][9]).toBe('Tweede regel\nmet een nieuwe regel');
    expect(rows[3].slice(0, 3)).toEqual(['2', 'person:b', 'Bert']);
    expect(rows[3].slice(6)).toEqual(['', '', '', '']);
  });

  it('writes JSON with the evidence of every item', () => {
    const json = JSON.parse(rankedJson('Personen bij armoede', entries));
    expect(json.items[0].evidence[0]).toEqual({ document: 'Movisies 2018', published: 'februari 2018', file: null, section: 'Interview', quote: 'Ze zei: "armoede raakt iedereen".' });
    expect(json.items[1].evidence).toEqual([]);
  });
});
