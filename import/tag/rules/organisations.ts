/**
 * Organisations: institutes, ministries, foundations, associations, councils, companies, care and
 * welfare providers, schools, networks, parties. Found by
 *  - the gazetteer of known organisations (name or acronym as printed);
 *  - "ministerie van X" (full portfolio or acronym, one canonical name per ministry);
 *  - a capitalised run with an organisation head word ("Stichting De Brug", "Partners in
 *    Welzijn", "Nederlandse Vereniging voor Ouderenzorg", "Hanzehogeschool");
 *  - a definition "Full Name (ABBR)" / "ABBR (Full Name)": one entity, the acronym as alias, and a
 *    bare acronym later in the section lands on the full name;
 *  - context: a noun before the name ("de sociaalwerkorganisatie Verbinding", "werkgever
 *    Zorgpunt"), an affiliation ("onderzoeker bij X", "in opdracht van X"), a byline after a
 *    person ("Anna de Boer, Movisie"), or a list with other organisations;
 *  - e-mail domains of organisations already known ("x@movisie.nl").
 * A municipality as a body ("gemeente Amersfoort") is a municipality, never an organisation.
 * BASED_IN: "X in Utrecht", "X uit Amersfoort", "Welzijn Oost (Deventer)", "Zwolse Voedselbank",
 * "Kenniswerkplaats Tilburg".
 */
import type { EntityMention, MentionExtractor, SectionContext } from '../../model.ts';
import { findMunicipalities, sectionMunicipalities } from './municipalities.ts';
import { foldForm, municipalityIndex } from './municipality/index-data.ts';
import { findMinistry, ministryName, type KnownOrg, type OrgKind } from './org/known.ts';
import { foldOrg, knownIndex, type KnownForm } from './org/known-index.ts';
import { cueNounKind, headKindOfLower, headPositionOfLower, isHeadCompound, isPlaceBodyNoun, type HeadPosition } from './org/heads.ts';
import { AFFILIATION_CUE, NON_ORG_ACRONYMS, PLACES, isFirstName, isRoleWordLike, isRoleWordLikeLower, stopwords } from './org/lexicon.ts';
import { nameData } from './name-data.ts';
import { blocksNameStart, isSentenceInitial } from './municipality/context.ts';
import { capitalisedWords } from './municipality/words.ts';
import { extendNamePrefix } from './gazetteer-prefix.ts';
import { capitalisedFloods } from './capitalised-floods.ts';
import { charAt, charCodeAt } from '../../text-at.ts';
import { emptyList } from '../../packed.ts';

interface Candidate {
  start: number;
  end: number;
  name: string;
  kind: OrgKind;
  aliases: string[];
  /** 3 known / ministry, 2 head word or definition, 1 context only. */
  strength: number;
}

interface Tok {
  text: string;
  start: number;
  end: number;
  conn: boolean;
  info: WordInfo;
}

/**
 * What the tests of a name ask about one printed word, computed once per distinct word: the tests
 * ask about each token many times, and every lower-casing and lexicon lookup allocates and hashes.
 */
interface WordInfo {
  lower: string;
  stop: boolean;
  roleLike: boolean;
  firstName: boolean;
  head: OrgKind | null;
  headCompound: boolean;
  /** cueNounKind of the lower-case word */
  cueNoun: OrgKind | null;
  allCaps: boolean;
  /** the head kind and position of the word without a possessive "'s" */
  possessiveHead: OrgKind | null;
  possessiveHeadPosition: HeadPosition;
  adjective: boolean;
  nameAdjective: boolean;
  /** not a function word or a bare "Nederlandse", "Regionale": tells names apart */
  informative: boolean;
  law: boolean;
  nonOrgAcronym: boolean;
  splitAdjective: boolean;
  /** shaped like a brand name: "WIJdelft", "Zorg073" */
  brand: boolean;
}

const wordInfos = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (!info) {
    if (wordInfos.size >= 50000) wordInfos.clear();
    info = computeWordInfo(word);
    wordInfos.set(word, info);
  }
  return info;
}

function computeWordInfo(word: string): WordInfo {
  // every test below reads the lower-case form: made once here, not once per test
  const lower = word.toLowerCase();
  const possessive = POSSESSIVE.test(word);
  const head = headKindOfLower(lower);
  const bareLower = possessive ? lower.slice(0, -2) : lower;
  return {
    lower,
    stop: stopwords().has(lower),
    roleLike: isRoleWordLikeLower(lower),
    firstName: nameData().firstNames.has(lower),
    head,
    headCompound: isHeadCompound(word, lower),
    cueNoun: cueNounKind(lower),
    allCaps: isAllCapsWord(word),
    possessiveHead: possessive ? headKindOfLower(bareLower) : head,
    possessiveHeadPosition: headPositionOfLower(bareLower),
    adjective: ADJECTIVE.test(word),
    nameAdjective: NAME_ADJECTIVE.test(word),
    informative: !FUNCTION_WORD.test(word) && !/^(?:Nederlandse?|Landelijke?|Nationale?|Regionale?|Lokale?)$/.test(word),
    law: /^(?:Wet|Wmo|Jeugdwet|Participatiewet|Wlz|Zvw)(?:-|$)/.test(word),
    nonOrgAcronym: ACRONYM.test(word) && NON_ORG_ACRONYMS.has(word.toUpperCase()),
    splitAdjective: SPLIT_ADJ.test(word),
    brand: BRAND_WORD.test(word),
  };
}

