/**
 * Head words of organisation names ("Stichting X", "X Welzijn", "Hogeschool X", compounds such as
 * "Kennisinstituut", "Hanzehogeschool", "Kansfonds") with the kind they suggest, and the
 * lower-case nouns that announce an organisation name after them ("de sociaalwerkorganisatie
 * Verbinding", "haar werkgever Zorgpunt", "de partij Leefbaar Best").
 * The project gazetteer import/data/org-patterns.json adds head words when present.
 */
import { orgPatterns } from '../../../gazetteers.ts';
import type { OrgKind } from './known.ts';

/** Whole words (lower case) that make a capitalised run an organisation name. */
const HEAD_WORDS: [string, OrgKind][] = [
  ['stichting', 'stichting'], ['vereniging', 'vereniging'], ['federatie', 'vereniging'], ['bond', 'vereniging'], ['unie', 'vereniging'],
  ['genootschap', 'vereniging'], ['club', 'vereniging'], ['coöperatie', 'bedrijf'], ['cooperatie', 'bedrijf'],
  ['instituut', 'kennisinstituut'], ['institute', 'kennisinstituut'], ['kenniscentrum', 'kennisinstituut'], ['kennisplatform', 'kennisinstituut'],
  ['kennisinstituut', 'kennisinstituut'], ['expertisecentrum', 'kennisinstituut'], ['planbureau', 'kennisinstituut'], ['werkplaats', 'netwerk'],
  ['lectoraat', 'onderwijs'], ['universiteit', 'onderwijs'], ['university', 'onderwijs'], ['hogeschool', 'onderwijs'], ['academie', 'onderwijs'],
  ['academy', 'onderwijs'], ['school', 'onderwijs'], ['college', 'onderwijs'], ['roc', 'onderwijs'],
  ['raad', 'overheid'], ['ministerie', 'ministerie'], ['inspectie', 'overheid'], ['autoriteit', 'overheid'], ['ombudsman', 'overheid'],
  ['rekenkamer', 'overheid'], ['kamer', 'overheid'], ['dienst', 'overheid'], ['agentschap', 'overheid'],
  ['fonds', 'stichting'], ['foundation', 'stichting'],
  ['welzijn', 'welzijnsorganisatie'], ['zorggroep', 'zorgaanbieder'], ['thuiszorg', 'zorgaanbieder'], ['ziekenhuis', 'zorgaanbieder'],
  ['ggz', 'zorgaanbieder'],
  ['bibliotheek', 'anders'], ['voedselbank', 'anders'], ['theater', 'anders'], ['museum', 'anders'], ['omroep', 'bedrijf'],
  ['bureau', 'bedrijf'], ['buro', 'bedrijf'], ['bv', 'bedrijf'], ['b.v.', 'bedrijf'], ['nv', 'bedrijf'], ['groep', 'bedrijf'], ['group', 'bedrijf'],
  ['adviesgroep', 'bedrijf'], ['solutions', 'bedrijf'], ['consultancy', 'bedrijf'], ['uitgeverij', 'bedrijf'], ['bank', 'bedrijf'],
  ['samenwerkingsverband', 'netwerk'], ['alliantie', 'netwerk'], ['coalitie', 'netwerk'], ['netwerk', 'netwerk'], ['platform', 'netwerk'],
  ['centrum', 'anders'], ['centra', 'anders'], ['partij', 'politieke partij'], ['tijdschrift', 'anders'], ['verbond', 'vereniging'],
  ['ggd', 'overheid'], ['coc', 'vereniging'], ['jongerengeluid', 'anders'],
];

/** Compound endings that make one capitalised word an organisation name ("Hanzehogeschool", "Oranjefonds"). */
const HEAD_SUFFIXES: [string, OrgKind][] = [
  ['hogeschool', 'onderwijs'], ['universiteit', 'onderwijs'], ['instituut', 'kennisinstituut'], ['planbureau', 'kennisinstituut'],
  ['kenniscentrum', 'kennisinstituut'], ['fonds', 'stichting'], ['bureau', 'bedrijf'], ['buro', 'bedrijf'], ['academie', 'onderwijs'],
  ['stichting', 'stichting'], ['vereniging', 'vereniging'], ['federatie', 'vereniging'], ['verband', 'netwerk'], ['zorggroep', 'zorgaanbieder'],
  ['welzijn', 'welzijnsorganisatie'], ['bank', 'bedrijf'], ['bedrijf', 'bedrijf'],
];

