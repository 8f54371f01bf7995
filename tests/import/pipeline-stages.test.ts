import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, documentContexts, extractDocument } from '../../import/pipeline.ts';
import { typeSpans, type TaggedSpan } from '../../import/type/span-types.ts';
import { SpanClassifier, SpanModelError, loadSpanClassifier, trainSpanClassifier, type SpanClass } from '../../import/type/span-classifier.ts';
import { mergeVariants } from '../../import/resolve/variants.ts';
import { fillGaps, ruleCover } from '../../import/type/fill-gaps.ts';
import type { EntityMention, SectionContext } from '../../import/model.ts';

function ctxOf(text: string): SectionContext {
  return { documentId: 'd', section: { id: 'd#1', ordinal: 1, title: '', text }, text, sentences: [{ start: 0, end: text.length }] };
}

function spanOf(text: string, phrase: string, label: TaggedSpan['label']): TaggedSpan {
  const start = text.indexOf(phrase);
  return { label, start, end: start + phrase.length, text: phrase, score: 0.9 };
}

const mention = (type: EntityMention['type'], name: string, start = 0): EntityMention => ({ type, name, surface: name, start, end: start + name.length });

describe('the pipeline list', () => {
  it('names the stages in the order of the flow', () => {
    expect(STAGES.map((s) => s.name)).toEqual(['read', 'normalise', 'segment', 'tag', 'type', 'resolve', 'relate', 'write']);
  });

  it('hands the tag stage one context per section', () => {
    const contexts = documentContexts('x.md', '# Kop\n\nEen zin over de wijk. Nog een zin.\n\n# Tweede\n\nMeer tekst hier.\n');
    expect(contexts.length).toBeGreaterThan(0);
    for (const c of contexts) expect(c.sentences.length).toBeGreaterThan(0);
  });
});

describe('type stage: the tagger proposes, the domain knowledge types', () => {
  const never = new SpanClassifier({ classes: ['ORGANISATION', 'PROGRAMME', 'NONE'], weights: { bias: [0, 0, 5] }, provenance: {} });

  it('makes a LOC span a municipality only when the CBS list knows it', () => {
    const text = 'Zij verhuisde van Zwolle naar Lissabon.';
    const out = typeSpans(ctxOf(text), [spanOf(text, 'Zwolle', 'LOC'), spanOf(text, 'Lissabon', 'LOC')], () => false, never);
    expect(out.map((m) => [m.type, m.name])).toEqual([['MUNICIPALITY', 'Zwolle']]);
  });

  it('keeps a person of two words, cuts an ordinary word off the front, and leaves a lone surname to resolution', () => {
    const text = 'Volgens zangeres Fenna Dijkhuis en mevrouw De Wit liep Bakkum weg.';
    const ordinary = (w: string) => ['zangeres', 'mevrouw'].includes(w.toLowerCase());
    const spans = [spanOf(text, 'zangeres Fenna Dijkhuis', 'PER'), spanOf(text, 'De Wit', 'PER'), spanOf(text, 'Bakkum', 'PER')];
    const out = typeSpans(ctxOf(text), spans, ordinary, never);
    expect(out.map((m) => [m.type, m.name, text.slice(m.start, m.end)])).toEqual([['PERSON', 'Fenna Dijkhuis', 'Fenna Dijkhuis']]);
  });

  it('lets the span classifier decide ORG and MISC spans, and drops spans in a heading in capitals', () => {
    const always = new SpanClassifier({ classes: ['ORGANISATION', 'PROGRAMME', 'NONE'], weights: { 'lab=ORG': [5, 0, 0], 'lab=MISC': [0, 5, 0] }, provenance: {} });
    const text = 'HET NIEUWS VAN BUURTBOOG\nDe Buurtboog start het project Samen Sterk.';
    const spans = [spanOf(text, 'BUURTBOOG', 'ORG'), { ...spanOf(text.slice(25), 'Buurtboog', 'ORG') }, spanOf(text, 'Samen Sterk', 'MISC')];
    spans[1] = { ...spans[1], start: spans[1].start + 25, end: spans[1].end + 25 };
    const out = typeSpans(ctxOf(text), spans, () => false, always);
    expect(out.map((m) => [m.type, m.name])).toEqual([['ORGANISATION', 'Buurtboog'], ['PROGRAMME', 'Samen Sterk']]);
  });

  it('does not type a span where a rule mention stands: the same mentions after filling the gaps, fewer classifications', () => {
    const text = 'Wethouder Karin de Groot opende met Stichting De Brug en Buurtboog het pand in Zwolle.';
    const spans = [spanOf(text, 'Karin de Groot', 'PER'), spanOf(text, 'De Brug', 'ORG'), spanOf(text, 'Buurtboog', 'ORG'), spanOf(text, 'Zwolle', 'LOC')];
    const asked: string[] = [];
    const counting = new SpanClassifier({ classes: ['ORGANISATION', 'PROGRAMME', 'NONE'], weights: { 'lab=ORG': [5, 0, 0] }, provenance: {} });
    const classify = counting.classify.bind(counting);
    counting.classify = (features) => (asked.push(features.join()), classify(features));
    const kept = [mention('ORGANISATION', 'Stichting De Brug', text.indexOf('Stichting')), mention('PERSON', 'Karin de Groot', text.indexOf('Karin'))];
    const taken = ruleCover(kept);
    const typed = typeSpans(ctxOf(text), spans, () => false, counting, taken);
    expect(typed.map((m) => m.name)).toEqual(['Buurtboog', 'Zwolle']);
    expect(asked).toHaveLength(1);
    expect(fillGaps(kept, typed, taken)).toEqual(fillGaps(kept, typeSpans(ctxOf(text), spans, () => false, counting)));
  });

  it('lets a rule mention win where a tagger span overlaps it', () => {
    const rule = [mention('ORGANISATION', 'Stichting Wijkkracht', 10)];
    const tagger = [mention('PERSON', 'Wijkkracht Noord', 20), mention('ORGANISATION', 'Buurtboog', 50)];
    expect(fillGaps(rule, tagger).map((m) => m.name)).toEqual(['Stichting Wijkkracht', 'Buurtboog']);
  });
});

