import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROVINCES, fold, isAmbiguousFirstName, isElectedMunicipalOffice, isFirstName, isMunicipalOffice, mergedMunicipalities,
  municipalities, municipalityByCode, municipalityByName, organisationByName, organisations, orgPattern, orgSuffixPattern,
  particles, roleTitle, roles, stopwords,
} from '../../import/gazetteers.ts';

const raw = (file: string) => JSON.parse(readFileSync(new URL(`../../import/data/${file}`, import.meta.url), 'utf8'));

describe('municipalities', () => {
  it('holds the 342 municipalities of 1 January 2025, each in one of the 12 provinces', () => {
    const all = municipalities();
    expect(all).toHaveLength(342);
    for (const m of all) expect(PROVINCES).toContain(m.province);
    expect(new Set(all.map((m) => m.province)).size).toBe(12);
  });

  it('has the known number of municipalities per province', () => {
    const count = (p: string) => municipalities().filter((m) => m.province === p).length;
    expect(count('Groningen')).toBe(10);
    expect(count('Fryslân')).toBe(18);
    expect(count('Drenthe')).toBe(12);
    expect(count('Flevoland')).toBe(6);
    expect(count('Zeeland')).toBe(13);
    expect(count('Noord-Brabant')).toBe(56);
  });

  it('has unique names and unique, well-formed CBS codes', () => {
    const all = municipalities();
    expect(new Set(all.map((m) => fold(m.name))).size).toBe(all.length);
    const codes = all.map((m) => m.cbsCode).filter((c): c is string => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^GM\d{4}$/);
  });

  it('never lets an alias or adjective point at two municipalities', () => {
    const owner = new Map<string, string>();
    for (const m of municipalities()) {
      for (const form of [m.name, ...m.aliases, ...m.adjectives]) {
        const k = fold(form);
        const prev = owner.get(k);
        if (prev !== undefined) expect(prev).toBe(m.name);
        owner.set(k, m.name);
      }
    }
  });

  it('resolves names, CBS names and aliases to the current municipality', () => {
    expect(municipalityByName('Amsterdam')).toMatchObject({ via: 'name', municipality: { cbsCode: 'GM0363', province: 'Noord-Holland' } });
    expect(municipalityByName("'s-Gravenhage")).toMatchObject({ via: 'alias', municipality: { name: 'Den Haag', cbsCode: 'GM0518' } });
    expect(municipalityByName('Den Bosch')?.municipality.name).toBe("'s-Hertogenbosch");
    expect(municipalityByName('Hengelo (O.)')?.municipality.name).toBe('Hengelo');
    expect(municipalityByName('Bergen (NH.)')?.municipality.province).toBe('Noord-Holland');
    expect(municipalityByName('Bergen (L.)')?.municipality.province).toBe('Limburg');
    expect(municipalityByName('Voorne aan Zee')?.municipality.cbsCode).toBe('GM1992');
  });

  it('matches case- and diacritics-insensitively, and with curly apostrophes', () => {
    expect(municipalityByName('sudwest-fryslan')?.municipality.name).toBe('Súdwest-Fryslân');
    expect(municipalityByName('NOARDEAST-FRYSLAN')?.municipality.name).toBe('Noardeast-Fryslân');
    expect(municipalityByName('’s-Hertogenbosch')?.municipality.name).toBe("'s-Hertogenbosch");
    expect(municipalityByName('  den   haag ')?.municipality.name).toBe('Den Haag');
  });

  it('resolves adjectives', () => {
    expect(municipalityByName('Amsterdamse')).toMatchObject({ via: 'adjective', municipality: { name: 'Amsterdam' } });
    expect(municipalityByName('Haagse')?.municipality.name).toBe('Den Haag');
    expect(municipalityByName('Groninger')?.municipality.name).toBe('Groningen');
    expect(municipalityByName('Zaanse')?.municipality.name).toBe('Zaanstad');
    expect(municipalityByName('Bossche')?.municipality.name).toBe("'s-Hertogenbosch");
  });

  it('resolves merged-away municipalities to their current successor, through chains', () => {
    expect(municipalityByName('Weesp')).toMatchObject({ via: 'merged', municipality: { name: 'Amsterdam' }, merged: { year: 2022 } });
    expect(municipalityByName('Leeuwarderadeel')?.municipality.name).toBe('Leeuwarden');
    expect(municipalityByName('Haarlemmerliede en Spaarnwoude')?.municipality.name).toBe('Haarlemmermeer');
    expect(municipalityByName('Heerhugowaard')?.municipality.name).toBe('Dijk en Waard');
    expect(municipalityByName('Langedijk')?.municipality.name).toBe('Dijk en Waard');
    expect(municipalityByName('Hellevoetsluis')?.municipality.name).toBe('Voorne aan Zee');
    expect(municipalityByName('Geleen')?.municipality.name).toBe('Sittard-Geleen');
    // Graafstroom went into Molenwaard (2013), which went into Molenlanden (2019).
    expect(municipalityByName('Graafstroom')?.municipality.name).toBe('Molenlanden');
    for (const old of mergedMunicipalities()) {
      expect(municipalities().some((m) => m.name === old.successor)).toBe(true);
      expect(old.year).toBeGreaterThanOrEqual(2000);
      expect(old.year).toBeLessThanOrEqual(2025);
    }
  });

  it('does not list a merged-away name as a current municipality', () => {
    const current = new Set(municipalities().map((m) => fold(m.name)));
    for (const old of mergedMunicipalities()) expect(current.has(fold(old.name))).toBe(false);
  });

  it('flags names that are also ordinary words, and leaves clear names unflagged', () => {
    for (const n of ['Best', 'Buren', 'Putten', 'Sluis', 'Weert']) expect(municipalityByName(n)?.ambiguous).toBe(true);
    for (const n of ['Rotterdam', 'Zaanstad', 'Amersfoort']) expect(municipalityByName(n)?.ambiguous).toBe(false);
    expect(municipalityByName('Heel')).toMatchObject({ via: 'merged', ambiguous: true });
  });

  it('finds municipalities by CBS code and rejects unknown names', () => {
    expect(municipalityByCode('GM0599')?.name).toBe('Rotterdam');
    expect(municipalityByCode('gm0344')?.name).toBe('Utrecht');
    expect(municipalityByName('Bergen')).toBeUndefined();
    expect(municipalityByName('Atlantis')).toBeUndefined();
    expect(municipalityByName('')).toBeUndefined();
  });
});

