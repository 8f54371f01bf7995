import { describe, expect, it } from 'vitest';
import { findOrganisations, linkOrganisations, acronymFits } from '../../import/extract/organisations.ts';
import type { EntityMention, SectionContext } from '../../import/extract/model.ts';
import { findMunicipalities } from '../../import/extract/municipalities.ts';
import { splitSentences } from '../../import/sentences.ts';

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
  it('"Full Name (ABBR)" gives the acronym as alias, and the bare acronym later lands on the full name', () => {
    const text = 'Uit onderzoek van het Multicultureel Jongerengeluid (MJG) blijkt het. Volgens het MJG is dat zo.';
    const found = findOrganisations(text);
    expect(found.map((m) => m.surface)).toEqual(['Multicultureel Jongerengeluid', 'MJG', 'MJG']);
    expect(new Set(found.map((m) => m.name))).toEqual(new Set(['Multicultureel Jongerengeluid']));
    expect(found[0].aliases).toContain('MJG');
  });

  it('a gazetteer acronym resolves to the known full name', () => {
    const found = findOrganisations('Het SCP publiceerde vorige week een rapport.');
    expect(found.map((m) => [m.surface, m.name])).toEqual([['SCP', 'Sociaal en Cultureel Planbureau']]);
  });

  it('the acronym check rejects parentheses that do not abbreviate the name', () => {
    expect(acronymFits('Sociaal en Cultureel Planbureau', 'SCP')).toBe(true);
    expect(acronymFits('Erasmus School of Health Policy & Management', 'ESHPM')).toBe(true);
    expect(acronymFits('Nederlandse Vrouwen Raad', 'VWS')).toBe(false);
  });
});

describe('organisations: ministries', () => {
  it('one canonical name for full portfolio, acronym and both together', () => {
    const text =
      'Mark Roscam Abbing werkt bij het ministerie van Sociale Zaken en Werkgelegenheid (SZW). Later sprak het ministerie van SZW. Ook de ministeries VWS en OCW deden mee.';
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
      'Een project van Stichting in Beeld en het Stut Theater. De Nederlandse Vereniging voor Klinische Geriatrie werkt eraan, net als Partners in Welzijn en de Hanzehogeschool.';
    expect(names(text)).toEqual(['Stichting in Beeld', 'Stut Theater', 'Nederlandse Vereniging voor Klinische Geriatrie', 'Partners in Welzijn', 'Hanzehogeschool Groningen']);
    expect(byName(text, 'Stichting in Beeld')?.props?.kind).toBe('stichting');
    // the gazetteer knows the short form and gives the full name
    expect(byName(text, 'Hanzehogeschool Groningen')?.surface).toBe('Hanzehogeschool');
  });

  it('a cue noun before or after a name makes it an organisation', () => {
    expect(names('directeur van de sociaalwerkorganisatie Binding in Wijk bij Duurstede')).toEqual(['Binding']);
    expect(names('Ze kreeg ruimte van haar werkgever Lindenhout om onderzoek te doen.')).toEqual(['Lindenhout']);
    expect(names('Het werk van Nidos (voogdij-instelling voor alleenstaande minderjarige vluchtelingen) groeit.')).toEqual(['Nidos']);
  });

  it('an affiliation or a byline after a person names the organisation', () => {
    expect(names('Nordin Tahboun werkt als beleidsadviseur bij Adviesgroep BMC Implementatie.')).toEqual(['Adviesgroep BMC Implementatie']);
    expect(names('Dionne Abdoelhafiezkan, medeoprichter en partner bij IZI Solutions.')).toEqual(['IZI Solutions']);
  });

  it('list members next to a known organisation are organisations too', () => {
    expect(names('Deze uitgave is een co-productie van Movisie, Stock5 en Stimulansz.')).toEqual(['Movisie', 'Stock5', 'Stimulansz']);
  });

  it('splits a person from the organisation after "van de"', () => {
    expect(names('onder leiding van spelleidster Annemiek Vullings van de Bibliotheek Maas en Peel.')).toEqual(['Bibliotheek Maas en Peel']);
  });
});