describe('span classifier', () => {
  const examples: { features: string[]; label: SpanClass }[] = [
    { features: ['bias', 'orghead-first'], label: 'ORGANISATION' },
    { features: ['bias', 'progcue-last'], label: 'PROGRAMME' },
    { features: ['bias', 'single-word-also-lower'], label: 'NONE' },
  ];

  it('trains deterministically and learns the cues', () => {
    const a = trainSpanClassifier(examples);
    const b = trainSpanClassifier(examples);
    expect(a).toEqual(b);
    const model = new SpanClassifier({ classes: ['ORGANISATION', 'PROGRAMME', 'NONE'], weights: a, provenance: {} });
    expect(model.classify(['bias', 'orghead-first']).type).toBe('ORGANISATION');
    expect(model.classify(['bias', 'progcue-last']).type).toBe('PROGRAMME');
    expect(model.classify(['bias', 'single-word-also-lower']).type).toBe('NONE');
  });

  it('round-trips through its file and gives a clear error for a missing or corrupt one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'span-model-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ classes: ['ORGANISATION', 'PROGRAMME', 'NONE'], weights: trainSpanClassifier(examples), provenance: {} }));
    expect(loadSpanClassifier(good).classify(['bias', 'progcue-last']).type).toBe('PROGRAMME');
    expect(() => loadSpanClassifier(join(dir, 'missing.json'))).toThrow(SpanModelError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"classes": [');
    expect(() => loadSpanClassifier(bad)).toThrow(/unusable/);
  });
});

describe('resolution merges the variants a reader sees as one', () => {
  const names = (sections: EntityMention[][]) => sections.flat().map((m) => `${m.type}:${m.name}`);

  it('drops a place after the name, so that every document names it the same', () => {
    const out = mergeVariants([[mention('PROGRAMME', 'Buurtbrug in Deventer')]], () => false);
    expect(names(out)).toEqual(['PROGRAMME:Buurtbrug']);
    expect(out[0][0].aliases).toContain('Buurtbrug in Deventer');
  });

  it('merges a generic tail and a head-led name with the bare form of the same document', () => {
    const out = mergeVariants(
      [[mention('PROGRAMME', 'Buurtbrug'), mention('PROGRAMME', 'Buurtbrug-methode', 20)], [mention('ORGANISATION', 'Tijdschrift voor Wijkwerk'), mention('ORGANISATION', 'Wijkwerk', 40)]],
      () => false,
    );
    expect(names(out)).toEqual(['PROGRAMME:Buurtbrug', 'PROGRAMME:Buurtbrug', 'ORGANISATION:Tijdschrift voor Wijkwerk', 'ORGANISATION:Tijdschrift voor Wijkwerk']);
  });

  it('keeps "X-methode" apart when X is not printed alone', () => {
    expect(names(mergeVariants([[mention('PROGRAMME', 'Buurtbrug-methode')]], () => false))).toEqual(['PROGRAMME:Buurtbrug-methode']);
  });

  it('does not make single-word fragments organisations, but keeps acronyms and compound names', () => {
    const lowerInDocument = (w: string) => w.toLowerCase() === 'sociaal';
    const dictionary = (w: string) => w.toLowerCase() === 'rijksuniversiteit';
    const out = mergeVariants(
      [['Sociaal', 'Stichting', 'Rijksuniversiteit', 'GGD', 'Wijkfonds'].map((n, i) => mention('ORGANISATION', n, i * 20))],
      lowerInDocument,
      dictionary,
    );
    expect(names(out)).toEqual(['ORGANISATION:GGD', 'ORGANISATION:Wijkfonds']);
  });

  it('reads a lone surname of a person of the document as that person, not an organisation', () => {
    const out = mergeVariants([[mention('PERSON', 'Jan Hoekstra'), mention('ORGANISATION', 'Hoekstra', 30)]], () => false);
    expect(names(out)).toEqual(['PERSON:Jan Hoekstra']);
  });
});

describe('extraction with the tagger in', () => {
  it('finds an organisation named without any cue word through the tagger, which the rules alone miss', () => {
    const text = 'Voetbal in de wijk\n\nHet bestuur van Feyenoord besprak de plannen met de KNVB in Zeist.\n';
    const org = (r: ReturnType<typeof extractDocument>) => r.entities.filter((e) => e.type === 'ORGANISATION').map((e) => e.name);
    expect(org(extractDocument('t.md', text, { without: new Set(['tagger']) }))).not.toContain('Feyenoord');
    expect(org(extractDocument('t.md', text))).toContain('Feyenoord');
  });

  it('leaves a module out when asked (the ablation)', () => {
    const text = 'Wethouder Pieter de Groot van Zwolle opende het buurthuis.\n';
    const all = extractDocument('a.md', text);
    const without = extractDocument('a.md', text, { without: new Set(['municipalities', 'tagger']) });
    expect(all.entities.some((e) => e.type === 'MUNICIPALITY')).toBe(true);
    expect(without.entities.some((e) => e.type === 'MUNICIPALITY')).toBe(false);
  });
});
