import { describe, expect, it } from 'vitest';
import { findPeople } from '../../import/tag/rules/people.ts';
import type { SectionContext } from '../../import/model.ts';
import { splitSentences } from '../../import/segment/sentences.ts';
import { extractDocument } from '../../import/pipeline.ts';

function ctx(text: string): SectionContext {
  return { documentId: 't', section: { id: 't#1', ordinal: 1, title: '', text }, text, sentences: splitSentences(text) };
}
const names = (text: string) => findPeople(ctx(text)).map((m) => m.name);

describe('people', () => {
  it('finds first name + surname with Dutch particles as printed', () => {
    expect(names('Gisteren sprak Ingrid van der Meer met de buurt.')).toEqual(['Ingrid van der Meer']);
    expect(names('Ook Pieter ten Brink en Fatma el Idrissi waren er.')).toEqual(['Pieter ten Brink', 'Fatma el Idrissi']);
    expect(names('Volgens Johan van ’t Hof is dat zo.')).toEqual(['Johan van ’t Hof']);
  });

  it('finds hyphenated given names and double surnames', () => {
    expect(names('Daarna vertelde Anne-Marie de Wit over haar werk.')).toEqual(['Anne-Marie de Wit']);
    expect(names('Dat merkt Mark Roscam Abbing (ministerie van SZW) op.')).toEqual(['Mark Roscam Abbing']);
  });

  it('finds initials + surname and reference-list names', () => {
    expect(names('Het rapport van J.W. de Vries verscheen in 2017.')).toEqual(['J.W. de Vries']);
    expect(names('Jansen, P. (2017). Een titel.')).toEqual(['P. Jansen']);
  });

  it('accepts an unknown given name only with person evidence: a role, an e-mail, a byline or speech', () => {
    expect(names('Daarover sprak wethouder Oetra Gopal gisteren.')).toEqual(['Oetra Gopal']);
    expect(names('Meer informatie: Shahrazad Nourozi (s.nourozi@movisie.nl).')).toEqual(['Shahrazad Nourozi']);
    expect(names('Door Olaf Stomp en Zwaantje Keuzenkamp')).toEqual(['Olaf Stomp', 'Zwaantje Keuzenkamp']);
    expect(names('De Rijswijkse Rotary Club organiseerde een avond.')).toEqual([]);
    expect(names('In de Hollandse Hoogte staat het.')).toEqual([]);
  });

  it('takes the role as printed from apposition or from the word before the name', () => {
    const [kim] = findPeople(ctx('Kim Putters, directeur van het SCP, pleit voor dialoog.'));
    expect(kim.props?.roles).toEqual(['directeur']);
    const [fleur] = findPeople(ctx('Gisteren zei wethouder Fleur Imming (Amersfoort) dat het werkt.'));
    expect(fleur.props?.roles).toEqual(['wethouder']);
  });

  it('skips first-name-only personas and organisations that look like names', () => {
    expect(names('Dat inwoner Nora iets anders nodig heeft dan inwoner Marijke is duidelijk.')).toEqual([]);
    expect(names('Ahmed (34) woont in de wijk.')).toEqual([]);
    expect(names('Onderzoek van het Verwey-Jonker Instituut en de Hogeschool Windesheim.')).toEqual([]);
  });

  it('does not take a sentence-initial ordinary word for a first name', () => {
    expect(names('Samen Sterk is een mooi initiatief.')).toEqual([]);
  });
});

describe('surname-only resolution within a document', () => {
  it('resolves later surname mentions (with particles) to the full name', () => {
    const text = 'Kim Putters, directeur van het SCP, schreef een essay.\n\nPutters: ‘Het gaat om dialoog.’ Volgens Putters moet het anders.\n\nCretien van Campen, onderzoeker, is het eens. Van Campen zegt dat ook.';
    const r = extractDocument('t.txt', text);
    const people = r.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((p) => p.name).sort()).toEqual(['Cretien van Campen', 'Kim Putters']);
    const kim = people.find((p) => p.name === 'Kim Putters')!;
    expect(kim.aliases).toContain('Putters');
    expect(kim.mentions.reduce((a, m) => a + m.count, 0)).toBe(3);
    expect(people.find((p) => p.name === 'Cretien van Campen')!.aliases).toContain('Van Campen');
  });

  it('leaves a surname shared by two people unresolved', () => {
    const text = 'Jan Bos, adviseur, en Marten Bos, onderzoeker, spraken elkaar. Bos zei niets.';
    const r = extractDocument('t.txt', text);
    const people = r.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((p) => p.name).sort()).toEqual(['Jan Bos', 'Marten Bos']);
    expect(people.every((p) => p.mentions.reduce((a, m) => a + m.count, 0) === 1)).toBe(true);
  });
});
