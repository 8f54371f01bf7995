/**
 * Relations of programme mentions within one section:
 *  RUNS_IN  programme -> municipality named in the same sentence ("in Amersfoort", "de Utrechtse
 *           Regenboogagenda", "gemeente X startte Y"), or the municipality a section is about;
 *           not a municipality that only says where a person works ("wethouder Hoogezand-Sappemeer",
 *           "burgemeester X van Maastricht"), and no guess for a programme that a national institute
 *           makes ("het boek X van Movisie") or that the text calls national ("het landelijke programma X");
 *  RUN_BY   programme -> organisation that runs, develops or funds it, when the sentence says so
 *           ("een initiatief van X", "ontwikkeld door", "gefinancierd door", "X van Movisie", "(ZonMw)").
 */
import type { EntityMention, RelationCandidate, SectionContext, Sentence } from '../model.ts';
import { municipalityByName } from '../gazetteers.ts';
import { sentenceAt, sentenceIndexAt } from '../segment/sentences.ts';
import { isRoleWord } from '../tag/rules/people.ts';
import { emptyList } from '../packed.ts';

/** Capitalised adjectives of municipalities ("de Utrechtse Regenboogagenda", "de Amersfoortse aanpak"). */
const ADJECTIVE = /(?<![\p{L}])\p{Lu}[\p{L}-]+(?:se|sche)(?![\p{L}])/gu;

const ADJECTIVE_AT = new RegExp(ADJECTIVE.source, 'uy');
/**
 * Every adjective ends in "se" or "sche" before a non-letter; found with a literal, which is far cheaper than
 * ADJECTIVE's scan. The same scan stops at a surrogate (see adjectiveStarts); the letter after the ending is
 * tested in code, which keeps the regex free of the u flag.
 */
