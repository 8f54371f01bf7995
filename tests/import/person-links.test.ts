import { describe, expect, it } from 'vitest';
import { linkPeopleAcrossSections, linkPersonRelations } from '../../import/relate/person-links.ts';
import type { EntityMention, RelationCandidate, SectionContext } from '../../import/model.ts';
import { findPeople } from '../../import/tag/rules/people.ts';
import { splitSentences } from '../../import/segment/sentences.ts';
import { organisationForDomain } from '../../import/resolve/resolve.ts';

/** Mentions for the test: people from the real extractor, organisations and municipalities marked by hand. */
function setup(text: string, orgs: string[] = [], munis: string[] = []) {
  const c: SectionContext = { documentId: 't', section: { id: 't#1', ordinal: 1, title: '', text }, text, sentences: splitSentences(text) };
  const mark = (type: 'ORGANISATION' | 'MUNICIPALITY', name: string): EntityMention[] => {
    const out: EntityMention[] = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ type, name, surface: name, start: i, end: i + name.length });
    return out;
  };
  const mentions = [...findPeople(c), ...orgs.flatMap((o) => mark('ORGANISATION', o)), ...munis.flatMap((m) => mark('MUNICIPALITY', m))].sort((a, b) => a.start - b.start);
  return linkPersonRelations(c, mentions).map((r) => `${r.type} ${r.from.name} -> ${r.to.name}${r.role ? ` [${r.role}]` : ''}`);
}

describe('person links', () => {
  it('WORKS_FOR from apposition with the role as printed', () => {
    expect(setup('Kim Putters, directeur van het Sociaal en Cultureel Planbureau, pleit voor dialoog.', ['Sociaal en Cultureel Planbureau'])).toEqual([
      'WORKS_FOR Kim Putters -> Sociaal en Cultureel Planbureau [directeur]',
    ]);
  });

  it('WORKS_FOR from parentheses, several organisations', () => {
    expect(setup('Hans Boutellier (Kennisplatform Integratie/Verwey-Jonker Instituut) geeft een draai.', ['Kennisplatform Integratie', 'Verwey-Jonker Instituut'])).toEqual([
      'WORKS_FOR Hans Boutellier -> Kennisplatform Integratie',
      'WORKS_FOR Hans Boutellier -> Verwey-Jonker Instituut',
    ]);
  });

  it('HOLDS_OFFICE_IN for a municipal role: "(X)", "van X", "bij de gemeente X", and coordinated municipalities', () => {
    expect(setup('Daarover sprak wethouder Fleur Imming (Amersfoort) gisteren.', [], ['Amersfoort'])).toEqual(['HOLDS_OFFICE_IN Fleur Imming -> Amersfoort [wethouder]']);
    expect(setup('Jan Hamming, burgemeester van Zaanstad, is tevreden.', [], ['Zaanstad'])).toEqual(['HOLDS_OFFICE_IN Jan Hamming -> Zaanstad [burgemeester]']);
    expect(setup('Marija Scheeve werkt als beleidsmedewerker voor de gemeenten Hillegom, Lisse en Teylingen.', [], ['Hillegom', 'Lisse', 'Teylingen'])).toEqual([
      'HOLDS_OFFICE_IN Marija Scheeve -> Hillegom [beleidsmedewerker]',
      'HOLDS_OFFICE_IN Marija Scheeve -> Lisse [beleidsmedewerker]',
      'HOLDS_OFFICE_IN Marija Scheeve -> Teylingen [beleidsmedewerker]',
    ]);
  });

  it('no HOLDS_OFFICE_IN for a municipality merely near someone without a municipal role', () => {
    expect(setup('Kees Jansen woont sinds kort in Zaanstad en fietst graag.', [], ['Zaanstad'])).toEqual([]);
  });

  it('e-mail domain: the person whose surname the address spells, mapped to the matching organisation', () => {
    const links = setup('Meer informatie: Anne Lucassen (a.lucassen@movisie.nl of 06 55 44 05 67).');
    expect(links).toEqual(['WORKS_FOR Anne Lucassen -> @movisie.nl']);
    const entities = [
      { id: 'organisation:movisie', type: 'ORGANISATION' as const, name: 'Movisie', aliases: [], props: {}, mentions: [{ sectionId: 'x', count: 3, snippets: [] }] },
      { id: 'organisation:verwey-jonker-instituut', type: 'ORGANISATION' as const, name: 'Verwey-Jonker Instituut', aliases: [], props: {}, mentions: [] },
    ];
    expect(organisationForDomain('movisie.nl', entities)).toBe('organisation:movisie');
    expect(organisationForDomain('verwey-jonker.nl', entities)).toBe('organisation:verwey-jonker-instituut');
    expect(organisationForDomain('gmail.com', entities)).toBeUndefined();
  });

  it('"X en Y, allebei adviseur bij Z" links both', () => {
    expect(setup('Jamila Achahchah en Else Boss, allebei beleidsadviseur bij Movisie, zijn expert.', ['Movisie']).sort()).toEqual([
      'WORKS_FOR Else Boss -> Movisie [beleidsadviseur]',
      'WORKS_FOR Jamila Achahchah -> Movisie [beleidsadviseur]',
    ]);
  });
});

