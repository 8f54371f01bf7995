/**
 * Programmes, projects, initiatives, methods, platforms and campaigns: named things that people
 * and organisations run. Found by Dutch cues, not by a list of names:
 *  - a cue word before a quoted or capitalised name ("het programma ‘Tel mee met Taal’",
 *    "de methode Krachtwerk", "het SCP-rapport ‘…’", "de training Werken met Vrijwilligers");
 *  - a definition after the name ("X is een initiatief van …", "X, een weerbaarheidstraining");
 *  - the shape of the name itself: CamelCase (MantelScan), a head word (Kwaliteitskompas,
 *    Movisie-academie, Mama Café), a hashtag (#MeToo);
 *  - short capitalised names in parentheses after a description ("(‘DayMate’)").
 * Laws, ordinary quoted words and quoted speech are rejected.
 */
import type { EntityMention, MentionExtractor, RelationCandidate, RelationLinker, SectionContext } from '../../model.ts';
import { cueKind, cueKindAt, lowerCode, nameHeadKind, isNameHead, NAME_HEAD_LIST, type ProgrammeKind } from './programme/cues.ts';
import { NAME, TOKEN, FUNCTION_WORDS, cleanName, isLawName, nameKey, stripArticle } from './programme/names.ts';
import { linkProgrammes as linkProgrammeRelations } from '../../relate/programme-links.ts';
import { isKnownNonProgramme } from './programme/known.ts';
import { isFirstName, municipalityByName } from '../../gazetteers.ts';
import { capitalisedFloods } from './capitalised-floods.ts';
import { charCodeAt } from '../../text-at.ts';

interface Candidate {
  name: string;
  start: number;
  end: number;
  kind: ProgrammeKind;
  /** Higher = stronger evidence; used to settle overlaps. */
  strength: number;
  aliases?: string[];
  rule?: string;
}

const DEBUG = typeof process !== 'undefined' && process.env.PROG_DEBUG === '1';
const CLOSE_FOR: Record<string, string> = { '‘': '’', "'": "'", '"': '"', '“': '”' };

