/**
 * People: named individuals in a section. A name is a given name (or initials), optional Dutch
 * particles (van, de, van der, ten, el, 't ...) and a capitalised surname (hyphenated or, rarely,
 * two words: "Roscam Abbing"). It is accepted when
 * - the given name is a known first name (not at a sentence start unless a surname follows), or
 * - the name is written with initials ("J. de Vries"), or
 * - the context says it is a person: a role before it ("wethouder Oetra Gopal"), a role in
 *   apposition after it (", directeur van ..."), an e-mail address right after it, a byline
 *   ("Door", "Tekst:", "Meer informatie:", "contact op met"), or speech ("zegt", ": ‘").
 * First-name-only personas ("inwoner Nora", "Ahmed (34)") never have a surname and are skipped.
 * Roles are returned as printed (lower-cased first letter), in props.roles.
 */
import type { EntityMention, MentionExtractor, SectionContext } from '../../model.ts';
import { nameData } from './name-data.ts';
import { sentenceAt } from '../../segment/sentences.ts';
import { capitalisedFloods } from './capitalised-floods.ts';

/**
 * A token of the section text. Its text is sliced out when first read: the scan below asks only
 * the capitalised tokens and their neighbours for it, not the other nine in ten.
 */
export class Token {
  private printed: string | undefined = undefined;
  /** what the word is (looked up once per token, on first use) */
  word: WordInfo | undefined = undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return (this.printed ??= this.source.slice(this.start, this.end));
  }

  /** The first code unit of the text (without slicing it out). */
  get firstCode(): number {
    return this.source.charCodeAt(this.start);
  }
}

const LETTER = /[\p{L}\p{M}]/u;
/** Per UTF-16 code: 0 not yet known, 1 letter, 2 not a letter (a typed array: this is asked for every character) */
const letterTable = new Uint8Array(65536);

function isLetterCode(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 128 || c !== c) return false; // NaN: past the end of the text
  let r = letterTable[c];
  if (r === 0) r = letterTable[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return r === 1;
}

const isWordJoiner = (c: number) => c === 45 || c === 39 || c === 8217; // - ' ’
const isSpaceCode = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 160;

function token(text: string, start: number, end: number): Token {
  return new Token(text, start, end);
}

/**
 * Word tokens (letters with inner hyphens/apostrophes: "Anne-Marie", "zo’n"), "’t", digit runs and
 * single other characters. A hand-written scanner: this runs over every character of the corpus.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if ((c === 39 || c === 8217) && text.charCodeAt(i + 1) === 116 && !isLetterCode(text.charCodeAt(i + 2))) {
      out.push(token(text, i, i + 2));
      i += 2;
      continue;
    }
    if (isLetterCode(c)) {
      let j = i + 1;
      let lastLetter = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetterCode(d)) lastLetter = j;
        else if (!isWordJoiner(d)) break;
        j++;
      }
      out.push(token(text, i, lastLetter + 1));
      i = lastLetter + 1;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      out.push(token(text, i, j));
      i = j;
      continue;
    }
    // a surrogate pair stays one token
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    out.push(token(text, i, i + width));
    i += width;
  }
  return out;
}

const CAP_WORD = /^\p{Lu}[\p{Ll}\p{M}’'][\p{L}\p{M}’'-]*$|^\p{Lu}[\p{Ll}\p{M}]*-\p{Lu}[\p{L}\p{M}’'-]*$/u;
const CAPITALISED_PARTICLES = new Set(['van', 'de', 'den', 'der', 'ter', 'ten', 'el', 'al', 'ben', 'le', 'la', 'da', 'di', 'du', 'dos', 'abou', 'ait', 'bou']);
const TITLES = new Set(['dr', 'drs', 'prof', 'mr', 'ir', 'ing', 'ds', 'mevr', 'dhr', 'mw', 'bc', 'msc', 'ma', 'ba', 'phd']);
/** Words that end a name-like sequence: organisation and place heads that follow a capitalised word. */
const NAME_BREAKERS = new Set([
  'instituut', 'universiteit', 'university', 'hogeschool', 'school', 'stichting', 'vereniging', 'fonds', 'foundation', 'centrum',
  'platform', 'groep', 'group', 'academie', 'huis', 'college', 'raad', 'bureau', 'netwerk', 'coalitie', 'gemeente', 'ministerie',
  'zorg', 'welzijn', 'wonen', 'werk', 'jeugd', 'festival', 'award', 'prijs', 'fonds', 'bank', 'lab', 'labs', 'house', 'company',
  'bv', 'nv', 'vzw', 'kennisplatform', 'kenniscentrum', 'expertisecentrum', 'werkplaats', 'programma', 'project', 'methode',
  'noord', 'zuid', 'oost', 'west', 'centraal', 'nederland', 'holland', 'brabant', 'limburg',
]);