/** Single compounds that are ordinary nouns, not names, even when capitalised. */
const GENERIC_COMPOUNDS = new Set([
  'zorgverzekeraar', 'woningbouwvereniging', 'sportvereniging', 'sportverenigingen', 'voedselbank', 'adviesbureau', 'onderzoeksbureau',
  'reisbureau', 'uitzendbureau', 'stembureau', 'gezondheidsfonds', 'zorgfonds', 'participatiefonds', 'studiefonds', 'opleidingsfonds',
  'huurdersvereniging', 'bewonersvereniging', 'ouderenvereniging', 'buurtvereniging', 'vrouwenvereniging', 'patiëntenvereniging',
  'vrijwilligersvereniging', 'schoolvereniging', 'kinderbank', 'databank', 'kennisbank', 'werkbank', 'zitbank', 'spaarbank',
]);

/** Lower-case nouns after which a capitalised name is an organisation: "de sociaalwerkorganisatie Verbinding". */
const CUE_NOUNS: [RegExp, OrgKind][] = [
  [/^(?:sociaal ?werk|welzijns|zorg|koepel|branche|belangen|cliënten|patiënten|vrijwilligers|uitvoerings|werk|buurtteam|wijkteam|jeugdhulp|jongeren|migranten|vrouwen|zelforganisatie|maatschappelijke? ?)?organisaties?$/, 'anders'],
  [/^(?:zorg|jeugdhulp|ggz-?)?aanbieders?$/, 'zorgaanbieder'],
  [/^(?:zorg|welzijns|ggz-?)instelling(?:en)?$/, 'zorgaanbieder'],
  [/^werkgevers?$/, 'anders'],
  [/^(?:advies|onderzoeks|ingenieurs|tekst|ontwerp)?bureaus?$/, 'bedrijf'],
  [/^(?:re-integratie|schoonmaak|sociale? ?)?bedrijf|bedrijven$/, 'bedrijf'],
  [/^(?:sociale )?werkvoorziening$/, 'bedrijf'],
  [/^(?:woning)?corporaties?$/, 'bedrijf'],
  [/^uitgeverij$/, 'bedrijf'],
  [/^(?:politieke )?partij(?:en)?$/, 'politieke partij'],
  [/^fondsen$/, 'stichting'],
  [/^kennisinstitu(?:ut|ten)$/, 'kennisinstituut'],
  [/^(?:antidiscriminatie)?bureau$/, 'anders'],
  [/^(?:voogdij|zorg)-?instelling$/, 'zorgaanbieder'],
  [/^stichting$/, 'stichting'],
  [/^vereniging$/, 'vereniging'],
];

export type HeadPosition = 'prefix' | 'head' | 'both';

export interface HeadData {
  words: Map<string, OrgKind>;
  /** Where the head word stands in a name: first ("Stichting X"), last ("X Welzijn") or either. */
  positions: Map<string, HeadPosition>;
  suffixes: [string, OrgKind][];
}

let cached: HeadData | null = null;

const KIND_ALIASES: Record<string, OrgKind> = { fonds: 'stichting' };
const KNOWN_KINDS = new Set(['kennisinstituut', 'ministerie', 'overheid', 'stichting', 'vereniging', 'bedrijf', 'zorgaanbieder', 'welzijnsorganisatie', 'onderwijs', 'netwerk', 'politieke partij', 'anders']);
/** Bodies that are not organisations in this graph: a municipality is a Municipality, a province a place. */
const NOT_ORG_HEADS = new Set(['gemeente', 'provincie', 'waterschap', 'zorg', 'advies', 'research', 'beweging', 'lab', 'commissie', 'kamer']);

function asKind(kind: unknown): OrgKind {
  if (typeof kind !== 'string') return 'anders';
  if (KIND_ALIASES[kind]) return KIND_ALIASES[kind];
  return KNOWN_KINDS.has(kind) ? (kind as OrgKind) : 'anders';
}

