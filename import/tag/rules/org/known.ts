/**
 * Organisations the extractor knows by name: the project gazetteer (import/data/organisations.json,
 * maintained separately; read when present, any reasonable shape) plus a small built-in list of
 * general Dutch knowledge that the patterns cannot find on their own: the ministries with their
 * acronyms, the national political parties and the chambers of parliament.
 */
import { organisations as gazetteerOrganisations } from '../../../gazetteers.ts';

export type OrgKind =
  | 'kennisinstituut'
  | 'ministerie'
  | 'overheid'
  | 'stichting'
  | 'vereniging'
  | 'bedrijf'
  | 'zorgaanbieder'
  | 'welzijnsorganisatie'
  | 'onderwijs'
  | 'netwerk'
  | 'politieke partij'
  | 'anders';

export interface KnownOrg {
  name: string;
  aliases: string[];
  kind: OrgKind;
  /** Where it is based, when the gazetteer says so. */
  municipality?: string | null;
  /** Also an ordinary word or a place ("Randstad", "Trouw"): needs an organisation context. */
  ambiguous?: boolean;
}

export interface Ministry {
  /** Portfolio as printed after "ministerie van": "Sociale Zaken en Werkgelegenheid". */
  portfolio: string;
  acronym: string;
  /** Other printed acronyms and older portfolio names ("OC&W", "Veiligheid en Justitie"). */
  variants: string[];
}

export const MINISTRIES: Ministry[] = [
  { portfolio: 'Algemene Zaken', acronym: 'AZ', variants: [] },
  { portfolio: 'Binnenlandse Zaken en Koninkrijksrelaties', acronym: 'BZK', variants: ['Binnenlandse Zaken'] },
  { portfolio: 'Buitenlandse Zaken', acronym: 'BZ', variants: ['BuZa'] },
  { portfolio: 'Defensie', acronym: 'Def', variants: [] },
  { portfolio: 'Economische Zaken en Klimaat', acronym: 'EZK', variants: ['Economische Zaken', 'EZ', 'Economische Zaken, Landbouw en Innovatie', 'EL&I'] },
  { portfolio: 'Financiën', acronym: 'Fin', variants: ['Financien'] },
  { portfolio: 'Infrastructuur en Waterstaat', acronym: 'IenW', variants: ['I&W', 'Infrastructuur en Milieu', 'I&M', 'IenM', 'Verkeer en Waterstaat', 'V&W'] },
  { portfolio: 'Justitie en Veiligheid', acronym: 'J&V', variants: ['JenV', 'JV', 'Veiligheid en Justitie', 'V&J', 'VenJ', 'Justitie'] },
  { portfolio: 'Landbouw, Natuur en Voedselkwaliteit', acronym: 'LNV', variants: ['Landbouw, Visserij, Voedselzekerheid en Natuur', 'LVVN'] },
  { portfolio: 'Onderwijs, Cultuur en Wetenschap', acronym: 'OCW', variants: ['OC&W', 'OenW', 'Onderwijs Cultuur en Wetenschap'] },
  { portfolio: 'Sociale Zaken en Werkgelegenheid', acronym: 'SZW', variants: ['Sociale Zaken'] },
  { portfolio: 'Volksgezondheid, Welzijn en Sport', acronym: 'VWS', variants: ['Volksgezondheid Welzijn en Sport', 'Volksgezondheid'] },
  { portfolio: 'Volkshuisvesting en Ruimtelijke Ordening', acronym: 'VRO', variants: ['VROM', 'Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer'] },
  { portfolio: 'Klimaat en Groene Groei', acronym: 'KGG', variants: [] },
  { portfolio: 'Asiel en Migratie', acronym: 'AenM', variants: [] },
];