const POSSESSIVE = /['’]s$/;
const CAP = String.raw`(?:\p{Lu}[\p{L}\p{M}\d]*|\d+\p{L}[\p{L}\p{M}\d]*)(?:[-'’&+][\p{L}\p{M}\d]+)*`;
const CONN = String.raw`(?:en|&|\+|voor|van|de|der|den|het|in|op|of|and|for|aan|tot|the|zonder|'t|’t)`;
const TOKEN = new RegExp(String.raw`${CAP}|${CONN}(?= )`, 'gu');
const CONN_WORDS = new Set(['en', '&', '+', 'voor', 'van', 'de', 'der', 'den', 'het', 'in', 'op', 'of', 'and', 'for', 'aan', 'tot', 'the', 'zonder', "'t", '’t']);
const ACRONYM = /^(?:\p{Lu}[\p{Lu}\d&]{1,6}|\p{Lu}\d{1,3})$/u;
const ACRONYM_WORD = /^\p{Lu}[\p{Lu}\d&]{1,6}$/u;
const DEFINITION_AFTER = / \((\p{Lu}[\p{L}\d&+-]{1,9})\)/uy;

/** " (ABBR)" right at `pos`, within 14 characters, matched in place (sticky) rather than on a slice. */
function definitionAt(text: string, pos: number): RegExpExecArray | null {
  DEFINITION_AFTER.lastIndex = pos;
  const m = DEFINITION_AFTER.exec(text);
  return m && m[0].length <= 14 ? m : null;
}
const ADJECTIVE = /^(?:\p{Lu}\p{Ll}+(?:se|che|e|isch|ijk|aal|eel|ief)|Koninklijke?|Landelijke?|Nationale?|Algemene?)$/u;
const NAME_ADJECTIVE = /^(?:Nederlandse?|Nederlands|Landelijke?|Nationale?|Koninklijke?|Europese?|Internationale?|Algemene?|Centrale?|Vrije)$/;
const SPLIT_ADJ = /^\p{Lu}\p{Ll}+(?:aal|eel|ief|ijk|isch|ele|ale|ieve|ijke|ische)$/u;
/**
 * One word shaped like a brand name, which no ordinary word or person name has: an acronym fused to a
 * lower-case word ("WIJdelft", "KBOfonds"; not the digraph of "IJsselmeer") or a name ending in a Dutch
 * area code, as local organisations name themselves ("Welzijn073", "Buurtwerk010").
 */
const BRAND_WORD = /^(?:(?!IJ\p{Ll})\p{Lu}{2,5}\p{Ll}{3,}|\p{Lu}[\p{L}]{2,}0\d{2})$/u;
const FUNCTION_WORD = /^(?:de|het|een|deze|die|dit|dat|onze|ons|uw|jouw|mijn|zijn|haar|hun|ieder|iedere|elke|alle|nieuwe|eigen)$/i;
const RAAD_BOARD = /^Raad van (?:Bestuur|Toezicht|Advies|Commissarissen)\b|^(?:Bestuur|Directie|Redactie|Thema|Colofon)\b/;

function tokensOf(text: string, offset: number): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const info = wordInfo(m[0]);
    out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, conn: CONN_WORDS.has(m[0]), info });
  }
  return out;
}

function isAllCapsWord(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && /\p{Lu}{2}/u.test(w);
}

/** "Full Name (ABBR)": the acronym's letters appear in order in the name, starting with its first letter. */
export function acronymFits(full: string, abbr: string): boolean {
  const letters = abbr.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = full.split(/\s+/).filter((w) => !CONN_WORDS.has(w));
  if (letters.length < 2 || !words.length) return false;
  const name = words.join(' ').toLowerCase();
  if (name[0] !== letters[0]) return false;
  let i = 0;
  for (const c of name) if (c === letters[i]) i++;
  if (i < letters.length) return false;
  // most of the acronym letters must be word initials, so that "Sociale Zaken (SZW)" fits and "Hallo (HO)" does not
  const initials = words.map((w) => w[0].toLowerCase()).join('');
  let k = 0;
  for (const c of initials) if (c === letters[k]) k++;
  return k >= Math.min(2, letters.length) || words.length === 1;
}

interface Context {
  text: string;
  muniSpans: { start: number; end: number }[];
  /** spanKey of every municipality span, and their starts: set lookups instead of a scan per segment. */
  muniExact: Set<number>;
  muniStarts: Set<number>;
}

/** One number per span of this text (exact while the text is shorter than 94 million characters). */
function spanKey(text: string, start: number, end: number): number {
  return start * (text.length + 1) + end;
}

function contextOf(text: string, municipalities: EntityMention[]): Context {
  const muniSpans = emptyList<{ start: number; end: number }>();
  for (const m of municipalities) muniSpans.push({ start: m.start, end: m.end });
  const muniExact = new Set<number>();
  const muniStarts = new Set<number>();
  for (const m of muniSpans) {
    muniExact.add(spanKey(text, m.start, m.end));
    muniStarts.add(m.start);
  }
  return { text, muniSpans, muniExact, muniStarts };
}

function overlapsMunicipality(ctx: Context, start: number, end: number): boolean {
  return ctx.muniSpans.some((m) => m.start < end && m.end > start);
}

function isMunicipalityExactly(ctx: Context, start: number, end: number): boolean {
  return ctx.muniExact.size > 0 && ctx.muniExact.has(spanKey(ctx.text, start, end));
}

function knownCandidate(form: KnownForm, start: number, end: number): Candidate {
  const org: KnownOrg = form.org;
  return { start, end, name: org.name, kind: org.kind, aliases: form.printed !== org.name ? [form.printed] : [], strength: 3 };
}

/** "niks AAN doen, maar wel wat MEE doen": capitals for emphasis, not an acronym. */
function shoutedAround(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 40), start) + ' ' + text.slice(end, end + 40);
  const caps = around.match(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu) ?? [];
  return caps.some((w) => stopwords().has(w.toLowerCase()));
}

/** Treaties, laws and reports named after a body are not the body: "VN-verdrag", "SCP-rapport" is fine. */
const NOT_ORG_SUFFIX = /^(?:verdrag|wet|richtlijn|norm|regeling|lidstaten|lidstaat|landen|burgers)$/;

/** The next word of a multi-word name (one space before it). */
const KNOWN_NEXT = / [\p{L}\p{N}&’'+(][\p{L}\p{M}\p{N}&'’+*()]*(?:-[\p{L}\p{M}\p{N}&]+)*/uy;

/** Gazetteer names and acronyms anywhere in the text, including "Movisie-adviseur", "SCP-rapport". */
function findKnown(text: string): Candidate[] {
  const out: Candidate[] = [];
  const idx = knownIndex();
  const ends: number[] = [];
  const keys: string[] = []; // folded form of the first n + 2 words
  const { spans, count, lower } = capitalisedWords(text);
  let skipTo = 0;
  for (let w = 0; w < count; w++) {
    const start = spans[2 * w];
    if (start < skipTo) continue;
    const first = lower[w];
    const dash = first.indexOf('-');
    const beginsLonger = idx.firstWords.get(first); // undefined when no name starts with this word
    if (beginsLonger === undefined && dash < 2) continue;
    const word = text.slice(start, spans[2 * w + 1]);
    if (beginsLonger !== undefined) {
      if (beginsLonger) extendNamePrefix(text, start, start + word.length, idx, KNOWN_NEXT, foldOrg, ends, keys);
      else {
        ends.length = 0;
        ends.push(start + word.length);
      }
      let hit: KnownForm | null = null;
      let end = 0;
      for (let n = ends.length; n >= 1 && !hit; n--) {
        const printed = text.slice(start, ends[n - 1]);
        const forms = idx.forms.get(n === 1 ? first : keys[n - 2]);
        if (!forms) continue;
        hit = forms.find((f) => (f.exactCase ? f.printed === printed : true)) ?? null;
        end = ends[n - 1];
      }
      if (hit && !(hit.exactCase && shoutedAround(text, start, end))) {
        const c = knownCandidate(hit, start, end);
        if (hit.org.ambiguous) c.strength = 0; // needs context, decided later
        out.push(c);
        skipTo = end;
        continue;
      }
    }
    if (dash > 1) {
      const head = word.slice(0, dash);
      const forms = idx.forms.get(head.toLowerCase());
      const form = forms?.find((f) => (f.exactCase ? f.printed === head : /^\p{Lu}/u.test(head)));
      const tail = word.slice(dash + 1);
      if (form && /^\p{Ll}/u.test(tail) && !form.org.ambiguous && !NOT_ORG_SUFFIX.test(tail.toLowerCase())) {
        out.push(knownCandidate(form, start, start + dash));
      } else if (!forms) {
        const c = compoundOrg(text, start, head, tail);
        if (c) out.push(c);
      }
    }
  }
  return out;
}

