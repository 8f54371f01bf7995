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
import type { EntityMention, MentionExtractor, RelationCandidate, RelationLinker, SectionContext } from './model.ts';
import { cueKind, cueWordSource, nameHeadKind, isNameHead, type ProgrammeKind } from './programme/cues.ts';
import { NAME, TOKEN, FUNCTION_WORDS, cleanName, isLawName, nameKey, stripArticle } from './programme/names.ts';
import { linkProgrammes as linkProgrammeRelations } from './programme/links.ts';
import { isKnownNonProgramme } from './programme/known.ts';

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

const CUE_WORD = cueWordSource();
const DEBUG = typeof process !== 'undefined' && process.env.PROG_DEBUG === '1';
const OPEN_QUOTES = '‘\'"“';
const CLOSE_FOR: Record<string, string> = { '‘': '’', "'": "'", '"': '"', '“': '”' };

/** A quoted span: opening quote after a boundary, closing quote before a boundary. */
const QUOTED = /(?<=^|[\s(\[:;—–])([‘'"“])([^‘’'"“”\n]{2,160}?)([’'"”])(?=$|[\s.,;:!?)\]…-])/gu;
/** A cue word (optionally capitalised) followed by a capitalised name, optionally after a colon. */
const CUE_THEN_NAME = new RegExp(`(?<![\\p{L}-])(${CUE_WORD.replace('[\\p{Ll}]*', '[\\p{Lu}\\p{Ll}]?[\\p{Ll}]*')})(?::)?[ \\t]+(${NAME})`, 'gu');
/** Name followed by a definition: "X is een (…) initiatief", "X, een weerbaarheidstraining". */
const NAME_IS_CUE = new RegExp(
  `(?<![\\p{L}0-9])(${NAME})(?:[’'”"])?(?:,[ \\t]+(?:een|het|de)|[ \\t]+(?:is|was|wordt|werd)[ \\t]+(?:een|de|het)(?:[ \\t]+(?:enige|eerste|nieuwe|landelijke))?)[ \\t]+((?:[\\p{Ll}-]+[ \\t]+){0,3}?)(${CUE_WORD})(?![\\p{L}])`,
  'gu',
);
const NAME_DEVELOPED_BY = new RegExp(`(?<![\\p{L}0-9])(${NAME})[ \\t]+(?:is|werd|wordt)[ \\t]+(?:ontwikkeld|bedacht|opgezet|gestart|opgericht)[ \\t]+(?:door|van|in)\\b`, 'gu');
/** CamelCase words: MantelScan, PiëzoMethodiek, DayMate, WIsH, InstrumentWijzer.nl. */
const CAMEL = /(?<![\p{L}0-9@\/.#-])(\p{Lu}+\p{Ll}+(?:\p{Lu}+\p{Ll}*)+(?:-\p{Lu}\p{L}*)?)(\.nl)?(?![\p{L}0-9@])/gu;
/** Capitalised runs, checked for a programme head word at their end. */
const CAPITALISED_RUN = new RegExp(`(?<![\\p{L}0-9@/.#])(${TOKEN}(?:[ \\t]+${TOKEN}){0,4})(?![\\p{L}0-9])`, 'gu');
const HASHTAG = /(?<![\p{L}0-9&\/])#(\p{L}[\p{L}0-9]{2,40})/gu;

/** Big consumer platforms and brands that are tools people use, not social-domain programmes. */
const CAMEL_STOP = new Set(['whatsapp', 'youtube', 'linkedin', 'tiktok', 'powerpoint', 'iphone', 'ipad', 'facebook', 'mcdonalds', 'paypal', 'playstation', 'wifi']);

function tagged(out: Candidate[], rule: string): { push: (c: Candidate) => void } {
  return { push: (c: Candidate) => out.push({ ...c, rule }) };
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}0-9]/u.test(word);
}

