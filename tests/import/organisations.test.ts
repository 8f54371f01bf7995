import { describe, expect, it } from 'vitest';
import { findOrganisations, acronymFits } from '../../import/tag/rules/organisations.ts';
import { linkOrganisations } from '../../import/relate/organisation-links.ts';
import { extractDocument } from '../../import/pipeline.ts';
import type { EntityMention, SectionContext } from '../../import/model.ts';
import { findMunicipalities } from '../../import/tag/rules/municipalities.ts';
import { splitSentences } from '../../import/segment/sentences.ts';

const names = (text: string) => findOrganisations(text).map((m) => m.name);
const byName = (text: string, name: string) => findOrganisations(text).find((m) => m.name === name);

function ctxOf(text: string): SectionContext {
  return { documentId: 'doc', section: { id: 'doc#1', ordinal: 1, title: 't', text }, text, sentences: splitSentences(text) };
}

function links(text: string) {
  const ctx = ctxOf(text);
  const mentions: EntityMention[] = [...findOrganisations(text), ...findMunicipalities(text)];
  return linkOrganisations(ctx, mentions).map((r) => `${r.from.name} -> ${r.to.name}`);
}

describe('organisations: full name and acronym are one entity', () => {
  it('"Full Name (ABBR)" gives the acronym as alias, and the bare acronym later (tagged by the NER tagger) lands on the full name', () => {
    const text = 'Uit onderzoek van het Landelijk Buurtnetwerk (LBN) blijkt het. Volgens het LBN is dat zo.';
    const found = findOrganisations(text);
    expect(found.map((m) => m.surface)).toEqual(['Landelijk Buurtnetwerk']);
    expect(found[0].aliases).toContain('LBN');
    const orgs = extractDocument('t.md', `Buurtwerk\n\n${text}\n`).entities.filter((e) => e.type === 'ORGANISATION');
    expect(orgs.map((e) => [e.name, e.aliases, e.mentions[0].count])).toEqual([['Landelijk Buurtnetwerk', ['LBN'], 3]]);
  });

  it('a gazetteer acronym resolves to the known full name', () => {
    const found = findOrganisations('Het SCP publiceerde vorige week een rapport.');
    expect(found.map((m) => [m.surface, m.name])).toEqual([['SCP', 'Sociaal en Cultureel Planbureau']]);
  });

  it('the acronym check rejects parentheses that do not abbreviate the name', () => {
    expect(acronymFits('Sociaal en Cultureel Planbureau', 'SCP')).toBe(true);
    expect(acronymFits('Academie voor Zorg & Welzijn Management', 'AZWM')).toBe(true);
    expect(acronymFits('Nederlandse Vrouwen Raad', 'VWS')).toBe(false);
  });
});

describe('organisations: ministries', () => {
  it('one canonical name for full portfolio, acronym and both together', () => {
    const text =
      'Karel Smit werkt bij het ministerie van Sociale Zaken en Werkgelegenheid (SZW). Later sprak het ministerie van SZW. Ook de ministeries VWS en OCW deden mee.';
    const found = findOrganisations(text);
    expect(found.map((m) => m.name)).toEqual([
      'ministerie van Sociale Zaken en Werkgelegenheid',
      'ministerie van Sociale Zaken en Werkgelegenheid',
      'ministerie van Volksgezondheid, Welzijn en Sport',
      'ministerie van Onderwijs, Cultuur en Wetenschap',
    ]);
    expect(found[0].aliases).toEqual(expect.arrayContaining(['SZW', 'ministerie van SZW']));
    expect(found.every((m) => m.props?.kind === 'ministerie')).toBe(true);
  });

  it('a bare portfolio name is the ministry, "het ministerie" alone is nothing', () => {
    expect(names('Vanuit het perspectief van Buitenlandse Zaken is dat anders.')).toEqual(['ministerie van Buitenlandse Zaken']);
    expect(names('Het ministerie wil dat gemeenten meer doen.')).toEqual([]);
  });
});