/** "Ajax-voetballer", "Philips-topman": the first part of such a compound is the club or company the person belongs to. */
const MEMBER_TAIL = /^(?:voetballers?|spelers?|speelsters?|trainers?|keepers?|supporters?|fans|topman|topvrouw|woordvoerders?|werknemers?|medewerkers?|bestuurders?|directeur)$/;

/**
 * An organisation named by a compound with a word that is not in the gazetteer: "Ajax-voetballer" (a
 * member noun after it) or "BUCH-gemeenten" (an acronym for the municipalities that work together).
 */
function compoundOrg(text: string, start: number, head: string, tail: string): Candidate | null {
  const end = start + head.length + 1 + tail.length;
  if (tail === 'gemeenten' && ACRONYM_WORD.test(head) && !/^G\d/.test(head) && !NON_ORG_ACRONYMS.has(head)) {
    return { start, end, name: text.slice(start, end), kind: 'netwerk', aliases: [], strength: 2 };
  }
  if (!MEMBER_TAIL.test(tail) || !/^\p{Lu}\p{Ll}+$/u.test(head) || isSentenceInitial(text, start)) return null;
  const info = wordInfo(head);
  if (info.stop || info.firstName || PLACES.has(info.lower) || municipalityIndex().forms.has(foldForm(head))) return null;
  return { start, end: start + head.length, name: head, kind: 'anders', aliases: [], strength: 1 };
}

const MINISTRY = /([Mm]inisterie van|[Mm]inisteries(?: van)?) ((?:\p{Lu}[\p{L}&]*|en|,)(?:[ ,]+(?:\p{Lu}[\p{L}&]*|en(?= \p{Lu})))*)(?: \((\p{Lu}[\p{L}&]{1,6})\))?/gu;

/** "ministerie van Sociale Zaken en Werkgelegenheid (SZW)", "ministerie van VWS", "de ministeries VWS, J&V en OCW". */
function findMinistries(text: string): Candidate[] {
  const out: Candidate[] = [];
  MINISTRY.lastIndex = 0;
  for (let m = MINISTRY.exec(text); m; m = MINISTRY.exec(text)) {
    if (m.index > 0 && blocksNameStart(text.charCodeAt(m.index - 1))) continue;
    const plural = m[1].toLowerCase().startsWith('ministeries');
    const body = m[2].replace(/[ ,]+$/, '');
    const bodyStart = m.index + m[0].indexOf(m[2]);
    if (plural) {
      // a list of acronyms or portfolios
      const parts = body.split(/,\s*| en /);
      let pos = bodyStart;
      for (const part of parts) {
        const at = text.indexOf(part, pos);
        pos = at + part.length;
        const min = findMinistry(part.trim());
        if (min && at >= 0) out.push({ start: at, end: at + part.length, name: ministryName(min), kind: 'ministerie', aliases: [part.trim()], strength: 3 });
      }
      continue;
    }
    // the longest prefix of the body that is a known portfolio or acronym
    const words = body.split(' ');
    let matched = false;
    for (let n = words.length; n >= 1 && !matched; n--) {
      const printed = words.slice(0, n).join(' ').replace(/,$/, '');
      const min = findMinistry(printed);
      if (!min) continue;
      matched = true;
      let end = bodyStart + printed.length;
      const aliases = [`ministerie van ${printed}`];
      const def = definitionAt(text, end);
      if (def && findMinistry(def[1]) === min) {
        aliases.push(def[1], `ministerie van ${def[1]}`);
        end += def[0].length;
      }
      if (printed !== min.portfolio) aliases.push(printed);
      out.push({ start: m.index, end, name: ministryName(min), kind: 'ministerie', aliases, strength: 3 });
    }
    if (!matched) {
      // an unknown ministry: the capitalised words as printed
      const printed = words.filter((w, i) => i === 0 || /^\p{Lu}/u.test(w) || w === 'en').join(' ').replace(/ en$/, '');
      const name = `ministerie van ${printed}`;
      out.push({ start: m.index, end: bodyStart + printed.length, name, kind: 'ministerie', aliases: [], strength: 2 });
    }
  }
  return out;
}

interface Segment {
  toks: Tok[];
  start: number;
  end: number;
  text: string;
  /** namesOf / headOf, computed once per segment: the shape, person and plausibility tests each ask for them. */
  names?: Tok[];
  head?: { kind: OrgKind; index: number } | null;
}

function segmentOf(text: string, toks: Tok[]): Segment {
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  return { toks, start, end, text: text.slice(start, end) };
}

/** Drops sentence starters and stop words at the front, connectors at both ends. */
function trim(text: string, toks: Tok[]): Tok[] {
  let s = 0;
  while (s < toks.length) {
    const t = toks[s];
    if (t.conn) {
      s++;
      continue;
    }
    const w = t.info;
    const initial = s === 0 ? isSentenceInitial(text, t.start) : onlyStopWordsBefore(toks, s);
    if ((initial && w.stop && !w.nameAdjective) || w.roleLike || (w.cueNoun && !w.head && s < toks.length - 1)) {
      s++;
      continue;
    }
    if (w.allCaps && t.text.length > 6) {
      s++;
      continue;
    }
    break;
  }
  let e = toks.length;
  while (e > s && (toks[e - 1].conn || /^(?:De|Het|Een)$/.test(toks[e - 1].text))) e--;
  return toks.slice(s, e);
}

function onlyStopWordsBefore(toks: Tok[], s: number): boolean {
  for (let i = 0; i < s; i++) if (!toks[i].conn && !toks[i].info.stop) return false;
  return true;
}