/** True when `pos` starts its sentence (ignoring quotes, bullets and spaces before it). */
function isSentenceInitial(ctx: SectionContext, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[\s‘'"“(•*–—-]/.test(ctx.text[i])) {
    if (ctx.text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  return /[.!?:;]/.test(ctx.text[i]);
}

/** The last word before `pos` (within the sentence), lower-cased; '' if none. */
function wordsBefore(text: string, pos: number, max: number): string[] {
  const left = text.slice(Math.max(0, pos - 120), pos);
  const cut = Math.max(left.lastIndexOf('.'), left.lastIndexOf(':'), left.lastIndexOf(';'), left.lastIndexOf('\n'), left.lastIndexOf('!'), left.lastIndexOf('?'));
  const clause = cut >= 0 ? left.slice(cut + 1) : left;
  const words = clause.split(/[\s]+/).filter(Boolean);
  return words.slice(-max);
}

function acceptableName(name: string): boolean {
  const bare = stripArticle(name);
  if (bare.length < 3 || bare.length > 140) return false;
  if (!/\p{L}{2}/u.test(bare)) return false;
  if (/^\d+$/.test(bare)) return false;
  if (FUNCTION_WORDS.has(bare.toLowerCase())) return false;
  if (isLawName(bare)) return false;
  if (isKnownNonProgramme(bare)) return false;
  if (/@|www\.|https?:/.test(bare)) return false;
  return true;
}

function quotedCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'quoted');
  const text = ctx.text;
  for (const m of text.matchAll(QUOTED)) {
    const open = m[1];
    const close = m[3];
    if (CLOSE_FOR[open] !== close) continue;
    const inner = cleanName(m[2]);
    if (!inner) continue;
    const start = m.index! + 1;
    const end = start + m[2].length;
    const words = inner.split(/\s+/);
    if (words.length > 14) continue;
    const before = wordsBefore(text, m.index!, 7);
    const prev = before[before.length - 1] ?? '';
    // A cue noun just before the quote (with at most a few words of description between).
    let kind: ProgrammeKind | null = null;
    let cueDistance = -1;
    for (let k = before.length - 1; k >= 0 && k >= before.length - 6; k--) {
      const w = before[k].replace(/[,()]/g, '');
      const c = cueKind(w);
      if (c && /^\p{Ll}|^[\p{Lu}]{2,}-/u.test(w) || (c && k === before.length - 1)) {
        kind = c;
        cueDistance = before.length - 1 - k;
        break;
      }
      if (/[,()]/.test(before[k]) && k < before.length - 1) break;
    }
    const capital = isCapitalised(inner);
    const inParens = /\(\s*(?:[\p{L}-]+\s+)?$/u.test(text.slice(Math.max(0, m.index! - 25), m.index!));
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    const definedAfter = new RegExp(`^[ \\t]+(?:is|was|wordt)[ \\t]+(?:een|de|het)[ \\t]+(?:[\\p{Ll}-]+[ \\t]+){0,3}?${CUE_WORD}(?![\\p{L}])`, 'u').test(after);
    const speechLike = /[.?!,]$/.test(m[2].trim()) && words.length > 4;
    if (kind && cueDistance <= 1 && !speechLike && (capital || cueDistance === 0)) {
      out.push({ name: inner, start, end, kind, strength: 3 });
    } else if (kind && capital && !speechLike && words.length <= 8) {
      out.push({ name: inner, start, end, kind, strength: 2 });
    } else if (definedAfter && capital && words.length <= 6) {
      const cue = /(\S+)\s*$/.exec(after.match(new RegExp(`${CUE_WORD}`, 'u'))?.[0] ?? '')?.[1] ?? '';
      out.push({ name: inner, start, end, kind: cueKind(cue) ?? 'anders', strength: 2 });
    } else if (inParens && capital && words.length <= 3 && !/[.?!,]$/.test(inner)) {
      out.push({ name: inner, start, end, kind: 'anders', strength: 1 });
    } else if (capital && words.length === 1 && /\p{Ll}\p{Lu}/u.test(inner)) {
      out.push({ name: inner, start, end, kind: 'anders', strength: 1 });
    }
    void prev;
  }
}

/** Trim a name run at the first token that ends a name ("Jong in Amersfoort ingezet" never occurs; guards are here). */
function trimRun(name: string): string {
  const tokens = name.split(/\s+/);
  while (tokens.length > 1 && /^(?:in|op|met|voor|van|de|der|den|het|aan|bij|naar|tot|zonder|om|uit|over|te|tegen|door|&)$/.test(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

function cueNameCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'cue');
  const text = ctx.text;
  for (const m of text.matchAll(CUE_THEN_NAME)) {
    const cue = m[1];
    const kind = cueKind(cue);
    if (!kind) continue;
    let name = trimRun(m[2]);
    let start = m.index! + m[0].length - m[2].length;
    const cueCapitalised = isCapitalised(cue);
    if (cueCapitalised) {
      // "Toolkit Implementatie", "Masterclass X": a capitalised head word belongs to the name.
      if (!isNameHead(cue) && !cueKind(cue)) continue;
      if (isSentenceInitial(ctx, m.index!) && ['Project', 'Programma', 'Pilot', 'Methode', 'Training', 'Platform', 'Campagne'].includes(cue)) {
        // "Project X" at the start of a sentence or a heading: the name is what follows.
      } else {
        name = `${cue} ${name}`;
        start = m.index!;
      }
    }
    const first = name.split(/\s+/)[0];
    if (FUNCTION_WORDS.has(first.toLowerCase())) continue;
    if (/^[\p{Lu}]{1,2}$/u.test(name)) continue;
    out.push({ name, start, end: start + name.length, kind, strength: 3 });
  }
}

function definitionCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'definition');
  const text = ctx.text;
  for (const m of text.matchAll(NAME_IS_CUE)) {
    let name = trimRun(m[1]);
    let start = m.index!;
    const kind = cueKind(m[3]);
    if (!kind) continue;
    // Only the subject of the sentence (or an apposition) is the name.
    const initial = isSentenceInitial(ctx, start);
    const apposition = m[0].includes(',');
    if (!initial && !apposition) continue;
    if (initial && /^(?:Het|De|Een)\s/.test(name)) {
      name = name.replace(/^(?:Het|De|Een)\s+/, '');
      start = m.index! + m[1].indexOf(name);
    }
    const first = name.split(/\s+/)[0];
    if (FUNCTION_WORDS.has(first.toLowerCase())) continue;
    out.push({ name, start, end: start + name.length, kind, strength: 2 });
  }
  for (const m of text.matchAll(NAME_DEVELOPED_BY)) {
    if (!isSentenceInitial(ctx, m.index!)) continue;
    const name = trimRun(m[1]);
    const first = name.split(/\s+/)[0];
    if (FUNCTION_WORDS.has(first.toLowerCase()) && !/^De\s+\p{Lu}/u.test(name)) continue;
    out.push({ name, start: m.index!, end: m.index! + name.length, kind: 'methode', strength: 2 });
  }
}

