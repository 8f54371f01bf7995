/**
 * The link rules added for issue 12: who a person works for, read from how the text introduces her
 * (lists with one organisation in parentheses, a name line before an intro paragraph, a self-introduction,
 * an apposition that is the organisation alone), and who runs a programme (a runner's list, the
 * description of a listed item, a web address, an organisation in the programme's name). People come
 * from the real extractor; organisations, municipalities and programmes are marked by hand.
 */
import { describe, expect, it } from 'vitest';
import { linkPersonRelations } from '../../import/relate/person-links.ts';
import { linkProgrammes } from '../../import/relate/programme-links.ts';
import { linkArticleRunners } from '../../import/relate/article-links.ts';
import { extractDocument } from '../../import/pipeline.ts';
import type { EntityMention, RelationCandidate, SectionContext } from '../../import/model.ts';
import { findPeople } from '../../import/tag/rules/people.ts';
import { splitSentences } from '../../import/segment/sentences.ts';

type Marks = [EntityMention['type'], string][];

function context(text: string, title = ''): SectionContext {
  return { documentId: 't', section: { id: 't#1', ordinal: 1, title, text }, text, sentences: splitSentences(text) };
}

function mark(text: string, marks: Marks): EntityMention[] {
  const out: EntityMention[] = [];
  for (const [type, name] of marks) for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ type, name, surface: name, start: i, end: i + name.length });
  return out;
}

const show = (cs: RelationCandidate[]) => cs.map((r) => `${r.type} ${r.from.name} -> ${r.to.name}`);

function personLinks(text: string, marks: Marks): string[] {
  const c = context(text);
  const mentions = [...findPeople(c), ...mark(text, marks)].sort((a, b) => a.start - b.start);
  return show(linkPersonRelations(c, mentions));
}

function runners(text: string, marks: Marks): string[] {
  return show(linkProgrammes(context(text), mark(text, marks).sort((a, b) => a.start - b.start)).filter((r) => r.type === 'RUN_BY'));
}

describe('person -> organisation / municipality from the introduction', () => {
  it('gives every name of a list the organisation in parentheses after it, also when the parentheses open the next paragraph', () => {
    expect(personLinks('Bijdrage van Lou Repetur, Marielle van Pelt en Karin Bakker (Movisie).', [['ORGANISATION', 'Movisie']]).sort()).toEqual([
      'WORKS_FOR Karin Bakker -> Movisie',
      'WORKS_FOR Lou Repetur -> Movisie',
      'WORKS_FOR Marielle van Pelt -> Movisie',
    ]);
    expect(personLinks('Auteurs: Jochem Heemskerk en Lydia Sterrenberg\n\n(Platform31)\n\nRedactie: Platform31', [['ORGANISATION', 'Platform31']]).sort()).toEqual([
      'WORKS_FOR Jochem Heemskerk -> Platform31',
      'WORKS_FOR Lydia Sterrenberg -> Platform31',
    ]);
  });

  it('passes a list\'s organisation back only within a quote\'s length', () => {
    const firsts = ['Anna', 'Peter', 'Karin', 'Jan', 'Els', 'Mark', 'Sanne', 'Tom'];
    const names = Array.from({ length: 40 }, (_, i) => `${firsts[i % 8]} ${['Berkel', 'Dorsman', 'Velsen', 'Hofman', 'Linde'][Math.floor(i / 8)]}`);
    const text = `Met medewerking van ${names.join(', ')} (Movisie).`;
    const linked = personLinks(text, [['ORGANISATION', 'Movisie']]);
    expect(linked).toContain(`WORKS_FOR ${names[39]} -> Movisie`);
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.length).toBeLessThan(20);
    expect(linked).not.toContain(`WORKS_FOR ${names[0]} -> Movisie`);
  });

  it('does not pass one name\'s organisation on in a list of inverted names, where each has its own', () => {
    const links = personLinks('Auteur: Burg, M. van den, Ooms, H. (NJI), Kooiman, A. (Movisie) & Beckers, M. (NCJ).', [['ORGANISATION', 'NJI'], ['ORGANISATION', 'Movisie'], ['ORGANISATION', 'NCJ']]);
    expect(links.filter((l) => l.includes('Burg'))).toEqual([]);
  });

  it('reads an intro paragraph that takes the first name for subject after a name line', () => {
    expect(personLinks('Wie is wie?\n\nPieter Schipper\n\nPieter werkt als belangenbehartiger bij de landelijke branchevereniging van woningcorporaties Aedes.', [['ORGANISATION', 'Aedes']])).toEqual([
      'WORKS_FOR Pieter Schipper -> Aedes',
    ]);
    // another first name opening the sentence is someone else
    expect(personLinks('Pieter Schipper\n\nKarin werkt als belangenbehartiger bij Aedes.', [['ORGANISATION', 'Aedes']])).toEqual([]);
  });

  it('reads a self-introduction after the name only when it gives a role', () => {
    expect(personLinks('Suzanne van Rijn: Ik werk als opbouwwerker bij DOCK in Haarlem Oost.', [['ORGANISATION', 'DOCK']])).toEqual(['WORKS_FOR Suzanne van Rijn -> DOCK']);
    expect(personLinks('Suzanne van Rijn: Ik ben blij met de steun van DOCK.', [['ORGANISATION', 'DOCK']])).toEqual([]);
  });

  it('takes an apposition that is the organisation alone, closing the sentence, but not one that goes on', () => {
    expect(personLinks('Gesprek met Remco van Eijkel, Centraal Planbureau. 8 juli 2019.', [['ORGANISATION', 'Centraal Planbureau']])).toEqual([
      'WORKS_FOR Remco van Eijkel -> Centraal Planbureau',
    ]);
    expect(personLinks('Volgens Remco van Eijkel, Centraal Planbureau en gemeenten zouden meer moeten doen. Dat zei hij gisteren.', [['ORGANISATION', 'Centraal Planbureau']])).toEqual([]);
  });

  it('places a person in the municipality of a department named after it, and reads a person noun glued to an organisation', () => {
    expect(personLinks('Interview met Raymond Hamar van de Dienst OCW, gemeente Den Haag.', [['ORGANISATION', 'Dienst OCW'], ['MUNICIPALITY', 'Den Haag']])).toEqual([
      'WORKS_FOR Raymond Hamar -> Dienst OCW',
      'HOLDS_OFFICE_IN Raymond Hamar -> Den Haag',
    ]);
    expect(personLinks('Eerbetoon aan Ajax-voetballer Abdelhak Nouri en zijn familie.', [['ORGANISATION', 'Ajax']])).toEqual(['WORKS_FOR Abdelhak Nouri -> Ajax']);
  });
});