function nameTokens(toks: Tok[]): Tok[] {
  return toks.filter((t) => !t.conn);
}

function namesOf(seg: Segment): Tok[] {
  return (seg.names ??= nameTokens(seg.toks));
}

/** Kind from a head word in the segment, or null when it has none. */
function headOf(seg: Segment): { kind: OrgKind; index: number } | null {
  if (seg.head === undefined) seg.head = computeHead(namesOf(seg));
  return seg.head;
}

function computeHead(names: Tok[]): { kind: OrgKind; index: number } | null {
  for (let i = 0; i < names.length; i++) {
    const k = names[i].info.possessiveHead;
    if (!k) continue;
    const pos = names[i].info.possessiveHeadPosition;
    // "Stichting X" / "Nederlandse Vereniging voor X": a prefix head opens the name (after adjectives)
    if (pos === 'prefix' && i !== names.length - 1 && !allAdjectives(names, i)) continue;
    if (pos === 'head' && i !== names.length - 1) continue;
    return { kind: k, index: i };
  }
  return null;
}

function allAdjectives(names: Tok[], upTo: number): boolean {
  for (let i = 0; i < upTo; i++) if (!names[i].info.adjective) return false;
  return true;
}

function allCaps(names: Tok[]): boolean {
  for (const t of names) if (!t.info.allCaps) return false;
  return true;
}

function isPersonLike(seg: Segment): boolean {
  const names = namesOf(seg);
  return names.length >= 1 && names.length <= 4 && names[0].info.firstName && !headOf(seg);
}

function isPlaceOrStop(ctx: Context, seg: Segment): boolean {
  const lower = seg.text.toLowerCase();
  if (PLACES.has(lower) || stopwords().has(lower)) return true;
  if (isMunicipalityExactly(ctx, seg.start, seg.end)) return true;
  if (/^(?:gemeente|gemeenten|provincie|regio|wijk|stad|dorp)\b/i.test(seg.text)) return true;
  return false;
}

/** Recognises a segment by its own shape: a head word with a name, or a standalone head compound. */
function recogniseByShape(ctx: Context, seg: Segment): Candidate | null {
  const names = namesOf(seg);
  if (!names.length || RAAD_BOARD.test(seg.text)) return null;
  // "Karel Smit van Wonen": a person and a portfolio, not an organisation
  if (names.length >= 2 && names[0].info.firstName && !names[1].info.head && !knownWhole(ctx.text, seg)) return null;
  if (names.length > 1 && allCaps(names)) return null; // a heading in capitals
  const head = headOf(seg);
  if (head) {
    const informative = names.some((t, i) => i !== head.index && t.info.informative);
    if (informative && !(names.length === 2 && names[0].info.firstName && head.index === 1)) {
      return { start: seg.start, end: seg.end, name: seg.text, kind: head.kind, aliases: [], strength: 2 };
    }
  }
  if (names.length === 1 && names[0].info.headCompound && !isSentenceInitial(ctx.text, seg.start)) {
    return { start: seg.start, end: seg.end, name: seg.text, kind: names[0].info.head ?? 'anders', aliases: [], strength: 2 };
  }
  if (names.length === 1 && names[0].info.brand) return { start: seg.start, end: seg.end, name: seg.text, kind: 'anders', aliases: [], strength: 2 };
  return null;
}

const GATE_WORDS_BEFORE = new Set(['bij', 'voor', 'van', 'aan', 'met', 'door', 'vanuit', 'de', 'het', 'als', 'zoals', 'en', 'of', 'namens']);

/**
 * A single capitalised word can only be an organisation through its shape or a cue next to it;
 * this cheap test skips the many that have neither (names after "zegt", places, sentence starts).
 */
function singleWordMayBeOrg(text: string, start: number, end: number, word: WordInfo): boolean {
  const prev = charAt(text, start - 1);
  if (prev === '(' || prev === '‘' || prev === '“') return true;
  const prev2 = charAt(text, start - 2);
  if (prev === ' ' && (prev2 === ',' || prev2 === ':' || prev2 === '&')) return true;
  const next = charAt(text, end);
  if (next === ',' || next === ')' || next === '.' || next === '\n' || next === '') return true;
  if (next === ' ') {
    const n1 = charAt(text, end + 1);
    if (n1 === '(' || n1 === '–' || n1 === '-' || n1 === '&' || text.startsWith('en ', end + 1)) return true;
  }
  const w = wordBefore(text, start).word;
  if (w && (GATE_WORDS_BEFORE.has(w) || cueNounKind(w) || isPlaceBodyNoun(w))) return true;
  return word.head !== null || word.headCompound || word.brand;
}

/** Splits a run at "en het", "en de" and at "en"/"&" between two names that stand on their own. */
/** The whole run is one known name, or one defined by an acronym after it: it is not split. */
function isOneName(ctx: Context, toks: Tok[]): boolean {
  const whole = segmentOf(ctx.text, toks);
  if (knownWhole(ctx.text, whole) !== null) return true;
  const defined = definitionAt(ctx.text, whole.end);
  return !!defined && acronymFits(whole.text, defined[1]);
}

function standsAlone(ctx: Context, s: Segment): boolean {
  return !!recogniseByShape(ctx, s) || knownWhole(ctx.text, s) !== null || isMunicipalityExactly(ctx, s.start, s.end);
}

function splitRun(ctx: Context, toks: Tok[], inList = false): Tok[][] {
  let oneName: boolean | undefined; // isOneName(ctx, toks), asked only at a "van" or "en"
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i];
    // "Anna Jansen van de Bibliotheek Rivierenland", "Participatie van het Ministerie van SZW"
    if (t.text === 'van' && !(oneName ??= isOneName(ctx, toks)) && toks[i + 1].conn && /^(?:de|het)$/.test(toks[i + 1].text) && i + 2 < toks.length) {
      const left = segmentOf(ctx.text, toks.slice(0, i));
      const right = segmentOf(ctx.text, toks.slice(i + 2));
      if (!headOf(left) && (recogniseByShape(ctx, right) || knownWhole(ctx.text, right) || /^[Mm]inisterie/.test(right.text))) {
        return [toks.slice(0, i), ...splitRun(ctx, toks.slice(i + 2))];
      }
    }
    if (t.text !== 'en' && t.text !== '&' && t.text !== ',') continue;
    // inside a list "A, B en C" the last "en" separates two items, unless the run is one known or defined name
    if (inList && t.text === 'en' && !(oneName ??= isOneName(ctx, toks)) && !toks[i - 1].info.splitAdjective) {
      return [toks.slice(0, i), ...splitRun(ctx, toks.slice(i + 1))];
    }
    const left = toks.slice(0, i);
    const right = toks[i + 1].conn && /^(?:de|het)$/.test(toks[i + 1].text) ? toks.slice(i + 2) : toks.slice(i + 1);
    if (!left.length || !right.length) continue;
    const articleSplit = right.length !== toks.length - i - 1;
    const trimmed = trim(ctx.text, left);
    const ls = segmentOf(ctx.text, trimmed.length ? trimmed : left);
    const rs = segmentOf(ctx.text, right);
    if (articleSplit || (standsAlone(ctx, ls) && standsAlone(ctx, rs))) return [...splitRun(ctx, left), ...splitRun(ctx, right)];
    if (t.text === 'en' && right.length === 1 && knownBesideName(ctx, ls, rs) && !(oneName ??= isOneName(ctx, toks))) return [...splitRun(ctx, left), ...splitRun(ctx, right)];
  }
  return [toks];
}