describe('organisations: picture credits', () => {
  it('credited studios and image banks are companies, credited people are not', () => {
    const text = "Cartoon: tekenstudio\n\nFoto's en illustraties: Hollandse Hoogte/Joris van Dijk (coverbeeld), Kees Bakker (pag. 2), iStock (pag. 10-11) Gemeente Zeist (pag. 11), Studio & Co (pag. 20), 123RF (pag. 35)";
    const found = findOrganisations(text);
    expect(found.map((m) => m.name)).toEqual(['tekenstudio', 'Hollandse Hoogte', 'iStock', 'Studio & Co', '123RF']);
    expect(found.every((m) => m.props?.kind === 'bedrijf')).toBe(true);
  });
});

describe('organisations: what is not an organisation', () => {
  it('a municipality as a body is a municipality', () => {
    expect(names('De gemeente Amersfoort en de gemeente Utrecht werken samen.')).toEqual([]);
  });

  it('generic phrases, boards, sentence starts and headings in capitals are skipped', () => {
    expect(names('De gemeente wil dat het ministerie meer doet. Stichting is een rechtsvorm.')).toEqual([]);
    expect(names('Yvonne van Mierlo, Raad van Bestuur Movisie')).toEqual(['Movisie']);
    expect(names('DE PROFESSIONAL\n\nSOCIALE COHESIE')).toEqual([]);
  });

  it('a person introduced by a role is not an organisation, even in a list with one', () => {
    expect(names('Minister De Jonge (VWS), minister Dekker en de VNG.')).not.toContain('Dekker');
  });

  it('a title with a surname and its particle is a person, a role with a name is an affiliation', () => {
    expect(names('Het boek werd aangeboden aan minister van Engelshoven.')).toEqual([]);
    expect(names('Zij is directeur van Lindenhout.')).toEqual(['Lindenhout']);
    expect(names('Zie Martijn van der Steen, Jorren Scherpenisse en Mark van Twist (2015).')).toEqual([]);
  });

  it('capitals for emphasis are not an acronym', () => {
    expect(names('‘Ik kan er niks AAN doen, maar wel wat MEE doen’, zei ze.')).toEqual([]);
  });

  it('a treaty named after a body is not the body', () => {
    expect(names('Met de ratificatie van het VN-verdrag verandert er veel.')).toEqual([]);
  });

  it('e-mail domains name a known organisation only', () => {
    expect(names('Meer informatie: a.lucassen@movisie.nl of j.jansen@onbekendbureau.nl')).toEqual(['Movisie']);
  });
});

describe('organisations: BASED_IN', () => {
  it('links "X in Y", "X (Y)", an adjective and a city inside the name', () => {
    expect(links('Sociaalwerkorganisaties als Lumens (Eindhoven) doen dat.')).toEqual(['Lumens -> Eindhoven']);
    expect(links('een project voor klanten van de Amersfoortse Voedselbank')).toEqual(['Amersfoortse Voedselbank -> Amersfoort']);
    expect(links('verbonden aan de Werkplaats Sociaal Domein Nijmegen')).toEqual(['Werkplaats Sociaal Domein Nijmegen -> Nijmegen']);
    expect(links('Ze werkt bij Stichting De Schoor in Almere.')).toEqual(['Stichting De Schoor -> Almere']);
  });

  it('links a list of municipalities served, a region in parentheses, a reference and a party named after its town', () => {
    expect(links('de ambtelijke werkorganisatie HLTsamen, voor de Gemeenten Hillegom, Lisse en Teylingen.')).toEqual([
      'HLTsamen -> Hillegom',
      'HLTsamen -> Lisse',
      'HLTsamen -> Teylingen',
    ]);
    expect(links('welzijnsorganisaties als Sociom (regio Wijchen) doen dat.')).toEqual(['Sociom -> Wijchen']);
    expect(links('Vincent de Waal (red.). Bussum, Coutinho.')).toEqual(['Coutinho -> Gooise Meren']);
    expect(links('Hij is wethouder namens de partij Best Open.')).toEqual(['Best Open -> Best']);
  });

  it('no link for a village or a region, nor for a ministry', () => {
    expect(links('Het Taalcafé is van de Bibliotheek Kessel.')).toEqual([]);
    expect(links('COC Midden-Nederland heeft leden in de regio.')).toEqual([]);
    expect(links('het ministerie van VWS in Den Haag')).toEqual([]);
  });
});
