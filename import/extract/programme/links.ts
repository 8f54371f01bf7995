/**
 * Relations of programme mentions within one section:
 *  RUNS_IN  programme -> municipality named in the same sentence ("in Amersfoort", "de Utrechtse
 *           Regenboogagenda", "gemeente X startte Y"), or the municipality a section is about;
 *  RUN_BY   programme -> organisation that runs, develops or funds it, when the sentence says so
 *           ("een initiatief van X", "ontwikkeld door", "gefinancierd door", "X van Movisie", "(ZonMw)").
 */
import type { EntityMention, RelationCandidate, SectionContext, Sentence } from '../model.ts';
import { municipalityByName } from '../../gazetteers.ts';
import { sentenceAt } from '../../sentences.ts';

/** Capitalised adjectives of municipalities ("de Utrechtse Regenboogagenda", "de Amersfoortse aanpak"). */
const ADJECTIVE = /(?<![\p{L}])\p{Lu}[\p{L}-]+(?:se|sche)(?![\p{L}])/gu;

const ADJECTIVE_AT = new RegExp(ADJECTIVE.source, 'uy');
/** Every adjective ends in "se" or "sche" before a non-letter; found with a literal, which is far cheaper than ADJECTIVE's scan. */
const ADJECTIVE_END = /s(?:ch)?e(?![\p{L}])/gu;
const LETTER = /\p{L}/u;
const SURROGATE = /[\ud800-\udfff]/;
const letterClass = new Uint8Array(0x10000); // 1 = letter, 2 = not, 0 = unknown

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let k = letterClass[c];
  if (k === 0) letterClass[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * Where ADJECTIVE can start: the start of the run of letters and hyphens before an "-se"/"-sche"
 * ending, and every position after a hyphen in it (the lookbehind only forbids a letter before).
 * Null when the text has astral characters (code points in two code units): then scan as usual.
 */
function adjectiveStarts(text: string): number[] | null {
  if (SURROGATE.test(text)) return null;
  const out: number[] = [];
  let floor = 0;
  ADJECTIVE_END.lastIndex = 0;
  for (let m = ADJECTIVE_END.exec(text); m; m = ADJECTIVE_END.exec(text)) {
    let r = m.index;
    while (r > floor && (isLetter(text.charCodeAt(r - 1)) || text.charCodeAt(r - 1) === 45)) r--;
    for (let p = r; p < m.index; p++) if (p === r || text.charCodeAt(p - 1) === 45) out.push(p);
    floor = m.index + m[0].length;
  }
  return out;
}

function* adjectiveMatches(text: string): Generator<RegExpMatchArray> {
  const starts = adjectiveStarts(text);
  if (starts === null) {
    yield* text.matchAll(ADJECTIVE);
    return;
  }
  let next = 0;
  for (const p of starts) {
    if (p < next) continue;
    ADJECTIVE_AT.lastIndex = p;
    const m = ADJECTIVE_AT.exec(text);
    if (m) {
      next = m.index + m[0].length;
      yield m;
    }
  }
}

function municipalityAdjectives(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (const m of adjectiveMatches(text)) {
    const match = municipalityByName(m[0]);
    if (match && match.via === 'adjective' && !match.ambiguous) out.push({ name: match.municipality.name, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const ANAPHOR = /^(?:Het|Dit|Deze|Die|Dat|Hij|Zij)\s+(?:is|was|wordt|werd|heeft|had|richt|helpt|biedt|draait|loopt|werkt|bestaat|startte|start)\b/u;

/** Sections longer than this are too broad for "the only municipality named here" to mean "where it runs". */
const SINGLE_MUNICIPALITY_MAX_LENGTH = 3000;

/** Sentence words that make an organisation in it the runner, developer or funder of the programme. */
const RUNNER_CUE =
  /\b(?:initiatief|ontwikkel\w*|gefinancierd|financier\w*|subsidie\w*|opdracht|co[öo]rdin\w*|uitgevoerd|voert\w*|steun|ondersteun\w*|samen|samenwerking|organiseer\w*|georganiseerd|biedt|bieden|aangeboden|lanceer\w*|gelanceerd|werkt|werken|gestart|start\w*|opgezet|partners?|evenement van|mogelijk gemaakt|draait|publiceer\w*|gepubliceerd|verscheen|presenteer\w*|gepresenteerd|uitgave|vernieuwt|beheer\w*)\b/iu;

/** Text between a programme and an organisation that ties them directly: "X van Movisie", "X (ZonMw)". */
const DIRECT_LINK = /^\s*(?:[’'”"])?\s*(?:van(?:\s+(?:de|het))?|door(?:\s+(?:de|het))?|\(|,\s*een\s+(?:initiatief|project|programma|product|uitgave)\s+van(?:\s+(?:de|het))?)\s*$/iu;


/** The municipality the whole section is about: named often, and far more than any other. */
function dominantMunicipality(ctx: SectionContext, munis: EntityMention[]): string | null {
  if (munis.length === 0) return null;
  const counts = new Map<string, number>();
  for (const m of munis) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [name, n] = ranked[0];
  const second = ranked[1]?.[1] ?? 0;
  if (ranked.length === 1 && (ctx.text.length <= SINGLE_MUNICIPALITY_MAX_LENGTH || n >= 2)) return name;
  const inTitle = ctx.section.title.includes(name);
  if ((n >= 3 || inTitle) && n >= 2 * second && n / munis.length >= 0.5) return name;
  return null;
}

export function linkProgrammes(ctx: SectionContext, mentions: EntityMention[]): RelationCandidate[] {
  const programmes = mentions.filter((m) => m.type === 'PROGRAMME');
  if (programmes.length === 0) return [];
  const adjectives = municipalityAdjectives(ctx.text).filter((a) => !mentions.some((m) => m.type === 'MUNICIPALITY' && m.start <= a.start && a.end <= m.end));
  const munis: EntityMention[] = [
    ...mentions.filter((m) => m.type === 'MUNICIPALITY'),
    ...adjectives.map((a): EntityMention => ({ type: 'MUNICIPALITY', name: a.name, surface: ctx.text.slice(a.start, a.end), start: a.start, end: a.end })),
  ];
  const orgs = mentions.filter((m) => m.type === 'ORGANISATION');
  const out = new Map<string, RelationCandidate>();
  const add = (c: RelationCandidate) => {
    const key = `${c.type}|${c.from.name}|${c.to.name}`;
    const prev = out.get(key);
    if (!prev || (c.weight ?? 0) > (prev.weight ?? 0)) out.set(key, c);
  };

  for (const p of programmes) {
    const own = sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
    // "‘Wat telt’ is een instrument … Het is ontwikkeld in Eindhoven": a next sentence that opens
    // with a pronoun still speaks about the programme.
    const nextIdx = ctx.sentences.indexOf(own as Sentence) + 1;
    const next = nextIdx > 0 ? ctx.sentences[nextIdx] : undefined;
    const continues = next !== undefined && ANAPHOR.test(ctx.text.slice(next.start, next.start + 20));
    const s = continues ? { start: own.start, end: next.end } : own;
    // Cue words inside names do not count ("Samen Thuis" is no "samen met").
    let sentenceText = ctx.text.slice(s.start, s.end);
    for (const other of mentions) {
      if (other.start >= s.start && other.end <= s.end) {
        sentenceText = sentenceText.slice(0, other.start - s.start) + ' '.repeat(other.end - other.start) + sentenceText.slice(other.end - s.start);
      }
    }
    const from = { type: 'PROGRAMME' as const, name: p.name };
    for (const m of munis) {
      if (m.start < s.start || m.end > s.end) continue;
      add({ type: 'RUNS_IN', from, to: { type: 'MUNICIPALITY', name: m.name }, weight: 1, start: s.start, end: s.end });
    }
    const cue = RUNNER_CUE.test(sentenceText);
    for (const o of orgs) {
      if (o.start < s.start || o.end > s.end) continue;
      if (o.start < p.end && p.start < o.end) continue;
      const between = o.start >= p.end ? ctx.text.slice(p.end, o.start) : '';
      const direct = DIRECT_LINK.test(between);
      if (!direct && !cue) continue;
      add({ type: 'RUN_BY', from, to: { type: 'ORGANISATION', name: o.name }, weight: direct ? 1 : 0.5, start: s.start, end: s.end });
    }
  }

  // A section about a programme (named in its title): where "in X" / "gemeente X" is said, it runs.
  const title = ctx.section.title;
  const titled = programmes.filter((p) => title.includes(p.name));
  if (titled.length > 0) {
    for (const m of munis) {
      const before = ctx.text.slice(Math.max(0, m.start - 10), m.start);
      if (!/(?:\bin|\bgemeente)\s+$/iu.test(before)) continue;
      const s = sentenceAt(ctx.sentences, m.start) ?? { start: m.start, end: m.end };
      for (const p of titled) add({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name: m.name }, weight: 0.5, start: s.start, end: s.end });
    }
  }

  const home = dominantMunicipality(ctx, munis);
  if (home) {
    for (const p of programmes) {
      const s = sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
      add({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name: home }, weight: 0.5, start: s.start, end: s.end });
    }
  }
  return [...out.values()];
}

/** How many sections before a section still count as "the same article". */
const ARTICLE_WINDOW = 4;
const ARTICLE_LINK_WEIGHT = 0.3;

/**
 * Document-level pass (for the pipeline to call after the per-section linkers): a programme in a
 * section that names no municipality runs in the municipality its article is about — named in
 * the title of one of the sections just before it ("Alphen-Chaam, Baarle-Nassau en Gilze en
 * Rijen: ABG-gemeenten"), or else the municipality those sections name most (at least twice, and
 * twice as often as any other). Only sections before count: boxes and "meer weten" parts close an
 * article, and the next section may already open another one.
 * Returns extra candidates per section, with the programme's own sentence as evidence.
 */
export function linkProgrammesAcrossSections(contexts: SectionContext[], mentionsBySection: EntityMention[][]): RelationCandidate[][] {
  const muniMentions = mentionsBySection.map((ms) => ms.filter((m) => m.type === 'MUNICIPALITY'));
  return contexts.map((ctx, i) => {
    const programmes = mentionsBySection[i].filter((m) => m.type === 'PROGRAMME');
    if (programmes.length === 0 || muniMentions[i].length > 0) return [];
    const inTitles = new Set<string>();
    const counts = new Map<string, number>();
    for (let j = Math.max(0, i - ARTICLE_WINDOW); j < i; j++) {
      if (j === i) continue;
      const titleLength = contexts[j].section.title.length;
      for (const m of muniMentions[j]) {
        counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
        // the title is the first line of the section text; an article's titles come before its boxes
        if (j < i && m.end <= titleLength && contexts[j].text.startsWith(contexts[j].section.title.slice(0, 20))) inTitles.add(m.name);
      }
    }
    const targets = new Set(inTitles);
    if (targets.size === 0 && counts.size > 0) {
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      const [name, n] = ranked[0];
      if (n >= 2 && n >= 2 * (ranked[1]?.[1] ?? 0)) targets.add(name);
    }
    if (targets.size === 0) return [];
    const out: RelationCandidate[] = [];
    const seen = new Set<string>();
    for (const p of programmes) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      const s = sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
      for (const name of targets) {
        out.push({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name }, weight: ARTICLE_LINK_WEIGHT, start: s.start, end: s.end });
      }
    }
    return out;
  });
}