const BYLINE_BEFORE = /(?:^|[\s(|,])(?:door|tekst|tekst en foto|foto|foto's|fotografie|beeld|illustratie|illustraties|interview|auteur|auteurs|redactie|eindredactie|vormgeving|meer informatie|informatie|teksten|foto's en illustraties|contactpersoon|contact|contact op met|mail|mailen met|bel|zegt|zei|vertelt|vertelde|aldus|volgens|stelt|vindt|benadrukt|merkt|legt|denkt|weet|ziet|noemt|collega|oprichter|initiatiefnemer|columnist)\s*:?\s*$/i;
const SPEECH_AFTER = /^\s*(?:\((?:pag|p)\.|:\s*[‘'“"]|,?\s*(?:zegt|zei|vertelt|vertelde|stelt|stelde|legt|legde|benadrukt|vindt|vond|aldus|merkt|licht|weet|ziet|denkt|noemt|vult|reageert|verklaart|schrijft|schreef|werkt|is sinds|was jarenlang)\b)/;
const EMAIL_AFTER = /^\s*[(,:|–-]?\s*(?:e-?mail:?\s*)?[\w.+-]{1,64}@[\w-]{1,64}\.[\w.-]{2,}/i;
const ROLE_MODIFIERS = new Set(['senior', 'junior', 'algemeen', 'plaatsvervangend', 'vertrekkend', 'voormalig', 'nieuwe', 'kersverse', 'toenmalig', 'huidige', 'landelijk', 'regionaal', 'lokaal', 'zaanse', 'eerste', 'inhoudelijk', 'strategisch', 'de', 'het', 'een', 'als', 'onze', 'hun', 'zijn', 'haar']);
const ROLE_STOP = new Set(['van', 'bij', 'in', 'voor', 'namens', 'aan', 'op', 'uit', 'en', 'of', 'die', 'dat', 'met', 'over', 'sinds', 'is', 'was', 'zegt', 'werd', 'wordt']);

/** Unknown capitalised words with these endings are adjectives or nouns, not given names ("Hollandse", "Communicatie"). */
const NOT_A_GIVEN_NAME = /(?:se|sche|isch|atie|itie|heid|schap|isme|ing|buro|bureau|lijk|ief|aal|ale|eel|ele|eit|iek|ologie|punt|wijken)$/;
/** Roles that take an object ("hoofd Centrale Eenheid", "lid Raad van Bestuur") are no evidence for a following name. */
const ROLES_WITH_OBJECT = new Set(['hoofd', 'lid']);
/** Particles that are also common prepositions count only before another particle ("in 't Veld", "op den Akker"). */
const FUNCTION_WORDS = new Set(
  'de het een en of maar dat die dit deze wat wie hoe waar ook als om in op met voor van bij na naar door over uit aan tot te is was zijn heeft had wordt werd kan zal niet geen wel nog al er hij zij ze wij we je jij ik u hun haar ons onze mijn dan toen nu zo want omdat samen alle veel elke ieder iedereen'.split(' '),
);
const SURNAME_PARTICLES = new Set(['van', 'der', 'den', 'ter', 'ten', 'von', "'t", '’t']);
const ARABIC_PARTICLES = new Set(['el', 'ben', 'al', 'abou', 'ait', 'bou']);
const WEAK_PARTICLES = new Set(['in', 'op', 'uit']);

interface ParsedName {
  first: number; // token index
  last: number; // token index, inclusive
  parts: string[];
  /** end offset (a possessive 's is left out) */
  end: number;
  knownGiven: boolean;
  /** a first name that is also an ordinary word ("Mark", "Roos", "Ben") */
  ambiguousGiven: boolean;
  initials: boolean;
  arabicParticle: boolean;
}

const roleCache = new Map<string, string | null>();

/** The role a word denotes (lower case), or null. Cached: it is asked for almost every capitalised token. */
export function isRoleWord(word: string): string | null {
  let r = roleCache.get(word);
  if (r === undefined) {
    r = computeRole(word);
    if (roleCache.size > 50000) roleCache.clear();
    roleCache.set(word, r);
  }
  return r;
}

const ROLE_SUFFIXES = ['wethouder', 'burgemeester', 'medewerker', 'adviseur', 'directeur', 'werker', 'coördinator', 'onderzoeker', 'deskundige', 'regisseur', 'ambtenaar', 'leider', 'manager', 'voorzitter', 'journalist', 'schrijver', 'fotograaf', 'kunstenaar', 'maker', 'bestuurder', 'ondernemer', 'hoogleraar', 'docent', 'trainer', 'minister', 'ambassadeur'];

function computeRole(word: string): string | null {
  const { roles } = nameData();
  const w = word.toLowerCase();
  if (roles.has(w)) return w;
  const dash = w.lastIndexOf('-');
  if (dash > 0 && roles.has(w.slice(dash + 1))) return w;
  // compounds: "beleidsmedewerker", "wijkwethouder", "jongerenwerker"
  for (const suffix of ROLE_SUFFIXES) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) return w;
  }
  return null;
}

/** True when the lower-cased word is one of the listed Dutch role words (used by the linkers too). */
export function roleFromTokens(tokens: Token[], from: number, to: number): string | null {
  for (let k = from; k <= to && k < tokens.length; k++) {
    if (k < 0) continue;
    const r = wordOf(tokens[k]).role;
    if (r) return r;
  }
  return null;
}

/**
 * Everything the name parser asks about a word, computed once per distinct word: a capitalised
 * token is looked at several times (as given name, as the word before or after another name), and
 * one lookup per token is much cheaper than a lookup (and a toLowerCase) per question.
 */
interface WordInfo {
  /** a capitalised word: "Jansen", "Anne-Marie", "El-Khatib" */
  capWord: boolean;
  role: string | null;
  firstName: boolean;
  ambiguousFirstName: boolean;
  /** lower case with ’ as ' ("’t" -> "'t") */
  particleForm: string;
  /** a name particle that is not a weak one ("in", "op", "uit") */
  particle: boolean;
  /** written in lower case */
  lowerCase: boolean;
  capitalisedParticle: boolean;
  stopword: boolean;
  /** never a surname, whatever comes before it: a function word, a role, an organisation or place head */
  notASurname: boolean;
  nameBreaker: boolean;
  title: boolean;
  notAGivenName: boolean;
  arabicParticle: boolean;
  surnameParticle: boolean;
  roleModifier: boolean;
}

const wordCache = new Map<string, WordInfo>();

function wordOf(t: Token): WordInfo {
  return t.word ?? (t.word = wordInfo(t.text));
}

function wordInfo(text: string): WordInfo {
  let w = wordCache.get(text);
  if (w === undefined) {
    w = computeWordInfo(text);
    if (wordCache.size > 50000) wordCache.clear();
    wordCache.set(text, w);
  }
  return w;
}

function computeWordInfo(text: string): WordInfo {
  const { particles, stopwords, firstNames, ambiguousFirstNames } = nameData();
  const lower = text.toLowerCase();
  const particleForm = lower.replace('’', "'");
  const role = isRoleWord(text);
  const nameBreaker = NAME_BREAKERS.has(lower);
  const dash = lower.indexOf('-');
  return {
    capWord: text.length >= 2 && startsUpper(text) && CAP_WORD.test(text),
    role,
    firstName: firstNames.has(lower) || (dash > 0 && firstNames.has(lower.slice(0, dash))),
    ambiguousFirstName: ambiguousFirstNames.has(lower),
    particleForm,
    particle: particles.has(particleForm) && !WEAK_PARTICLES.has(particleForm),
    lowerCase: text === lower,
    capitalisedParticle: CAPITALISED_PARTICLES.has(particleForm),
    stopword: stopwords.has(lower),
    notASurname: FUNCTION_WORDS.has(lower) || nameBreaker || role !== null || NAME_BREAKERS.has(lower.slice(lower.lastIndexOf('-') + 1)),
    nameBreaker,
    title: TITLES.has(lower),
    notAGivenName: NOT_A_GIVEN_NAME.test(lower),
    arabicParticle: ARABIC_PARTICLES.has(lower),
    surnameParticle: SURNAME_PARTICLES.has(lower),
    roleModifier: ROLE_MODIFIERS.has(lower),
  };
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && text.charCodeAt(a.end) === 32;
}

function isCapWord(t: Token | undefined): boolean {
  return t !== undefined && t.text.length >= 2 && startsUpper(t.text) && wordOf(t).capWord;
}

const UPPER = /\p{Lu}/u;
const upperCache = new Map<number, boolean>();

/** First character is an upper-case letter; ASCII without a regex, other characters cached. */
function startsUpper(word: string): boolean {
  return startsUpperCode(word.charCodeAt(0));
}

function startsUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  let r = upperCache.get(c);
  if (r === undefined) {
    r = UPPER.test(String.fromCharCode(c));
    upperCache.set(c, r);
  }
  return r;
}

function isInitialAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.text.length !== 1) return false;
  const dot = tokens[i + 1];
  return !!dot && startsUpper(t.text) && dot.text === '.' && dot.start === t.end;
}

