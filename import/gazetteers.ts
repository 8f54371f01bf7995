/**
 * Typed loaders for the gazetteers in import/data/. Each file is read once, on first use, and indexed
 * into Maps so that every lookup is O(1). Keys are folded (case and diacritics removed, curly quotes
 * straightened, whitespace collapsed), except for all-capital acronyms of organisations (see below).
 */
import { readFileSync } from 'node:fs';

export type Province =
  | 'Groningen' | 'Fryslân' | 'Drenthe' | 'Overijssel' | 'Flevoland' | 'Gelderland'
  | 'Utrecht' | 'Noord-Holland' | 'Zuid-Holland' | 'Zeeland' | 'Noord-Brabant' | 'Limburg';

export const PROVINCES: readonly Province[] = [
  'Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland',
  'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg',
];

export interface Municipality {
  /** Name as commonly written ("Den Haag", "Hengelo"); unique. */
  name: string;
  /** Name in the CBS classification ("'s-Gravenhage", "Hengelo (O.)"). */
  cbsName: string;
  cbsCode: string | null;
  province: Province;
  aliases: string[];
  adjectives: string[];
  /** The name is also an ordinary word or a frequent name part: decide by context. */
  ambiguous: boolean;
}

export interface MergedMunicipality {
  name: string;
  /** Current municipality that the old one ended up in (chains resolved). */
  successor: string;
  /** Year the old municipality ceased to exist. */
  year: number;
  /** The old municipality was divided over several; successor is where its main town went. */
  split?: boolean;
  ambiguous?: boolean;
}

export type MunicipalityVia = 'name' | 'alias' | 'adjective' | 'merged';

export interface MunicipalityMatch {
  municipality: Municipality;
  via: MunicipalityVia;
  /** The merged-away municipality the text named, when via is 'merged'. */
  merged?: MergedMunicipality;
  /** True when the matched form itself is ambiguous (an ambiguous name, or an ambiguous merged-away name). */
  ambiguous: boolean;
}

export type OrganisationKind =
  | 'kennisinstituut' | 'ministerie' | 'overheid' | 'stichting' | 'vereniging' | 'bedrijf' | 'zorgaanbieder'
  | 'welzijnsorganisatie' | 'onderwijs' | 'netwerk' | 'politieke partij' | 'fonds' | 'anders';

export interface Organisation {
  name: string;
  aliases: string[];
  kind: OrganisationKind;
  /** Current municipality (or well-known place) of the head office, when known. */
  municipality?: string;
  ambiguous?: boolean;
}

export type PatternPosition = 'prefix' | 'head' | 'suffix' | 'both';
export interface OrgPattern {
  word: string;
  position: PatternPosition;
  kind: OrganisationKind;
}

export type RoleCategory = 'bestuur' | 'management' | 'onderzoek' | 'advies' | 'uitvoering' | 'zorg' | 'media' | 'anders';
export interface Role {
  title: string;
  category: RoleCategory;
}