const BUILT_IN: KnownOrg[] = [
  { name: 'Tweede Kamer', aliases: ['Tweede Kamer der Staten-Generaal'], kind: 'overheid' },
  { name: 'Eerste Kamer', aliases: ['Eerste Kamer der Staten-Generaal'], kind: 'overheid' },
  { name: 'Rijksoverheid', aliases: [], kind: 'overheid' },
  { name: 'Openbaar Ministerie', aliases: ['OM'], kind: 'overheid' },
  { name: 'Nationale Ombudsman', aliases: ['Nationale ombudsman'], kind: 'overheid' },
  { name: 'Europese Unie', aliases: ['EU'], kind: 'overheid' },
  { name: 'Verenigde Naties', aliases: ['VN'], kind: 'overheid' },
  { name: 'Volkspartij voor Vrijheid en Democratie', aliases: ['VVD'], kind: 'politieke partij' },
  { name: 'Partij van de Arbeid', aliases: ['PvdA'], kind: 'politieke partij' },
  { name: 'Christen-Democratisch Appèl', aliases: ['CDA'], kind: 'politieke partij' },
  { name: 'Democraten 66', aliases: ['D66'], kind: 'politieke partij' },
  { name: 'GroenLinks', aliases: [], kind: 'politieke partij' },
  { name: 'Socialistische Partij', aliases: ['SP'], kind: 'politieke partij' },
  { name: 'ChristenUnie', aliases: [], kind: 'politieke partij' },
  { name: 'Staatkundig Gereformeerde Partij', aliases: ['SGP'], kind: 'politieke partij' },
  { name: 'Partij voor de Vrijheid', aliases: ['PVV'], kind: 'politieke partij' },
  { name: 'Partij voor de Dieren', aliases: ['PvdD'], kind: 'politieke partij' },
  { name: 'Forum voor Democratie', aliases: ['FvD'], kind: 'politieke partij' },
  { name: 'BoerBurgerBeweging', aliases: ['BBB'], kind: 'politieke partij' },
  { name: 'Nieuw Sociaal Contract', aliases: ['NSC'], kind: 'politieke partij' },
  { name: 'DENK', aliases: [], kind: 'politieke partij' },
  { name: 'Volt', aliases: [], kind: 'politieke partij' },
  { name: '50PLUS', aliases: [], kind: 'politieke partij' },
  { name: 'JA21', aliases: [], kind: 'politieke partij' },
];

const KINDS = new Set<OrgKind>([
  'kennisinstituut', 'ministerie', 'overheid', 'stichting', 'vereniging', 'bedrijf', 'zorgaanbieder', 'welzijnsorganisatie',
  'onderwijs', 'netwerk', 'politieke partij', 'anders',
]);

function asKind(v: unknown): OrgKind {
  return typeof v === 'string' && KINDS.has(v as OrgKind) ? (v as OrgKind) : 'anders';
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface KnownOrgData {
  orgs: KnownOrg[];
  /** e-mail / web domain label ("movisie") -> organisation */
  domains: Map<string, KnownOrg>;
}

/** The gazetteer's organisations (import/gazetteers.ts); an unreadable gazetteer leaves the built-in list. */
export function loadGazetteerOrgs(): KnownOrgData {
  const orgs: KnownOrg[] = [];
  const domains = new Map<string, KnownOrg>();
  let list: readonly { name: string; aliases: string[]; kind: string; municipality?: string; ambiguous?: boolean }[] = [];
  try {
    list = gazetteerOrganisations();
  } catch {
    return { orgs, domains };
  }
  for (const e of list) {
    if (!e || typeof e.name !== 'string') continue;
    orgs.push({
      name: e.name,
      aliases: strings(e.aliases),
      kind: e.kind === 'fonds' ? 'stichting' : asKind(e.kind),
      municipality: e.municipality ?? null,
      ambiguous: e.ambiguous === true,
    });
  }
  return { orgs, domains };
}

let cached: KnownOrgData | null = null;

export function knownOrgs(): KnownOrgData {
  if (!cached) {
    const gaz = loadGazetteerOrgs();
    const names = new Set(gaz.orgs.flatMap((o) => [o.name, ...o.aliases]).map((n) => n.toLowerCase()));
    const extra = BUILT_IN.filter((o) => ![o.name, ...o.aliases].some((n) => names.has(n.toLowerCase())));
    cached = { orgs: [...gaz.orgs, ...extra], domains: gaz.domains };
  }
  return cached;
}

/** Lookup key for acronyms: "OC&W" = "OCW", "J&V" = "JenV" = "JV". */
export function acronymKey(text: string): string {
  return text.replace(/&|en(?=\p{Lu})/gu, '').replace(/[\s.-]/g, '').toUpperCase();
}

let ministryIndex: Map<string, Ministry> | null = null;

export function ministryLookup(): Map<string, Ministry> {
  if (!ministryIndex) {
    ministryIndex = new Map();
    for (const m of MINISTRIES) {
      ministryIndex.set(foldPortfolio(m.portfolio), m);
      ministryIndex.set('#' + acronymKey(m.acronym), m);
      for (const v of m.variants) {
        if (/\p{Ll}{3}/u.test(v) && /\s/.test(v)) ministryIndex.set(foldPortfolio(v), m);
        else if (/\p{Ll}{3}/u.test(v)) ministryIndex.set(foldPortfolio(v), m);
        else ministryIndex.set('#' + acronymKey(v), m);
      }
    }
  }
  return ministryIndex;
}

export function foldPortfolio(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/&/g, ' en ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The ministry a printed portfolio or acronym denotes, if any. */
export function findMinistry(printed: string): Ministry | undefined {
  const idx = ministryLookup();
  return idx.get(foldPortfolio(printed)) ?? (/^[\p{Lu}][\p{L}&]{0,5}$/u.test(printed) ? idx.get('#' + acronymKey(printed)) : undefined);
}

export function ministryName(m: Ministry): string {
  return `ministerie van ${m.portfolio}`;
}