describe('organisations: head words and context', () => {
  it('finds foundations, associations, universities and welfare providers by their head word', () => {
    const text =
      'Een project van Stichting op Straat en het Rode Theater. De Nederlandse Vereniging voor Ouderenzorg werkt eraan, net als Samen in Welzijn en de Hanzehogeschool.';
    expect(names(text)).toEqual(['Stichting op Straat', 'Rode Theater', 'Nederlandse Vereniging voor Ouderenzorg', 'Samen in Welzijn', 'Hanzehogeschool Groningen']);
    expect(byName(text, 'Stichting op Straat')?.props?.kind).toBe('stichting');
    // the gazetteer knows the short form and gives the full name
    expect(byName(text, 'Hanzehogeschool Groningen')?.surface).toBe('Hanzehogeschool');
  });

  it('a cue noun before or after a name makes it an organisation', () => {
    expect(names('directeur van de sociaalwerkorganisatie Verbinding in Wijk bij Duurstede')).toEqual(['Verbinding']);
    expect(names('Ze kreeg ruimte van haar werkgever Zorgpunt om onderzoek te doen.')).toEqual(['Zorgpunt']);
    expect(names('Het werk van Jeugdwacht (voogdij-instelling voor jonge vluchtelingen) groeit.')).toEqual(['Jeugdwacht']);
  });

  it('an affiliation or a byline after a person names the organisation', () => {
    expect(names('Karel Smit werkt als beleidsadviseur bij Dataweg Consult.')).toEqual(['Dataweg Consult']);
    expect(names('Anna de Boer, medeoprichter en partner bij Groeipad.')).toEqual(['Groeipad']);
  });

  it('list members next to a known organisation are organisations too', () => {
    expect(names('Deze uitgave is een co-productie van Movisie, Tekstwerk7 en Datalab.')).toEqual(['Movisie', 'Tekstwerk7', 'Datalab']);
  });

  it('splits a person from the organisation after "van de"', () => {
    expect(names('onder leiding van spelleidster Anna Jansen van de Bibliotheek Rivierenland.')).toEqual(['Bibliotheek Rivierenland']);
  });
});

describe('organisations: what is not an organisation', () => {
  it('a municipality as a body is a municipality', () => {
    expect(names('De gemeente Amersfoort en de gemeente Utrecht werken samen.')).toEqual([]);
  });

  it('generic phrases, boards, sentence starts and headings in capitals are skipped', () => {
    expect(names('De gemeente wil dat het ministerie meer doet. Stichting is een rechtsvorm.')).toEqual([]);
    expect(names('Anna Smit, Raad van Bestuur Movisie')).toEqual(['Movisie']);
    expect(names('DE PROFESSIONAL\n\nSOCIALE COHESIE')).toEqual([]);
  });

  it('a person introduced by a role is not an organisation, even in a list with one', () => {
    expect(names('Minister De Vries (VWS), minister Jansen en de VNG.')).not.toContain('Jansen');
  });

  it('a title with a surname and its particle is a person, a role with a name is an affiliation', () => {
    expect(names('Het boek werd aangeboden aan minister van Dam.')).toEqual([]);
    expect(names('Zij is directeur van Zorgpunt.')).toEqual(['Zorgpunt']);
    expect(names('Zie Piet van der Berg, Tjerk Klaasse en Mark van Dam (2015).')).toEqual([]);
  });

  it('capitals for emphasis are not an acronym', () => {
    expect(names('‘Je moet het niet ALLEEN doen, maar MEE doen’, zei ze.')).toEqual([]);
  });

  it('a treaty named after a body is not the body', () => {
    expect(names('Met de ratificatie van het VN-verdrag verandert er veel.')).toEqual([]);
  });

  it('e-mail domains name a known organisation only', () => {
    expect(names('Meer informatie: k.smit@movisie.nl of j.jansen@onbekendbureau.nl')).toEqual(['Movisie']);
  });
});