function isParticle(t: Token | undefined, allowCapitalised: boolean, first = false): boolean {
  if (!t) return false;
  const w = wordOf(t);
  if (!w.particle) return false;
  if (first && w.particleForm === 'het') return false; // "van het Hof", never "het Hof" on its own
  if (w.lowerCase) return true;
  return allowCapitalised && w.capitalisedParticle;
}

function isSurnameWord(t: Token | undefined, afterParticle = false): boolean {
  if (!isCapWord(t)) return false;
  const w = wordOf(t!);
  // after a particle or a clear first name, ordinary words are fine surnames ("van der Meer", "Monique Zondag"),
  // function words never are
  return !w.notASurname && (afterParticle || !w.stopword);
}

export function isAmbiguousFirstName(word: string): boolean {
  return wordInfo(word).ambiguousFirstName;
}

export function isFirstName(word: string): boolean {
  return wordInfo(word).firstName;
}

/** A capitalised Arabic particle ("Ben", "El"). */
function isCapitalisedArabicParticle(t: Token | undefined): boolean {
  return t !== undefined && startsUpper(t.text) && wordOf(t).arabicParticle;
}

/** Parses a name starting at token i (given name or initials, particles, surname). */
export function parseName(text: string, tokens: Token[], i: number): ParsedName | null {
  if (!startsUpperCode(tokens[i].firstCode)) return null; // names start with a capital: cheap exit for most tokens
  const parts: string[] = [];
  let j = i;
  let initials = false;
  let knownGiven = false;
  if (isInitialAt(tokens, j)) {
    let initialText = '';
    while (isInitialAt(tokens, j) && j - i < 8) {
      initialText += tokens[j].text + '.';
      const next = tokens[j + 2];
      j += 2;
      if (!next || !(next.start === tokens[j - 1].end || adjacent(text, tokens[j - 1], next))) break;
      if (!isInitialAt(tokens, j)) break;
      if (next.start !== tokens[j - 1].end) initialText += ' ';
    }
    parts.push(initialText.replace(/\s+$/, ''));
    initials = true;
    const after = tokens[j];
    if (!after || !adjacent(text, tokens[j - 1], after)) return null;
  } else {
    const g = tokens[j];
    if (!isCapWord(g)) return null;
    const gw = wordOf(g);
    // "Somaya Ben Allouch": a capitalised particle right after a capitalised word belongs to that name
    const prev = tokens[j - 1];
    // "Van Kooten Niekerk": after a particle this is a surname, not a given name
    const nextIsArabicParticle = isCapitalisedArabicParticle(tokens[j + 1]);
    const afterPrev = prev !== undefined && adjacent(text, prev, g);
    if (afterPrev && !gw.firstName && !nextIsArabicParticle && (wordOf(prev).surnameParticle || prev.text === 'De')) return null;
    if (gw.arabicParticle && afterPrev && isCapWord(prev) && !wordOf(prev).stopword) return null;
    if (gw.stopword || gw.nameBreaker || gw.role !== null || gw.title) return null;
    knownGiven = gw.firstName;
    if (isParticle(g, true) && !knownGiven) return null;
    // "Krachtwijken Bouchra Dibi": an unknown word before a first name is not part of the name
    const g1 = tokens[j + 1];
    if (!knownGiven && g1 && adjacent(text, g, g1) && isCapWord(g1) && wordOf(g1).firstName && !wordOf(g1).ambiguousFirstName) return null;
    if (!knownGiven && gw.notAGivenName) return null;
    parts.push(g.text);
    j++;
    // a second given name ("Jan Willem van de Maat") when more name follows
    const g2 = tokens[j];
    if (knownGiven && g2 && adjacent(text, tokens[j - 1], g2) && isCapWord(g2) && wordOf(g2).firstName) {
      const after = tokens[j + 1];
      if (after && adjacent(text, g2, after) && (isParticle(after, false) || isSurnameWord(after))) {
        parts.push(g2.text);
        j++;
      }
    }
    if (!tokens[j] || !adjacent(text, tokens[j - 1], tokens[j])) return null;
  }
  // particles
  let particles = 0;
  const arabicParticle = !initials && isCapitalisedArabicParticle(tokens[j]);
  while (particles < 3 && isParticle(tokens[j], particles === 0 && !initials, particles === 0) && tokens[j + 1] && adjacent(text, tokens[j], tokens[j + 1])) {
    parts.push(tokens[j].text);
    j++;
    particles++;
  }
  // surname
  if (!isSurnameWord(tokens[j], particles > 0 || (knownGiven && !wordOf(tokens[i]).ambiguousFirstName))) return null;
  parts.push(tokens[j].text);
  let last = j;
  // a second surname word ("Roscam Abbing"), only when the name clearly ends after it
  const s2 = tokens[j + 1];
  const after2 = tokens[j + 2];
  if (
    particles === 0 &&
    s2 &&
    adjacent(text, tokens[j], s2) &&
    isSurnameWord(s2) &&
    !wordOf(s2).firstName &&
    !(after2 && adjacent(text, s2, after2) && (isCapWord(after2) || isParticle(after2, false))) &&
    !(after2 && after2.text === '-')
  ) {
    parts.push(s2.text);
    last = j + 1;
  }
  // a surname hyphen-joined with particles ("Penn-te Strake") is one token + particle + word
  if (/-\p{Ll}+$/u.test(tokens[last].text)) {
    const nxt = tokens[last + 1];
    if (nxt && adjacent(text, tokens[last], nxt) && isCapWord(nxt)) {
      parts[parts.length - 1] = `${tokens[last].text} ${nxt.text}`;
      last++;
    }
  }
  // possessive "Van Mierlo’s"
  let end = tokens[last].end;
  const poss = /[’']s$/.exec(parts[parts.length - 1]);
  if (poss && parts[parts.length - 1].length > 4) {
    parts[parts.length - 1] = parts[parts.length - 1].slice(0, -2);
    end -= 2;
  }
  return { first: i, last, end, parts, knownGiven, ambiguousGiven: knownGiven && wordOf(tokens[i]).ambiguousFirstName, initials, arabicParticle };
}

/** The role printed right before the name ("wethouder", "SCP-directeur", "oud-wethouder"). */
function roleBefore(tokens: Token[], first: number): { role: string; at: number } | null {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const t = tokens[k];
    if (/^[.!?;:)(‘’'"“”]$/.test(t.text)) return null;
    const w = wordOf(t);
    if (w.title || t.text === '.') continue;
    const role = w.role;
    if (role && ROLES_WITH_OBJECT.has(role)) return null;
    if (role) return { role: role.slice(role.lastIndexOf('-') + 1) === role ? role : printedRole(t.text), at: k };
    if (k < first - 1 && !w.roleModifier) return null;
  }
  return null;
}

/** "Als wijkambtenaar in de Oosterparkwijk is Frank Brander ...": a role opening the sentence with "Als". */
function roleAsBefore(ctx: SectionContext, tokens: Token[], first: number): { role: string; at: number } | null {
  const start = tokens[first].start;
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else {
      const lead = /^\s*Als\s+(?:\p{Ll}+\s+)??([\p{L}-]+)/u.exec(ctx.text.slice(s.start, Math.min(start, s.start + 80)));
      const role = lead && /^\p{Ll}/u.test(lead[1]) ? isRoleWord(lead[1]) : null;
      return role && !ROLES_WITH_OBJECT.has(role) ? { role: printedRole(lead![1]), at: -1 } : null;
    }
  }
  return null;
}

function printedRole(word: string): string {
  const dash = word.lastIndexOf('-');
  // "SCP-directeur", "PvdA-minister" -> the role; "oud-wethouder" stays as printed
  if (dash > 0 && /\p{Lu}/u.test(word.slice(0, dash)) && /\p{Lu}/u.test(word.slice(1, dash))) return word.slice(dash + 1).toLowerCase();
  if (dash > 0 && /^\p{Lu}{2,}/u.test(word)) return word.slice(dash + 1).toLowerCase();
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** The role in apposition after the name: ", (de) (senior) beleidsmedewerker participatie van ..." */
export function roleAfter(text: string, tokens: Token[], last: number): { role: string; end: number } | null {
  const comma = tokens[last + 1];
  if (!comma || comma.text !== ',') return null;
  let k = last + 2;
  let skipped = 0;
  while (k < tokens.length && skipped < 3 && !wordOf(tokens[k]).role) {
    const w = tokens[k].text;
    if (!/^\p{Ll}/u.test(w) && !wordOf(tokens[k]).roleModifier) return null;
    if (ROLE_STOP.has(w)) return null;
    k++;
    skipped++;
  }
  const head = tokens[k];
  if (!head || !wordOf(head).role) return null;
  const words = [printedRole(head.text)];
  let end = head.end;
  // qualifiers: "beleidsmedewerker participatie", "adviseur sociaal domein" — kept only when the role phrase clearly ends after them
  const qualifiers: string[] = [];
  let q = k + 1;
  for (; q < Math.min(tokens.length, k + 3); q++) {
    const w = tokens[q].text;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w) || ROLE_STOP.has(w) || !adjacent(text, tokens[q - 1], tokens[q])) break;
    qualifiers.push(w);
  }
  const stop = tokens[q];
  if (qualifiers.length && (!stop || ROLE_STOP.has(stop.text) || /^[.,;:)(]$/.test(stop.text))) {
    words.push(...qualifiers);
    end = tokens[q - 1].end;
  }
  return { role: words.join(' '), end };
}