describe('programme -> organisation from the sentence', () => {
  it('gives every organisation of a runner\'s list the direct tie', () => {
    const text = 'Het Kerstdebat van Movisie en Kennisplatform Integratie & Samenleving trok veel mensen.';
    expect(runners(text, [['PROGRAMME', 'Kerstdebat'], ['ORGANISATION', 'Movisie'], ['ORGANISATION', 'Kennisplatform Integratie & Samenleving']])).toEqual([
      'RUN_BY Kerstdebat -> Movisie',
      'RUN_BY Kerstdebat -> Kennisplatform Integratie & Samenleving',
    ]);
  });

  it('weighs a partner ("samen met", "ondersteunt") below a runner ("ontwikkeld", "initiatief")', () => {
    const weightOf = (text: string, marks: Marks) => linkProgrammes(context(text), mark(text, marks)).find((r) => r.type === 'RUN_BY')?.weight;
    expect(weightOf('Samen met Buurtkracht vernieuwen we de Praatbank.', [['PROGRAMME', 'Praatbank'], ['ORGANISATION', 'Buurtkracht']])).toBe(0.3);
    expect(weightOf('Buurtkracht heeft de Praatbank ontwikkeld.', [['PROGRAMME', 'Praatbank'], ['ORGANISATION', 'Buurtkracht']])).toBe(0.5);
    expect(weightOf('De Praatbank van Buurtkracht is populair.', [['PROGRAMME', 'Praatbank'], ['ORGANISATION', 'Buurtkracht']])).toBe(1);
    expect(weightOf('De Praatbank is een methode van Buurtkracht.', [['PROGRAMME', 'Praatbank'], ['ORGANISATION', 'Buurtkracht']])).toBe(1);
  });

  it('reads a direct tie past a year and a word for what the organisation is', () => {
    const text = "Uit het onderzoek 'Veerkracht in het corporatiebezit' (2020) van brancheorganisatie Aedes blijkt dat het slechter gaat.";
    expect(runners(text, [['PROGRAMME', 'Veerkracht in het corporatiebezit'], ['ORGANISATION', 'Aedes']])).toEqual(['RUN_BY Veerkracht in het corporatiebezit -> Aedes']);
  });

  it('reads who holds a programme ("in handen van", "betrokken bij", "geborgd bij")', () => {
    expect(runners('De projectleiding van B.Slim is in handen van de gemeente en de GGD.', [['PROGRAMME', 'B.Slim'], ['ORGANISATION', 'GGD']])).toEqual(['RUN_BY B.Slim -> GGD']);
    expect(runners("Movisie is betrokken bij het programma 'Dementiezorg voor elkaar'.", [['PROGRAMME', 'Dementiezorg voor elkaar'], ['ORGANISATION', 'Movisie']])).toEqual([
      'RUN_BY Dementiezorg voor elkaar -> Movisie',
    ]);
  });

  it('takes the organisation that opens the description of a listed item, not one named later without a cue', () => {
    expect(runners('Van wonen naar thuis: Movisie heeft met alle partijen een visie uitgewerkt.', [['PROGRAMME', 'Van wonen naar thuis'], ['ORGANISATION', 'Movisie']])).toEqual([
      'RUN_BY Van wonen naar thuis -> Movisie',
    ]);
    expect(runners('Van wonen naar thuis is een visie die ook de VNG las.', [['PROGRAMME', 'Van wonen naar thuis'], ['ORGANISATION', 'VNG']])).toEqual([]);
  });

  it('reads the domain of a web address in the programme\'s sentence (or the next one that refers back), not a hosting service', () => {
    expect(runners("In de notitie 'Oog voor lvb' staan de ervaringen. Deze is te downloaden op movisie.nl.", [['PROGRAMME', 'Oog voor lvb']])).toEqual(['RUN_BY Oog voor lvb -> @movisie.nl']);
    expect(runners('Dossier Wat Werkt: [www.movisie.nl/publicaties](http://www.movisie.nl/publicaties)', [['PROGRAMME', 'Dossier Wat Werkt']])).toEqual(['RUN_BY Dossier Wat Werkt -> @movisie.nl']);
    expect(runners('Bekijk de film over Buurtkracht op youtube.com.', [['PROGRAMME', 'Buurtkracht']])).toEqual([]);
  });

  it('links a programme named for an organisation of its section to it', () => {
    expect(runners('De module is te volgen op de Movisie-academie, een dienst van het instituut. Movisie is in Utrecht gevestigd.', [['PROGRAMME', 'Movisie-academie'], ['ORGANISATION', 'Movisie']])).toEqual([
      'RUN_BY Movisie-academie -> Movisie',
    ]);
  });
});