export function headData(): HeadData {
  if (!cached) {
    const words = new Map<string, OrgKind>(HEAD_WORDS);
    const positions = new Map<string, HeadPosition>();
    const suffixes = [...HEAD_SUFFIXES];
    try {
      for (const e of orgPatterns() as readonly { word: string; position: string; kind: string }[]) {
        const word = e?.word;
        if (typeof word !== 'string' || word.length < 2 || /\s/.test(word)) continue;
        const w = word.toLowerCase().replace(/\.$/, '');
        if (NOT_ORG_HEADS.has(w)) continue;
        const kind = asKind(typeof e === 'object' && e ? e.kind : undefined);
        if (typeof e === 'object' && e?.position === 'suffix') {
          if (!suffixes.some(([s]) => s === w)) suffixes.push([w, kind]);
        } else {
          if (!words.has(w)) words.set(w, kind);
          const pos = typeof e === 'object' && e ? e.position : undefined;
          if (pos === 'prefix' || pos === 'head') positions.set(w, pos);
        }
      }
    } catch {
      // no pattern gazetteer: the built-in heads stand
    }
    for (const w of NOT_ORG_HEADS) words.delete(w);
    cached = { words, positions, suffixes };
  }
  return cached;
}

export function headPosition(word: string): HeadPosition {
  return headPositionOfLower(word.toLowerCase());
}

/** headPosition of a word already in lower case. */
export function headPositionOfLower(w: string): HeadPosition {
  return headData().positions.get(w) ?? 'both';
}

/** The kind suggested by a (capitalised) word of a name, or null when it is no head. */
const headMemo = new Map<string, OrgKind | null>();

export function headKind(word: string): OrgKind | null {
  return headKindOfLower(word.toLowerCase());
}

/** headKind of a word already in lower case. */
export function headKindOfLower(w: string): OrgKind | null {
  const memo = headMemo.get(w);
  if (memo !== undefined) return memo;
  const k = computeHeadKind(w);
  if (headMemo.size < 50000) headMemo.set(w, k);
  return k;
}

function computeHeadKind(w: string): OrgKind | null {
  const { words, suffixes } = headData();
  const exact = words.get(w);
  if (exact) return exact;
  if (GENERIC_COMPOUNDS.has(w)) return null;
  for (const [suffix, kind] of suffixes) if (w.length > suffix.length + 2 && w.endsWith(suffix)) return kind;
  return null;
}

/** A single capitalised compound that names an organisation by itself ("Hanzehogeschool", "Kansfonds"). */
const STANDALONE_SUFFIXES = ['hogeschool', 'universiteit', 'instituut', 'planbureau', 'fonds', 'stichting', 'vereniging', 'federatie', 'academie', 'jeugdinstituut'];
const HYPHEN_SUFFIXES = ['fonds', 'instituut', 'stichting', 'vereniging', 'hogeschool', 'universiteit'];

export function isHeadCompound(word: string, w: string = word.toLowerCase()): boolean {
  if (GENERIC_COMPOUNDS.has(w) || headData().words.has(w)) return false;
  // "Trimbos-instituut", "A&O-fonds": a name joined to its head word
  const dash = w.lastIndexOf('-');
  if (dash > 0) return HYPHEN_SUFFIXES.includes(w.slice(dash + 1)) && /^[\p{Lu}\d]/u.test(word);
  return STANDALONE_SUFFIXES.some((suffix) => w.length > suffix.length + 2 && w.endsWith(suffix));
}

/**
 * Local councils and consultations of residents, named after their village or neighbourhood: "het
 * dorpsoverleg Ellecom", "de wijkraad Noordoost". The noun is part of the name.
 */
const PLACE_BODY = /^(?:dorps|wijk|buurt|bewoners)(?:overleg|raad|platform|comité)$/;

export function isPlaceBodyNoun(word: string): boolean {
  return PLACE_BODY.test(word);
}

/** Cheap test before the list: every cue noun ends in one of these. */
const CUE_ENDING = /(?:organisaties?|aanbieders?|instelling(?:en)?|werkgevers?|bureaus?|bedrijf|bedrijven|voorziening|corporaties?|uitgeverij|partij(?:en)?|fondsen|kennisinstitu(?:ut|ten)|stichting|vereniging)$/;

export function cueNounKind(word: string): OrgKind | null {
  if (!CUE_ENDING.test(word)) return null;
  const w = word.toLowerCase().replace(/-/g, '');
  for (const [re, kind] of CUE_NOUNS) if (re.test(w)) return kind;
  return null;
}