const ADJECTIVE_END_OR_SURROGATE = /s(?:ch)?e|[\ud800-\udfff]/g;
const LETTER = /\p{L}/u;
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
  const out: number[] = [];
  let floor = 0;
  const ending = ADJECTIVE_END_OR_SURROGATE;
  ending.lastIndex = 0;
  for (let m = ending.exec(text); m; m = ending.exec(text)) {
    if (m[0].length === 1) return null; // a surrogate
    const after = m.index + m[0].length;
    if (after < text.length && isLetter(text.charCodeAt(after))) {
      ending.lastIndex = m.index + 1; // as the lookahead (?![\p{L}]) failing there
      continue;
    }
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
/** A section longer than this holds several items: a municipality it names once places only the programmes of that paragraph. */
const ONE_MENTION_SECTION_LENGTH = 1500;

/** Sentence words that make an organisation in it the runner, developer or funder of the programme. */
const RUNNER_CUE =
  /\b(?:initiatief|ontwikkel\w*|gefinancierd|financier\w*|subsidie\w*|opdracht|co[öo]rdin\w*|uitgevoerd|voert\w*|organiseer\w*|georganiseerd|biedt|bieden|aangeboden|lanceer\w*|gelanceerd|gestart|start\w*|opgezet|evenement van|mogelijk gemaakt|draait|publiceer\w*|gepubliceerd|verscheen|presenteer\w*|gepresenteerd|uitgave|vernieuwt|beheer\w*|in handen van|geborgd|verzorgd|gemaakt door|geschreven door|uitgegeven|uitgebracht|eigenaar|(?:kar)?trekker|onder leiding van|projectleiding)\b/iu;
/** Words that make an organisation of the sentence a partner in the programme rather than the one that runs it: a weaker link. */
const PARTNER_CUE = /\b(?:samen|samenwerking|partners?|steun|ondersteun\w*|werkt|werken|betrokken)\b/iu;
/** Link weights: a direct tie ("P van Y"), a runner's cue or an item's description, a partner's cue. */
const DIRECT_WEIGHT = 1;
const RUNNER_WEIGHT = 0.5;
const PARTNER_WEIGHT = 0.3;

/** Text between a programme and an organisation that ties them directly: "X van Movisie", "X (ZonMw)". */
const DIRECT_LINK =
  /^\s*(?:[’'”"])?\s*(?:\(\s*(?:19|20)\d\d\s*\)\s*)?(?:(?:van|door)(?:\s+(?:de|het))?(?:\s+(?:brancheorganisatie|branchevereniging|kennisinstituut|stichting|vereniging|organisatie|netwerk|ministerie|instituut))?|\(|(?:,|\s+is|\s+was)\s*(?:een|de|het)\s+(?:\p{Ll}+\s+)?(?:initiatief|project|programma|product|uitgave|methode|methodiek|aanpak|interventie|instrument|training|dienst|publicatie|campagne|platform)\s+van(?:\s+(?:de|het))?)\s*$/iu;

/** Between two organisations of one list: "A en B", "A, B", "A & B", "A/B". */
const ORG_LIST_GLUE = /^\s*(?:,|en|&|\/|,\s*en)\s*(?:de\s+|het\s+)?$/u;
/** "P: Movisie heeft …", "**P:** Movisie ondersteunt …": an organisation opening the description after the item's colon. */
const ITEM_DESCRIPTION = /^[\s*’'”"]*:[\s*]*(?:de\s+|het\s+)?$/u;
/** A web or e-mail address: its domain (without "www."), up to the top-level domain. */
const WEB_DOMAIN = /(?:^|[\s(\[<@/])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9][a-z0-9-]{0,62}\.){1,3}(?:nl|org|com|eu|be|net|info))(?![a-z0-9-])/giu;
const TOP_LEVEL = /\.(?:nl|org|com|eu|be|net|info)(?![a-z0-9-])/iu;
/** Domains of mail and web services that host anyone: they say nothing about who runs a programme. */
const HOSTING_DOMAINS = new Set(['gmail', 'hotmail', 'outlook', 'live', 'yahoo', 'icloud', 'kpnmail', 'ziggo', 'xs4all', 'planet', 'home', 'youtube', 'facebook', 'twitter', 'linkedin', 'instagram', 'google', 'wordpress', 'blogspot', 'bit', 'tinyurl']);
const domainCache = { text: '', start: -1, end: -1, domains: [] as string[] };

/** The distinct domains of the web and e-mail addresses in a passage (looked up once per passage). */
function webDomains(text: string, s: { start: number; end: number }): string[] {
  const c = domainCache;
  if (c.text === text && c.start === s.start && c.end === s.end) return c.domains;
  const passage = text.slice(s.start, s.end);
  const domains = new Set<string>();
  if (TOP_LEVEL.test(passage)) {
    for (const m of passage.matchAll(WEB_DOMAIN)) {
      const domain = m[1].toLowerCase();
      const parts = domain.split('.');
      if (!HOSTING_DOMAINS.has(parts[parts.length - 2])) domains.add(domain);
    }
  }
  Object.assign(c, { text, start: s.start, end: s.end, domains: [...domains] });
  return c.domains;
}

/** Organisation kinds that work nationally: what they make or publish is not a local programme. */
const NATIONAL_MAKER_KINDS = new Set(['kennisinstituut', 'ministerie']);
/** Sentence words that say an organisation made the programme (not merely runs or supports it somewhere). */
const MAKER_CUE =
  /\b(?:ontwikkel\w*|publiceer\w*|gepubliceerd|uitgave|uitgegeven|verscheen|verschenen|presenteer\w*|gepresenteerd|evenement van|initiatief van|co[öo]rdineer\w*|co[öo]rdineert|organiseer\w*|georganiseerd)\b/iu;
/** "samen met Movisie", "in een traject met Movisie": a partner of whoever runs it, not its maker. */
const PARTNER_BEFORE = /\bmet\s+(?:de\s+|het\s+)?$/iu;
/** "het landelijke programma ‘X’", "het landelijke X-congres". */
const NATIONAL_BEFORE = /\blandelijke?\s+(?:\p{Ll}[\p{L}-]*\s+)?[‘'“"]?$/u;
/** "Annemarie Penn-te Strake van Maastricht" */
const PERSON_OF_PLACE = /^\s+van\s+(?:de\s+gemeente\s+)?$/iu;
/** "in Woerden", "uit Leeuwarden", "in de Brabantse gemeenten Bernheze": where something happens. */
const LOCATIVE_BEFORE = /\b(?:in|uit|te)\s+(?:de\s+)?(?:\p{L}+\s+)?(?:gemeenten?\s+)?$/iu;
const LIST_GLUE = /^\s*(?:,|en|of)\s*$/u;

/** A kennisinstituut or ministerie, or an organisation named for the country ("Vereniging Nederlandse Gemeenten", "Sociaal Werk Nederland"). */
function isNationalOrganisation(o: EntityMention): boolean {
  return NATIONAL_MAKER_KINDS.has(String(o.props?.kind ?? '')) || (o.name.includes('Nederland') && /\bNederland(?:se)?\b/u.test(o.name));
}

/** The word (letters and hyphens) that ends at or before `end`, skipping white space; a backward scan, cheaper than an end-anchored regex. */
function wordBefore(text: string, end: number): { word: string; start: number } | null {
  let e = end;
  while (e > 0 && /\s/.test(text.charAt(e - 1))) e--;
  let b = e;
  while (b > 0 && (isLetter(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 45)) b--;
  return b < e ? { word: text.slice(b, e), start: b } : null;
}

/**
 * A municipality that says where a person works or holds office, not where a programme runs:
 * "<role> (in|van|bij|uit)? (de)? (gemeente)? M" or "<person> van (de gemeente)? M".
 */
function isPersonsPlace(text: string, m: EntityMention, people: EntityMention[]): boolean {
  let w = wordBefore(text, m.start);
  for (const optional of [/^gemeente$/i, /^de$/, /^(?:in|van|bij|uit)$/]) if (w && optional.test(w.word)) w = wordBefore(text, w.start);
  if (w && /^\p{Ll}/u.test(w.word) && isRoleWord(w.word)) return true;
  return people.some((p) => p.end <= m.start && m.start - p.end <= 30 && PERSON_OF_PLACE.test(text.slice(p.end, m.start)));
}

/** "in Delft, Zeist en Utrecht": the municipality, or the list it ends, follows a locative preposition. */
function isLocative(text: string, m: EntityMention, munis: EntityMention[]): boolean {
  let cur = m;
  for (;;) {
    if (LOCATIVE_BEFORE.test(text.slice(Math.max(0, cur.start - 40), cur.start))) return true;
    const prev = munis.find((x) => x.end <= cur.start && cur.start - x.end <= 5 && LIST_GLUE.test(text.slice(x.end, cur.start)));
    if (!prev) return false;
    cur = prev;
  }
}

/** The parentheses a mention stands in, within [from, to): "(tevens ambassadeur van het programma ‘X’)". */
function enclosingParentheses(text: string, m: { start: number; end: number }, from: number, to: number): { open: number; close: number } | null {
  // scans stay inside [from, to): an unbounded lastIndexOf/indexOf would walk the whole section for every mention
  let open = -1;
  for (let k = m.start - 1; k >= from && open < 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 41) return null; // ')' closes an earlier parenthesis
    if (c === 40) open = k;
  }
  if (open < 0) return null;
  for (let k = m.end; k < to; k++) if (text.charCodeAt(k) === 41) return { open, close: k };
  return null;
}

/**
 * Municipalities of a sentence where the programme at p runs. A programme in parentheses belongs to
 * what heads them ("wethouder X van Leeuwarden (tevens ambassadeur van P)", "de GGD (P)"): only a
 * municipality inside them or right before them counts. A programme tied to an organisation ("P van de
 * VNG") runs only where the sentence places it ("in Woerden"), not in "een experiment van de gemeente G".
 */
function sentenceMunicipalities(text: string, p: EntityMention, s: Sentence, munis: EntityMention[], people: EntityMention[], owned: boolean): EntityMention[] {
  const inSentence = munis.filter((m) => m.start >= s.start && m.end <= s.end);
  const parens = enclosingParentheses(text, p, s.start, s.end);
  if (parens) return inSentence.filter((m) => (m.start > parens.open && m.end <= parens.close) || (m.end <= parens.open && /^\s*$/.test(text.slice(m.end, parens.open))));
  return inSentence.filter((m) => !isPersonsPlace(text, m, people) && (!owned || isLocative(text, m, inSentence)));
}

/**
 * A national institute made this mention's programme: a kennisinstituut or ministerie in the sentence is
 * tied to it directly ("het boek P van Movisie", "‘P’ van KIS") or by a maker's verb ("Movisie heeft P
 * ontwikkeld"), and is not merely a partner ("samen met Movisie").
 */
function madeNationally(text: string, p: EntityMention, s: Sentence, nationalOrgs: EntityMention[], masked: () => string): boolean {
  let cue: boolean | undefined; // the sentence is masked and searched only when a national organisation is in it
  return nationalOrgs.some((o) => {
    if (o.start < s.start || o.end > s.end) return false;
    if (PARTNER_BEFORE.test(text.slice(Math.max(0, o.start - 20), o.start))) return false;
    if (o.start >= p.end && DIRECT_LINK.test(text.slice(p.end, o.start))) return true;
    cue ??= MAKER_CUE.test(masked());
    return cue;
  });
}

/** Mention text blanked out of a sentence, so that cue words inside names do not count ("Samen Thuis" is no "samen met"). */
function maskMentions(text: string, s: { start: number; end: number }, mentions: EntityMention[]): string {
  // built once from the covered stretches in text order (not rebuilt per mention: a long passage with many names stays linear)
  const covered: { start: number; end: number }[] = [];
  for (const other of mentions) if (other.start >= s.start && other.end <= s.end && other.end > other.start) covered.push(other);
  if (covered.length === 0) return text.slice(s.start, s.end);
  covered.sort((a, b) => a.start - b.start);
  let out = '';
  let at = s.start;
  for (const c of covered) {
    if (c.end <= at) continue;
    const from = Math.max(c.start, at);
    out += text.slice(at, from) + ' '.repeat(c.end - from);
    at = c.end;
  }
  return out + text.slice(at, s.end);
}

/**
 * Programmes of a section that no guess may place in a municipality: those the text calls national, and
 * those every mention of which (in this section) a national institute is said to make, or stands in
 * parentheses after what offers it ("de GGD (P voor jongeren)": the GGD's place is not the programme's).
 */
export function unplaceableProgrammes(ctx: SectionContext, mentions: EntityMention[]): Set<string> {
  const nationalOrgs = mentions.filter((m) => m.type === 'ORGANISATION' && isNationalOrganisation(m));
  const out = new Set<string>();
  const placeable = new Set<string>();
  const names = new Set<string>();
  for (const p of mentions) {
    if (p.type !== 'PROGRAMME') continue;
    names.add(p.name);
    if (NATIONAL_BEFORE.test(ctx.text.slice(Math.max(0, p.start - 40), p.start))) out.add(p.name);
    if (placeable.has(p.name)) continue;
    const s = sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
    if (enclosingParentheses(ctx.text, p, s.start, s.end)) continue;
    if (!madeNationally(ctx.text, p, s, nationalOrgs, () => maskMentions(ctx.text, s, mentions))) placeable.add(p.name);
  }
  for (const n of names) if (!placeable.has(n)) out.add(n);
  return out;
}

/** Keeps one candidate per relation: the first of the highest weight. */
function addStrongest(out: Map<string, RelationCandidate>, c: RelationCandidate): void {
  const key = `${c.type}|${c.from.name}|${c.to.name}`;
  const prev = out.get(key);
  if (!prev || (c.weight ?? 0) > (prev.weight ?? 0)) out.set(key, c);
}

function sameParagraph(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return !text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)).includes('\n\n');
}

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
  const munis = municipalitiesOfSection(ctx, mentions);
  const people = mentions.filter((m) => m.type === 'PERSON');
  const out = new Map<string, RelationCandidate>();
  sentenceLinks(ctx, mentions, programmes, munis, people, out);

  // A section about a programme (named in its title): where "in X" / "gemeente X" is said, it runs.
  const title = ctx.section.title;
  // "raadslid gemeente Oss" under a testimonial says where its author works, not what the section is about
  const settings = munis.filter((m) => !isPersonsPlace(ctx.text, m, people));
  const home = dominantMunicipality(ctx, settings);
  const anyTitled = programmes.some((p) => title.includes(p.name));
  if (!home && !anyTitled) return [...out.values()];
  const unplaceable = unplaceableProgrammes(ctx, mentions);
  const guessable = programmes.filter((p) => !unplaceable.has(p.name));
  const titled = anyTitled ? guessable.filter((p) => title.includes(p.name)) : [];
  if (titled.length > 0) titledSectionLinks(ctx, titled, munis, out);
  if (home) homeLinks(ctx, guessable, settings, home, out);
  return [...out.values()];
}

/** The section's municipality mentions, plus adjectives ("Amsterdamse") that no mention covers. */
function municipalitiesOfSection(ctx: SectionContext, mentions: EntityMention[]): EntityMention[] {
  const adjectives = municipalityAdjectives(ctx.text).filter((a) => !mentions.some((m) => m.type === 'MUNICIPALITY' && m.start <= a.start && a.end <= m.end));
  const out = emptyList<EntityMention>();
  for (const m of mentions) if (m.type === 'MUNICIPALITY') out.push(m);
  for (const a of adjectives) out.push({ type: 'MUNICIPALITY', name: a.name, surface: ctx.text.slice(a.start, a.end), start: a.start, end: a.end });
  return out;
}

/** What each programme's own sentence says: who runs it, where it runs. */
function sentenceLinks(ctx: SectionContext, mentions: EntityMention[], programmes: EntityMention[], munis: EntityMention[], people: EntityMention[], out: Map<string, RelationCandidate>): void {
  const orgs = mentions.filter((m) => m.type === 'ORGANISATION');
  // the runner cue of a sentence is looked up only for an organisation in it that is not tied directly,
  // and once for the programmes that share the sentence
  let cueSpan: { start: number; end: number } | null = null;
  let cue: number | undefined; // the weight the sentence's cue words give, 0 for none
  let orgNames: Map<string, EntityMention> | undefined;
  for (const p of programmes) {
    const s = programmeSentence(ctx, p);
    const from = { type: 'PROGRAMME' as const, name: p.name };
    if (!cueSpan || cueSpan.start !== s.start || cueSpan.end !== s.end) {
      cueSpan = s;
      cue = undefined;
    }
    let owned = false;
    let lastDirect: EntityMention | null = null;
    for (const o of orgs) {
      if (o.start < s.start || o.end > s.end) continue;
      if (o.start < p.end && p.start < o.end) continue;
      const between = o.start >= p.end ? ctx.text.slice(p.end, o.start) : '';
      // "P van A en B", "een initiatief van A, B en C": the organisations listed after a direct tie share it
      const direct = DIRECT_LINK.test(between) || (lastDirect !== null && o.start >= lastDirect.end && ORG_LIST_GLUE.test(ctx.text.slice(lastDirect.end, o.start)));
      if (direct) lastDirect = o;
      owned ||= direct;
      // "P: Movisie heeft … uitgewerkt": the organisation that opens the description of a listed item
      const described = !direct && ITEM_DESCRIPTION.test(between);
      const weight = direct ? DIRECT_WEIGHT : described ? RUNNER_WEIGHT : (cue ??= cueWeight(maskMentions(ctx.text, s, mentions)));
      if (weight === 0) continue;
      addStrongest(out, { type: 'RUN_BY', from, to: { type: 'ORGANISATION', name: o.name }, weight, start: s.start, end: s.end });
    }
    // "Movisie-academie", "GGD-aanpak": a programme named for the organisation that runs it
    const owner = namingOrganisation(p, (orgNames ??= organisationsByName(orgs)));
    if (owner) addStrongest(out, { type: 'RUN_BY', from, to: { type: 'ORGANISATION', name: owner.name }, weight: 1, start: s.start, end: s.end });
    // "te downloaden op movisie.nl", "[www.movisie.nl/publicaties]": the organisation whose site offers it (resolved by its domain)
    for (const domain of webDomains(ctx.text, s)) {
      addStrongest(out, { type: 'RUN_BY', from, to: { type: 'ORGANISATION', name: `@${domain}` }, weight: 0.5, start: s.start, end: s.end });
    }
    for (const m of sentenceMunicipalities(ctx.text, p, s, munis, people, owned)) {
      addStrongest(out, { type: 'RUNS_IN', from, to: { type: 'MUNICIPALITY', name: m.name }, weight: 1, start: s.start, end: s.end });
    }
  }
}

function cueWeight(masked: string): number {
  return RUNNER_CUE.test(masked) ? RUNNER_WEIGHT : PARTNER_CUE.test(masked) ? PARTNER_WEIGHT : 0;
}

/** The section's organisations by name, printed form and alias (built once per section, looked up per programme). */
function organisationsByName(orgs: EntityMention[]): Map<string, EntityMention> {
  const out = new Map<string, EntityMention>();
  for (const o of orgs) for (const n of [o.name, o.surface, ...(o.aliases ?? [])]) if (!out.has(n)) out.set(n, o);
  return out;
}

/** An organisation of the section whose name (or printed form) opens the programme's name before a hyphen: "Movisie-academie". */
function namingOrganisation(p: EntityMention, orgs: Map<string, EntityMention>): EntityMention | undefined {
  const hyphen = p.name.indexOf('-');
  return hyphen < 2 ? undefined : orgs.get(p.name.slice(0, hyphen));
}

/**
 * The programme's sentence, and the next one when it opens with a pronoun: "‘Wat telt’ is een
 * instrument … Het is ontwikkeld in Eindhoven" still speaks about the programme.
 */
function programmeSentence(ctx: SectionContext, p: EntityMention): { start: number; end: number } {
  const ownIdx = sentenceIndexAt(ctx.sentences, p.start);
  const own = ownIdx >= 0 ? ctx.sentences[ownIdx] : { start: p.start, end: p.end };
  const next = ownIdx >= 0 ? ctx.sentences[ownIdx + 1] : undefined;
  const continues = next !== undefined && ANAPHOR.test(ctx.text.slice(next.start, next.start + 20));
  return continues ? { start: own.start, end: next.end } : own;
}

/** A section titled with a programme: it runs where the section says "in X" or "gemeente X". */
function titledSectionLinks(ctx: SectionContext, titled: EntityMention[], munis: EntityMention[], out: Map<string, RelationCandidate>): void {
  for (const m of munis) {
    const before = ctx.text.slice(Math.max(0, m.start - 10), m.start);
    if (!/(?:\bin|\bgemeente)\s+$/iu.test(before)) continue;
    const s = sentenceAt(ctx.sentences, m.start) ?? { start: m.start, end: m.end };
    for (const p of titled) addStrongest(out, { type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name: m.name }, weight: 0.5, start: s.start, end: s.end });
  }
}