describe('first names', () => {
  it('is broad and free of duplicates', () => {
    const data = raw('first-names.json') as { names: string[]; ambiguous: string[] };
    expect(data.names.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(data.names).size).toBe(data.names.length);
    for (const a of data.ambiguous) expect(data.names).toContain(a);
  });

  it('knows Dutch, Frisian and Dutch names of other roots, case-insensitively', () => {
    for (const n of ['Jan', 'Willemijn', 'Sjoerd', 'Jildou', 'Mohamed', 'Fatima', 'Hüseyin', 'Ayşe', 'Rajesh', 'Agnieszka', 'Yonas', 'kim']) {
      expect(isFirstName(n)).toBe(true);
    }
    expect(isFirstName('Jan-Willem')).toBe(true);
    expect(isFirstName('Anne-Marie')).toBe(true);
    for (const n of ['Gemeente', 'Stichting', 'Rotterdam', 'Wethouder']) expect(isFirstName(n)).toBe(false);
  });

  it('marks names that are also common words as ambiguous', () => {
    expect(isAmbiguousFirstName('Roos')).toBe(true);
    expect(isAmbiguousFirstName('Mark')).toBe(true);
    expect(isAmbiguousFirstName('Willemijn')).toBe(false);
    expect(isFirstName('Roos')).toBe(true);
  });
});