describe('person links across the sections of an article', () => {
  type Mark = [type: 'PERSON' | 'ORGANISATION' | 'MUNICIPALITY', name: string, surface?: string, props?: Record<string, string>];
  /** One section per text; mentions marked by hand at every occurrence of their surface. */
  function sections(texts: { title: string; text: string; marks: Mark[] }[]) {
    const contexts: SectionContext[] = texts.map((t, i) => ({
      documentId: 't',
      section: { id: `t#${i + 1}`, ordinal: i + 1, title: t.title, text: t.text },
      text: t.text,
      sentences: splitSentences(t.text),
    }));
    const mentions = texts.map((t) =>
      t.marks
        .flatMap(([type, name, surface = name, props]) => {
          const out: EntityMention[] = [];
          for (let i = t.text.indexOf(surface); i >= 0; i = t.text.indexOf(surface, i + 1)) out.push({ type, name, surface, start: i, end: i + surface.length, props });
          return out;
        })
        .sort((a, b) => a.start - b.start),
    );
    return { contexts, mentions };
  }
  const show = (cs: RelationCandidate[][]) =>
    cs.flat().filter((c) => c.type === 'HOLDS_OFFICE_IN').map((c) => `${c.from.name} -> ${c.to.name} (${c.weight})`);

  it('places the people an article is about in the one municipality it is set in, not those named in passing', () => {
    const { contexts, mentions } = sections([
      { title: 'Buurtkracht in Zwolle', text: 'Buurtkracht in Zwolle\n\nIn Zwolle zingen bewoners liedjes van Stef Bos. Karin Visser leidt de avonden.', marks: [['MUNICIPALITY', 'Zwolle'], ['PERSON', 'Stef Bos'], ['PERSON', 'Karin Visser']] },
      { title: 'Samen', text: "Samen\n\nVisser: 'Het werkt.' Ook Pieter Jansen, Sociaal en Cultureel Planbureau, komt kijken. Jansen is enthousiast.", marks: [['PERSON', 'Karin Visser', 'Visser'], ['PERSON', 'Pieter Jansen'], ['PERSON', 'Pieter Jansen', 'Jansen'], ['ORGANISATION', 'Sociaal en Cultureel Planbureau', undefined, { kind: 'kennisinstituut' }]] },
    ]);
    const none = contexts.map(() => [] as RelationCandidate[]);
    expect(show(linkPeopleAcrossSections(contexts, mentions, none, [0, 0]))).toEqual(['Karin Visser -> Zwolle (0.3)']);
    // two articles: the second names no municipality, so nobody in it is placed
    expect(show(linkPeopleAcrossSections(contexts, mentions, none, [0, 1]))).toEqual([]);
  });

  it('does not place the author of the article or of a work it cites', () => {
    const { contexts, mentions } = sections([
      {
        title: 'Buurtkracht in Zwolle',
        text: 'Buurtkracht in Zwolle\n\nDoor: Els Smit\n\nIn Zwolle praten bewoners mee. Zie Jan Bos en Piet Kok. (2019). Buurten. Els Smit schreef het op, Jan Bos las mee.',
        marks: [['MUNICIPALITY', 'Zwolle'], ['PERSON', 'Els Smit'], ['PERSON', 'Jan Bos'], ['PERSON', 'Piet Kok']],
      },
    ]);
    expect(show(linkPeopleAcrossSections(contexts, mentions, [[]], [0]))).toEqual([]);
  });

  it('a guess from the section gives way to a municipality the text states, and to a first guess elsewhere', () => {
    const { contexts, mentions } = sections([
      { title: 'a', text: 'Wethouder Anna de Boer van Deventer opent.', marks: [['PERSON', 'Anna de Boer'], ['MUNICIPALITY', 'Deventer']] },
      { title: 'b', text: 'In Zwolle kijkt De Boer mee.', marks: [['PERSON', 'Anna de Boer', 'De Boer'], ['MUNICIPALITY', 'Zwolle']] },
    ]);
    const hold = (name: string, muni: string, weight: number): RelationCandidate => ({ type: 'HOLDS_OFFICE_IN', from: { type: 'PERSON', name }, to: { type: 'MUNICIPALITY', name: muni }, weight, start: 0, end: 1 });
    expect(show(linkPeopleAcrossSections(contexts, mentions, [[hold('Anna de Boer', 'Deventer', 1)], [hold('Anna de Boer', 'Zwolle', 0.5)]], [0, 1]))).toEqual(['Anna de Boer -> Deventer (1)']);
    expect(show(linkPeopleAcrossSections(contexts, mentions, [[hold('Anna de Boer', 'Deventer', 0.5)], [hold('Anna de Boer', 'Zwolle', 0.5)]], [0, 1]))).toEqual(['Anna de Boer -> Deventer (0.5)']);
  });
});