/**
 * "Movisie en Verbindlab": a known organisation (not a ministry's portfolio, "Binnenlandse Zaken en X")
 * and then a one-word plausible name are two items of a list. The caller checks that the right side is one word.
 */
function knownBesideName(ctx: Context, ls: Segment, rs: Segment): boolean {
  const known = knownWhole(ctx.text, ls);
  return known !== null && known.org.kind !== 'ministerie' && plausibleName(ctx, rs);
}

function knownWhole(_text: string, seg: Segment): KnownForm | null {
  const forms = knownIndex().forms.get(foldOrg(seg.text));
  if (!forms) return null;
  return forms.find((f) => (f.exactCase ? f.printed === seg.text : true)) ?? null;
}

/** Cuts "Verbinding in Wijk" before a municipality introduced by a preposition. */
function cutBeforePlace(ctx: Context, toks: Tok[]): Tok[] {
  for (let i = 1; i < toks.length; i++) {
    if ((toks[i].text === 'in' || toks[i].text === 'uit' || toks[i].text === 'te') && i + 1 < toks.length && (overlapsMunicipality(ctx, toks[i + 1].start, toks[i + 1].end) || PLACES.has(toks[i + 1].info.lower))) {
      return toks.slice(0, i);
    }
  }
  return toks;
}

