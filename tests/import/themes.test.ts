import { describe, expect, it } from 'vitest';
import { ThemeMatcher, extractThemes, linkThemes, loadThemeVocabulary, minimumHits } from '../../import/tag/rules/themes.ts';
import type { EntityMention, SectionContext } from '../../import/model.ts';
import { splitSentences } from '../../import/segment/sentences.ts';

function ctx(text: string, title = 'Test'): SectionContext {
  return { documentId: 'doc', section: { id: 'doc#1', ordinal: 1, title, text }, text, sentences: splitSentences(text) };
}

describe('theme vocabulary', () => {
  it('has 40-60 themes with unique ids and labels and at least one synonym each', () => {
    const themes = loadThemeVocabulary();
    expect(themes.length).toBeGreaterThanOrEqual(40);
    expect(themes.length).toBeLessThanOrEqual(60);
    expect(new Set(themes.map((t) => t.id)).size).toBe(themes.length);
    expect(new Set(themes.map((t) => t.label)).size).toBe(themes.length);
    for (const t of themes) expect(t.synonyms.length).toBeGreaterThan(0);
  });
});

describe('ThemeMatcher', () => {
  const m = new ThemeMatcher([
    { id: 'eenzaamheid', label: 'eenzaamheid', synonyms: ['eenzaam*', 'sociaal isolement'] },
    { id: 'geweld', label: 'huiselijk geweld', synonyms: ['huiselijk geweld', '*mishandeling'] },
    { id: 'lhbti', label: 'LHBTI', synonyms: ['homo*'], exclude: ['homogeen*', 'homogen*'] },
  ]);

  it('reads words the same when lower-casing changes the length of the text or a word holds non-BMP letters', () => {
    // "İ" lower-cases to two code units and Σ depends on context: the matcher then tokenises word by word
    expect(m.hits('EENZAAMHEID en İstanbul: sociaal isolement').map((h) => [h.theme.id, h.start, h.end])).toEqual([
      ['eenzaamheid', 0, 11],
      ['eenzaamheid', 25, 42],
    ]);
    expect(m.hits('ΟΔΟΣ ouderenmishandeling-').map((h) => [h.theme.id, h.start, h.end])).toEqual([['geweld', 5, 24]]);
    // an emoji is no letter: the word after it still counts; a trailing ’s is part of the word
    expect(m.hits('😀eenzaam en Eenzaamheid’s').map((h) => [h.start, h.end])).toEqual([
      [2, 9],
      [13, 26],
    ]);
  });

  it('matches stems, phrases across line breaks and compound endings', () => {
    const hits = m.hits('Eenzaamheid: ouderen leven in sociaal\nisolement; ouderenmishandeling en huiselijk geweld komen voor.');
    expect(hits.map((h) => h.theme.id)).toEqual(['eenzaamheid', 'eenzaamheid', 'geweld', 'geweld']);
  });

  it('does not match inside other words and honours excludes', () => {
    expect(m.hits('Een homogene groep, een homogeen beeld en een mishandeling.')).toEqual([]);
    expect(m.hits('De homo-emancipatie').map((h) => h.theme.id)).toEqual(['lhbti']);
  });

  it('rejects a theme without synonyms', () => {
    expect(() => new ThemeMatcher([{ id: 'x', label: 'x', synonyms: [] }])).toThrow(/no synonyms/);
  });
});

describe('extractThemes', () => {
  it('keeps a theme that is substantially discussed and drops a passing word', () => {
    const text =
      'Eenzaamheid onder ouderen neemt toe. Veel eenzame mensen durven geen hulp te vragen. ' +
      'De aanpak van eenzaamheid vraagt tijd, zegt de wethouder. Er is ook een sportclub in de wijk.';
    const themes = new Set(extractThemes(ctx(text)).map((t) => t.name));
    expect(themes.has('eenzaamheid')).toBe(true);
    expect(themes.has('sport en bewegen')).toBe(false);
  });

  it('keeps a theme named in the section title even with a single hit in the text', () => {
    const text = 'De gemeente investeert in mantelzorg. Verder praten we over de begroting en de planning.';
    const names = extractThemes(ctx(text, 'Mantelzorgers verdienen steun')).map((t) => t.name);
    expect(names).toContain('informele zorg en mantelzorg');
  });

  it('asks more evidence from longer sections', () => {
    expect(minimumHits(50)).toBe(2);
    expect(minimumHits(500)).toBe(3);
    expect(minimumHits(5000)).toBe(5);
  });
});

describe('linkThemes', () => {
  const text =
    'Anna de Vries werkt bij Stichting Samen aan eenzaamheid onder ouderen. ' +
    'Eenzaamheid is een groot probleem, zegt ze. ' +
    'Ook eenzame jongeren hebben hulp nodig. ' +
    'Het weer was goed en Piet Jansen kwam langs.';
  const c = ctx(text);
  const at = (type: EntityMention['type'], name: string): EntityMention => {
    const start = text.indexOf(name);
    return { type, name, surface: name, start, end: start + name.length };
  };
  const mentions = [...extractThemes(c), at('PERSON', 'Anna de Vries'), at('ORGANISATION', 'Stichting Samen'), at('PERSON', 'Piet Jansen')];

  it('links people and organisations to a theme only through a sentence that names both', () => {
    const rel = linkThemes(c, mentions).filter((r) => r.to.name === 'eenzaamheid');
    const anna = rel.find((r) => r.from.name === 'Anna de Vries')!;
    const piet = rel.find((r) => r.from.name === 'Piet Jansen')!;
    expect(anna.type).toBe('WORKS_ON');
    expect(rel.find((r) => r.from.name === 'Stichting Samen')).toBeDefined();
    // sharing the section is not evidence: what the article implies is read by relate/article-links.ts
    expect(piet).toBeUndefined();
    expect(anna.weight!).toBeGreaterThan(0);
    expect(text.slice(anna.start, anna.end)).toContain('Anna de Vries');
  });

  it('gives no links when the section has no substantial theme', () => {
    const t = 'Piet Jansen kwam langs bij de sportclub.';
    const cc = ctx(t);
    const ms = [...extractThemes(cc), { type: 'PERSON' as const, name: 'Piet Jansen', surface: 'Piet Jansen', start: 0, end: 11 }];
    expect(linkThemes(cc, ms)).toEqual([]);
  });
});