describe('person links: signatures, credits, pronouns and chained appositions', () => {
  it('WORKS_FOR every organisation of a signature line', () => {
    expect(setup('Petra Aalders, Nederlands Wijkinstituut, Hogeschool Zeewolde\n\nZij schreef het boek.', ['Nederlands Wijkinstituut', 'Hogeschool Zeewolde'])).toEqual([
      'WORKS_FOR Petra Aalders -> Nederlands Wijkinstituut',
      'WORKS_FOR Petra Aalders -> Hogeschool Zeewolde',
    ]);
  });

  it('WORKS_FOR the agency of a picture credit', () => {
    expect(setup('Een feest in de wijk. (foto Beeldbank Noord/Sanne de Vries)', ['Beeldbank Noord'])).toEqual(['WORKS_FOR Sanne de Vries -> Beeldbank Noord']);
  });

  it('reads a pronoun after a fronted phrase, and carries the subject to the next such sentence', () => {
    const text = "'Dit werkt', zegt Peter Mulder. Tijdens het project was hij als onderzoeker verbonden aan het Wijklab Oost. Sinds maart is hij onderzoeker bij het Instituut Noord.";
    expect(setup(text, ['Wijklab Oost', 'Instituut Noord'])).toEqual([
      'WORKS_FOR Peter Mulder -> Wijklab Oost [onderzoeker]',
      'WORKS_FOR Peter Mulder -> Instituut Noord [onderzoeker]',
    ]);
  });

  it('stops an apposition at a target that is neither coordinated nor introduced by a role', () => {
    expect(setup('Karin Bos, beleidsadviseur bij Zwolle vertelt hoe begeleiding van Wijkwijs haar hielp.', ['Wijkwijs'], ['Zwolle'])).toEqual([
      'HOLDS_OFFICE_IN Karin Bos -> Zwolle [beleidsadviseur]',
    ]);
    expect(setup('Karin Bos, directeur van Wijkwijs en voorzitter van Buurtkracht, is tevreden.', ['Wijkwijs', 'Buurtkracht'])).toEqual([
      'WORKS_FOR Karin Bos -> Wijkwijs [directeur]',
      'WORKS_FOR Karin Bos -> Buurtkracht [directeur]',
    ]);
  });
});