function roleInPredicate(text: string, tokens: Token[], last: number): string | null {
  // "X is/was (sinds ...) wethouder", "X werkt als adviseur"
  for (let k = last + 1; k < Math.min(tokens.length, last + 10); k++) {
    const w = tokens[k].text;
    if (/^[.!?;]$/.test(w)) return null;
    if (k === last + 1 && !/^(is|was|werkt|werkte)$/.test(w)) return null;
    const r = wordOf(tokens[k]).role;
    if (r && /^\p{Ll}/u.test(w)) return printedRole(w);
  }
  return null;
}

const OPENERS = new Set(['‘', "'", '“', '"', '(', '-', '–', '•', '*', '▲', '▼', '■', '>']);

/** The token is the first word of its sentence (opening quotes, brackets and bullets before it are ignored). */
function isSentenceStart(ctx: SectionContext, tokens: Token[], p: number): boolean {
  const t = tokens[p];
  if (!isLetterCode(t.text.charCodeAt(0))) return false;
  const sentence = sentenceAt(ctx.sentences, t.start);
  if (!sentence) return false;
  for (let k = p - 1; k >= 0 && tokens[k].start >= sentence.start; k--) if (!OPENERS.has(tokens[k].text)) return false;
  return true;
}

/** An e-mail address right after the name, a byline before it on its line, or speech after it. */
function textCue(text: string, startTok: Token, endTok: Token): boolean {
  // the line start, looked for at most 60 characters back (an unbounded lastIndexOf made a long line quadratic)
  let lineStart = Math.max(-1, startTok.start - 60);
  for (let k = startTok.start; k >= 0 && k >= startTok.start - 60; k--) {
    if (text.charCodeAt(k) === 10) {
      lineStart = k;
      break;
    }
  }
  const before = text.slice(lineStart + 1, startTok.start);
  const window = text.slice(endTok.end, Math.min(text.length, endTok.end + 120));
  const para = window.indexOf('\n\n');
  const afterText = para >= 0 ? window.slice(0, para) : window;
  return EMAIL_AFTER.test(afterText) || BYLINE_BEFORE.test(before) || SPEECH_AFTER.test(afterText);
}