const LIST_GAP = /^(?: \([^()\n]{1,60}\))?(?:, | en | & |, en | of )(?:de |het )?$/;
const PERSON_BEFORE = /(?:^|[\s(])(\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}\.)(?: (?:van|de|der|den|ter|ten|el|van de|van der|van den|in 't|'t))?(?: \p{Lu}[\p{L}\p{M}'’-]+){1,2}(?:, | \()$/u;
const REFERENCE_BEFORE = /(?:^|[\s(])\p{Lu}[\p{L}\p{M}'’-]+, (?:\p{Lu}\.)+ \($/u;

/** The word that ends right before `pos` (one space between), or '' — a backwards scan, no regex. */
export function wordBefore(text: string, pos: number): { word: string; start: number } {
  let e = pos;
  if (text.charCodeAt(e - 1) !== 32) return { word: '', start: pos };
  e--;
  let b = e;
  while (b > 0 && pos - b < 40) {
    const c = text[b - 1];
    if (c === ' ' || c === '\n' || c === '(' || c === '‘' || c === '"' || c === '“' || c === '/') break;
    b--;
  }
  return { word: text.slice(b, e), start: b };
}

function hasAffiliationCue(text: string, start: number): boolean {
  // "<role> bij (de) X", "<role> van (de) X"
  let w = wordBefore(text, start);
  if (w.word === 'de' || w.word === 'het') w = wordBefore(text, w.start);
  if (w.word === 'bij' || w.word === 'van' || w.word === 'voor') {
    const role = wordBefore(text, w.start).word.replace(/[,;:]$/, '');
    // "minister van Dam", "wethouder van Dijk": a title and a surname with its particle
    if (w.word === 'van' && PERSONAL_TITLES.has(role.toLowerCase())) return false;
    if (role && isRoleWordLike(role)) return true;
  } else if (!w.word || !CUE_LAST_WORDS.has(w.word)) return false;
  return AFFILIATION_CUE.test(text.slice(Math.max(0, start - 50), start));
}

const PERSONAL_TITLES = new Set(['minister', 'staatssecretaris', 'wethouder', 'burgemeester', 'mevrouw', 'meneer', 'heer', 'collega', 'raadslid', 'kamerlid', 'gedeputeerde', 'commissaris']);

/** Last words of the affiliation cues: a cheap test before the full expression. */
const CUE_LAST_WORDS = new Set(['bij', 'voor', 'van', 'aan', 'met', 'door', 'vanuit']);

function cueNounBefore(text: string, start: number): OrgKind | null {
  let w = wordBefore(text, start);
  if (w.word === 'als' || w.word === 'zoals') w = wordBefore(text, w.start);
  return w.word ? cueNounKind(w.word) : null;
}

/** "Jeugdwacht (voogdij-instelling voor …)", "Gelijk Recht, het antidiscriminatiebureau": the noun follows. */
function cueNounAfter(text: string, end: number): OrgKind | null {
  // what may follow the name: ", " or " (" / " – " / " - "; most names are followed by neither
  const c = charCodeAt(text, end);
  if (c === 32) {
    const d = charCodeAt(text, end + 1);
    if (d !== 40 && d !== 0x2013 && d !== 45) return null;
  } else if (c !== 44) return null;
  const m = /^(?:, | \(| – | - )(?:een |het |de )?(?:\p{Ll}+ )?(\p{Ll}[\p{Ll}-]+)/u.exec(text.slice(end, end + 60));
  return m ? cueNounKind(m[1]) : null;
}

/** Reference lists: "Bussum, Uitgeverij Noord." / "Den Haag: Sociaal en Cultureel Planbureau." — place, then publisher. */
function publisherPlaceBefore(ctx: Context, seg: Segment): boolean {
  if (!/^(?:\.(?:\s|$)|\s*$|\n)/.test(ctx.text.slice(seg.end, seg.end + 2))) return false;
  const m = ctx.muniSpans.find((s) => s.end <= seg.start && seg.start - s.end <= 2 && /^(?:, |: )$/.test(ctx.text.slice(s.end, seg.start)));
  return !!m && /(?:^|\.\s|\)\.?\s)$/.test(ctx.text.slice(Math.max(0, m.start - 3), m.start));
}

function hasPersonBefore(text: string, start: number): boolean {
  const c = charAt(text, start - 1);
  if (c !== ' ' && c !== '(') return false;
  if (c === ' ' && charAt(text, start - 2) !== ',') return false;
  const left = text.slice(Math.max(0, start - 60), start);
  const m = PERSON_BEFORE.exec(left);
  if (m && (isFirstName(m[1]) || /\.$/.test(m[1]))) return true;
  return REFERENCE_BEFORE.test(left);
}

/** The segment stands at the end of its line/sentence or before "," / ")" — how affiliations are printed. */
function endsAffiliation(text: string, end: number): boolean {
  return /^(?:\s*$|\n|[,.;)/]|\s+\()/.test(text.slice(end, end + 3));
}

/** "Samen in de Straat, een onderzoeksproject": what follows says it is a programme or project. */
const PROGRAMME_AFTER = /^,? (?:een|het|de) (?:\p{Ll}+ )?(?:\p{Ll}*(?:project|programma|initiatief|methode|methodiek|aanpak|training|cursus|campagne|app|website|platform|netwerk|pilot|onderzoek|festival|congres|bijeenkomst|interventie))\b/u;

/** seg.replace(/[^\p{L}\d]/gu, '').length >= 2, counted in place for ASCII text. */
function hasTwoLettersOrDigits(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return s.replace(/[^\p{L}\d]/gu, '').length >= 2;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (++n >= 2) return true;
    }
  }
  return false;
}

function plausibleName(ctx: Context, seg: Segment): boolean {
  const names = namesOf(seg);
  if (!names.length || names.length > 5 || !hasTwoLettersOrDigits(seg.text)) return false;
  if (RAAD_BOARD.test(seg.text) || PROGRAMME_AFTER.test(ctx.text.slice(seg.end, seg.end + 60))) return false;
  if (ctx.muniStarts.has(seg.start)) return false;
  // "minister Jansen", "wethouder Jansen": a role right before makes it a person
  const before = wordBefore(ctx.text, seg.start).word;
  if (before && /^\p{Ll}/u.test(before) && isRoleWordLike(before)) return false;
  // "bewoners in Kessel": a place, even when the gazetteer does not count it as a municipality here
  if ((before === 'in' || before === 'uit' || before === 'te') && municipalityIndex().forms.has(foldForm(seg.text))) return false;
  if (isPlaceOrStop(ctx, seg) || isPersonLike(seg)) return false;
  if (names.length === 1 && names[0].info.firstName) return false;
  if (allCaps(names) && (names.length > 1 || names[0].text.length > 6)) return false;
  if (names.length === 1 && names[0].info.nonOrgAcronym) return false;
  if (names.some((t) => t.info.law)) return false;
  return true;
}

/** " ", " en ", " van de ": what may stand between two capitalised words of one name. */
const RUN_GAP = new RegExp(String.raw`^ (?:${CONN} ){0,2}$`);

interface RunMatch {
  0: string;
  index: number;
  /** The word in lower case when the run is one word, else null. */
  single: string | null;
}

/**
 * Runs of capitalised words joined by single spaces and at most two connectors ("Stichting in
 * Beeld", "Centrum voor Jeugd en Gezin"), built from the shared word scan: the same runs a
 * regular expression would find, without running one at every position of the text.
 */
function capitalisedRuns(text: string): RunMatch[] {
  const { spans, count, hasLetter, lower } = capitalisedWords(text);
  const out: RunMatch[] = [];
  let w = 0;
  while (w < count) {
    const start = spans[2 * w];
    let end = spans[2 * w + 1];
    if (!hasLetter[w]) {
      w++;
      continue;
    }
    let last = w;
    while (last + 1 < count && last - w < 7) {
      const nextStart = spans[2 * (last + 1)];
      if (nextStart - end > 16 || !RUN_GAP.test(text.slice(end, nextStart))) break;
      if (!hasLetter[last + 1]) break;
      last++;
      end = spans[2 * last + 1];
    }
    const single = last === w ? lower[w] : null;
    w = last + 1;
    const after = text.charCodeAt(end);
    if (after === 64 || (after === 46 && isLetterCode(text.charCodeAt(end + 1)))) continue; // e-mail address or domain
    out.push({ 0: text.slice(start, end), index: start, single });
  }
  return out;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/**
 * Whether [start, end) lies inside a known candidate with strength > 0: the spans sorted by start
 * with a running maximum of their ends, searched by bisection instead of a scan per segment.
 */
function knownCover(known: Candidate[]): (start: number, end: number) => boolean {
  const strong = known.filter((k) => k.strength > 0).sort((a, b) => a.start - b.start);
  const starts = new Int32Array(strong.length);
  const maxEnd = new Int32Array(strong.length);
  let max = -1;
  strong.forEach((k, i) => {
    starts[i] = k.start;
    max = Math.max(max, k.end);
    maxEnd[i] = max;
  });
  return (start, end) => {
    // the last span that starts at or before `start`
    let lo = 0;
    let hi = strong.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] >= end;
  };
}

/** An opening parenthesis in the 60 characters before `pos` that is not closed before it (a bounded backwards scan). */
function openParenBefore(text: string, pos: number): boolean {
  const from = Math.max(0, pos - 60);
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 40) return true; // (
    if (c === 41) return false; // )
  }
  return false;
}

interface RunItem {
  seg: Segment;
  cand: Candidate | null;
  known: boolean;
  inParens: boolean;
  /** plausibleName(ctx, seg), computed at most once */
  plausible: boolean | undefined;
}

function findByRuns(ctx: Context, known: Candidate[]): Candidate[] {
  const { text } = ctx;
  const out: Candidate[] = [];
  const covered = knownCover(known);
  const items: RunItem[] = [];
  const floods = capitalisedFloods(text);
  for (const m of capitalisedRuns(text)) {
    if (m.single !== null && !singleWordRunMayBeOrg(text, m)) continue;
    if (floods.covers(m.index, m.index + m[0].length)) continue; // a word list or noise, not a name
    const all = tokensOf(m[0], m.index);
    if (!all.length) continue;
    // a quoted title ("de ‘Alliantie Nieuw Begin’") is a programme or a title, not an organisation
    const opening = charAt(text, m.index - 1);
    const closing = charAt(text, m.index + m[0].length);
    if ((opening === '‘' || opening === '“' || opening === '"') && (closing === '’' || closing === '”' || closing === '"')) continue;
    const inList = charAt(text, m.index - 1) === ' ' && charAt(text, m.index - 2) === ',';
    for (const part of splitRun(ctx, cutBeforePlace(ctx, all), inList)) {
      const toks = trim(text, part);
      if (!toks.length) continue;
      const seg = segmentOf(text, toks);
      if (/^(?:ministerie|Ministerie)/.test(seg.text)) continue;
      const item: RunItem = { seg, cand: null, known: covered(seg.start, seg.end), inParens: false, plausible: undefined };
      if (!item.known) item.cand = placeBodyCandidate(text, seg);
      if (!item.known && !item.cand && !isMunicipalityExactly(ctx, seg.start, seg.end)) item.cand = segmentCandidate(ctx, item);
      item.inParens = openParenBefore(text, seg.start);
      items.push(item);
      if (item.cand) out.push(item.cand);
    }
  }
  listMembers(ctx, items, out, covered);
  return out;
}

