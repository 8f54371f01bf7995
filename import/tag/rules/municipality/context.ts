/**
 * Context around a possible municipality name: the words before it in its clause, and whether
 * they make it a place or a governing body ("in Best", "de gemeente Best", "wethouder van Best",
 * "burgemeester Van der Berg van Amsterdam") or something else ("provincie Utrecht",
 * "mevrouw Van Houten").
 */
import { nameData } from '../name-data.ts';
import { charCodeAt } from '../../../text-at.ts';
import { packedList } from '../../../packed.ts';


let lastText: string | null = null;
let lastPos = -1;
let lastWords: string[] = [];
/** The callers ask for at most this many words; the last answer is kept with this many. */
const CACHED_WORDS = 4;

/** Up to `max` words before `pos` in the same clause, nearest last. */
export function clauseWordsBefore(text: string, pos: number, max = 4): string[] {
  if (max > CACHED_WORDS) return lastClauseWords(text, pos, max);
  // the province, surname and body tests ask about the same position in turn: keep the last answer
  if (text !== lastText || pos !== lastPos) {
    lastWords = lastClauseWords(text, pos, CACHED_WORDS);
    lastText = text;
    lastPos = pos;
  }
  return lastWords.slice(-max);
}

/** The clause looked at: at most the 80 characters before a position. */
const WINDOW = 80;

/**
 * Where the clause before `pos` starts: after the last clause mark in the window, else after the
 * first space of a window that cuts into the text (a partial first word is dropped).
 */
function clauseStart(text: string, pos: number): number {
  const from = Math.max(0, pos - WINDOW);
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // . ! ? ; newline ( ) :
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 40 || c === 41 || c === 58) return i + 1;
  }
  if (from === 0) return 0;
  const space = text.indexOf(' ', from);
  return space >= 0 && space < pos ? space + 1 : from;
}

const WORD_CHAR = /^[\p{L}\p{M}'’-]$/u;
/** Per UTF-16 code unit: 0 not yet known, 1 not a word character, 2 a word character (letters, marks, apostrophes, hyphen). */
const WORD_CLASS = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp >= 0x10000) return WORD_CHAR.test(String.fromCodePoint(cp));
  let k = WORD_CLASS[cp];
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
    WORD_CLASS[cp] = k;
  }
  return k === 2;
}

