import { describe, expect, it } from 'vitest';
import { normaliseBlocks } from '../../import/normalise/normalise.ts';
import { MAX_SECTION_CHARS, readPublished, readTitle, segment } from '../../import/segment/segment.ts';
import { MAX_SENTENCE_WORDS, splitSentences } from '../../import/segment/sentences.ts';
import { splitArticles } from '../../import/segment/articles.ts';
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

  it('cuts a section longer than MAX_SECTION_CHARS into continuations with the same title, in one article', () => {
    const paragraphs = Array.from({ length: 40 }, () => body(8)); // some 40 x 570 characters
    const raw = `# Lang artikel\n\n${paragraphs.join('\n\n')}\n\n# Volgend artikel\n\n${body(2)}`;
    const sections = segment(normaliseBlocks(raw));
    const long = sections.filter((s) => s.title === 'Lang artikel');
    expect(long.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    expect(long.slice(1).every((s) => s.continued)).toBe(true);
    expect(sections.at(-1)).toMatchObject({ title: 'Volgend artikel', level: 1 });
    expect(sections.at(-1)?.continued).toBeUndefined();
    // nothing is lost: every paragraph is in exactly one section
    expect(sections.map((s) => s.text).join('\n\n')).toBe(normaliseBlocks(raw).map((b) => b.text).join('\n\n'));
    // continuations stay in the article they continue, with or without markdown headings
    expect(articleNumbers(sections)).toEqual([...long.map(() => 0), long.length]);
    const plain = segment(normaliseBlocks(paragraphs.join('\n\n')));
    expect(plain.length).toBeGreaterThan(1);
    expect(splitArticles(plain)).toHaveLength(1);
  });

  it('cuts one over-long paragraph (a single line of megabytes) at sentence ends', () => {
    const line = body(600); // one paragraph of some 34 000 characters
    const sections = segment(normaliseBlocks(line));
    expect(sections.length).toBeGreaterThan(2);
    for (const s of sections) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
      expect(s.text).toMatch(/^Dit is zin \d+ .*wijk\.$/);
    }
    expect(sections.map((s) => s.text).join(' ')).toBe(line);
  });

  it('reads a markdown "heading" longer than any title as a paragraph', () => {
    const words = Array.from({ length: 200 }, (_, i) => `Woord${i}`).join(' ');
    expect(normaliseBlocks(`# ${words}\n\nTekst.`)[0]).toEqual({ kind: 'para', level: 0, text: words });
    expect(normaliseBlocks('# Korte kop\n\nTekst.')[0]).toEqual({ kind: 'heading', level: 1, text: 'Korte kop' });
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

  it('cuts a sentence of more than MAX_SENTENCE_WORDS words, preferring a cut after a comma or before a lower-case word', () => {
    const words = Array.from({ length: 1000 }, (_, i) => (i % 7 === 6 ? `Naam${i},` : i % 5 === 0 ? `woord${i}` : `Naam${i}`));
    const text = words.join(' ');
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(1000 / MAX_SENTENCE_WORDS));
    for (const p of parts) expect(p.split(' ').length).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
    for (const p of parts.slice(0, -1)) expect(p.endsWith(',')).toBe(true);
    expect(parts.join(' ')).toBe(text);
    // with no comma in reach it cuts before a lower-case word, and with no such word at the budget
    const caps = Array.from({ length: 400 }, (_, i) => `Naam${i}`).join(' ');
    const capParts = splitSentences(caps).map((s) => caps.slice(s.start, s.end));
    expect(capParts.map((p) => p.split(' ').length)).toEqual([150, 150, 100]);
    // an ordinary long sentence stays whole
    const normal = 'Dit is een gewone zin met ' + Array.from({ length: 60 }, () => 'veel').join(' ') + ' woorden.';
    expect(splitSentences(normal)).toHaveLength(1);
  });
});