/** "het dorpsoverleg Ellecom": a residents' council named with its place, the noun included. */
function placeBodyCandidate(text: string, seg: Segment): Candidate | null {
  // every such noun ends in one of these letters: a cheap test before the word is cut out
  const last = charAt(text, seg.start - 2);
  if (last !== 'g' && last !== 'd' && last !== 'm' && last !== 'é') return null;
  const before = wordBefore(text, seg.start);
  if (!before.word || !isPlaceBodyNoun(before.word)) return null;
  return { start: before.start, end: seg.end, name: `${before.word} ${seg.text}`, kind: 'anders', aliases: [], strength: 1 };
}

/** The common case, one capitalised word: not a function word, nor a sentence start without an apposition after it. */
function singleWordRunMayBeOrg(text: string, m: RunMatch): boolean {
  if (stopwords().has(m.single!)) return false;
  const next = charAt(text, m.index + m[0].length);
  if (next !== ',' && next !== ' ' && next !== '.' && next !== ')' && next !== '\n' && next !== '' && next !== ';') return false;
  const info = wordInfo(m[0]);
  if (isSentenceInitial(text, m.index) && !cueNounAfter(text, m.index + m[0].length) && !info.headCompound && !info.brand) return false;
  return singleWordMayBeOrg(text, m.index, m.index + m[0].length, info);
}

/** An organisation read from the segment's shape, a definition "Full Name (ABBR)", or its context; null when none. */
function segmentCandidate(ctx: Context, item: RunItem): Candidate | null {
  const { text } = ctx;
  const seg = item.seg;
  let cand = recogniseByShape(ctx, seg);
  if (cand && isPersonLike(seg)) cand = null;
  const def = definitionAt(text, seg.end);
  const names = namesOf(seg);
  if (!cand && def && names.length >= 2 && acronymFits(seg.text, def[1]) && (item.plausible ??= plausibleName(ctx, seg)) && !NON_ORG_ACRONYMS.has(def[1].toUpperCase())) {
    cand = { start: seg.start, end: seg.end, name: seg.text, kind: 'anders', aliases: [], strength: 2 };
  }
  if (!cand && (item.plausible ??= plausibleName(ctx, seg))) cand = contextCandidate(ctx, seg, names.length);
  if (cand && def && acronymFits(seg.text, def[1])) {
    cand.aliases.push(def[1]);
    cand.end = seg.end; // the acronym is an alias; its own span is found as a bare acronym
  }
  return cand;
}

/** "X, dat in 2014 als bewonersbedrijf werd opgericht", "X, opgericht in 1998": only an organisation is founded. */
const FOUNDED_AFTER = /, (?:(?:dat|die) (?:(?:in|sinds) (?:\p{Ll}+ )?\d{4} )?(?:als (?:[\p{Ll}-]+ ){1,3})?(?:werd|is) opgericht|(?:in \d{4} )?opgericht (?:in|door|als|op) )/uy;

function foundedAfter(text: string, end: number): boolean {
  if (charCodeAt(text, end) !== 44) return false; // ,
  FOUNDED_AFTER.lastIndex = end;
  return FOUNDED_AFTER.test(text);
}

/** A plausible name that context makes an organisation: a cue noun before or after it, a publisher's place, an affiliation. */
function contextCandidate(ctx: Context, seg: Segment, nameCount: number): Candidate | null {
  const { text } = ctx;
  const cueKind = cueNounBefore(text, seg.start);
  const initial = isSentenceInitial(text, seg.start);
  if (cueKind && !initial) {
    const cand: Candidate = { start: seg.start, end: seg.end, name: seg.text, kind: cueKind, aliases: [], strength: 1 };
    // "de buurtteamorganisatie Sociaal": a one-word name is known with its noun
    const noun = wordBefore(text, seg.start).word;
    if (nameCount === 1 && noun) cand.aliases.push(`${noun} ${seg.text}`);
    return cand;
  }
  const afterKind = cueNounAfter(text, seg.end) ?? (foundedAfter(text, seg.end) ? 'anders' : null);
  if (afterKind) return { start: seg.start, end: seg.end, name: seg.text, kind: afterKind, aliases: [], strength: 1 };
  if (publisherPlaceBefore(ctx, seg)) return { start: seg.start, end: seg.end, name: seg.text, kind: 'bedrijf', aliases: [], strength: 1 };
  if (!initial && hasAffiliationCue(text, seg.start) && endsAffiliation(text, seg.end)) return { start: seg.start, end: seg.end, name: seg.text, kind: 'anders', aliases: [], strength: 1 };
  if (nameCount <= 4 && endsAffiliation(text, seg.end) && hasPersonBefore(text, seg.start)) return { start: seg.start, end: seg.end, name: seg.text, kind: 'anders', aliases: [], strength: 1 };
  return null;
}

/** Lists: "Het Nederlands Jeugdinstituut, Vilans en Movisie", "Movisie, Tekstwerk en Datalab": a plausible name listed with an organisation is one. */
function listMembers(ctx: Context, items: RunItem[], out: Candidate[], covered: (start: number, end: number) => boolean): void {
  const { text } = ctx;
  const isOrgAt = (s: Segment) => out.some((c) => c.start <= s.start && c.end >= s.end) || covered(s.start, s.end);
  const chain = items.filter((it) => !it.inParens);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < chain.length; i++) {
      const it = chain[i];
      if (it.cand || it.known) continue;
      const prev = chain[i - 1];
      const next = chain[i + 1];
      const linkedPrev = prev && it.seg.start - prev.seg.end < 70 && LIST_GAP.test(text.slice(prev.seg.end, it.seg.start)) && isOrgAt(prev.seg);
      const linkedNext = !linkedPrev && next && next.seg.start - it.seg.end < 70 && LIST_GAP.test(text.slice(it.seg.end, next.seg.start)) && isOrgAt(next.seg);
      if (!linkedPrev && !linkedNext) continue;
      if (isOrgAt(it.seg) || /^ \(pag/.test(text.slice(it.seg.end, it.seg.end + 6))) continue;
      if (!(it.plausible ??= plausibleName(ctx, it.seg)) || isSentenceInitial(text, it.seg.start)) continue;
      it.cand = { start: it.seg.start, end: it.seg.end, name: it.seg.text, kind: 'anders', aliases: [], strength: 1 };
      out.push(it.cand);
    }
  }
}