/** A quoted span: opening quote after a boundary, closing quote before a boundary. */
const QUOTED = /(?<=^|[\s(\[:;—–])([‘'"“])([^‘’'"“”\n]{2,160}?)([’'"”])(?=$|[\s.,;:!?)\]…-])/gu;
/** Any word; whether it is a cue is decided in code (cueKind: a cached suffix lookup), which keeps the regexes linear. */
const ANY_WORD = String.raw`[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*(?:'s)?`;
/** Up to four lower-case words; the cue among them is found in code (see firstCue). */
const CUE_PHRASE = String.raw`((?:[a-zß-öø-ÿ]+-?[ \t]+(?:en[ \t]+)?){0,3}[a-zß-öø-ÿ]+(?:'s)?)`;
/** A word followed by a capitalised name (looked ahead, not consumed, so a name may itself start with a cue). */
const CUE_THEN_NAME = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿ-])(${ANY_WORD})(?::)?[ \\t]+(?=(${NAME}))`, 'gu');
/** Name followed by a definition: "X is een (…) initiatief", "X, een weerbaarheidstraining". */
const NAME_IS_CUE = new RegExp(
  `(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9])(${NAME})(?:[’'”"])?(?:,[ \\t]+(?:een|het|de)[ \\t]+|[ \\t]+(?:is|was)[ \\t]+(?:een[ \\t]+|(?:de|het)[ \\t]+(?:enige|eerste|nieuwe|landelijke)[ \\t]+))${CUE_PHRASE}(?![A-Za-zÀ-ÖØ-öø-ÿ])`,
  'gu',
);
const PARA_APPOSITION = new RegExp(`(?<=^|\\n)([A-ZÀ-ÖØ-Þ][^,.:;!?\\n]{2,60}),[ \\t]+(?:een|het|de)[ \\t]+${CUE_PHRASE}(?![A-Za-zÀ-ÖØ-öø-ÿ])`, 'gu');
/** Words that make a phrase a clause rather than a title ("Zorg dat de visie …", "Heb jij ook …"). */
const CLAUSE_WORDS = new Set(['dat', 'die', 'je', 'jij', 'we', 'wij', 'ze', 'zij', 'ik', 'is', 'zijn', 'wordt', 'worden', 'heeft', 'hebben', 'kan', 'kunnen', 'moet', 'moeten', 'niet', 'ook', 'heb', 'zorg', 'wil']);
const DEFINED_AFTER = new RegExp(`^[ \\t]+(?:is|was|wordt)[ \\t]+(?:een|de|het)[ \\t]+${CUE_PHRASE}(?![A-Za-zÀ-ÖØ-öø-ÿ])`, 'u');
const NOT_ADJECTIVE = new Set(['de', 'het', 'een', 'van', 'in', 'op', 'met', 'voor', 'tijdens', 'of', 'die', 'dat', 'maar', 'om', 'te', 'bij', 'naar', 'aan', 'ook', 'nog', 'al', 'niet', 'wel', 'zo']);

/** The cue word in a short lower-case phrase ("intelligent systeem", "ontmoetings- en ontwikkelplek"), if the words before it can be adjectives. */
function firstCue(phrase: string): string | null {
  const words = phrase.split(/[ \t]+/);
  for (const w of words) {
    if (cueKind(w)) return w;
    if (NOT_ADJECTIVE.has(w)) return null;
  }
  return null;
}
const NAME_DEVELOPED_BY = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9])(${NAME})[ \\t]+(?:is|werd|wordt)[ \\t]+(?:ontwikkeld|bedacht|opgezet|gestart|opgericht)[ \\t]+(?:door|van|in)\\b`, 'gu');
/** CamelCase words: MantelScan, PiëzoMethodiek, DayMate, WIsH, InstrumentWijzer.nl. */
const CAMEL = /(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9@\/.#-])([A-ZÀ-ÖØ-Þ]+[a-zß-öø-ÿ]+(?:[A-ZÀ-ÖØ-Þ]+[a-zß-öø-ÿ]*)+(?:-[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]*)?|\d{1,2}[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,})(\.nl)?(?![A-Za-zÀ-ÖØ-öø-ÿ0-9@])/gu;
/** Capitalised runs, checked for a programme head word at their end (found by capitalisedRunEnd; the regex settles the rare cases after a '+'). */
const CAPITALISED_RUN = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9@/.#])(${TOKEN}(?:[ \\t]+${TOKEN}){0,4})(?![A-Za-zÀ-ÖØ-öø-ÿ0-9])`, 'gu');
/** Bare cue words that, opening a sentence or heading, announce the name that follows ("Project Buurtbank"). */
const STRONG_INITIAL_CUES = new Set(['project', 'programma', 'pilot', 'methode', 'methodiek', 'training', 'platform', 'campagne', 'interventie', 'module', 'app', 'website', 'congres', 'masterclass']);
const CUE_BARE = new Set(['project', 'programma', 'pilot', 'methode', 'training', 'platform', 'campagne', 'interventie', 'module', 'app', 'website', 'rapport', 'notitie', 'publicatie', 'onderzoek', 'dossier', 'boek', 'congres', 'titel', 'noemer', 'plek', 'map', 'week', 'tool', 'instrument', 'aanpak', 'model', 'systeem', 'spel', 'scan', 'film', 'actie', 'regeling', 'traject', 'initiatief', 'evenement', 'bijeenkomst', 'debat', 'conferentie', 'cursus', 'handboek', 'handreiking', 'brochure', 'symposium', 'festival', 'toepassing', 'experiment']);
const NAME_THEN_CUE = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9])(?:het|de|een|Het|De|Een)[ \\t]+(${NAME})[ \\t]+([a-zß-öø-ÿ]+)(?![A-Za-zÀ-ÖØ-öø-ÿ-])`, 'gu');
const HASHTAG = /(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9&\/])#([A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9]{2,40})/gu;

/*
 * Speed: the rule regexes above start with a lookbehind and try every position of the text. Each
 * is run instead with a sticky copy only at the positions where it can possibly match (found by a
 * cheap scan for a quote, a cue word, or an anchor phrase), in order, skipping positions inside
 * the previous match — which gives exactly the matches of text.matchAll(rule).
 */
function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}

function matchesAt(rule: RegExp, text: string, starts: number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let next = 0;
  let tried = -1;
  for (const p of starts) {
    if (p < next || p === tried) continue;
    tried = p;
    rule.lastIndex = p;
    const m = rule.exec(text);
    if (m) {
      next = m.index + m[0].length;
      found.push(m);
    }
  }
  return found;
}

/** Letters and hyphens of a word (ANY_WORD): walking back over them finds the word start. */
function isWordLetterOrHyphen(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
  return (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/** Characters a NAME (with the connectors in it) is made of: walking back over them finds every possible name start. */
function isNameChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 33 || c === 46 || c === 38 || c === 39 || c === 43 || c === 32 || c === 9;
  return (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0x2019;
}

/** [A-ZÀ-ÖØ-Þ0-9] after something that is not [A-Za-zÀ-ÖØ-öø-ÿ0-9]: where a NAME can start. */
function isNameStart(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0xde && c !== 0xd7))) return false;
  if (p === 0) return true;
  const b = text.charCodeAt(p - 1);
  return !((b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || (b >= 0xc0 && b <= 0xff && b !== 0xd7 && b !== 0xf7));
}

function wordStart(text: string, p: number): number {
  while (p > 0 && isWordLetterOrHyphen(text.charCodeAt(p - 1))) p--;
  return p;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Start of every word that CUE_THEN_NAME could match as a cue: a word (letters and hyphens, maybe
 * "'s"), an optional colon and spaces before a possible name start, whose cueKind is not null.
 */
function cueBeforeNameStarts(text: string): number[] {
  const starts: number[] = [];
  for (const p of scanText(text).capitals) {
    if (p === 0 || !isSpaceOrTab(text.charCodeAt(p - 1))) continue;
    let e = p - 1;
    while (e > 0 && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    if (e > 0 && text.charCodeAt(e - 1) === 58) e--;
    let s = e;
    if (s >= 2 && text.charCodeAt(s - 1) === 115 && text.charCodeAt(s - 2) === 39) s -= 2;
    s = wordStart(text, s);
    if (s < e && cueKindAt(text, s, e)) starts.push(s);
  }
  return starts;
}

const MAX_NAME_WORDS = 16;

/** Every position where a NAME can start and run up to an anchor (given by its start; anchors in text order). */
function namesBefore(text: string, anchors: number[]): number[] {
  const out: number[] = [];
  let floor = 0;
  for (const end of anchors) {
    // a NAME is at most 16 space-separated words (6 tokens, 2 connectors between each pair)
    let r = end;
    let words = 0;
    while (r > floor) {
      const c = text.charCodeAt(r - 1);
      if (!isNameChar(c)) break;
      if (isSpaceOrTab(c) && r < end && !isSpaceOrTab(text.charCodeAt(r)) && ++words > MAX_NAME_WORDS) break;
      r--;
    }
    for (let p = r; p < end; p++) if (isNameStart(text, p)) out.push(p);
    floor = end;
  }
  return out;
}

const NAME_IS_ANCHOR = /(?:[’'”"])?(?:,[ \t]+(?:een|het|de)[ \t]+|[ \t]+(?:is|was)[ \t]+(?:een[ \t]+|(?:de|het)[ \t]+(?:enige|eerste|nieuwe|landelijke)[ \t]+))/y;
const DEVELOPED_BY_ANCHOR = /[ \t]+(?:is|werd|wordt)[ \t]+(?:ontwikkeld|bedacht|opgezet|gestart|opgericht)[ \t]+(?:door|van|in)\b/uy;

function isClosingQuote(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 0x201d || c === 34;
}

/**
 * Starts of the NAME_IS_ANCHOR and DEVELOPED_BY_ANCHOR matches, as a global search would find them.
 * Both are tried only around an anchor key (see scanText): at the start of the spaces before the key word (a match
 * ends in a letter or in all the spaces it can take, so the next search never starts inside such a
 * run of spaces) and at a closing quote right before that.
 */
function definitionAnchors(text: string): { nameIs: number[]; developed: number[] } {
  const nameIsAt: number[] = [];
  const developedAt: number[] = [];
  for (const key of scanText(text).anchorKeys) {
    let start = key;
    const comma = text.charCodeAt(start) === 44;
    if (!comma) while (start > 0 && isSpaceOrTab(text.charCodeAt(start - 1))) start--;
    const w = text.charCodeAt(key + 1);
    if (comma || w === 105 || (w === 119 && text.charCodeAt(key + 2) === 97)) {
      // ", een", " is", " was"
      if (start > 0 && isClosingQuote(text.charCodeAt(start - 1))) nameIsAt.push(start - 1);
      nameIsAt.push(start);
    }
    if (!comma && !(w === 119 && text.charCodeAt(key + 2) === 97)) developedAt.push(start);
  }
  return { nameIs: matchStarts(NAME_IS_ANCHOR, text, nameIsAt), developed: matchStarts(DEVELOPED_BY_ANCHOR, text, developedAt) };
}

function matchStarts(rule: RegExp, text: string, starts: number[]): number[] {
  const out: number[] = [];
  for (const m of matchesAt(rule, text, starts)) out.push(m.index);
  return out;
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Whether PARA_APPOSITION can match at the paragraph start p: a capital, then 2..60 characters up to the
 * first of , . : ; ! ? or a line break, which must be a comma (the regex, tried at every paragraph, mostly
 * backtracks through all 60 before it fails).
 */
function mayOpenApposition(text: string, p: number): boolean {
  if (!isCapitalLetter(text.charCodeAt(p))) return false;
  const limit = Math.min(text.length, p + 62);
  for (let i = p + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) return i - p - 1 >= 2;
    if (c === 46 || c === 58 || c === 59 || c === 33 || c === 63 || c === 10) return false;
    if (c >= 0xd800 && c <= 0xdfff) return true; // the regex counts code points: let it decide
  }
  return false;
}

function isAlnum(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
}

function isCapitalOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/**
 * The places where the rules can start, found in one pass over the text (every pass over a section
 * costs about as much as the next, so the rules share this one); memoised for the last text.
 *  - capitals: every [A-ZÀ-ÖØ-Þ0-9] after a character that is not [A-Za-zÀ-ÖØ-öø-ÿ0-9]: where a capitalised
 *    word, a NAME or a capitalised run can start;
 *  - camels: those capitals whose word has a hump (a lower-case letter or digit before a capital): where CAMEL can match;
 *  - anchorKeys: ", een|het|de" and "is|was|werd|wordt" after a space (see definitionAnchors);
 *  - methods: " method" before "e" or "iek" (see uninflectedNameCueCandidates);
 *  - quotes: opening quotes after what QUOTED's lookbehind allows (the start of the text, white space, ( [ : ; — –).
 * None of the alternatives of START can contain the first character of another, so one scan finds what separate scans would.
 */
const START = /[A-ZÀ-ÖØ-Þ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9]*|,[ \t]+(?:een|het|de)(?=[ \t])|[ \t](?:(?:is|was|werd|wordt)(?=[ \t])|method(?=e|iek))|[‘'"“]/g;

interface TextStarts {
  capitals: number[];
  camels: number[];
  anchorKeys: number[];
  methods: number[];
  quotes: number[];
}

let scannedText: string | undefined;
let scanned: TextStarts = { capitals: [], camels: [], anchorKeys: [], methods: [], quotes: [] };

function scanText(text: string): TextStarts {
  if (text === scannedText) return scanned;
  const found: TextStarts = { capitals: [], camels: [], anchorKeys: [], methods: [], quotes: [] };
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (isCapitalOrDigit(c)) {
      if (i > 0 && isAlnum(text.charCodeAt(i - 1))) continue;
      found.capitals.push(i);
      if (hasHump(text, i, i + m[0].length)) found.camels.push(i);
    } else if (c === 44 || isSpaceOrTab(c)) (text.charCodeAt(i + 1) === 109 ? found.methods : found.anchorKeys).push(i);
    else if (i === 0 || mayPrecedeQuote(text[i - 1])) found.quotes.push(i);
  }
  scannedText = text;
  scanned = found;
  return found;
}

function mayPrecedeQuote(b: string): boolean {
  return b === '(' || b === '[' || b === ':' || b === ';' || b === '—' || b === '–' || /\s/.test(b);
}

/** A lower-case letter or a digit before a capital in text[start, end): every CamelCase word (CAMEL) has one. */
function hasHump(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isCapitalLetter(c) && !isCapitalLetter(text.charCodeAt(i - 1))) return true;
  }
  return false;
}

function isCapitalLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** The characters besides letters and digits that CAPITALISED_RUN's lookbehind rejects: @ / . # */
function isRunStop(c: number): boolean {
  return c === 64 || c === 47 || c === 46 || c === 35;
}

/** - ! . & ' ’ : the characters that join the parts of a TOKEN. */
function isTokenJoiner(c: number): boolean {
  return c === 45 || c === 33 || c === 46 || c === 38 || c === 39 || c === 0x2019;
}

/** End of the TOKEN (names.ts) at p, taken greedily as the regex does. */
function tokenEnd(text: string, p: number): number {
  let i = p + 1;
  while (isAlnum(charCodeAt(text, i))) i++;
  while (isTokenJoiner(charCodeAt(text, i)) && isAlnum(charCodeAt(text, i + 1))) {
    i += 2;
    while (isAlnum(charCodeAt(text, i))) i++;
  }
  while (charCodeAt(text, i) === 43) i++;
  if (charCodeAt(text, i) === 33) i++;
  return i;
}

/**
 * End of the CAPITALISED_RUN match at a capital start p, or -1 if none. Scanned by hand (the regex
 * from every position was the costliest part of the stage): greedy tokens give the regex's match
 * whenever no letter follows; only after a '+' can one, and then the regex backtracks and decides.
 */
function capitalisedRunEnd(text: string, p: number): number {
  let end = tokenEnd(text, p);
  for (let tokens = 1; tokens < 5; tokens++) {
    let j = end;
    while (isSpaceOrTab(charCodeAt(text, j))) j++;
    if (j === end || !isCapitalOrDigit(charCodeAt(text, j))) break;
    end = tokenEnd(text, j);
  }
  if (!isAlnum(charCodeAt(text, end))) return end;
  CAPITALISED_RUN_AT.lastIndex = p;
  const m = CAPITALISED_RUN_AT.exec(text);
  return m ? p + m[0].length : -1;
}

const CAMEL_AT = sticky(CAMEL);
const NAME_THEN_CUE_AT = sticky(NAME_THEN_CUE);
const CAPITALISED_RUN_AT = sticky(CAPITALISED_RUN);
const QUOTED_AT = sticky(QUOTED);
const CUE_THEN_NAME_AT = sticky(CUE_THEN_NAME);
const NAME_IS_CUE_AT = sticky(NAME_IS_CUE);
const PARA_APPOSITION_AT = sticky(PARA_APPOSITION);
const NAME_DEVELOPED_BY_AT = sticky(NAME_DEVELOPED_BY);

/** Big consumer platforms and brands that are tools people use, not social-domain programmes. */
const CAMEL_STOP = new Set(['app store', 'telegram', 'signal', 'instagram', 'twitter', 'whatsapp', 'youtube', 'linkedin', 'tiktok', 'powerpoint', 'iphone', 'ipad', 'facebook', 'mcdonalds', 'paypal', 'playstation', 'wifi']);

/** A rule's candidates, each marked with the rule (shown with PROG_DEBUG=1). A class, not a closure per call. */
class RuleOutput {
  private readonly out: Candidate[];
  private readonly rule: string;

  constructor(out: Candidate[], rule: string) {
    this.out = out;
    this.rule = rule;
  }

  push(c: Candidate): void {
    c.rule = this.rule;
    this.out.push(c);
  }
}

function tagged(out: Candidate[], rule: string): RuleOutput {
  return new RuleOutput(out, rule);
}

function isCapitalised(word: string): boolean {
  return /^[A-ZÀ-ÖØ-Þ0-9]/u.test(word);
}

/** True when `pos` starts its sentence (ignoring quotes, bullets and spaces before it). */
function isSentenceInitial(ctx: SectionContext, pos: number): boolean {
  const text = ctx.text;
  let i = pos - 1;
  while (i >= 0 && isSentenceLead(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 10) return true;
    i--;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59; // . ! ? : ;
}

const SENTENCE_LEAD = /[\s‘'"“(•*–—-]/;

/** A character of SENTENCE_LEAD (white space, opening quotes, bullets, dashes); ASCII tested without the regex. */
function isSentenceLead(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 40 || c === 42 || c === 45;
  return SENTENCE_LEAD.test(String.fromCharCode(c));
}

/** The last `max` words before `pos` within its clause (the 120 characters before it, after the last . : ; ! ? or line break). */
function wordsBefore(text: string, pos: number, max: number): string[] {
  const from = Math.max(0, pos - 120);
  let cut = pos;
  while (cut > from && !isClauseBreak(text.charCodeAt(cut - 1))) cut--;
  const words = text.slice(cut, pos).split(/[\s]+/).filter(Boolean);
  return words.slice(-max);
}

function isClauseBreak(c: number): boolean {
  return c === 46 || c === 58 || c === 59 || c === 10 || c === 33 || c === 63; // . : ; \n ! ?
}

/** Organisation-type words: a name that starts or ends with one is an organisation, not a programme. */
const ORG_WORD = /^(?:stichting|vereniging|zorgorganisatie|organisatie|gemeente|ministerie|hogeschool|universiteit|instituut|bureau|raad|fonds|coöperatie|federatie|bond|partij|kennisinstituut|kenniscentrum)\b|\b(?:instituut|fonds|raad|bureau|groep|bv|nv|vereniging|stichting|federatie|universiteit|hogeschool|ombudsman|planbureau)$/iu;

const acceptableCache = new Map<string, boolean>();

function acceptableName(name: string): boolean {
  let ok = acceptableCache.get(name);
  if (ok === undefined) {
    ok = computeAcceptableName(name);
    if (acceptableCache.size > 50000) acceptableCache.clear();
    acceptableCache.set(name, ok);
  }
  return ok;
}

function computeAcceptableName(name: string): boolean {
  const bare = stripArticle(name);
  if (bare.length < 3 || bare.length > 140) return false;
  if (!/[A-Za-zÀ-ÖØ-öø-ÿ]{2}/u.test(bare)) return false;
  if (/^\d+$/.test(bare)) return false;
  if (FUNCTION_WORDS.has(bare.toLowerCase())) return false;
  if (isLawName(bare)) return false;
  if (isKnownNonProgramme(bare)) return false;
  if (CAMEL_STOP.has(bare.toLowerCase()) || startsWithConsumerBrand(bare)) return false;
  if (ORG_WORD.test(bare)) return false;
  if (/@|www\.|https?:/.test(bare)) return false;
  return true;
}

/** "App Store van Apple": a consumer platform and its owner. */
function startsWithConsumerBrand(name: string): boolean {
  const space = name.indexOf(' van ');
  return space > 0 && CAMEL_STOP.has(name.slice(0, space).toLowerCase());
}

/** A plain capitalised word that could as well be an ordinary word (Verbinden, Goed, Implementatie). */
function isPlainWord(token: string): boolean {
  return /^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+$/u.test(token);
}

const TAIL_STOP = new Set([
  'is', 'was', 'wordt', 'werd', 'zijn', 'waren', 'heeft', 'hebben', 'had', 'kan', 'kunnen', 'moet', 'moeten', 'zal', 'zullen',
  'die', 'dat', 'waarin', 'waarmee', 'waar', 'te', 'een', 'of', 'maar', 'ook', 'nu', 'al', 'dan', 'als', 'van',
  'helpt', 'biedt', 'bevat', 'geeft', 'gaat', 'staat', 'laat', 'wil', 'willen', 'zich', 'er', 'hun', 'het',
  'meer', 'veel', 'alle', 'deze', 'dit', 'zo', 'gratis', 'niet', 'wel', 'nog', 'weer', 'samen', 'elkaar', 'goed', 'na', 'én',
  'aan', 'om', 'uit', 'worden', 'richt', 'zet', 'legt', 'brengt', 'maakt', 'volgen', 'zien', 'doen', 'gaan', 'komen', 'maken', 'vinden', 'krijgen', 'geven', 'nemen', 'houden', 'brengen', 'lezen',
]);
const SUBJECT_PRONOUN = new Set(['we', 'wij', 'ze', 'zij', 'je', 'jij', 'ik', 'u', 'hij']);
/** Nouns that look like past participles. */
const NOT_PARTICIPLE = new Set(['geweld', 'gedrag', 'gebied', 'gesprek', 'gezin', 'geluk', 'gevoel', 'gebouw', 'gedicht', 'gezicht', 'geheugen', 'gehoor', 'gewicht', 'gerecht', 'gelet', 'gebit', 'gezondheid']);
const PARTICIPLE = /^(?:[a-zß-öø-ÿ]{0,5}ge[a-zß-öø-ÿ]{2,}[dt]|(?:ont|ver|be|her)[a-zß-öø-ÿ]{3,}[dt]|[a-zß-öø-ÿ]+dt|[a-zß-öø-ÿ]+(?:eren|elen|aden|oden|uiden|ijden|ellen|anden)|[a-zß-öø-ÿ]+(?:gt|kt|pt|ft|lt|dt|ijt|aat|eet|oot))$/u;

const TAIL_WORD = /^[ \t]+([a-zß-öø-ÿ][a-zß-öø-ÿ-]*)/u;
const TAIL_CONNECTORS = new Set(['in', 'op', 'met', 'voor', 'de', 'bij', 'naar', 'tot', 'zonder', 'over', 'tegen', 'door', 'en']);

/**
 * Lower-case continuation of a name ("databank Effectieve sociale interventies", "Thuis in de
 * wijk"): up to 4 lower-case words that end cleanly at punctuation, a capital, the end of the
 * paragraph or a verb/function word. Returns the length of the tail (0 when there is none).
 */
function lowerTail(text: string, from: number): number {
  const re = TAIL_WORD;
  const connectors = TAIL_CONNECTORS;
  let pos = from;
  let words = 0;
  let pendingConnector = false;
  let beforeLast = from;
  for (;;) {
    const m = re.exec(text.slice(pos, pos + 60));
    if (!m) {
      const next = text.slice(pos, pos + 2);
      const clean = next === '' || /^[.,;:!?)’'”"\n]/.test(next) || /^[ \t]+[A-ZÀ-ÖØ-Þ0-9(‘'“"]/u.test(next);
      if (!clean) return -1;
      return pendingConnector ? -1 : pos - from;
    }
    const w = m[1];
    // "… Zwolle helpen we": a verb before its subject pronoun is not part of the name.
    if (SUBJECT_PRONOUN.has(w)) return words > 0 ? (beforeLast > from || words === 1 ? beforeLast - from : -1) : pos - from;
    if (TAIL_STOP.has(w) || (PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) return pendingConnector ? -1 : pos - from;
    beforeLast = pos;
    if (++words > 4) return -1;
    pos += m[0].length;
    pendingConnector = connectors.has(w);
  }
}

function quotedCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'quoted');
  const text = ctx.text;
  for (const m of matchesAt(QUOTED_AT, text, scanText(text).quotes)) {
    const open = m[1];
    const close = m[3];
    if (CLOSE_FOR[open] !== close) continue;
    const inner = cleanName(m[2]);
    if (!inner) continue;
    const start = m.index! + 1 + m[2].indexOf(inner.slice(0, 3));
    const end = start + inner.length;
    const words = inner.split(/\s+/);
    if (words.length > 14) continue;
    // two sentences inside the quotes: speech or a title with its subtitle, not a name
    if (/[.!?]\s+[A-ZÀ-ÖØ-Þ]/u.test(inner)) continue;
    const capital = isCapitalised(inner);
    if (!capital && words.length < 2) continue;
    const lead = text.slice(Math.max(0, m.index! - 40), m.index!);
    // "Congres: ‘…’", "Training: ‘…’": a capitalised cue and a colon right before the quote.
    const colonCue = /(?:^|[\s(])([A-Za-zÀ-ÖØ-öø-ÿ-]+):\s*$/u.exec(lead);
    const before = wordsBefore(text, m.index!, 7);
    let kind: ProgrammeKind | null = colonCue ? cueKind(colonCue[1]) : null;
    let cueDistance = kind ? 0 : -1;
    for (let k = before.length - 1; !kind && k >= 0 && k >= before.length - 6; k--) {
      const listed = hasListPunctuation(before[k]);
      const c = cueKind(listed ? before[k].replace(/[,()]/g, '') : before[k]);
      if (c) {
        kind = c;
        cueDistance = before.length - 1 - k;
        break;
      }
      if (listed && k < before.length - 1) break;
    }
    const inParens = /\(\s*(?:[A-Za-zÀ-ÖØ-öø-ÿ-]+\s+)?$/u.test(text.slice(Math.max(0, m.index! - 25), m.index!));
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 80);
    const definedMatch = DEFINED_AFTER.exec(after);
    const definedCue = definedMatch ? firstCue(definedMatch[1]) : null;
    const endsLikeSpeech = /[.,;]$/.test(m[2].trim());
    const question = /[?!]$/.test(m[2].trim());
    const ownCue = FUNCTION_WORDS.has(words[0].toLowerCase()) ? null : cueKind(words[0]) ?? (words.length > 1 ? nameHeadKind(words[words.length - 1]) : null);
    if (kind && cueDistance === 0 && !endsLikeSpeech && (capital || words.length >= 2)) {
      out.push({ name: inner, start, end, kind, strength: 3 });
    } else if (kind && cueDistance <= 5 && capital && !endsLikeSpeech && !question && words.length <= 8) {
      out.push({ name: inner, start, end, kind, strength: 2 });
    } else if (definedCue && capital && words.length <= 6) {
      out.push({ name: inner, start, end, kind: cueKind(definedCue)!, strength: 2 });
    } else if (ownCue && capital && !endsLikeSpeech && !question && words.length <= 8) {
      out.push({ name: inner, start, end, kind: ownCue, strength: 2 });
    } else if (inParens && capital && words.length <= 3 && !endsLikeSpeech && !question) {
      out.push({ name: inner, start, end, kind: 'anders', strength: 1 });
    } else if (capital && words.length === 1 && /[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]/u.test(inner)) {
      out.push({ name: inner, start, end, kind: 'anders', strength: 1 });
    }
  }
}

/** A comma or a parenthesis in the word: [,()]. */
function hasListPunctuation(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 44 || c === 40 || c === 41) return true;
  }
  return false;
}

/** Trim a name run: trailing function words, a trailing "van <Organisation>" and leading numbers. */
function trimRun(name: string): string {
  const tokens = name.split(/\s+/);
  while (tokens.length > 1 && /^\d+$/.test(tokens[0])) tokens.shift();
  const van = tokens.lastIndexOf('van');
  if (van > 0) {
    const owner = tokens.slice(van + 1).join(' ').replace(/^(?:de|het)\s+/, '');
    const ownerIsOrganisation = owner.length > 0 && (isKnownNonProgramme(owner) || ORG_WORD.test(owner) || /\b(?:Museum|Bibliotheek|Academie)$/.test(owner));
    const ownerIsAcronym = van === tokens.length - 2 && /^[A-ZÀ-ÖØ-Þ]{2,}[a-z]?$/u.test(owner);
    if (ownerIsOrganisation || ownerIsAcronym) tokens.splice(van);
  }
  while (tokens.length > 1 && /^(?:in|op|met|voor|van|de|der|den|het|aan|bij|naar|tot|zonder|om|uit|over|te|tegen|door|&)$/.test(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

function cueNameCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'cue');
  const text = ctx.text;
  for (const m of matchesAt(CUE_THEN_NAME_AT, text, cueBeforeNameStarts(text))) {
    const cue = m[1];
    const kind = cueKind(cue);
    if (!kind) continue;
    let name = trimRun(m[2]);
    let start = m.index! + m[0].length;
    start += m[2].indexOf(name);
    const cueCapitalised = isCapitalised(cue);
    const initial = isSentenceInitial(ctx, m.index!);
    if (cueCapitalised && /:$/.test(m[0].trimEnd())) continue;
    if (cueCapitalised && initial && CUE_BARE.has(cue.toLowerCase()) && !STRONG_INITIAL_CUES.has(cue.toLowerCase())) continue;
    if (cueCapitalised) {
      // "Toolkit Implementatie", "Masterclass X": a capitalised cue word belongs to the name,
      // except a bare "Project X" / "Programma X" opening a sentence or heading.
      if (!(initial && STRONG_INITIAL_CUES.has(cue.toLowerCase()))) {
        name = `${cue} ${name}`;
        start = m.index!;
        // "City Deal Inclusieve stad": capitalised words before the cue belong to the name too.
        const back = /(?:^|[\s(‘'“])((?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9-]*[ \t]+){1,3})$/u.exec(text.slice(Math.max(0, start - 60), start));
        const articleLed = back !== null && /^(?:De|Het|de|het)\s/.test(back[1]);
        if (back && (articleLed || !isSentenceInitial(ctx, start - back[1].length))) {
          const words = back[1].trim().split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
          const prefix = words.join(' ');
          if (prefix && back[1].trim().endsWith(prefix)) {
            start -= back[1].length;
            start += back[1].indexOf(prefix);
            name = text.slice(start, m.index!) + name;
          }
        }
      }
    }
    if (cueCapitalised) name = trimRun(name);
    const tokens = name.split(/\s+/);
    if (FUNCTION_WORDS.has(tokens[0].toLowerCase())) continue;
    if (/^[A-ZÀ-ÖØ-Þ]{1,2}$/u.test(name)) continue;
    let end = start + name.length;
    const lastToken = tokens[tokens.length - 1];
    const namingCue = /(?:titel|noemer|naam)$/.test(cue);
    if (isPlainWord(lastToken) || (cueCapitalised && tokens.length <= 2)) {
      const tail = lowerTail(text, end);
      if (tail > 0) end += tail;
      else if (tail < 0 && tokens.length === 1 && !namingCue) continue;
    }
    name = text.slice(start, end);
    // A lone abstract noun after a cue ("toolkit Implementatie") is named together with the cue.
    if (!cueCapitalised && name.split(/\s+/).length === 1 && /(?:atie|ing|heid|schap|isme)$/u.test(name)) {
      start = m.index!;
      name = text.slice(start, end);
    }
    if (name.split(/\s+/).length === 1 && /(?:se|e)$/.test(name) && isPlainWord(name)) continue;
    const aliases = cueCapitalised || start === m.index! ? undefined : [`${cue} ${name}`];
    out.push({ name, start, end, kind, strength: 3, aliases });
  }
}

function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * End of the capitalised word at a capital start that may be a cue (Basisboek, Zorg-app), or -1:
 * /(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9@\/.#-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[a-zß-öø-ÿ]+)?(?![A-Za-zÀ-ÖØ-öø-ÿ0-9-])/
 * matched by hand: the regex has no other way to match than greedily.
 */
function capitalisedCueEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if ((c >= 48 && c <= 57) || (start > 0 && isCueStop(text.charCodeAt(start - 1)))) return -1;
  let i = start + 1;
  if (!isLowerLetter(text.charCodeAt(i))) return -1;
  while (isLowerLetter(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 45 && isLowerLetter(text.charCodeAt(i + 1))) {
    i += 2;
    while (isLowerLetter(text.charCodeAt(i))) i++;
  }
  const after = text.charCodeAt(i);
  return isAlnum(after) || after === 45 ? -1 : i;
}

/** The characters besides letters and digits that may not precede a capitalised cue word: @ / . # - */
function isCueStop(c: number): boolean {
  return isRunStop(c) || c === 45;
}

/** A capitalised cue word inside a sentence names a thing with its lower-case tail: "het Basisboek vrijwilligersmanagement". */
function capitalisedCueCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'capcue');
  const text = ctx.text;
  for (const start of scanText(text).capitals) {
    const wordEnd = capitalisedCueEnd(text, start);
    if (wordEnd < 0) continue;
    const kind = cueKindAt(text, start, wordEnd);
    if (!kind) continue;
    const word = text.slice(start, wordEnd);
    if (start === 0 || text[start - 1] === '\n') {
      // A short heading paragraph: the whole heading names it ("Ontwikkeltraject Integraal werken in de wijk").
      const nl = text.indexOf('\n', start);
      const para = text.slice(start, nl < 0 ? text.length : nl);
      const head = /^([^:.!?]{3,80})(?::|$)/u.exec(para);
      const headWords = head ? head[1].split(/\s+/) : [];
      const capitalAfterCue = headWords.slice(1).some((w) => /^[A-ZÀ-ÖØ-Þ]/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()));
      if (head && capitalAfterCue && headWords.length >= 2 && headWords.length <= 8 && !/[.!?]$/.test(head[1])) {
        out.push({ name: head[1].trim(), start, end: start + head[1].trim().length, kind, strength: 2 });
      }
      continue;
    }
    if (isSentenceInitial(ctx, start) && !/(?:^|[\s‘'"“])(?:het|de|Het|De)\s+$/u.test(text.slice(Math.max(0, start - 5), start))) continue;
    const tail = lowerTail(text, start + word.length);
    if (tail > 0 && word.toLowerCase() !== cueKindWord(word)) {
      out.push({ name: text.slice(start, start + word.length + tail), start, end: start + word.length + tail, kind, strength: 2 });
    }
  }
}

/** The bare cue word itself ("Project", "Programma") is not a name; compounds are. */
function cueKindWord(word: string): string {
  const w = word.toLowerCase();
  return CUE_BARE.has(w) ? w : '';
}

/** Start of every het/de/een (or Het/De/Een) that spaces separate from a capital start: where NAME_THEN_CUE can match. */
function articleBeforeNameStarts(text: string): number[] {
  const starts: number[] = [];
  for (const p of scanText(text).capitals) {
    if (p === 0 || !isSpaceOrTab(text.charCodeAt(p - 1))) continue;
    let e = p - 1;
    while (e > 0 && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    const s = endsWithArticle(text, e);
    if (s >= 0 && (s === 0 || !isAlnum(text.charCodeAt(s - 1)))) starts.push(s);
  }
  return starts;
}

/** Start of the het/de/een (first letter in either case) that ends at e, or -1. */
function endsWithArticle(text: string, e: number): number {
  if (e < 2) return -1;
  const a = text.charCodeAt(e - 2);
  const b = text.charCodeAt(e - 1);
  if ((a === 100 || a === 68) && b === 101) return e - 2; // de
  if (e < 3 || b !== 116 && b !== 110) return -1;
  const first = text.charCodeAt(e - 3);
  if ((first === 104 || first === 72) && a === 101 && b === 116) return e - 3; // het
  if ((first === 101 || first === 69) && a === 101 && b === 110) return e - 3; // een
  return -1;
}

/** "het Samen voor Someren model", "de Relatiewijs methode": a capitalised name followed by a cue. */
function nameThenCueCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'namecue');
  const text = ctx.text;
  for (const m of matchesAt(NAME_THEN_CUE_AT, text, articleBeforeNameStarts(text))) {
    const name = trimRun(m[1]);
    const kind = cueKind(m[2]);
    if (!kind || !['methode', 'programma', 'project'].includes(kind)) continue;
    if (name.split(/\s+/).length === 1 && /(?:se|sche|e)$/.test(name)) continue;
    if (FUNCTION_WORDS.has(name.split(/\s+/)[0].toLowerCase())) continue;
    const start = m.index! + m[0].indexOf(m[1]);
    const end = start + m[1].length + 1 + m[2].length;
    out.push({ name: text.slice(start, end), start, end, kind, strength: 2 });
  }
}

/** The lead of a list item: a title up to its colon ("Van Beschermd wonen, naar beschermd thuis: …"), bullet dropped. */
const ITEM_LEAD = /^(?:[•▪●◦*-][ \t]*)?([A-ZÀ-ÖØ-Þ0-9][^:.!?\n]{2,80}):[ \t]+(?=\S)/u;
/** A title after a cue and its colon ("Generieke module: Een waardevolle dag - …"), up to the end of its sentence. */
const TITLE_AFTER_CUE = /^([A-ZÀ-ÖØ-Þ0-9][^.!?\n:]{2,100}?)(?:[.!?](?=\s|$)|$)/u;
const MAX_ITEM_WORDS = 12;

/**
 * "Bijvoorbeeld met deze publicaties, conferenties en projecten:" announces a list: each paragraph
 * that follows and opens with a title and a colon names one of them. A lead that is itself a cue
 * ("Generieke module:", "Congres:") names the kind; the title then follows the colon.
 */
function announcedListCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const text = ctx.text;
  const out = tagged(out0, 'listitem');
  for (let colon = text.indexOf(':\n'); colon >= 0; colon = text.indexOf(':\n', colon + 1)) {
    const kind = pluralCueBefore(text, colon);
    if (!kind) continue;
    let para = colon + 1;
    while (text.charCodeAt(para) === 10) para++;
    for (let items = 0; para < text.length && items < 10; items++) {
      const nl = text.indexOf('\n', para);
      const paraEnd = nl < 0 ? text.length : nl;
      const lead = ITEM_LEAD.exec(text.slice(para, paraEnd));
      if (lead) pushListItem(out, text, para + lead[0].indexOf(lead[1]), lead[1], para + lead[0].length, paraEnd, kind);
      else if (!isAppositionParagraph(text.slice(para, paraEnd))) break;
      para = paraEnd;
      while (text.charCodeAt(para) === 10) para++;
    }
  }
}

/** "Ggz in de wijk, een publicatie met …": a list item that the definition rule names. */
function isAppositionParagraph(paragraph: string): boolean {
  PARA_APPOSITION_AT.lastIndex = 0;
  return PARA_APPOSITION_AT.test(paragraph);
}

/** The kind of a plural cue word right before a colon ("projecten:", "initiatieven:"), or null. */
function pluralCueBefore(text: string, colon: number): ProgrammeKind | null {
  const start = wordStart(text, colon);
  if (colon - start < 4) return null;
  const last = lowerCode(text.charCodeAt(colon - 1));
  const plural = last === 115 || (last === 110 && lowerCode(text.charCodeAt(colon - 2)) === 101); // -s, -'s, -en
  return plural ? cueKindAt(text, start, colon) : null;
}

function pushListItem(out: RuleOutput, text: string, leadStart: number, lead: string, after: number, paraEnd: number, listKind: ProgrammeKind): void {
  const leadWords = lead.trim().split(/\s+/);
  const leadCue = cueKind(leadWords[leadWords.length - 1]);
  if (!leadCue) {
    if (leadWords.length > MAX_ITEM_WORDS || leadWords.some((w) => CLAUSE_WORDS.has(w.toLowerCase()))) return;
    const name = lead.trim();
    out.push({ name, start: leadStart, end: leadStart + name.length, kind: listKind === 'anders' ? 'project' : listKind, strength: 2 });
    return;
  }
  // "Congres: ‘…’" is left to the quoted rule
  const title = TITLE_AFTER_CUE.exec(text.slice(after, paraEnd));
  if (!title || title[1].split(/\s+/).length > MAX_ITEM_WORDS) return;
  const name = title[1].trim();
  out.push({ name, start: after, end: after + name.length, kind: leadCue === 'anders' ? listKind : leadCue, strength: 2 });
}

/**
 * "de empowerment methode": after de/het an adjective takes -e ("de nieuwe methode"), so a bare
 * lower-case word between the article and "methode" / "methodiek" is a name written apart from its head.
 */
function uninflectedNameCueCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const text = ctx.text;
  const out = tagged(out0, 'uninflected');
  for (const at of scanText(text).methods) {
    const end = methodHeadEnd(text, at + ' method'.length);
    if (end < 0) continue;
    const start = wordStart(text, at);
    if (!isUninflectedNoun(text, start, at)) continue;
    const article = /(?:^|[^A-Za-zÀ-ÖØ-öø-ÿ])(?:[Dd]e|[Hh]et) $/u.test(text.slice(Math.max(0, start - 5), start));
    if (!article) continue;
    out.push({ name: text.slice(start, end), start, end, kind: 'methode', strength: 2 });
  }
}

/** End of "methode" or "methodiek" whose "method" ends at p, when no letter, digit or hyphen follows; else -1. */
function methodHeadEnd(text: string, p: number): number {
  const end = text.startsWith('e', p) ? p + 1 : text.startsWith('iek', p) ? p + 3 : -1;
  const after = text.charCodeAt(end);
  return end < 0 || isAlnum(after) || after === 45 ? -1 : end;
}

/** A lower-case word of 5+ letters without the -e / -en of an inflected adjective or participle. */
function isUninflectedNoun(text: string, start: number, end: number): boolean {
  if (end - start < 5) return false;
  for (let i = start; i < end; i++) if (!isLowerLetter(text.charCodeAt(i))) return false;
  const last = text.charCodeAt(end - 1);
  return last !== 101 && !(last === 110 && text.charCodeAt(end - 2) === 101);
}

/** "buurtapps (MijnBuurtje, Nextdoor)": a parenthesised list of names after a cue word. */
function listCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'list');
  const text = ctx.text;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    if (close < 0) break;
    if (close - open < 4 || close - open > 121 || text.slice(open, close).includes('\n')) continue;
    const cue = wordBeforeParenthesis(text, open);
    const kind = cue ? cueKind(cue) : null;
    if (!kind) continue;
    let offset = open + 1;
    for (const item of text.slice(open + 1, close).split(/,\s*/)) {
      const at = text.indexOf(item, offset);
      offset = at + item.length;
      const name = item.trim();
      if (!/^[A-ZÀ-ÖØ-Þ0-9]/u.test(name) || name.split(/\s+/).length > 3) continue;
      out.push({ name, start: at, end: at + name.length, kind: kind === 'anders' ? 'platform' : kind, strength: 2 });
    }
  }
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
}

/**
 * What /([A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*)[ \t]*$/u captures in the 40 characters before `open`,
 * found by walking back (the end-anchored regex tried every position of the window); null if nothing.
 */
function wordBeforeParenthesis(text: string, open: number): string | null {
  const from = Math.max(0, open - 40);
  let end = open;
  while (end > from && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    // a hyphen only between letters
    const joins = c === 45 && start < end && start - 2 >= from && isLetterCode(text.charCodeAt(start - 2));
    if (!isLetterCode(c) && !joins) break;
    start--;
  }
  return start < end ? text.slice(start, end) : null;
}

function definitionCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'definition');
  const text = ctx.text;
  const anchors = definitionAnchors(text);
  for (const m of matchesAt(NAME_IS_CUE_AT, text, namesBefore(text, anchors.nameIs))) {
    let name = trimRun(m[1]);
    let start = m.index! + m[1].indexOf(name);
    const cue = firstCue(m[2]);
    const kind = cue ? cueKind(cue) : null;
    if (!kind) continue;
    const initial = isSentenceInitial(ctx, m.index!);
    const apposition = m[0].slice(m[1].length).trimStart().startsWith(',') || /^[’'”"],/.test(m[0].slice(m[1].length));
    if (!initial && !apposition) continue;
    if (/^(?:Het|De|Een)\s/.test(name)) {
      const bare = name.replace(/^(?:Het|De|Een)\s+/, '');
      start += name.length - bare.length;
      name = bare;
    }
    const tokens = name.split(/\s+/);
    if (FUNCTION_WORDS.has(tokens[0].toLowerCase())) continue;
    // A lone capitalised word at a sentence start is only a name if it looks like one.
    if (initial && !apposition && tokens.length === 1 && isPlainWord(tokens[0]) && !ctx.section.title.includes(tokens[0]) && !new RegExp(`[^.!?\\n]\\s${tokens[0]}\\b`, 'u').test(text)) continue;
    out.push({ name, start, end: start + name.length, kind, strength: 2 });
  }
  for (const m of matchesAt(PARA_APPOSITION_AT, text, paragraphStarts(text).filter((p) => mayOpenApposition(text, p)))) {
    const name = m[1].trim();
    const cue = firstCue(m[2]);
    const kind = cue ? cueKind(cue) : null;
    const phraseWords = name.split(/\s+/);
    if (!kind || phraseWords.length > 6 || FUNCTION_WORDS.has(phraseWords[0].toLowerCase())) continue;
    if (phraseWords.some((w) => CLAUSE_WORDS.has(w.toLowerCase()))) continue;
    out.push({ name, start: m.index!, end: m.index! + name.length, kind, strength: 2 });
  }
  for (const m of matchesAt(NAME_DEVELOPED_BY_AT, text, namesBefore(text, anchors.developed))) {
    if (!isSentenceInitial(ctx, m.index!)) continue;
    let name = trimRun(m[1]);
    let start = m.index!;
    if (/^(?:Het|De|Een)\s+[A-ZÀ-ÖØ-Þ]/u.test(name)) {
      // keep "De Nieuwe Toekomst" whole: a capitalised word after the article is part of the name
    } else if (FUNCTION_WORDS.has(name.split(/\s+/)[0].toLowerCase())) continue;
    if (name.split(/\s+/).length === 1 && isPlainWord(name)) continue;
    out.push({ name, start, end: start + name.length, kind: 'methode', strength: 2 });
  }
}

/** Name heads by their last letter, for testing the end of a capitalised run without slicing it. */
const NAME_HEADS_BY_LAST = new Map<number, string[]>();
for (const head of NAME_HEAD_LIST) {
  const last = head.charCodeAt(head.length - 1);
  NAME_HEADS_BY_LAST.set(last, [...(NAME_HEADS_BY_LAST.get(last) ?? []), head]);
}

/**
 * Whether the capitalised run text[start, end) can be a programme name: its last word ends in a
 * digit or, in any case, in a name head ("Kwaliteitskompas", "Sense-spreekuur", "Mama Café").
 */
function mayEndInNameHead(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last >= 48 && last <= 57) return true;
  for (const head of NAME_HEADS_BY_LAST.get(lowerCode(last)) ?? []) {
    if (head.length > end - start) continue;
    let k = 1;
    while (k < head.length && lowerCode(text.charCodeAt(end - 1 - k)) === head.charCodeAt(head.length - 1 - k)) k++;
    if (k === head.length) return true;
  }
  return false;
}

function shapeCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'shape');
  const text = ctx.text;
  for (const m of matchesAt(CAMEL_AT, text, scanText(text).camels)) {
    const word = m[1];
    if (CAMEL_STOP.has(word.toLowerCase())) continue;
    if (word.length < 4) continue;
    const name = m[2] ? word + m[2] : word;
    const kind = m[2] ? 'platform' : nameHeadKind(word) ?? 'anders';
    out.push({ name, start: m.index!, end: m.index! + name.length, kind, strength: 1 });
  }
  if (text.includes('#')) for (const m of text.matchAll(HASHTAG)) {
    out.push({ name: `#${m[1]}`, start: m.index!, end: m.index! + m[0].length, kind: 'campagne', strength: 2 });
  }
  let next = 0;
  for (const p of scanText(text).capitals) {
    if (p < next || (p > 0 && isRunStop(text.charCodeAt(p - 1)))) continue;
    const end = capitalisedRunEnd(text, p);
    if (end < 0) continue;
    next = end;
    // cheap gate first: most capitalised runs have no programme head word at all
    if (!mayEndInNameHead(text, p, end)) continue;
    const run = text.slice(p, end);
    let tokens = run.split(/[ \t]+/);
    let start = p;
    while (tokens.length > 1 && /^\d+$/.test(tokens[0])) {
      start += tokens[0].length + 1;
      tokens = tokens.slice(1);
    }
    // Headings in capitals are not names.
    if (tokens.length > 1 && tokens.every((t) => t === t.toUpperCase())) continue;
    let lastIdx = tokens.length - 1;
    while (lastIdx > 0 && /^\d+$/.test(tokens[lastIdx])) lastIdx--;
    const last = tokens[lastIdx];
    if (last === last.toUpperCase()) continue;
    const lastLower = last.toLowerCase();
    const parts = lastLower.split('-');
    const kind = nameHeadKind(lastLower) ?? (parts.length > 1 ? (nameHeadKind(parts[parts.length - 1]) ?? (isNameHead(parts[parts.length - 1]) ? nameHeadKind('x' + parts[parts.length - 1]) : null)) : null) ?? (tokens.length > 1 && isNameHead(lastLower) ? nameHeadKind('x' + lastLower) : null);
    if (!kind) continue;
    // "aan het Oldenbarneveldplein": a square, not a method.
    if (/plein$/.test(lastLower) && /(?:aan|op|bij|naar|over)\s+het\s+$/u.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (isSentenceInitial(ctx, start)) {
      const articleBefore = /(?:^|[\s‘'"“])(?:Het|De|het|de)\s+$/u.test(text.slice(Math.max(0, start - 5), start));
      if (!articleBefore && tokens.length === 1) continue;
    }
    while (tokens.length > 1 && FUNCTION_WORDS.has(tokens[0].toLowerCase())) {
      start += tokens[0].length + 1;
      tokens = tokens.slice(1);
    }
    if (tokens.length === 1 && FUNCTION_WORDS.has(tokens[0].toLowerCase())) continue;
    // "Inschrijving Movisie Scriptieprijs 2018 gestart": a sentence's opening action noun is not part of the name
    if (tokens.length > 2 && isSentenceInitial(ctx, start) && isActionNoun(tokens[0])) {
      start += tokens[0].length + 1;
      tokens = tokens.slice(1);
    }
    const name = tokens.join(' ');
    out.push({ name, start, end: start + name.length, kind, strength: 1 });
  }
}

/** A plain capitalised noun made from a verb with -ing (Inschrijving, Opening, Uitreiking). */
function isActionNoun(token: string): boolean {
  return token.length > 5 && token.endsWith('ing') && isPlainWord(token);
}

/** Overlapping candidates: keep the stronger, then the longer one. */
function settleOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  const taken: [number, number][] = [];
  for (const c of sorted) {
    let clash = false;
    for (const [s, e] of taken) {
      if (c.start < e && s < c.end) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    kept.push(c);
    taken.push([c.start, c.end]);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Later plain occurrences of a name found by a cue in the same section. */
function repeatOccurrences(text: string, found: Candidate[]): Candidate[] {
  const extra: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of found) {
    const bare = stripArticle(c.name);
    if (seen.has(bare) || bare.length < 4) continue;
    seen.add(bare);
    let from = 0;
    for (;;) {
      const i = text.indexOf(bare, from);
      if (i < 0) break;
      from = i + bare.length;
      const before = i > 0 ? text[i - 1] : ' ';
      const after = text[i + bare.length] ?? ' ';
      if (/[A-Za-zÀ-ÖØ-öø-ÿ0-9]/u.test(before) || /[A-Za-zÀ-ÖØ-öø-ÿ0-9]/u.test(after)) continue;
      extra.push({ ...c, name: bare, start: i, end: i + bare.length, strength: 0 });
    }
  }
  return extra;
}

/** Finite verbs that make a title, repeated as the subject of a body sentence, the name of something that acts. */
const SUBJECT_VERB = /^[ \t]+(?:is|was|biedt|bood|helpt|hielp|werkt|heeft|had|wordt|werd|richt|zet|brengt|begon|startte|bestaat|organiseert|ondersteunt|verbindt|wil|draait|loopt|groeit|ontstond)\b/u;

/**
 * A short section title that comes back in the body as the subject of a sentence ("Meet the
 * Parents biedt …", "TAV de Talenten is een activiteit …") names the initiative the section is about.
 */
function titleSubjectCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'title');
  const text = ctx.text;
  for (const part of ctx.section.title.split(/\s+[–-]\s+/)) {
    const title = cleanName(part.replace(/[*_]/g, ''));
    const words = title.split(/\s+/);
    if (words.length > 5 || !/^[A-ZÀ-ÖØ-Þ0-9]/u.test(title) || /[.?!:;,]/.test(title)) continue;
    if (FUNCTION_WORDS.has(words[0].toLowerCase()) && !/^(?:De|Het)$/.test(words[0])) continue;
    if (words.length > 1 && isFirstName(words[0])) continue;
    if (words.length === 1 && isPlainWord(title)) continue;
    let from = text.indexOf('\n');
    let confirmed = false;
    while (from >= 0 && !confirmed) {
      const i = text.indexOf(title, from);
      if (i < 0) break;
      from = i + title.length;
      if (isSentenceInitial(ctx, i) && SUBJECT_VERB.test(text.slice(from, from + 20))) confirmed = true;
    }
    if (!confirmed) continue;
    const at = text.indexOf(title);
    if (at >= 0) out.push({ name: title, start: at, end: at + title.length, kind: 'initiatief', strength: 2 });
  }
}

/** "WijVaalsteam" next to "WijVaals", "Athos in Maastricht" next to "Athos": the shorter name is the programme. */
function preferBaseNames(cands: Candidate[]): Candidate[] {
  const names = new Set(cands.map((c) => stripArticle(c.name)));
  const out: Candidate[] = [];
  for (const c of cands) {
    const name = stripArticle(c.name);
    const inMuni = /^(.+?)\s+in\s+(\S+(?:\s\S+){0,2})$/u.exec(name);
    if (inMuni && names.has(inMuni[1]) && municipalityByName(inMuni[2])) {
      out.push({ ...c, name: inMuni[1], end: c.start + (c.name.length - name.length) + inMuni[1].length, aliases: undefined });
      continue;
    }
    let extension = false;
    for (const other of names) {
      if (other.length >= 4 && name.length > other.length && name.startsWith(other) && /^[a-zß-öø-ÿ]+$/u.test(name.slice(other.length))) {
        extension = true;
        break;
      }
    }
    if (!extension) out.push(c);
  }
  return out;
}

export const extractProgrammes: MentionExtractor = (ctx) => {
  const cands: Candidate[] = [];
  titleSubjectCandidates(ctx, cands);
  quotedCandidates(ctx, cands);
  cueNameCandidates(ctx, cands);
  definitionCandidates(ctx, cands);
  capitalisedCueCandidates(ctx, cands);
  nameThenCueCandidates(ctx, cands);
  listCandidates(ctx, cands);
  announcedListCandidates(ctx, cands);
  uninflectedNameCueCandidates(ctx, cands);
  shapeCandidates(ctx, cands);
  // a name inside a flood of capitalised words (a word list, a title-cased heading, noise) is none
  const floods = capitalisedFloods(ctx.text);
  const accepted = settleOverlaps(preferBaseNames(cands.filter((c) => acceptableName(c.name) && !floods.covers(c.start, c.end))));
  const all = settleOverlaps([...accepted, ...repeatOccurrences(ctx.text, accepted)]);
  const kindByKey = new Map<string, ProgrammeKind>();
  for (const c of accepted) if (!kindByKey.has(nameKey(c.name)) || c.kind !== 'anders') kindByKey.set(nameKey(c.name), c.kind);
  const mentions: EntityMention[] = [];
  for (const c of all) {
    const name = stripArticle(c.name);
    const aliases = aliasesOf(c, name);
    const props: Record<string, string | null> = { kind: kindByKey.get(nameKey(c.name)) ?? c.kind };
    if (DEBUG) props.rule = c.rule ?? null;
    const surface = ctx.text.slice(c.start, c.end);
    mentions.push(aliases ? { type: 'PROGRAMME', name, surface, start: c.start, end: c.end, aliases, props } : { type: 'PROGRAMME', name, surface, start: c.start, end: c.end, props });
  }
  return mentions;
};

/** The candidate's aliases and, when an article was stripped from it, its full name; undefined if none. */
function aliasesOf(c: Candidate, name: string): string[] | undefined {
  if (!c.aliases) return name === c.name ? undefined : [c.name];
  const aliases = new Set(c.aliases);
  if (name !== c.name) aliases.add(c.name);
  return aliases.size ? [...aliases] : undefined;
}

export const linkProgrammes: RelationLinker = (ctx, mentions): RelationCandidate[] => linkProgrammeRelations(ctx, mentions);

/** Rule functions by name, for profiling (bench/ and tests). */
export const __debugRules = {
  title: titleSubjectCandidates,
  quoted: quotedCandidates,
  cue: cueNameCandidates,
  definition: definitionCandidates,
  capcue: capitalisedCueCandidates,
  namecue: nameThenCueCandidates,
  list: listCandidates,
  listitem: announcedListCandidates,
  uninflected: uninflectedNameCueCandidates,
  shape: shapeCandidates,
};