describe('organisations', () => {
  it('has 300+ entries with valid kinds and no name or alias used twice', () => {
    const all = organisations();
    expect(all.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(['kennisinstituut', 'ministerie', 'overheid', 'stichting', 'vereniging', 'bedrijf', 'zorgaanbieder',
      'welzijnsorganisatie', 'onderwijs', 'netwerk', 'politieke partij', 'fonds', 'anders']);
    const keys = new Map<string, string>();
    for (const o of all) {
      expect(kinds.has(o.kind)).toBe(true);
      for (const k of [o.name, ...o.aliases]) {
        const f = fold(k);
        if (keys.has(f)) expect(keys.get(f)).toBe(o.name);
        keys.set(f, o.name);
      }
    }
  });

  it('gives every ministry an acronym alias', () => {
    const ministries = organisations().filter((o) => o.kind === 'ministerie');
    expect(ministries.length).toBeGreaterThanOrEqual(12);
    for (const m of ministries) expect(m.aliases.some((a) => /^[A-Z][A-Za-z&]{1,5}$/.test(a))).toBe(true);
  });

  it('resolves full names, aliases and acronyms to one organisation', () => {
    const vws = organisationByName('ministerie van Volksgezondheid, Welzijn en Sport');
    expect(vws?.kind).toBe('ministerie');
    expect(organisationByName('VWS')).toBe(vws);
    expect(organisationByName('Ministerie van VWS')).toBe(vws);
    expect(organisationByName('het ministerie van VWS')).toBe(vws);
    expect(organisationByName('J&V')).toBe(organisationByName('ministerie van Justitie en Veiligheid'));
    expect(organisationByName('SCP')?.name).toBe('Sociaal en Cultureel Planbureau');
    expect(organisationByName('sociaal en cultureel planbureau')?.name).toBe('Sociaal en Cultureel Planbureau');
    expect(organisationByName('UvA')?.kind).toBe('onderwijs');
    expect(organisationByName('Hogeschool van Amsterdam')?.municipality).toBe('Amsterdam');
    expect(organisationByName('Trimbos')?.name).toBe('Trimbos-instituut');
  });

  it('matches acronyms only in capitals', () => {
    expect(organisationByName('DENK')?.kind).toBe('politieke partij');
    expect(organisationByName('Denk')).toBeUndefined();
    expect(organisationByName('SP')?.kind).toBe('politieke partij');
    expect(organisationByName('sp')).toBeUndefined();
  });

  it('gives organisation seats as current municipality names', () => {
    const current = new Set(municipalities().map((m) => m.name));
    for (const o of organisations()) {
      if (o.municipality) expect(current.has(o.municipality), `${o.name}: ${o.municipality}`).toBe(true);
    }
    expect(organisationByName('Nierstichting')?.municipality).toBe('Gooise Meren');
  });

  it('recognises organisation head words', () => {
    expect(orgPattern('Stichting')?.position).toBe('prefix');
    expect(orgPattern('welzijn')?.position).toBe('head');
    expect(orgPattern('B.V.')?.kind).toBe('bedrijf');
    expect(orgSuffixPattern('Thuiszorg')?.word).toBe('zorg');
    expect(orgSuffixPattern('zorg')).toBeUndefined();
    expect(orgPattern('Amsterdam')).toBeUndefined();
  });
});

describe('roles', () => {
  it('has unique titles with valid categories', () => {
    const all = roles();
    expect(all.length).toBeGreaterThan(150);
    expect(new Set(all.map((r) => fold(r.title))).size).toBe(all.length);
    const cats = new Set(['bestuur', 'management', 'onderzoek', 'advies', 'uitvoering', 'zorg', 'media', 'anders']);
    for (const r of all) expect(cats.has(r.category)).toBe(true);
  });

  it('finds titles as printed, with modifiers', () => {
    expect(roleTitle('wethouder')).toEqual({ title: 'wethouder', category: 'bestuur' });
    expect(roleTitle('Lector')?.category).toBe('onderzoek');
    expect(roleTitle('senior beleidsadviseur')?.title).toBe('senior beleidsadviseur');
    expect(roleTitle('oud-wethouder')?.title).toBe('wethouder');
    expect(roleTitle('waarnemend burgemeester')?.title).toBe('burgemeester');
    expect(roleTitle('wijkverpleegkundige')?.category).toBe('zorg');
    expect(roleTitle('kapitein')).toBeUndefined();
  });

  it('knows which roles are municipal offices', () => {
    expect(isMunicipalOffice('wethouder')).toBe(true);
    expect(isMunicipalOffice('beleidsmedewerker')).toBe(true);
    expect(isMunicipalOffice('lector')).toBe(false);
    expect(isElectedMunicipalOffice('burgemeester')).toBe(true);
    expect(isElectedMunicipalOffice('beleidsmedewerker')).toBe(false);
  });
});

describe('particles and stopwords', () => {
  it('knows particles in every case variant', () => {
    for (const p of ['van', 'Van', 'van der', 'Van Der', 'van den', "van 't", 'van ’t', 'ten', 'ter', 'el', 'El', 'bin', 'von', "in 't", 'uit den']) {
      expect(particles.has(p)).toBe(true);
    }
    expect(particles.has('Jansen')).toBe(false);
    expect(particles.multiWord[0].split(' ').length).toBeGreaterThanOrEqual(particles.multiWord.at(-1)!.split(' ').length);
  });

  it('stops function words, months and weekdays, but not names', () => {
    for (const w of ['De', 'het', 'Volgens', 'Maar', 'Januari', 'mei', 'Zondag']) expect(stopwords.has(w)).toBe(true);
    expect(stopwords.isMonth('Maart')).toBe(true);
    expect(stopwords.isWeekday('dinsdag')).toBe(true);
    for (const w of ['Jan', 'Amsterdam', 'Movisie']) expect(stopwords.has(w)).toBe(false);
  });

  it('never stops a first name unless it is marked ambiguous', () => {
    const data = raw('first-names.json') as { names: string[] };
    for (const n of data.names) {
      if (stopwords.has(n)) expect(isAmbiguousFirstName(n), n).toBe(true);
    }
  });

  it('never stops a municipality name unless it is marked ambiguous', () => {
    for (const m of municipalities()) {
      if (stopwords.has(m.name)) expect(m.ambiguous, m.name).toBe(true);
    }
  });
});