describe('organisations: BASED_IN', () => {
  it('links "X in Y", "X (Y)", an adjective and a city inside the name', () => {
    expect(links('Welzijnsorganisaties als Welzijn Oost (Deventer) doen dat.')).toEqual(['Welzijn Oost -> Deventer']);
    expect(links('een project voor klanten van de Zwolse Voedselbank')).toEqual(['Zwolse Voedselbank -> Zwolle']);
    expect(links('verbonden aan de Werkplaats Jeugd Tilburg.')).toEqual(['Werkplaats Jeugd Tilburg -> Tilburg']);
    expect(links('Ze werkt bij Stichting De Brug in Almere.')).toEqual(['Stichting De Brug -> Almere']);
  });

  it('links a list of municipalities served, a region in parentheses, a reference and a party named after its town', () => {
    expect(links('de ambtelijke werkorganisatie Noordlink, voor de Gemeenten Aa en Hunze, Assen en Tynaarlo.')).toEqual([
      'Noordlink -> Aa en Hunze',
      'Noordlink -> Assen',
      'Noordlink -> Tynaarlo',
    ]);
    expect(links('welzijnsorganisaties als Welzijn Oost (regio Deventer) doen dat.')).toEqual(['Welzijn Oost -> Deventer']);
    expect(links('Karel Smit (red.). Bussum, Uitgeverij Noord.')).toEqual(['Uitgeverij Noord -> Gooise Meren']);
    expect(links('Hij is wethouder namens de partij Leefbaar Best.')).toEqual(['Leefbaar Best -> Best']);
  });

  it('no link for a village or a region, nor for a ministry', () => {
    expect(links('Het taalcafé is van de Bibliotheek Helden.')).toEqual([]);
    expect(links('COC Midden-Nederland heeft leden in de regio.')).toEqual([]);
    expect(links('het ministerie van VWS in Den Haag')).toEqual([]);
  });
});

describe('organisations: known names word by word', () => {
  it('a known multi-word name is found whole, and not when the words go on differently', () => {
    expect(names('Volgens het Sociaal en Cultureel Planbureau groeit de eenzaamheid.')).toEqual(['Sociaal en Cultureel Planbureau']);
    expect(names('Het Sociaal en Cultureel leven in de wijk bloeit.')).not.toContain('Sociaal en Cultureel Planbureau');
  });

  it('a segment inside a known name is not found again by its shape, and a municipality span is never an organisation', () => {
    const found = findOrganisations('Onderzoekers van het Sociaal en Cultureel Planbureau en de gemeente Utrecht spraken met Stichting De Brug.');
    expect(found.map((m) => m.surface)).toEqual(['Sociaal en Cultureel Planbureau', 'Stichting De Brug']);
  });
});

describe('organisations: names read from their shape or their place in a sentence', () => {
  it('a brand-shaped word: an acronym fused to a word, or a name ending in an area code', () => {
    expect(names('De buurtcoaches van ZORGdelft komen langs.')).toEqual(['ZORGdelft']);
    expect(names('Welzijn073 is er voor iedereen. We zitten met Welzijn073 in één pand.')).toEqual(['Welzijn073', 'Welzijn073']);
    expect(names('Zwemmen in het IJsselmeer is fijn.')).toEqual([]);
  });

  it('the club or company in a compound with a member noun, and an acronym of co-operating municipalities', () => {
    expect(names('Een eerbetoon aan Feijenstad-voetballer Karim de Wit.')).toEqual(['Feijenstad']);
    expect(names('Het sociaal team werkt voor de drie KLM-gemeenten.')).toEqual(['KLM-gemeenten']);
    expect(names('In de G4-gemeenten gaat het anders.')).toEqual(['G4']);
  });

  it('a residents’ council is named with its noun and its village', () => {
    expect(names('Het initiatief komt van het dorpsoverleg Ellecom. Daar wonen veel ouderen.')).toEqual(['dorpsoverleg Ellecom']);
  });

  it('a name followed by how it was founded', () => {
    expect(names('Het boek beschrijft de praktijk van HIER Werkt Zuid, dat in 2015 als coöperatief bewonersbedrijf werd opgericht.')).toEqual(['HIER Werkt Zuid']);
  });

  it('a one-word name after "en" and a known organisation', () => {
    expect(names('Daarom ondersteunen de Europese Unie en Verbindlab gemeenten hierbij.')).toEqual(['Europese Unie', 'Verbindlab']);
  });

  it('list items after an organisation may hold lower-case words', () => {
    const found = names('Het congres is een evenement van de Rijksoverheid, Samen is Sterker, KBG zorg voor Elkaar, Gezond in... en de Europese Unie.');
    expect(found).toEqual(expect.arrayContaining(['Samen is Sterker', 'KBG zorg voor Elkaar']));
    expect(found.some((n) => n.startsWith('Gezond'))).toBe(false);
  });
});