function shapeCandidates(ctx: SectionContext, out0: Candidate[]): void {
  const out = tagged(out0, 'shape');
  const text = ctx.text;
  for (const m of text.matchAll(CAMEL)) {
    const word = m[1];
    if (CAMEL_STOP.has(word.toLowerCase())) continue;
    if (word.length < 4) continue;
    const name = m[2] ? word + m[2] : word;
    const kind = m[2] ? 'platform' : nameHeadKind(word) ?? 'anders';
    out.push({ name, start: m.index!, end: m.index! + name.length, kind, strength: 1 });
  }
  for (const m of text.matchAll(HASHTAG)) {
    out.push({ name: `#${m[1]}`, start: m.index!, end: m.index! + m[0].length, kind: 'campagne', strength: 2 });
  }
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const run = m[1];
    const tokens = run.split(/[ \t]+/);
    // Headings in capitals are not names.
    if (tokens.length > 1 && tokens.every((t) => t === t.toUpperCase())) continue;
    let lastIdx = tokens.length - 1;
    while (lastIdx > 0 && /^\d+$/.test(tokens[lastIdx])) lastIdx--;
    const last = tokens[lastIdx];
    const lastLower = last.toLowerCase();
    const compoundHead = nameHeadKind(lastLower.split('-').pop() ?? lastLower) && lastLower.includes('-') ? nameHeadKind(lastLower.split('-').pop()!) : null;
    const kind = nameHeadKind(lastLower) ?? compoundHead ?? (tokens.length > 1 && isNameHead(lastLower) ? nameHeadKind('x' + lastLower) : null);
    if (!kind) continue;
    if (last === last.toUpperCase()) continue;
    let start = m.index!;
    let useTokens = tokens;
    if (isSentenceInitial(ctx, start)) {
      const articleBefore = /(?:^|[\s‘'"“])(?:Het|De|het|de)\s+$/u.test(text.slice(Math.max(0, start - 5), start));
      if (!articleBefore && tokens.length === 1) continue;
      // Sentence-initial multiword run: the first word may just be the capitalised sentence start.
      if (!articleBefore && tokens.length > 1 && FUNCTION_WORDS.has(tokens[0].toLowerCase())) {
        start += tokens[0].length + 1;
        useTokens = tokens.slice(1);
      }
    }
    if (FUNCTION_WORDS.has(useTokens[0].toLowerCase())) {
      start += useTokens[0].length + 1;
      useTokens = useTokens.slice(1);
      if (useTokens.length === 0) continue;
    }
    const name = useTokens.join(' ');
    out.push({ name, start, end: start + name.length, kind, strength: 1 });
  }
}

/** Overlapping candidates: keep the stronger, then the longer one. */
function settleOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
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
      if (/[\p{L}0-9]/u.test(before) || /[\p{L}0-9]/u.test(after)) continue;
      extra.push({ ...c, name: bare, start: i, end: i + bare.length, strength: 0 });
    }
  }
  return extra;
}

export const extractProgrammes: MentionExtractor = (ctx) => {
  const cands: Candidate[] = [];
  quotedCandidates(ctx, cands);
  cueNameCandidates(ctx, cands);
  definitionCandidates(ctx, cands);
  shapeCandidates(ctx, cands);
  const accepted = settleOverlaps(cands.filter((c) => acceptableName(c.name)));
  const all = settleOverlaps([...accepted, ...repeatOccurrences(ctx.text, accepted)]);
  const kindByKey = new Map<string, ProgrammeKind>();
  for (const c of accepted) if (!kindByKey.has(nameKey(c.name)) || c.kind !== 'anders') kindByKey.set(nameKey(c.name), c.kind);
  return all.map((c): EntityMention => {
    const name = stripArticle(c.name);
    const aliases = name !== c.name ? [c.name] : undefined;
    return {
      type: 'PROGRAMME',
      name,
      surface: ctx.text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      ...(aliases ? { aliases } : {}),
      props: { kind: kindByKey.get(nameKey(c.name)) ?? c.kind, ...(DEBUG ? { rule: c.rule ?? null } : {}) },
    };
  });
};

export const linkProgrammes: RelationLinker = (ctx, mentions): RelationCandidate[] => linkProgrammeRelations(ctx, mentions);
