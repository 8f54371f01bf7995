import { describe, expect, it } from 'vitest';
import { findMunicipalities } from '../../import/tag/rules/municipalities.ts';

const names = (text: string) => findMunicipalities(text).map((m) => m.name);
const surfaces = (text: string) => findMunicipalities(text).map((m) => `${m.surface}->${m.name}`);

describe('municipalities: plain names', () => {
  it('finds a city as a place and as a body, with province and CBS code', () => {
    const found = findMunicipalities('De gemeente Amersfoort werkt samen met jongeren uit Zwolle.');
    expect(found.map((m) => m.name)).toEqual(['Amersfoort', 'Zwolle']);
    expect(found[0].props).toEqual({ province: 'Utrecht', cbsCode: 'GM0307' });
    expect(found[0].surface).toBe('Amersfoort');
    expect(found[0].start).toBe('De gemeente '.length);
  });

  it('matches multi-word and hyphenated names as one municipality', () => {
    expect(names('In Bergen op Zoom en Wijk bij Duurstede, net als in Alphen-Chaam.')).toEqual(['Bergen op Zoom', 'Wijk bij Duurstede', 'Alphen-Chaam']);
  });

  it('reads adjectives as their municipality', () => {
    expect(surfaces('zoals de Delftse Rotary Club en het Amsterdamse beleid')).toEqual(['Delftse->Delft', 'Amsterdamse->Amsterdam']);
  });

  it("reads \"'s-\" names with a straight or a typographic apostrophe", () => {
    for (const quote of ["'", '’', '‘']) {
      expect(surfaces(`Het project loopt in ${quote}s-Hertogenbosch en Tilburg.`)).toEqual([`${quote}s-Hertogenbosch->'s-Hertogenbosch`, 'Tilburg->Tilburg']);
    }
    expect(names('De gemeente ’s-Gravenhage doet mee.')).toEqual(['Den Haag']);
  });

  it('names the municipality of a district printed with it', () => {
    expect(surfaces('opbouwwerker in Tilburg-Noord')).toEqual(['Tilburg->Tilburg']);
  });

  it('counts a city inside an organisation name', () => {
    expect(names('docent aan de Hogeschool Rotterdam')).toEqual(['Rotterdam']);
  });
});

describe('municipalities: ambiguous words decided by context', () => {
  it('"Best" is a municipality after "gemeente" or "in", an adverb otherwise', () => {
    expect(names('Wethouder Jansen van de gemeente Best is tevreden.')).toEqual(['Best']);
    expect(names('Het is best lastig. Best werk dat je doet.')).toEqual([]);
    expect(names('Hij woont al jaren in Best.')).toEqual(['Best']);
  });

  it('"Putten" and "Ede" need a cue; a list with other municipalities is one', () => {
    expect(names('Putten is een mooi woord.')).toEqual([]);
    expect(names('In Ede en Putten loopt de pilot.')).toEqual(['Ede', 'Putten']);
    expect(names('samen met Zeist, Baarn en Laren')).toEqual(['Zeist', 'Baarn', 'Laren']);
  });

  it('"wethouder van X" and "burgemeester Van der Berg van X"', () => {
    expect(names('aldus de wethouder van Houten.')).toEqual(['Houten']);
    expect(names('Wijlen burgemeester Van der Berg van Amsterdam sprak de raad toe.')).toEqual(['Amsterdam']);
  });

  it('a place in an organisation name, an office with its holder, a place before a speech verb', () => {
    expect(names('Ze leent boeken bij de Bibliotheek Putten.')).toEqual(['Putten']);
    expect(names('Burgemeester Piet Hendriks van Zaanstad opende het congres.')).toEqual(['Zaanstad']);
    expect(names('Anna Smit, beleidsadviseur bij Zeist vertelt hoe het ging.')).toEqual(['Zeist']);
  });

  it('a surname is not a municipality', () => {
    expect(names('Volgens mevrouw Van Houten gaat het goed.')).toEqual([]);
    expect(names('Neem contact op met Anna Zeist, expert informele zorg.')).toEqual([]);
    expect(names('Zeist: ‘Het gaat goed met de wijk.’')).toEqual([]);
  });

  it('a province of the same name is not the municipality', () => {
    expect(names('De provincie Utrecht subsidieert het project.')).toEqual([]);
    expect(names('De provincie Groningen en de stad Groningen werken samen.')).toEqual(['Groningen']);
  });

  it('skips headings in capitals, e-mail addresses and URLs', () => {
    expect(names('AMSTERDAM\n\nmail naar info@utrecht.nl of kijk op www.movisie.nl/Utrecht')).toEqual([]);
  });
});

describe('municipalities: merged and unknown names', () => {
  it('a municipality merged away lands on its successor, the old name kept as alias', () => {
    const [m] = findMunicipalities('aldus Piet Jansen, wethouder Hoogezand-Sappemeer.');
    expect(m.name).toBe('Midden-Groningen');
    expect(m.aliases).toEqual(['Hoogezand-Sappemeer']);
    expect(m.surface).toBe('Hoogezand-Sappemeer');
  });

  it('a village that was once a municipality counts only as the body ("gemeente Helden")', () => {
    expect(names('Bewoners in Helden organiseren een feest.')).toEqual([]);
    expect(names('De voormalige gemeente Helden ging op in een grotere gemeente.')).toEqual(['Peel en Maas']);
  });

  it('"gemeente X" with a name the gazetteer does not know still names a municipality', () => {
    const [m] = findMunicipalities('Het dorp, een kern van gemeente Wiesterdam, gebruikt de tool.');
    expect(m.name).toBe('Wiesterdam');
    expect(m.props).toEqual({ province: null, cbsCode: null });
  });
});

describe('municipalities: longest form', () => {
  it('a longer form that starts like a known one but goes on differently falls back to the shorter one', () => {
    // "Bergen op" begins "Bergen op Zoom", "Alphen aan den" begins "Alphen aan den Rijn": both stop short here
    expect(surfaces('Ze woont in Bergen op de heide, hij in Alphen aan den Maas en zij in Capelle aan den IJssel.')).not.toContain('Bergen op->Bergen op Zoom');
    expect(names('Ze woont in Capelle aan den IJssel en werkt in Alphen aan den Rijn.')).toEqual(['Capelle aan den IJssel', 'Alphen aan den Rijn']);
  });

  it('a form printed with a comma is matched word by word across it', () => {
    expect(names('De gemeente Nuenen, Gerwen en Nederwetten doet mee.')).toEqual(['Nuenen, Gerwen en Nederwetten']);
  });
});
