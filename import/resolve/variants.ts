/**
 * Variants a reader sees as one entity, merged before resolution by general rules (never by name):
 * - a place after the name: "X in Deventer", "X te Zwolle" -> "X" (the printed form stays an alias),
 *   so the same programme or organisation gets one id in every document;
 * - a generic head after a name printed alone in the same document: "X-methode", "X-aanpak",
 *   "X Project" -> "X";
 * - a name printed in the document with a leading head ("Tijdschrift voor Y", "Stichting Y"): the
 *   bare "Y" is that entity;
 * - a single word that is the surname of a person of the document is that person, not an organisation;
 * - a single word that is no name ("Sociaal", "Rijksuniversiteit": an ordinary word of the text, or
 *   a head word on its own) is not an organisation (programmes are often named by ordinary words).
 */
import type { EntityMention } from '../model.ts';
import { isFirstName, municipalityByName } from '../gazetteers.ts';
import { headData, headKind } from '../tag/rules/org/heads.ts';
import { foldName } from './resolve.ts';
import { emptyList, packedLists } from '../packed.ts';

const NAMED_TYPES = new Set(['ORGANISATION', 'PROGRAMME']);
const PLACE_TAIL = /^(.{2,}?),? (?:in|te|uit) ((?:'s-)?\p{Lu}[\p{L}'’.-]*(?: (?:aan|op|en|de|den|der|van|\p{Lu}[\p{L}'’.-]*))*)$/u;
const GENERIC_TAIL = /^(.{2,}?)(?:-| )(methode|methodiek|aanpak|project|programma|model|training|academie|app|campagne)$/iu;
const LINK_WORDS = new Set(['voor', 'van', 'de', 'het', 'der', 'en']);

/** "X in Deventer" -> "X" when Deventer is a municipality. */
export function withoutPlace(name: string): string {
  const m = PLACE_TAIL.exec(name);
  return m && municipalityByName(m[2]) ? m[1] : name;
}

/** "Tijdschrift voor Y" -> "Y": the words before Y are head and link words only, with one head at least. */
function headlessTail(name: string): string | null {
  const words = name.split(' ');
  for (let k = 1; k < words.length; k++) {
    const lead = words.slice(0, k);
    if (!lead.every((w) => headKind(w) || LINK_WORDS.has(w.toLowerCase())) || !lead.some((w) => headKind(w))) break;
    if (LINK_WORDS.has(words[k].toLowerCase())) continue;
    return words.slice(k).join(' ');
  }
  return null;
}

/** "Stichting", "Universiteit" on their own: a head word, not an acronym such as GGD. */
const isBareHead = (word: string) => !/^\p{Lu}{2,}$/u.test(word) && headData().words.has(word.toLowerCase());

/**
 * A capitalised single word that names nothing: printed in lower case elsewhere in the document
 * ("Sociaal"), a head word alone ("Stichting"), or a head compound the dictionary knows as a common
 * noun ("Rijksuniversiteit"; "Oranjefonds" is not in it). Acronyms are names.
 */
function isFragment(word: string, inLowerCase: (w: string) => boolean, isDictionaryWord: (w: string) => boolean): boolean {
  if (/^[\p{Lu}\d&]{2,}$/u.test(word)) return false;
  return inLowerCase(word) || isBareHead(word) || (headKind(word) !== null && isDictionaryWord(word));
}

/** What pass 1 makes of a printed name: dropped as a surname or a fragment, or the name without its place. */
const SURNAME = Symbol('surname');
const FRAGMENT = Symbol('fragment');
type NameVerdict = typeof SURNAME | typeof FRAGMENT | string;

function renamed(m: EntityMention, name: string): EntityMention {
  return { ...m, name, aliases: [...(m.aliases ?? []), m.name] };
}

/**
 * isOrdinaryWord: does the document also print this word in lower case? isDictionaryWord: is it a
 * common Dutch word?
 */
export function mergeVariants(
  mentionsBySection: EntityMention[][],
  isOrdinaryWord: (word: string) => boolean,
  isDictionaryWord: (word: string) => boolean = () => false,
): EntityMention[][] {
  // the last names of the document's people: a lone "Tjeerdema" tagged as an organisation is the person
  const surnames = new Set<string>();
  for (const list of mentionsBySection) for (const m of list) {
    const words = m.type === 'PERSON' ? m.name.split(/\s+/) : [];
    if (words.length > 1 && isFirstName(words[0])) surnames.add(foldName(words[words.length - 1]));
  }
  // pass 1: place tails go, fragments go (decided once per type and printed name: names come back many times)
  const verdicts = new Map<string, NameVerdict>();
  const verdictOf = (m: EntityMention): NameVerdict => {
    const key = `${m.type}|${m.name}`;
    let v = verdicts.get(key);
    if (v === undefined) {
      if (!/\s/.test(m.name) && surnames.has(foldName(m.name))) v = SURNAME;
      else if (m.type === 'ORGANISATION' && /^\p{Lu}[^\s-]*$/u.test(m.name.trim()) && isFragment(m.name, isOrdinaryWord, isDictionaryWord)) v = FRAGMENT;
      else v = withoutPlace(m.name);
      verdicts.set(key, v);
    }
    return v;
  };
  const cleaned = packedLists(mentionsBySection.map((list) => {
    const kept = emptyList<EntityMention>();
    for (const m of list) {
      if (!NAMED_TYPES.has(m.type)) {
        kept.push(m);
        continue;
      }
      let v = verdictOf(m);
      // a surname that is not a fragment: only an aliased mention is kept, under its own name (less its place)
      if (v === SURNAME) {
        if (!m.aliases?.length) continue;
        v = m.type === 'ORGANISATION' && /^\p{Lu}[^\s-]*$/u.test(m.name.trim()) && isFragment(m.name, isOrdinaryWord, isDictionaryWord) ? FRAGMENT : withoutPlace(m.name);
      }
      if (v === FRAGMENT) {
        if (m.aliases?.length) kept.push(m);
        continue;
      }
      kept.push(v === m.name ? m : renamed(m, v));
    }
    return kept;
  }));
  // pass 2: within the document, a generic tail or a head-led name points at the other form
  const names = new Map<string, Map<string, string>>(); // type -> folded name -> printed name
  for (const list of cleaned) {
    for (const m of list) {
      if (!NAMED_TYPES.has(m.type)) continue;
      let byType = names.get(m.type);
      if (!byType) names.set(m.type, (byType = new Map()));
      if (!byType.has(foldName(m.name))) byType.set(foldName(m.name), m.name);
    }
  }
  const headed = new Map<string, Map<string, string>>(); // type -> folded bare tail -> the head-led name
  for (const [type, byType] of names) {
    const tails = new Map<string, string>();
    for (const name of byType.values()) {
      const tail = headlessTail(name);
      if (tail && byType.has(foldName(tail))) tails.set(foldName(tail), name);
    }
    headed.set(type, tails);
  }
  // the other form of each printed name, or null (once per type and name)
  const otherForms = new Map<string, string | null>();
  const otherForm = (m: EntityMention): string | null => {
    const key = `${m.type}|${m.name}`;
    let other = otherForms.get(key);
    if (other === undefined) {
      const byType = names.get(m.type)!;
      const g = GENERIC_TAIL.exec(m.name);
      other = g && byType.has(foldName(g[1])) ? byType.get(foldName(g[1]))! : (headed.get(m.type)?.get(foldName(m.name)) ?? null);
      otherForms.set(key, other);
    }
    return other;
  };
  return cleaned.map((list) =>
    list.map((m) => {
      if (!NAMED_TYPES.has(m.type)) return m;
      const other = otherForm(m);
      return other ? renamed(m, other) : m;
    }),
  );
}