export function findPeople(ctx: SectionContext): EntityMention[] {
  const text = ctx.text;
  const tokens = tokenize(text);
  const out: EntityMention[] = [];
  const floods = capitalisedFloods(text);
  let carryCueUntil = -1; // token index up to which a byline cue carries ("Door X en Y")
  for (let i = 0; i < tokens.length; i++) {
    // names, also in reference lists, start with a capital: a cheap exit for most tokens
    if (!startsUpperCode(tokens[i].firstCode)) continue;
    if (floods.covers(tokens[i].start, tokens[i].end)) continue; // a word list or noise, not a name
    const parsed = parseName(text, tokens, i);
    if (!parsed) {
      const bib = parseBibliographic(text, tokens, i);
      if (bib) {
        out.push(bib.mention);
        i = bib.last;
      }
      continue;
    }
    const startTok = tokens[parsed.first];
    const endTok = tokens[parsed.last];
    const rb = roleBefore(tokens, parsed.first) ?? roleAsBefore(ctx, tokens, parsed.first);
    const ra = roleAfter(text, tokens, parsed.last);
    const rp = ra ? null : roleInPredicate(text, tokens, parsed.last);
    // the text around the name is read only when the decision or the carry-over needs it (cue ??= textCue(...))
    let cue: boolean | undefined = parsed.arabicParticle || !!rb || !!ra || !!rp || i <= carryCueUntil ? true : undefined;
    let accept: boolean;
    if (parsed.initials) accept = true;
    else if (parsed.knownGiven) accept = !(parsed.ambiguousGiven && isSentenceStart(ctx, tokens, parsed.first)) || (cue ??= textCue(text, startTok, endTok));
    else accept = cue ??= textCue(text, startTok, endTok);
    if (!accept) continue;
    const roles: string[] = [];
    if (rb?.role) roles.push(rb.role);
    if (ra?.role) roles.push(ra.role);
    if (rp) roles.push(rp);
    const name = parsed.parts.join(' ');
    out.push({
      type: 'PERSON',
      name,
      surface: text.slice(startTok.start, parsed.end),
      start: startTok.start,
      end: parsed.end,
      props: roles.length ? { roles } : undefined,
    });
    // "Door Olaf Stomp en Saskia Keuzenkamp": the cue carries over "en" / ","
    const nxt = tokens[parsed.last + 1];
    if (nxt && (nxt.text === 'en' || nxt.text === ',' || nxt.text === '&') && (cue ??= textCue(text, startTok, endTok))) carryCueUntil = parsed.last + 2;
    i = parsed.last;
  }
  return out;
}

