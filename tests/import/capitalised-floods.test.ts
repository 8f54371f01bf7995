import { describe, expect, it } from 'vitest';
import { FLOOD_WORDS, capitalisedFloods } from '../../import/tag/rules/capitalised-floods.ts';
import { extractDocument } from '../../import/pipeline.ts';
import { findPeople } from '../../import/tag/rules/people.ts';
import { proposeSpans } from '../../import/tag/ner-spans.ts';
import { documentContexts } from '../../import/pipeline.ts';

const made = (n: number) => Array.from({ length: n }, (_, i) => `Zorvak${String.fromCharCode(97 + (i % 26))}el`).join(' ');
const floodsOf = (text: string) => {
  const { spans } = capitalisedFloods(text);
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(text.slice(spans[k], spans[k + 1]));
  return out;
};

describe('capitalised floods', () => {
  it(`finds runs of ${FLOOD_WORDS} or more capitalised words on one line, and nothing in prose, lists or names`, () => {
    const line = made(12);
    expect(floodsOf(`Dit is gewone tekst.\n${line}\nEn weer tekst.`)).toEqual([line]);
    expect(floodsOf(made(FLOOD_WORDS - 1))).toEqual([]);
    expect(floodsOf(made(FLOOD_WORDS))).toEqual([made(FLOOD_WORDS)]);
    // a list of names has commas; a sentence has lower-case words; a line break ends a run
    expect(floodsOf('Anna Jansen, Piet de Vries, Karin Bakker, Ahmed El Amrani, Joris Smit en Els Dekker kwamen.')).toEqual([]);
    expect(floodsOf('Wethouder Anna Jansen van Movisie Sprak Gisteren in Amersfoort Over de Wijk.')).toEqual([]);
    expect(floodsOf(`${made(5)}\n${made(5)}`)).toEqual([]);
    // a lower-case word in the middle cuts it in two short runs
    expect(floodsOf(`${made(6)} en ${made(6)}`)).toEqual([]);
  });

  it('the covers test is exact at the edges', () => {
    const text = `Eerst tekst. ${made(10)} en verder.`;
    const floods = capitalisedFloods(text);
    const start = text.indexOf('Zorvak');
    const end = start + made(10).length;
    expect(floods.covers(start, end)).toBe(true);
    expect(floods.covers(start - 1, end)).toBe(false);
    expect(floods.covers(start, end + 1)).toBe(false);
    expect(floods.covers(0, 5)).toBe(false);
  });

  it('no name is read inside a flood, and the names beside it are kept', () => {
    const flood = 'Jan Jansen Piet Pieters Karel Smit Anna Bakker Joost Visser Maria Dekker';
    const text = `Verslag van de dag\n\n${flood}\n\nDaarna sprak wethouder Anna Bakker van Amersfoort over de aanpak.`;
    const people = findPeople({ documentId: 'd', section: { id: 'd#1', ordinal: 1, title: 'x', text }, text, sentences: [] });
    expect(people.map((p) => p.name)).toEqual(['Anna Bakker']);
    expect(people[0].start).toBeGreaterThan(text.indexOf('Daarna'));
    // the tagger is not run over the flood (its offsets stay those of the text)
    const [ctx] = documentContexts('d.txt', text);
    const spans = proposeSpans(ctx);
    const floodStart = ctx.text.indexOf(flood);
    expect(spans.every((s) => s.end <= floodStart || s.start >= floodStart + flood.length)).toBe(true);
    for (const s of spans) expect(ctx.text.slice(s.start, s.end)).toBe(s.text);
    const result = extractDocument('d.txt', text);
    const names = result.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(names).toContain('Anna Bakker');
    expect(names).not.toContain('Jan Jansen');
  });

  it('no programme is read from a flood whose words end in a cue ("…app", "…lab")', () => {
    const text = `${made(6)} Buurtapp Zorvakmap Wijklab Samenapp\n\nDe gemeente zette de Buurtapp in voor ouderen.`;
    const programmes = extractDocument('d.txt', text).entities.filter((e) => e.type === 'PROGRAMME').map((e) => e.name);
    expect(programmes.every((name) => !name.includes('Zorvak'))).toBe(true);
  });
});