/** Lower-case, strip diacritics, straighten quotes, collapse whitespace. */
export function fold(text: string): string {
  // Fast path: most tokens are plain ASCII without double spaces, and NFKD normalisation is the costly step.
  if (/^[\x21-\x5f\x61-\x7e]+(?: [\x21-\x5f\x61-\x7e]+)*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function readJson<T>(file: string): T {
  const url = new URL(`./data/${file}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (error) {
    throw new Error(`gazetteer ${file} could not be read: ${(error as Error).message}`);
  }
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

// ---------- municipalities ----------

interface MunicipalityFile {
  asOf: string;
  municipalities: Municipality[];
  mergedAway: MergedMunicipality[];
}

interface MunicipalityIndex {
  all: Municipality[];
  mergedAway: MergedMunicipality[];
  byKey: Map<string, MunicipalityMatch>;
  byCode: Map<string, Municipality>;
}

const municipalityIndex = once((): MunicipalityIndex => {
  const data = readJson<MunicipalityFile>('municipalities.json');
  const byKey = new Map<string, MunicipalityMatch>();
  const byName = new Map<string, Municipality>();
  const byCode = new Map<string, Municipality>();
  // Priority: a current name beats an alias beats an adjective beats a merged-away name.
  const put = (key: string, match: MunicipalityMatch) => {
    const k = fold(key);
    if (!k || byKey.has(k)) return;
    byKey.set(k, match);
  };
  for (const m of data.municipalities) {
    byName.set(m.name, m);
    if (m.cbsCode) byCode.set(m.cbsCode, m);
    put(m.name, { municipality: m, via: 'name', ambiguous: m.ambiguous });
  }
  for (const m of data.municipalities) {
    for (const a of m.aliases) put(a, { municipality: m, via: 'alias', ambiguous: m.ambiguous });
  }
  for (const m of data.municipalities) {
    for (const a of m.adjectives) put(a, { municipality: m, via: 'adjective', ambiguous: m.ambiguous });
  }
  for (const old of data.mergedAway) {
    const successor = byName.get(old.successor);
    if (!successor) throw new Error(`municipalities.json: successor "${old.successor}" of "${old.name}" is not a current municipality`);
    put(old.name, { municipality: successor, via: 'merged', merged: old, ambiguous: Boolean(old.ambiguous) });
  }
  return { all: data.municipalities, mergedAway: data.mergedAway, byKey, byCode };
});

/** Current municipality for a name, alias, adjective ("Haagse") or merged-away name ("Weesp"); case- and diacritics-insensitive. */
export function municipalityByName(name: string): MunicipalityMatch | undefined {
  return municipalityIndex().byKey.get(fold(name));
}

export function municipalityByCode(cbsCode: string): Municipality | undefined {
  return municipalityIndex().byCode.get(cbsCode.toUpperCase());
}

export function municipalities(): readonly Municipality[] {
  return municipalityIndex().all;
}

export function mergedMunicipalities(): readonly MergedMunicipality[] {
  return municipalityIndex().mergedAway;
}

/** Every surface form (name, alias, adjective, merged-away name) as written in the data, for building matchers. */
export function municipalitySurfaceForms(): string[] {
  const idx = municipalityIndex();
  const forms = new Set<string>();
  for (const m of idx.all) for (const f of [m.name, ...m.aliases, ...m.adjectives]) forms.add(f);
  for (const m of idx.mergedAway) forms.add(m.name);
  return [...forms];
}

// ---------- first names ----------

interface FirstNameIndex {
  names: Set<string>;
  ambiguous: Set<string>;
}

const firstNameIndex = once((): FirstNameIndex => {
  const data = readJson<{ names: string[]; ambiguous: string[] }>('first-names.json');
  return { names: new Set(data.names.map(fold)), ambiguous: new Set(data.ambiguous.map(fold)) };
});

/** True for a known first name (including the ambiguous ones such as "Roos" or "Bram"). Hyphenated names count when every part is a name. */
export function isFirstName(token: string): boolean {
  const { names } = firstNameIndex();
  const k = fold(token);
  if (names.has(k)) return true;
  if (k.includes('-')) {
    const parts = k.split('-');
    return parts.length > 1 && parts.every((p) => names.has(p));
  }
  return false;
}

/** A first name that is also a common Dutch word at the start of a sentence ("Roos", "Bas", "Mark"). */
export function isAmbiguousFirstName(token: string): boolean {
  return firstNameIndex().ambiguous.has(fold(token));
}

export function firstNameCount(): number {
  return firstNameIndex().names.size;
}

// ---------- organisations ----------

interface OrganisationIndex {
  all: Organisation[];
  /** Folded keys of names and mixed-case aliases. */
  byKey: Map<string, Organisation>;
  /** Exact (diacritics folded, case kept) keys of all-capital acronyms such as "VWS", "DENK", "SP". */
  byAcronym: Map<string, Organisation>;
}

/** All-capital keys ("VWS", "NOC*NSF", "50PLUS", "DENK") are acronyms: they must match with their case, or "Denk" would be a party. */
function isAcronym(key: string): boolean {
  return !/[a-zà-ÿ]/.test(key) && /[A-Z]/.test(key);
}

function stripDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}

const organisationIndex = once((): OrganisationIndex => {
  const data = readJson<{ organisations: Organisation[] }>('organisations.json');
  const byKey = new Map<string, Organisation>();
  const byAcronym = new Map<string, Organisation>();
  for (const org of data.organisations) {
    for (const key of [org.name, ...org.aliases]) {
      if (isAcronym(key)) {
        const k = stripDiacritics(key);
        if (!byAcronym.has(k)) byAcronym.set(k, org);
      } else {
        const k = fold(key);
        if (!byKey.has(k)) byKey.set(k, org);
      }
    }
  }
  return { all: data.organisations, byKey, byAcronym };
});

/**
 * Organisation for a full name or alias. Names match case- and diacritics-insensitively and also with a
 * leading article ("het ministerie van VWS", "de VNG"); acronyms match only in capitals.
 */
export function organisationByName(nameOrAlias: string): Organisation | undefined {
  const idx = organisationIndex();
  const trimmed = stripDiacritics(nameOrAlias);
  const acronym = idx.byAcronym.get(trimmed);
  if (acronym) return acronym;
  const direct = idx.byKey.get(fold(trimmed));
  if (direct) return direct;
  const withoutArticle = trimmed.replace(/^(de|het|De|Het)\s+/, '');
  if (withoutArticle !== trimmed) return idx.byAcronym.get(withoutArticle) ?? idx.byKey.get(fold(withoutArticle));
  return undefined;
}

export function organisations(): readonly Organisation[] {
  return organisationIndex().all;
}

const orgPatternIndex = once(() => {
  const data = readJson<{ patterns: OrgPattern[]; connectors: string[] }>('org-patterns.json');
  const byWord = new Map<string, OrgPattern>();
  for (const p of data.patterns) if (p.position !== 'suffix') byWord.set(fold(p.word), p);
  const suffixes = data.patterns.filter((p) => p.position === 'suffix').map((p) => ({ ...p, folded: fold(p.word) }));
  return { patterns: data.patterns, byWord, suffixes, connectors: new Set(data.connectors.map(fold)) };
});

/** The organisation head word ("Stichting", "Welzijn", "B.V.") for a token, if it is one. */
export function orgPattern(word: string): OrgPattern | undefined {
  return orgPatternIndex().byWord.get(fold(word));
}

/** Compound words ending in an organisation suffix, e.g. "Thuiszorg" -> the "zorg" pattern; the word itself must be longer than the suffix. */
export function orgSuffixPattern(word: string): OrgPattern | undefined {
  const k = fold(word);
  return orgPatternIndex().suffixes.find((s) => k.length > s.folded.length && k.endsWith(s.folded));
}

export function orgPatterns(): readonly OrgPattern[] {
  return orgPatternIndex().patterns;
}

/** Lower-case words that may sit inside an organisation name ("van", "voor", "en", "&"). */
export function isOrgConnector(word: string): boolean {
  return orgPatternIndex().connectors.has(fold(word));
}

// ---------- roles ----------

interface RoleFile {
  categories: RoleCategory[];
  roles: Role[];
  municipalOffices: string[];
  electedMunicipalOffices: string[];
  modifiers: string[];
}

const roleIndex = once(() => {
  const data = readJson<RoleFile>('roles.json');
  const byTitle = new Map<string, Role>();
  for (const r of data.roles) byTitle.set(fold(r.title), r);
  const maxWords = Math.max(...data.roles.map((r) => r.title.split(' ').length));
  return {
    data,
    byTitle,
    maxWords,
    offices: new Set(data.municipalOffices.map(fold)),
    elected: new Set(data.electedMunicipalOffices.map(fold)),
    modifiers: new Set(data.modifiers.map(fold)),
  };
});

/**
 * The role for a title as printed: exact ("wethouder"), with modifiers stripped ("oud-wethouder",
 * "senior beleidsadviseur" is itself listed, "waarnemend burgemeester" -> burgemeester), case-insensitive.
 */
export function roleTitle(text: string): Role | undefined {
  const idx = roleIndex();
  let k = fold(text).replace(/[.,:;]+$/, '');
  const exact = idx.byTitle.get(k);
  if (exact) return exact;
  // Strip leading modifiers written as separate words or with a hyphen ("oud-wethouder", "ex-directeur").
  for (let i = 0; i < 3; i++) {
    const m = /^([a-z]+)[- ](.+)$/.exec(k);
    if (!m || !idx.modifiers.has(m[1])) break;
    k = m[2];
    const hit = idx.byTitle.get(k);
    if (hit) return hit;
  }
  return undefined;
}

/** Longest number of words in a role title, for windowed matching. */
export function maxRoleWords(): number {
  return roleIndex().maxWords;
}

/** Municipal roles that imply HOLDS_OFFICE_IN when tied to a municipality (wethouder, raadslid, beleidsmedewerker, ...). */
export function isMunicipalOffice(title: string): boolean {
  const role = roleTitle(title);
  return role ? roleIndex().offices.has(fold(role.title)) : false;
}

/** Elected or appointed municipal offices (wethouder, burgemeester, raadslid, ...): "wethouder van X" suffices. */
export function isElectedMunicipalOffice(title: string): boolean {
  const role = roleTitle(title);
  return role ? roleIndex().elected.has(fold(role.title)) : false;
}

export function roles(): readonly Role[] {
  return roleIndex().data.roles;
}

// ---------- particles and stopwords ----------

const particleIndex = once(() => {
  const data = readJson<{ particles: string[]; multiWord: string[]; weak: string[] }>('particles.json');
  return {
    list: data.particles,
    set: new Set(data.particles.map(fold)),
    multiWord: data.multiWord,
    weak: new Set(data.weak.map(fold)),
  };
});

/** All surname particles in canonical lower case ("van", "van der", "el", "ten", ...). */
export const particles = {
  get list(): readonly string[] {
    return particleIndex().list;
  },
  /** Multi-word particles, longest first, for greedy matching. */
  get multiWord(): readonly string[] {
    return particleIndex().multiWord;
  },
  /** "van", "Van", "VAN DER", "van ’t" ... */
  has(text: string): boolean {
    return particleIndex().set.has(fold(text));
  },
  /** Particles that are also ordinary prepositions ("op", "in", "uit"): only a particle inside a longer particle or before a surname. */
  isWeak(text: string): boolean {
    return particleIndex().weak.has(fold(text));
  },
};

const stopwordIndex = once(() => {
  const data = readJson<{ stopwords: string[]; months: string[]; weekdays: string[] }>('stopwords.json');
  return {
    list: data.stopwords,
    set: new Set(data.stopwords.map(fold)),
    months: new Set(data.months.map(fold)),
    weekdays: new Set(data.weekdays.map(fold)),
  };
});

export const stopwords = {
  get list(): readonly string[] {
    return stopwordIndex().list;
  },
  /** Case-insensitive: "De", "de", "DE". */
  has(word: string): boolean {
    return stopwordIndex().set.has(fold(word));
  },
  isMonth(word: string): boolean {
    return stopwordIndex().months.has(fold(word));
  },
  isWeekday(word: string): boolean {
    return stopwordIndex().weekdays.has(fold(word));
  },
};
