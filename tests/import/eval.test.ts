import { describe, expect, it } from 'vitest';
import { normaliseForMatch, precision, recall, scoreDocument, type GoldDocument } from '../../import/eval/eval.ts';
import type { EntityFact, ExtractionResult } from '../../import/types.ts';

const entity = (type: EntityFact['type'], name: string, aliases: string[] = []): EntityFact => ({
  id: `${type.toLowerCase()}:${name.toLowerCase().replace(/\W+/g, '-')}`,
  type,
  name,
  aliases,
  props: {},
  mentions: [{ sectionId: 'd#1', count: 1, snippets: [] }],
});

describe('eval matching', () => {
  it('folds case, diacritics, punctuation, white space, "&" and a leading article, nothing more', () => {
    expect(normaliseForMatch('Het  Sociaal & Cultureel Planbureau')).toBe('sociaal en cultureel planbureau');
    expect(normaliseForMatch('Mariëlle Hoogendorp')).toBe(normaliseForMatch('mariëlle hoogendorp'));
    expect(normaliseForMatch('Coöperatieve Wijkraad')).toBe('cooperatieve wijkraad');
    expect(normaliseForMatch('Putters')).not.toBe(normaliseForMatch('Kim Putters'));
  });

  it('scores precision, recall and link recall; a prediction matching a gold place is a false positive', () => {
    const gold: GoldDocument = {
      document: 'd.txt',
      people: [{ name: 'Kim Putters', aliases: ['Putters'], organisations: ['Sociaal en Cultureel Planbureau'], municipalities: [] }, { name: 'Janny Bakker', municipalities: ['Huizen'] }],
      organisations: [{ name: 'Sociaal en Cultureel Planbureau', aliases: ['SCP'] }],
      municipalities: [{ name: 'Huizen' }],
      places: [{ name: 'Schilderswijk' }],
      programmes: [{ name: 'Kennisplatform Integratie & Samenleving', alt_kind: 'organisation' }],
      themes: [],
      laws: ['Wmo 2015'],
    };
    const kim = entity('PERSON', 'Kim Putters');
    const scp = entity('ORGANISATION', 'SCP');
    const result: ExtractionResult = {
      document: { id: 'd', file: 'd.txt', title: '', published: null, sha256: '', sections: [] },
      entities: [kim, scp, entity('MUNICIPALITY', 'Schilderswijk'), entity('MUNICIPALITY', 'Huizen'), entity('ORGANISATION', 'Kennisplatform Integratie en Samenleving')],
      relations: [{ type: 'WORKS_FOR', from: kim.id, to: scp.id, weight: 1, evidence: [] }],
    };
    const s = scoreDocument(gold, result);
    expect(recall(s.types.PERSON)).toBe(0.5);
    expect(precision(s.types.PERSON)).toBe(1);
    expect(s.types.MUNICIPALITY.unmatched).toEqual(['Schilderswijk']);
    expect(precision(s.types.MUNICIPALITY)).toBe(0.5);
    // alt_kind: neither right nor wrong for organisations
    expect(s.types.ORGANISATION.ignored).toBe(1);
    expect(precision(s.types.ORGANISATION)).toBe(1);
    // the SCP link is found through the gold organisation's alias; Bakker's municipality link is not (no such person)
    expect(s.links['person->organisation']).toMatchObject({ gold: 1, found: 1 });
    expect(s.links['person->municipality']).toMatchObject({ gold: 1, found: 0 });
  });

  it('judges link precision only on links whose both ends are gold entities', () => {
    const gold: GoldDocument = {
      document: 'd.txt',
      people: [{ name: 'Janny Bakker', municipalities: ['Huizen'] }, { name: 'Leo Bisschops', municipalities: [] }],
      organisations: [],
      municipalities: [{ name: 'Huizen' }, { name: 'Best' }],
      programmes: [],
    };
    const [janny, leo, stranger] = [entity('PERSON', 'Janny Bakker'), entity('PERSON', 'Leo Bisschops'), entity('PERSON', 'Piet Onbekend')];
    const [huizen, best, ede] = [entity('MUNICIPALITY', 'Huizen'), entity('MUNICIPALITY', 'Best'), entity('MUNICIPALITY', 'Ede')];
    const hold = (from: EntityFact, to: EntityFact) => ({ type: 'HOLDS_OFFICE_IN' as const, from: from.id, to: to.id, weight: 1, evidence: [] });
    const result: ExtractionResult = {
      document: { id: 'd', file: 'd.txt', title: '', published: null, sha256: '', sections: [] },
      entities: [janny, leo, stranger, huizen, best, ede],
      // right; wrong (both ends gold); not judged (person not in gold); not judged (municipality not in gold)
      relations: [hold(janny, huizen), hold(leo, best), hold(stranger, huizen), hold(janny, ede)],
    };
    const l = scoreDocument(gold, result).links['person->municipality'];
    expect(l).toMatchObject({ gold: 1, found: 1, judged: 2, correct: 1, wrong: ['Leo Bisschops -> Best'] });
  });
});