describe('programme -> organisation from the article', () => {
  const text = 'Taalcafé helpt nieuwkomers\n\nHet Taalcafé is een initiatief van de Bibliotheek Kessel. Elke week komt het Taalcafé samen.\n\nMeer informatie: Els Meijsen (e.meijsen@movisie.nl).';
  const c = context(text, 'Taalcafé helpt nieuwkomers');
  const mentions = [...findPeople(c), ...mark(text, [['PROGRAMME', 'Taalcafé'], ['ORGANISATION', 'Bibliotheek Kessel']])].sort((a, b) => a.start - b.start);
  const contactWorksFor: RelationCandidate = { type: 'WORKS_FOR', from: { type: 'PERSON', name: 'Els Meijsen' }, to: { type: 'ORGANISATION', name: 'Movisie' }, weight: 1, start: 0, end: 1 };

  it("gives a portrayed programme its contact's employer only when no sentence names a runner", () => {
    const withoutRunner: RelationCandidate[] = [contactWorksFor];
    expect(show(linkArticleRunners([{ title: 'Taalcafé helpt nieuwkomers', sections: [0] }], [c], [mentions], [withoutRunner])[0])).toEqual(['RUN_BY Taalcafé -> Movisie']);
    const stated: RelationCandidate[] = [contactWorksFor, ...linkProgrammes(c, mentions)];
    expect(show(linkArticleRunners([{ title: 'Taalcafé helpt nieuwkomers', sections: [0] }], [c], [mentions], [stated])[0])).toEqual([]);
    // a partner named by a sentence ("samen met") leaves the runner open
    const partner: RelationCandidate = { type: 'RUN_BY', from: { type: 'PROGRAMME', name: 'Taalcafé' }, to: { type: 'ORGANISATION', name: 'Bibliotheek Kessel' }, weight: 0.3, start: 0, end: 1 };
    expect(show(linkArticleRunners([{ title: 'Taalcafé helpt nieuwkomers', sections: [0] }], [c], [mentions], [[contactWorksFor, partner]])[0])).toEqual(['RUN_BY Taalcafé -> Movisie']);
  });
});

describe('evidence of the new links, through the whole extraction', () => {
  it('keeps a two-paragraph introduction whole as a sentence-level quote naming both ends, and a web domain as the organisation', () => {
    const text = [
      '# Wie is wie?',
      'Pieter Schipper',
      'Pieter werkt als belangenbehartiger bij de landelijke branchevereniging van woningcorporaties Aedes.',
      '# Nieuwe publicaties',
      "Movisie maakt publicaties over het sociaal domein. In de notitie 'Oog voor mensen met een lvb' staan alle ervaringen van gemeenten. Deze is te downloaden op movisie.nl.",
    ].join('\n\n');
    const r = extractDocument('t.md', text);
    const name = new Map(r.entities.map((e) => [e.id, e.name]));
    const rel = (type: string, to: string) => r.relations.find((x) => x.type === type && name.get(x.to) === to);
    const works = rel('WORKS_FOR', 'Aedes');
    expect(works?.evidence[0]).toMatchObject({ kind: 'SENTENCE', quote: 'Pieter Schipper\n\nPieter werkt als belangenbehartiger bij de landelijke branchevereniging van woningcorporaties Aedes' });
    const runBy = rel('RUN_BY', 'Movisie');
    expect(runBy && name.get(runBy.from)).toBe('Oog voor mensen met een lvb');
    expect(runBy?.evidence[0].quote).toContain('movisie.nl');
  });
});