/** A section about one municipality (see dominantMunicipality) places its programmes there, near the mention when named once. */
function homeLinks(ctx: SectionContext, guessable: EntityMention[], settings: EntityMention[], home: string, out: Map<string, RelationCandidate>): void {
  const named = settings.filter((m) => m.name === home);
  for (const p of guessable) {
    if (named.length === 1 && ctx.text.length > ONE_MENTION_SECTION_LENGTH && !sameParagraph(ctx.text, p, named[0])) continue;
    const s = sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
    addStrongest(out, { type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name: home }, weight: 0.5, start: s.start, end: s.end });
  }
}

/** How many sections before a section still count as "the same article". */
const ARTICLE_WINDOW = 4;
const ARTICLE_LINK_WEIGHT = 0.3;
/** How far back "vijf gemeenten" may point to the article that named those five municipalities. */
const COUNTED_WINDOW = 20;
const COUNT_WORDS = ['twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
/** "vijf gemeenten", "5 gemeenten": a counted group of municipalities. */
const COUNTED_MUNICIPALITIES = new RegExp(`\\b(${COUNT_WORDS.join('|')}|\\d{1,2})\\s+(?:\\p{L}+\\s+)?gemeenten\\b`, 'giu');
/** "26 Collectieve aanpakken evalueren met het Effectenplein": a table-of-contents entry (page number first) places nothing. */
const CONTENTS_ENTRY = /^\d{1,3}\s+\p{Lu}/u;

function countOf(word: string): number {
  const k = COUNT_WORDS.indexOf(word.toLowerCase());
  return k >= 0 ? k + 2 : Number(word);
}

function countedGroups(text: string): number[] {
  return text.includes('gemeenten') ? [...text.matchAll(COUNTED_MUNICIPALITIES)].map((m) => countOf(m[1])) : [];
}

function isContentsEntry(text: string, m: EntityMention): boolean {
  const lineStart = text.lastIndexOf('\n', m.start) + 1;
  return CONTENTS_ENTRY.test(text.slice(lineStart, m.start + 1));
}

/**
 * "Movisie heeft in het programma P vijf gemeenten begeleid": when an earlier section (of the last few
 * articles) speaks of the same number of municipalities, P runs in the municipalities named from that
 * section up to P's — provided they are no more than that number.
 */
function countedMunicipalities(i: number, groupsOf: (j: number) => number[], muniMentions: EntityMention[][], programmeSentences: string[]): Set<string> {
  const counts = new Set(programmeSentences.flatMap(countedGroups));
  for (const n of counts) {
    for (let j = i - 1; j >= Math.max(0, i - COUNTED_WINDOW); j--) {
      if (!groupsOf(j).includes(n)) continue;
      const names = new Set<string>();
      for (let k = j; k < i; k++) for (const m of muniMentions[k]) names.add(m.name);
      if (names.size > 0 && names.size <= n) return names;
      break;
    }
  }
  return new Set();
}

/**
 * Document-level pass (for the pipeline to call after the per-section linkers): a programme in a
 * section that names no municipality runs in the municipality its article is about — named in
 * the title of one of the sections just before it ("Alphen-Chaam, Baarle-Nassau en Gilze en
 * Rijen: ABG-gemeenten"), or else the municipality those sections name most (at least twice, and
 * twice as often as any other). Only sections before count: boxes and "meer weten" parts close an
 * article, and the next section may already open another one. A programme that says how many
 * municipalities it works with ("vijf gemeenten") runs in those its article named. Programmes that
 * no guess may place (see unplaceableProgrammes) and table-of-contents entries are left alone.
 * Returns extra candidates per section, with the programme's own sentence as evidence.
 */
export function linkProgrammesAcrossSections(contexts: SectionContext[], mentionsBySection: EntityMention[][]): RelationCandidate[][] {
  const muniMentions = mentionsBySection.map((ms) => ms.filter((m) => m.type === 'MUNICIPALITY'));
  const groups: (number[] | undefined)[] = [];
  const groupsOf = (j: number) => (groups[j] ??= countedGroups(contexts[j].text));
  return contexts.map((ctx, i) => {
    const programmes = mentionsBySection[i].filter((m) => m.type === 'PROGRAMME');
    if (programmes.length === 0) return [];
    const sentenceOf = (p: EntityMention) => sentenceAt(ctx.sentences, p.start) ?? { start: p.start, end: p.end };
    const counted = ctx.text.includes('gemeenten') ? countedMunicipalities(i, groupsOf, muniMentions, programmes.map((p) => { const s = sentenceOf(p); return ctx.text.slice(s.start, s.end); })) : new Set<string>();
    const targets = counted.size > 0 ? counted : muniMentions[i].length > 0 ? new Set<string>() : articleSetting(i, contexts, muniMentions);
    if (targets.size === 0) return [];
    const unplaceable = unplaceableProgrammes(ctx, mentionsBySection[i]);
    const out: RelationCandidate[] = [];
    const seen = new Set<string>();
    for (const p of programmes) {
      if (seen.has(p.name) || unplaceable.has(p.name) || isContentsEntry(ctx.text, p)) continue;
      seen.add(p.name);
      const s = sentenceOf(p);
      for (const name of targets) {
        out.push({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: p.name }, to: { type: 'MUNICIPALITY', name }, weight: ARTICLE_LINK_WEIGHT, start: s.start, end: s.end });
      }
    }
    return out;
  });
}

/** The municipality the sections just before section i are about (see linkProgrammesAcrossSections). */
function articleSetting(i: number, contexts: SectionContext[], muniMentions: EntityMention[][]): Set<string> {
  const inTitles = new Set<string>();
  const counts = new Map<string, number>();
  for (let j = Math.max(0, i - ARTICLE_WINDOW); j < i; j++) {
    const titleLength = contexts[j].section.title.length;
    for (const m of muniMentions[j]) {
      counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
      // the title is the first line of the section text; an article's titles come before its boxes
      if (m.end <= titleLength && contexts[j].text.startsWith(contexts[j].section.title.slice(0, 20))) inTitles.add(m.name);
    }
  }
  if (inTitles.size > 0 || counts.size === 0) return inTitles;
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [name, n] = ranked[0];
  return n >= 2 && n >= 2 * (ranked[1]?.[1] ?? 0) ? new Set([name]) : new Set();
}