/** The code point that ends at `end` (exclusive), a surrogate pair only when both halves lie at or after `from`. */
function codePointBefore(text: string, end: number, from: number): number {
  const c = text.charCodeAt(end - 1);
  if (c >= 0xdc00 && c <= 0xdfff && end - 2 >= from) {
    const h = text.charCodeAt(end - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The last `max` words of the clause before `pos` (what /[\p{L}\p{M}'’-]+/gu finds in it), read
 * backwards from `pos`: a slice and a regular expression per candidate cost more than the scan.
 */
function lastClauseWords(text: string, pos: number, max: number): string[] {
  const from = clauseStart(text, pos);
  const words: string[] = [];
  let i = pos;
  while (i > from && words.length < max) {
    let cp = codePointBefore(text, i, from);
    if (!isWordCodePoint(cp)) {
      i -= cp >= 0x10000 ? 2 : 1;
      continue;
    }
    const end = i;
    while (i > from) {
      cp = codePointBefore(text, i, from);
      if (!isWordCodePoint(cp)) break;
      i -= cp >= 0x10000 ? 2 : 1;
    }
    words.push(text.slice(i, end));
  }
  return words.reverse();
}

const LEAD_IN = /[\s‘'"“(•*▲▼►–—-]/;
const CLAUSE_END = /[.!?:;]/;
/** Per UTF-16 code unit: 0 not yet known, then 1 + (LEAD_IN ? 1 : 0) + (CLAUSE_END ? 2 : 0), filled as characters are met. */
const CHAR_CLASS = new Uint8Array(0x10000);

function charClass(code: number): number {
  let k = CHAR_CLASS[code];
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = 1 + (LEAD_IN.test(ch) ? 1 : 0) + (CLAUSE_END.test(ch) ? 2 : 0);
    CHAR_CLASS[code] = k;
  }
  return k - 1;
}

/** True when nothing but quotes, bullets or white space stands between the clause start and `pos`. */
export function isSentenceInitial(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && charClass(text.charCodeAt(i)) & 1) {
    if (text.charCodeAt(i) === 10) return true;
    i--;
  }
  if (i < 0) return true;
  return (charClass(text.charCodeAt(i)) & 2) !== 0;
}

/** Prepositions that put a place after them. */
const PLACE_PREPOSITIONS = new Set(['in', 'uit', 'te', 'naar', 'rond', 'nabij', 'bij', 'vanuit', 'richting', 'binnen', 'regio']);
/** Offices and bodies of a municipality: "wethouder (van) X", "gemeenteraad van X". */
const OFFICES = new Set([
  'wethouder', 'burgemeester', 'raadslid', 'gemeenteraad', 'raad', 'college', 'ambtenaar', 'ambtenaren', 'gemeentesecretaris',
  'stadsdeel', 'loco-burgemeester', 'raadsleden', 'wethouders', 'gemeentebestuur', 'beleidsmedewerker', 'beleidsadviseur',
  'stadhuis',
]);
const MUNICIPALITY_WORDS = new Set(['gemeente', 'gemeenten', 'gemeentes', 'buurgemeente', 'buurgemeenten']);
const ARTICLES = new Set(['de', 'het', 'een', "'t", '’t']);

export type ContextStrength = 'strong' | 'body' | 'none';

/**
 * 'body': the word "gemeente(n)" or an office stands right before the name (possibly with an
 * adjective or article between: "de Brabantse gemeente Best", "wethouder van Best").
 * 'strong': a place preposition stands right before it ("in Best", "uit Putten").
 */
export function contextBefore(text: string, pos: number): ContextStrength {
  const words = packedList(clauseWordsBefore(text, pos, 4).map((w) => w.toLowerCase()));
  if (!words.length) return 'none';
  const w1 = words[words.length - 1];
  const w2 = words[words.length - 2];
  const w3 = words[words.length - 3];
  if (MUNICIPALITY_WORDS.has(w1) || OFFICES.has(w1) || w1.endsWith('wethouder') || w1.endsWith('burgemeester')) return 'body';
  // "wethouder van X", "de gemeenteraad van X", "de burgemeester in X"
  if ((w1 === 'van' || w1 === 'in' || w1 === 'uit') && w2 && (OFFICES.has(w2) || MUNICIPALITY_WORDS.has(w2) || w2.endsWith('wethouder'))) return 'body';
  if (PLACE_PREPOSITIONS.has(w1)) return 'strong';
  // "in het Haagse", "uit de Amsterdamse ..."
  if (ARTICLES.has(w1) && w2 && PLACE_PREPOSITIONS.has(w2)) return 'strong';
  if (w3 && ARTICLES.has(w2) && MUNICIPALITY_WORDS.has(w1)) return 'body';
  return 'none';
}

/** "provincie Utrecht", "Provincie Groningen": the province of the same name. */
export function isProvinceContext(text: string, pos: number): boolean {
  const words = packedList(clauseWordsBefore(text, pos, 2).map((w) => w.toLowerCase()));
  const w1 = words[words.length - 1];
  return w1 === 'provincie' || w1 === 'provincies' || w1 === 'provinciale';
}

/**
 * "mevrouw Van Houten", "Wim van Houten": a surname, not a place. A capitalised particle right
 * before the name inside a sentence, or a lower-case particle after a capitalised given name.
 */
export function isSurnameContext(text: string, pos: number): boolean {
  // a paragraph break inside a name ("Kees van\n\nDijk") is a PDF artefact: read across it
  const prevCode = charCodeAt(text, pos - 1);
  if (prevCode !== 32 && prevCode !== 10) return false;
  if (plainWordBefore(text, pos)) return false;
  const left = text.slice(Math.max(0, pos - 80), pos).replace(/\s+/g, ' ');
  // "Anna Doorn", "J. Vaals": a given name or initial right before
  const lastSpace = left.lastIndexOf(' ', left.length - 2);
  const cut = Math.max(lastSpace, left.lastIndexOf('(', left.length - 2), left.lastIndexOf('/', left.length - 2));
  const direct = left.slice(cut + 1, -1);
  if (/^(?:\p{Lu}\.)+$/u.test(direct) || (/^\p{Lu}[\p{Ll}\p{M}]+$/u.test(direct) && nameData().firstNames.has(direct.toLowerCase()))) return true;
  const m = /(^|.)((?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|'t|’t)(?: (?:de|der|den|het|'t|’t))?) $/.exec(left);
  if (!m || (m[1] && !/[\s(/]/.test(m[1]))) return false;
  const before = left.slice(0, m.index + m[1].length);
  if (/^\p{Lu}/u.test(m[2])) {
    // capitalised particle inside a sentence: "mevrouw Van Houten"
    return !/(?:^|[.!?:;]\s*|[‘'"“(•▲▼–—-]\s*)$/.test(before);
  }
  // lower-case particle: a surname only when a given name or initial precedes it ("Jan van Houten",
  // not "burgemeester Jan Hamming van Zaanstad")
  const given = /(?:^|[\s(/])(\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}\.)\s$/u.exec(before);
  if (!given || (!given[1].endsWith('.') && !nameData().firstNames.has(given[1].toLowerCase()))) return false;
  // "Van der Berg van Amsterdam": the capitalised word is itself a surname, so "van X" is a place
  if (/(?:^|\s)(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en)\s\S+\s$/.test(before)) return false;
  return !OFFICES.has(given[1].toLowerCase()) && !/^(?:Gemeente|Wethouder|Burgemeester|Stad|Regio)$/.test(given[1]) && !isPlaceLike(given[1]);
}

/** The lower-case words a surname particle can end with ("van", "van de", "van het"). */
const PARTICLE_ENDS = new Set(['van', 'de', 'den', 'der', 'ter', 'ten', 'het']);

/**
 * A plain lower-case word that is no particle stands right before `pos` ("in Best", "gemeente
 * Best"): then no given name, initial or particle does. A short scan that settles most candidates
 * before isSurnameContext slices and runs its expressions; anything less plain is left to those.
 */
function plainWordBefore(text: string, pos: number): boolean {
  let e = pos - 1;
  while (e >= 0 && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 10)) e--;
  let b = e;
  while (b >= 0 && text.charCodeAt(b) >= 97 && text.charCodeAt(b) <= 122) b--;
  // the word must lie whole inside the 80-character window and follow a space, "(" or "/" (or open the text)
  if (b === e || b + 1 < pos - 80) return false;
  const c = text.charCodeAt(b);
  if (b >= 0 && c !== 32 && c !== 10 && c !== 40 && c !== 47) return false;
  return !PARTICLE_ENDS.has(text.slice(b + 1, e + 1));
}

/** A capitalised word that ends a place or an organisation rather than a given name. */
function isPlaceLike(word: string): boolean {
  return /(?:laan|straat|weg|plein|gracht|kade|dijk|park|huis|wijk|buurt|stad|dorp|centrum|instituut|raad|bank|universiteit|hogeschool)$/i.test(word);
}

/** Letters, digits and the characters of e-mail addresses, URLs and compounds: a name cannot start right after one. */
export function blocksNameStart(code: number): boolean {
  if (code >= 97 && code <= 122) return true; // a-z
  if (code >= 65 && code <= 90) return true; // A-Z
  if (code >= 48 && code <= 57) return true; // 0-9
  if (code === 64 || code === 47 || code === 46 || code === 95 || code === 45 || code === 38 || code === 43 || code === 35) return true; // @ / . _ - & + #
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000; // accented letters
}