const EMAIL_DOMAIN = /([\w-]{2,40})\.(?:nl|com|org|eu|net|be|info)\b/y;

/** "x@movisie.nl": the domain names an organisation the gazetteer knows. */
function findEmailDomains(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    if (!/[\w.+-]/.test(text.charAt(at - 1))) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const m = EMAIL_DOMAIN.exec(text);
    if (!m) continue;
    const label = m[1].toLowerCase().replace(/[^a-z0-9]/g, '');
    const org = knownIndex().byCompactName.get(label);
    if (!org) continue;
    out.push({ start: at + 1, end: at + 1 + m[1].length, name: org.name, kind: org.kind, aliases: [], strength: 3 });
  }
  return out;
}

/** Ambiguous known names ("Randstad", "Trouw") need an organisation cue or a list with organisations. */
function confirmAmbiguous(ctx: Context, cands: Candidate[], known: Candidate[]): Candidate[] {
  return known.filter((k) => {
    if (k.strength > 0) return true;
    if (isSentenceInitial(ctx.text, k.start)) return false;
    // "Veilig Thuis" mid-sentence with every word capitalised is the organisation, "veilig thuis" is not
    const words = ctx.text.slice(k.start, k.end).split(' ');
    if (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w))) {
      k.strength = 2;
      return true;
    }
    if (hasAffiliationCue(ctx.text, k.start) || cueNounKind(wordBefore(ctx.text, k.start).word)) {
      k.strength = 1;
      return true;
    }
    const near = (a: number, b: number) => b >= a && b - a < 70;
    const linked = cands.some((c) => c !== k && c.strength > 0 && ((near(c.end, k.start) && LIST_GAP.test(ctx.text.slice(c.end, k.start))) || (near(k.end, c.start) && LIST_GAP.test(ctx.text.slice(k.end, c.start)))));
    if (linked) k.strength = 1;
    return linked;
  });
}

/** Longest candidate wins; at equal span the stronger one. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.strength - a.strength || a.start - b.start);
  const kept: Candidate[] = [];
  // which kept candidate owns each character (-1: none): kept candidates never overlap one another, so a
  // clash is found by looking at the candidate's own characters, not at every kept one (that was quadratic)
  let maxEnd = 0;
  for (const c of sorted) if (c.end > maxEnd) maxEnd = c.end;
  const owner = new Int32Array(maxEnd).fill(-1);
  const claim = (c: Candidate, index: number) => owner.fill(index, Math.max(0, c.start), c.end);
  for (const c of sorted) {
    let clash = -1;
    let clashes = 0;
    for (let k = Math.max(0, c.start); k < c.end; k++) {
      const o = owner[k];
      if (o >= 0 && o !== clash) {
        clash = o;
        clashes++;
      }
    }
    if (clashes === 0) {
      kept.push(c);
      claim(c, kept.length - 1);
      continue;
    }
    // a known organisation inside a context-only run ("Raad van Bestuur Movisie"): keep the known one
    const k = kept[clash];
    if (clashes === 1 && c.strength === 3 && k.strength === 1 && k.start <= c.start && k.end >= c.end) {
      owner.fill(-1, Math.max(0, k.start), k.end);
      kept[clash] = c;
      claim(c, clash);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** ", Alles is Gezondheid, FNO zorg voor Kansen, ": a list item that goes on with another item after it. */
const LISTED_NAME = /, (\p{Lu}[\p{L}\p{M}\d&'’-]*(?: (?:\p{Ll}+|\p{Lu}[\p{L}\p{M}\d&'’-]*)){1,3})(?=, \p{Lu}|,? en (?:de |het )?\p{Lu})/uy;
const NOT_IN_LISTED_NAME = new Set(['en', 'of', 'maar', 'dat', 'die', 'want', 'zijn', 'was', 'heeft', 'hebben']);

/**
 * Names with lower-case words inside ("Alles is Gezondheid", "FNO zorg voor Kansen") are no capitalised
 * run; in a list right after an organisation, an item that starts and ends with a capital is one too.
 */
function withListedNames(text: string, kept: Candidate[]): Candidate[] {
  const extra: Candidate[] = [];
  for (let i = 0; i < kept.length; i++) {
    let prev = kept[i];
    while (charCodeAt(text, prev.end) === 44) {
      LISTED_NAME.lastIndex = prev.end;
      const m = LISTED_NAME.exec(text);
      if (!m) break;
      const start = prev.end + 2;
      const end = start + m[1].length;
      const next = kept[i + 1];
      if ((next && next.start < end) || !listedName(m[1])) break;
      prev = { start, end, name: m[1], kind: 'anders', aliases: [], strength: 1 };
      extra.push(prev);
    }
  }
  return extra.length ? [...kept, ...extra].sort((a, b) => a.start - b.start) : kept;
}

function listedName(item: string): boolean {
  const words = item.split(' ');
  const last = words[words.length - 1];
  if (!/^\p{Lu}/u.test(last) || isFirstName(words[0])) return false;
  let lower = 0;
  for (const w of words) {
    if (!/^\p{Ll}/u.test(w)) continue;
    if (NOT_IN_LISTED_NAME.has(w)) return false;
    lower++;
  }
  return lower > 0 && lower <= 2;
}

export function findOrganisations(text: string, municipalities: EntityMention[] = findMunicipalities(text)): EntityMention[] {
  const ctx = contextOf(text, municipalities);
  const ministries = findMinistries(text);
  const known = findKnown(text).filter((k) => !ministries.some((m) => m.start <= k.start && m.end >= k.end));
  const runs = findByRuns(ctx, [...known, ...ministries]);
  const confirmed = confirmAmbiguous(ctx, [...ministries, ...runs, ...known], known);
  const emails = findEmailDomains(text);
  const all = withListedNames(text, resolveOverlaps([...ministries, ...confirmed, ...runs, ...emails])).filter(
    (c) => !isMunicipalityExactly(ctx, c.start, c.end) && !/^(?:gemeente|provincie)\b/i.test(c.name),
  );
  return all.map((c) => ({
    type: 'ORGANISATION' as const,
    name: c.name,
    surface: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    aliases: c.aliases.length ? [...new Set(c.aliases)] : undefined,
    props: { kind: c.kind },
  }));
}

export const extractOrganisations: MentionExtractor = (ctx: SectionContext) => findOrganisations(ctx.text, sectionMunicipalities(ctx));
