import { describe, expect, it } from 'vitest';
import { normaliseBlocks } from '../../import/normalise/normalise.ts';
import { readPublished, readTitle, segment } from '../../import/segment/segment.ts';
import { splitSentences } from '../../import/segment/sentences.ts';
import { articleNumbers } from '../../import/pipeline.ts';

const body = (n: number) => Array.from({ length: n }, (_, i) => `Dit is zin ${i + 1} van een artikel over sociale cohesie in de wijk.`).join(' ');

describe('segment', () => {
  it('opens a section at every markdown heading and merges consecutive headings into one title', () => {
    const raw = `## Redactioneel\n\n### Samenleven met een passie\n\n${body(3)}\n\n## In dit nummer\n\n${body(2)}`;
    const sections = segment(normaliseBlocks(raw));
    expect(sections.map((s) => s.title)).toEqual(['Redactioneel – Samenleven met een passie', 'In dit nummer']);
    expect(sections[0].text).toContain('zin 3');
    expect(sections[1].text).not.toContain('zin 3');
  });

  it('keeps the heading level that opens a section, so that level-1 headings group sections into articles', () => {
    const raw = `## Colofon\n\n${body(2)}\n\n# Buurtkracht\n\n${body(2)}\n\n## Samen\n\n${body(2)}\n\n# Ander artikel\n\n${body(2)}`;
    const sections = segment(normaliseBlocks(raw));
    expect(sections.map((s) => s.level)).toEqual([2, 1, 2, 1]);
    // a section before the first article stands alone
    expect(articleNumbers(sections)).toEqual([0, 1, 1, 3]);
    // a section opened by a title-like paragraph inside an article stays in it
    expect(articleNumbers([{ level: 1 }, { level: 0 }, { level: 1 }])).toEqual([0, 0, 2]);
    // text from PDF has no levels: every section stands alone
    expect(articleNumbers([{ level: 0 }, { level: 0 }])).toEqual([0, 1]);
  });

  it('in plain text, a short title-like line followed by body opens a section once the current one has body text', () => {
    const raw = `Eerste artikel\n\n${body(20)}\n\nStokje doorgeven\n\n${body(10)}`;
    const sections = segment(normaliseBlocks(raw));
    expect(sections.map((s) => s.title)).toEqual(['Eerste artikel', 'Stokje doorgeven']);
  });

  it('does not treat bylines or sentences as titles', () => {
    const raw = `Eerste artikel\n\n${body(10)}\n\nDoor Olaf Stomp\n\n${body(10)}`;
    expect(segment(normaliseBlocks(raw))).toHaveLength(1);
  });

  it('reads the issue date from the masthead and the magazine title', () => {
    const blocks = normaliseBlocks('Relatieblad voor het sociaal domein\n\nfebruari 2018 \\* nummer 1\n\n# MOVISIES\n\n**SOCIALE COHESIE**\n\nTekst.');
    expect(readPublished(blocks)).toBe('februari 2018');
    expect(readTitle(blocks, 'x')).toBe('Movisies – Relatieblad voor het sociaal domein (thema: sociale cohesie)');
    expect(readPublished(normaliseBlocks('Geen datum hier.'))).toBeNull();
  });
});

describe('sentences', () => {
  it('splits on sentence ends but not after initials or abbreviations', () => {
    const text = 'Volgens J. de Vries gaat het goed. Prof. dr. Kim Putters is het eens. Wat nu?';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual(['Volgens J. de Vries gaat het goed.', 'Prof. dr. Kim Putters is het eens.', 'Wat nu?']);
  });

  it('always splits at paragraph breaks', () => {
    const text = 'Kop zonder punt\n\nTekst.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Kop zonder punt', 'Tekst.']);
  });
});