/** "Kooiman, A." / "Burg, M. van den" in reference lists -> "A. Kooiman" / "M. van den Burg". */
function parseBibliographic(text: string, tokens: Token[], i: number): { mention: EntityMention; last: number } | null {
  const s = tokens[i];
  if (tokens[i + 1]?.text !== ',') return null;
  const comma = tokens[i + 1];
  if (!isSurnameWord(s) || !comma || comma.text !== ',' || comma.start !== s.end) return null;
  let j = i + 2;
  if (!isInitialAt(tokens, j) || tokens[j].start !== comma.end + 1) return null;
  let initials = '';
  while (isInitialAt(tokens, j)) {
    initials += tokens[j].text + '.';
    j += 2;
  }
  const particles: string[] = [];
  while (isParticle(tokens[j], false) && particles.length < 3 && adjacent(text, tokens[j - 1], tokens[j])) {
    particles.push(tokens[j].text);
    j++;
  }
  const next = tokens[j];
  if (next && !['(', ',', '&', 'en', 'et', '.', ';'].includes(next.text)) return null;
  const name = [initials, ...particles, s.text].join(' ');
  const end = tokens[j - 1].end;
  return { mention: { type: 'PERSON', name, surface: text.slice(s.start, end), start: s.start, end }, last: j - 1 };
}

export const extractPeople: MentionExtractor = (ctx) => findPeople(ctx);
