import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentLowerCaseWords, lowerCaseWordQuery, lowerCaseWords } from '../../import/type/span-features.ts';

/** Every word-like piece of a text, as printed and lower-cased, plus pieces cut out of the middle of words. */
function probes(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[^\s]+/gu)) {
    const w = m[0];
    out.add(w).add(w.toLowerCase());
    for (const part of w.split(/[^\p{L}\p{N}]+/u)) out.add(part).add(part.toLowerCase());
    if (w.length > 3) out.add(w.slice(1)).add(w.slice(0, -1));
  }
  return [...out];
}

function expectSameAnswers(text: string): void {
  const set = lowerCaseWords(text);
  const query = lowerCaseWordQuery(text);
  for (const w of [...probes(text), ...set]) expect([w, query.has(w)]).toEqual([w, set.has(w)]);
}

describe('lowerCaseWordQuery', () => {
  it('answers as the set of the lower-case words of a text', () => {
    expectSameAnswers('De wijkteams in Zwolle werken samen. Het wijkteam-overleg is ’s avonds; zo’n team.');
  });

  it('counts a word only where it stands whole, with its joiners and dots', () => {
    const q = lowerCaseWordQuery('Het Buurtcentrum en de welzijns-organisatie. Zie bijv. het buurtcentrum-plan, a.b.c en -kern.');
    expect(q.has('buurtcentrum')).toBe(false); // only inside "buurtcentrum-plan"
    expect(q.has('buurtcentrum-plan,')).toBe(false); // the comma ends the word
    expect(q.has('buurtcentrum-plan')).toBe(true);
    expect(q.has('welzijns-organisatie.')).toBe(true); // a word keeps its trailing dot, as the set does
    expect(q.has('welzijns-organisatie')).toBe(false);
    expect(q.has('kern.')).toBe(true); // a joiner before a word does not belong to it
    expect(q.has('a.b.c')).toBe(true);
    expect(q.has('Het')).toBe(false);
    expect(q.has('')).toBe(false);
    expectSameAnswers('Het Buurtcentrum en de welzijns-organisatie. Zie bijv. het buurtcentrum-plan, a.b.c en -kern.');
  });

  it('does not count words inside e-mail and web addresses', () => {
    const q = lowerCaseWordQuery('Mail naar info@voorbeeldfonds.nl of kijk op www.voorbeeldfonds.nl/over, Voorbeeldfonds helpt.');
    expect(q.has('voorbeeldfonds')).toBe(false);
    expect(q.has('helpt.')).toBe(true);
    expectSameAnswers('Mail naar info@voorbeeldfonds.nl of kijk op www.voorbeeldfonds.nl/over, Voorbeeldfonds helpt.');
  });

  it('answers as the set on text with characters outside the basic plane', () => {
    expectSameAnswers('Een emoji 😀 in de tekst, en daarna gewoon 𝒳-tekst en nog een woord.');
  });

  it('answers as the set on every section of the corpus', () => {
    const dir = join(import.meta.dirname, '..', '..', 'corpus');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8').slice(0, 40_000);
      expectSameAnswers(text);
    }
  });

  it('answers for a document as the union of its sections', () => {
    const sections = ['Het Wijkcentrum opent.', 'Een wijkcentrum in de buurt, zie wijkcentrum.nl', 'Een 😀 teken en een buurthuis'].map((text) => ({ text }));
    const doc = documentLowerCaseWords(sections);
    const union = new Set(sections.flatMap((s) => [...lowerCaseWords(s.text)]));
    for (const w of ['wijkcentrum', 'buurthuis', 'teken', 'opent.', 'Wijkcentrum', 'nl', 'buurt,', 'buurt', 'de', 'het']) expect([w, doc.has(w)]).toEqual([w, union.has(w)]);
    expect(doc.has('wijkcentrum')).toBe(true);
  });
});
