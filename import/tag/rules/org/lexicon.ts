/**
 * Word lists for deciding whether a capitalised run is an organisation name: stop words and
 * sentence starters (from the project gazetteer stopwords.json plus the people module's list),
 * provinces, regions and countries (places, not organisations), acronyms that are not
 * organisations, and the cues that put an organisation after them.
 */
import { stopwords as gazetteerStopwords } from '../../../gazetteers.ts';
import { nameData } from '../name-data.ts';

function readStopwords(): Set<string> {
  const out = new Set<string>();
  try {
    for (const w of gazetteerStopwords.list) out.add(w.toLowerCase());
  } catch {
    // gazetteer absent: the people module's list stands in (it also holds organisation heads, so only as a fallback)
    for (const w of nameData().stopwords) out.add(w);
  }
  for (const w of MONTHS_AND_DAYS) out.add(w);
  for (const w of FUNCTION_WORDS) out.add(w);
  return out;
}

/** Function words that a stop-word list may lack; all-caps forms of them mark shouting, not acronyms. */
const FUNCTION_WORDS = ['aan', 'van', 'te', 'der', 'den', 'des', 'ter', 'niks', 'doen', 'nee', 'toe', 'af', 'mee', 'om'];

const MONTHS_AND_DAYS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
];

let stop: Set<string> | null = null;
export function stopwords(): Set<string> {
  if (!stop) stop = readStopwords();
  return stop;
}

/** Provinces, regions, countries and other places that a capitalised run can be. */
export const PLACES = new Set([
  'nederland', 'holland', 'groningen', 'friesland', 'fryslân', 'drenthe', 'overijssel', 'flevoland', 'gelderland', 'utrecht',
  'noord-holland', 'zuid-holland', 'zeeland', 'noord-brabant', 'brabant', 'limburg', 'randstad', 'twente', 'achterhoek', 'veluwe',
  'belgië', 'duitsland', 'frankrijk', 'engeland', 'europa', 'amerika', 'afrika', 'azië', 'syrië', 'turkije', 'marokko', 'suriname',
  'oekraïne', 'polen', 'eritrea', 'egypte', 'londen', 'berlijn', 'parijs', 'brussel', 'antwerpen', 'gent', 'new york',
]);

/** Acronyms that name things other than organisations (laws, diplomas, groups, units, formats). */
export const NON_ORG_ACRONYMS = new Set([
  'LHBTI', 'LHBT', 'LHBTIQ', 'LHBTIQ+', 'LGBT', 'LGBTI', 'LGBTQ', 'AOW', 'WMO', 'WLZ', 'WW', 'WIA', 'WAO', 'WSW', 'CAO', 'BTW', 'AVG',
  'BSN', 'PGB', 'VMBO', 'MBO', 'HBO', 'WO', 'HAVO', 'VWO', 'VSO', 'PRO', 'ICT', 'ZZP', 'ZZP-ER', 'OV', 'TV', 'PDF', 'CV', 'ADHD', 'LVB',
  'NAH', 'IQ', 'ISO', 'ISSN', 'ISBN', 'EHBO', 'WC', 'DNA', 'HIV', 'GGZ', 'ABCD', 'SROI', 'KPI', 'FAQ', 'URL', 'APP', 'APK', 'NB', 'PS',
  'MH17', 'COVID', 'CORONA', 'DIY', 'VIP', 'RED', 'BV', 'NV', 'VOF', 'JGZ', 'POH', 'SMART', 'SWOT', 'TIPS', 'MKB', 'ANBI', 'VOG', 'OK',
  'WK', 'EK', 'CJG', 'BBZ', 'IOAW', 'IOAZ', 'TOZO', 'NT2', 'HR', 'ID', 'AI', 'AZC', 'AMV', 'AMA', 'VN-VERDRAG',
]);

/** Verbs and phrases after which a capitalised name is an organisation acting or being worked for. */
export const AFFILIATION_CUE = new RegExp(
  String.raw`(?:^|[\s(])(?:werkt(?:e)?(?: \p{Ll}+){0,3} (?:bij|voor)|werkzaam (?:bij|voor)|in dienst (?:bij|van)|verbonden aan|in opdracht van|in samenwerking met|samen met|samenwerking met|met steun van|gesteund door|ondersteund door|gefinancierd door|gesubsidieerd door|ontwikkeld door|opgezet door|opgericht door|georganiseerd door|uitgevoerd door|uitgegeven door|aangeboden door|geïnitieerd door|initiatief van|in handen van|onderzoek van|subsidie van|lid van|bestuurslid (?:bij|van)|voorzitter van|directeur van|partner bij|adviseur bij|onderzoeker bij|medewerker (?:bij|van)|werknemer van|collega's van|vanuit)(?: de| het)? $`,
  'u',
);

const roleMemo = new Map<string, boolean>();

export function isRoleWordLike(word: string): boolean {
  return isRoleWordLikeLower(word.toLowerCase());
}

/** isRoleWordLike of a word already in lower case. */
export function isRoleWordLikeLower(w: string): boolean {
  let r = roleMemo.get(w);
  if (r === undefined) {
    r = computeRoleWordLike(w);
    if (roleMemo.size < 50000) roleMemo.set(w, r);
  }
  return r;
}

function computeRoleWordLike(w: string): boolean {
  if (nameData().roles.has(w)) return true;
  return /(?:medewerker|adviseur|directeur|werker|coördinator|onderzoeker|deskundige|regisseur|ambtenaar|leider|manager|voorzitter|lid|functionaris|consulent|coach|trainer|docent|lector|hoogleraar|specialist|expert|boswachter|vrijwilliger|begeleider|oprichter|partner|bestuurder|projectleider|programmaleider|secretaris)$/.test(w);
}

export function isFirstName(word: string): boolean {
  return nameData().firstNames.has(word.toLowerCase());
}
