/**
 * Person links, read from the local syntax around a person mention:
 *   WORKS_FOR       "X, directeur van/bij Y", "X (Y)", "X van Y", "namens Y ... X", "Y-directeur X",
 *                   "X is/werkt (als adviseur) bij Y", an e-mail address x@y.nl right after X
 *   HOLDS_OFFICE_IN "wethouder X (Amersfoort)", "X, burgemeester van Zaanstad", "X, beleidsadviseur bij
 *                   (de gemeente) Ouder-Amstel", "wethouder in Huizen", "Burgemeester X van Zaanstad"
 * The person's role as printed goes on the relation. E-mail domains are passed to the resolver as
 * "@domain" targets, which it maps to the document's organisation whose name or acronym matches.
 */
import type { EntityMention, RelationCandidate, RelationLinker, SectionContext, Sentence } from '../model.ts';
import { sentenceAt } from '../segment/sentences.ts';
import { isRoleWord } from '../tag/rules/people.ts';

/** Roles that are held in (or for) a municipality. */
const MUNICIPAL_ROLE = /(?:wijkambtenaar|burgemeester|raadslid|gemeenteraadslid|raadsgriffier|griffier|gemeentesecretaris|fractievoorzitter|ambtenaar|beleidsmedewerker|beleidsadviseur|wijkregisseur|wijkcoördinator|consulent|teamleider|wijkteam|gemeentemedewerker)$/i;

const PREDICATE_START = /^\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:die\s+|dat\s+)?(?:[\p{L}-]+\s+){0,3}?(?:is|was|werkt|werkte|zit|zat|zwaait|blijft|wordt|werd|staat|stond)\b/iu;
/** "X: Ik werk als …", "X: ‘Ik ben …": the person introducing herself right after her name. */
const FIRST_PERSON_START = /^\s*:\s*[‘'“"]?(?:Ik|Wij|We)\s+(?:ben|werk|werkte|was|zit)\b/u;
const PREP_BEFORE_TARGET = /\b(?:bij|voor|van|aan|namens)\s+(?:de\s+|het\s+)?(?:\p{Ll}[\p{Ll}-]+\s+)?$/u;
/** E-mail addresses found from each '@' outwards (a global regex would retry its 64-character prefix at every offset). */
function emailsIn(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && /[\w.+-]/.test(text.charAt(s - 1))) s--;
    const window = text.slice(s, at + 200);
    const m = EMAIL_AT_START.exec(window);
    if (!m) continue;
    m.index = s;
    out.push(m);
  }
  return out;
}

/** A lower-case noun for a person by what she does ("voetballer", "specialist", "trainer"), glued to an organisation: "Ajax-voetballer X". */
const PERSON_NOUN = /^\p{Ll}\p{L}*(?:er|ist|eur|or|ant|ent|aris|ier|ster|lid|houder|man|vrouw|coach)$/u;
/** The words that open a picture credit: "(foto ", "Foto's en illustraties: ". */
const PICTURE_CREDIT = /\b(?:foto|foto's|fotografie|beeld|illustratie|illustraties)\s*:?\s*$/i;
const PRONOUN_OPENING = /^[‘'“"]?(?:Hij|Zij|Ze)\s+(?:is|was|werkt|werkte|zit|zat|blijft|wordt|werd)\b/;
const PRONOUN_FIRST = new Set(['‘', "'", '“', '"', 'H', 'Z']);
/** "Tijdens de ontwikkeling was hij …", "Vanaf januari is zij …": the pronoun right after the verb of a sentence that opens with a phrase. */
const PRONOUN_INVERTED = /[^.!?‘’“”"']{0,80}?\b(?:is|was|werkt|werkte|zit|zat|blijft|wordt|werd)\s+(?:hij|zij|ze)\b/y;
const ON_BEHALF = /\b(?:namens|werkgever|werkgevers)\s+(?:de\s+|het\s+)?(?:(?:partij|organisatie|stichting|vereniging)\s+)?/i;
const EMAIL_AT_START = /^[\w.+-]{1,64}@([\w-]{1,64}(?:\.[\w-]{1,64}){0,3})\.([a-z]{2,6})\b/i;
const FREE_MAIL = new Set(['gmail', 'hotmail', 'outlook', 'live', 'yahoo', 'icloud', 'kpnmail', 'ziggo', 'xs4all', 'planet', 'home']);

/** Letters and digits of a name, for comparing it with an e-mail domain. */
function compact(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

function roleOf(p: EntityMention): string | null {
  const roles = p.props?.roles;
  if (Array.isArray(roles) && roles.length) return roles[0];
  if (typeof roles === 'string') return roles;
  return null;
}

function hasMunicipalRole(p: EntityMention, extra: string | null): boolean {
  const roles = [...(Array.isArray(p.props?.roles) ? (p.props!.roles as string[]) : []), ...(extra ? [extra] : [])];
  return roles.some((r) => MUNICIPAL_ROLE.test(r.split(' ')[0]) || /wethouder|burgemeester|raadslid|ambtenaar/.test(r));
}

/** Evidence span: the whole sentence when short enough, else the span from person to target. */
function span(ctx: SectionContext, a: { start: number; end: number }, b: { start: number; end: number }): { start: number; end: number } {
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.end, b.end);
  const s = sentenceAt(ctx.sentences, start);
  if (s && s.end >= end && s.end - s.start <= 240) return { start: s.start, end: s.end };
  return { start, end };
}

/** Text between two targets of one apposition that keeps the apposition going: "en", ",", "/", or "(en) <role> bij/van". */
function chainsOn(glue: string): boolean {
  const m = /^\s*(?:,|\/|&|en\b|of\b)?\s*(?:(\p{Ll}[\p{L}-]*)\s+(?:bij|van|aan|voor|in)\s+(?:de\s+|het\s+)?(?:gemeente\s+)?)?$/u.exec(glue);
  return !!m && (!m[1] || !!isRoleWord(m[1]));
}

/** First role word in a short stretch of text ("directeur van het", ", beleidsadviseur bij de gemeente"). */
function roleIn(stretch: string): string | null {
  for (const w of stretch.split(/[^\p{L}-]+/u)) {
    if (!w) continue;
    const r = isRoleWord(w);
    if (r && /^\p{Ll}/u.test(w)) return r;
  }
  return null;
}

/**
 * What the rules of one section share: its text, its mentions (themes left out) in order, and the
 * links found so far. A class rather than closures made per call: the linker runs for every section.
 */
class SectionLinks {
  readonly ctx: SectionContext;
  readonly text: string;
  readonly sorted: EntityMention[];
  readonly out: RelationCandidate[] = [];

  constructor(ctx: SectionContext, sorted: EntityMention[]) {
    this.ctx = ctx;
    this.text = ctx.text;
    this.sorted = sorted;
  }

  /** A link of person p to an organisation or municipality t, with the sentence (or the span between them) as evidence. */
  add(p: EntityMention, t: EntityMention, role: string | null): void {
    if (t.type !== 'ORGANISATION' && t.type !== 'MUNICIPALITY') return;
    const type = t.type === 'ORGANISATION' ? 'WORKS_FOR' : 'HOLDS_OFFICE_IN';
    const ev = span(this.ctx, p, t);
    this.out.push({ type, from: { type: 'PERSON', name: p.name }, to: { type: t.type, name: t.name }, role: role ?? roleOf(p), weight: 1, start: ev.start, end: ev.end });
  }

  /** "directeur van Binding in Wijk bij Duurstede": working for an organisation placed in a municipality places the person there too. */
  orgLocation(p: EntityMention, org: EntityMention, role: string | null): void {
    const muni = this.sorted.find((m) => m.type === 'MUNICIPALITY' && m.start > org.end && m.start - org.end <= 14);
    if (muni && /^\s+(?:in|uit)\s+(?:de\s+gemeente\s+)?$/i.test(this.text.slice(org.end, muni.start))) this.add(p, muni, role);
  }
}

/**
 * The person links of one section. Each rule is a function of its own: the rules are read in this
 * order (the order of the candidates matters to the resolver), and a small function is cheap for the
 * JIT to compile again when new input makes it drop its optimised code.
 */
export function linkPersonRelations(ctx: SectionContext, mentions: EntityMention[]): RelationCandidate[] {
  if (!mentions.some((m) => m.type === 'PERSON')) return [];
  const sorted = mentions.filter((m) => m.type !== 'THEME').sort((a, b) => a.start - b.start);
  const people = sorted.filter((m) => m.type === 'PERSON');
  const links = new SectionLinks(ctx, sorted);

  for (let idx = 0; idx < sorted.length; idx++) {
    const p = sorted[idx];
    if (p.type !== 'PERSON') continue;
    const sentence = sentenceAt(ctx.sentences, p.start);
    const sentenceEnd = sentence ? sentence.end : ctx.text.length;
    const following = followingInSentence(sorted, idx, sentenceEnd);
    parentheticalLinks(links, p, idx);
    appositionLinks(links, p, following, sentenceEnd);
    for (const t of signatureOrganisations(ctx.text, p, following)) links.add(p, t, null);
    vanLinks(links, p, following);
    predicateLinks(links, p, following);
  }
  for (let idx = 0; idx < sorted.length; idx++) if (sorted[idx].type === 'PERSON') linksBeforeName(links, idx);
  officeInTheOneMunicipality(links, people);
  coordinatedMunicipalities(links);
  coordinatedPeople(links, people);
  pronounLinks(links, people);
  onBehalfLinks(links, people);
  emailLinks(links, people);
  return distinctCandidates(links.out);
}

/** The mentions after person sorted[idx] up to the next person, within the person's sentence (ending at sentenceEnd). */
function followingInSentence(sorted: EntityMention[], idx: number, sentenceEnd: number): EntityMention[] {
  const following: EntityMention[] = [];
  for (let k = idx + 1; k < sorted.length; k++) {
    const n = sorted[k];
    if (n.start >= sentenceEnd + 1 || n.type === 'PERSON') break;
    following.push(n);
  }
  return following;
}

/**
 * 1. "X (Y)" / "X (Y/Z)" / "wethouder X (Amersfoort)"; in text from PDF the parentheses may open the next
 * paragraph ("Lydia Sterrenberg¶(Platform31)"), so they are read from the mentions after the name, not its sentence's
 */
function parentheticalLinks(links: SectionLinks, p: EntityMention, idx: number): void {
  const text = links.text;
  if (!/^\s{0,4}\(/.test(text.slice(p.end, p.end + 5))) return;
  const close = text.indexOf(')', p.end);
  if (close <= 0 || close - p.end >= 160) return;
  const inner = text.slice(p.end, close);
  const innerRole = roleIn(inner);
  for (let k = idx + 1; k < links.sorted.length; k++) {
    const t = links.sorted[k];
    if (t.start > close || t.type === 'PERSON') break;
    if (t.type === 'ORGANISATION') links.add(p, t, innerRole);
    else if (t.type === 'MUNICIPALITY' && (hasMunicipalRole(p, innerRole) || /\bgemeente\s*$/i.test(text.slice(p.end, t.start)))) links.add(p, t, innerRole);
  }
}

/** 2. apposition "X, <role> van/bij (de gemeente) Y" and signatures "X, Raad van Bestuur Movisie" */
function appositionLinks(links: SectionLinks, p: EntityMention, following: EntityMention[], sentenceEnd: number): void {
  const text = links.text;
  const captionRole = /^ (\p{Ll}[\p{L}-]*)/u.exec(text.slice(p.end, p.end + 40));
  if (!/^\s*,/.test(text.slice(p.end, p.end + 2)) && !(captionRole && isRoleWord(captionRole[1]))) return;
  const rest = text.slice(p.end, Math.min(sentenceEnd, p.end + 140));
  const clauseEnd = rest.slice(1).search(/[,;:‘’“”"'!?]|\.\s|\n/);
  const clauseLen = clauseEnd < 0 ? rest.length : clauseEnd + 1;
  const clause = rest.slice(0, clauseLen);
  const role = roleIn(clause);
  const atParagraphEnd = !/\S/.test(text.slice(p.end + clauseLen, p.end + clauseLen + 2)) || p.end + clauseLen >= text.length;
  let prevTarget: EntityMention | null = null;
  for (const t of following) {
    if (t.start >= p.end + clauseLen) break;
    const gap = text.slice(p.end, t.start);
    // "X, beleidsadviseur bij A vertelt hoe begeleiding van B …": after the first target only a coordinated
    // one ("A en B", "A/B") or one a new role introduces ("A en voorzitter van B") is the person's
    if (prevTarget && (prevTarget.type === 'ORGANISATION' || prevTarget.type === 'MUNICIPALITY') && !chainsOn(text.slice(prevTarget.end, t.start))) break;
    if (t.type === 'ORGANISATION' || t.type === 'MUNICIPALITY') prevTarget = t;
    if (t.type === 'ORGANISATION' && (role || atParagraphEnd || /\b(?:bij|van|namens|voor)\s+(?:de |het )?$/i.test(gap) || isOrganisationAlone(text, p, t))) {
      links.add(p, t, role);
      links.orgLocation(p, t, role);
    }
    // a role in apposition places the person where the clause says: "medewerker bij sociaal wijkteam Amersfoort",
    // "wethouder Hoogezand-Sappemeer", "vrijwilliger bij de voedselbank in Amersfoort"
    if (t.type === 'MUNICIPALITY' && (role || /\bgemeenten?\s*$/i.test(gap))) links.add(p, t, role);
  }
}

/** "Gesprek met Remco van Eijkel, Centraal Planbureau.": the apposition is the organisation alone (an abbreviation may follow), closing the sentence or line. */
function isOrganisationAlone(text: string, p: EntityMention, t: EntityMention): boolean {
  return /^,\s*(?:de\s+|het\s+)?$/.test(text.slice(p.end, t.start)) && /^\s*(?:\([^()\n]{1,15}\)\s*)?(?:[.;\n]|$)/.test(text.slice(t.end, t.end + 20));
}

/** 3. "X van Y" right after the name; "Burgemeester X van Zaanstad" */
function vanLinks(links: SectionLinks, p: EntityMention, following: EntityMention[]): void {
  const next = following[0];
  if (!next) return;
  const gap = links.text.slice(p.end, next.start);
  if (!/^\s+van\s+(?:de\s+|het\s+)?(?:gemeente\s+)?$/i.test(gap)) return;
  if (next.type === 'ORGANISATION') {
    links.add(p, next, null);
    // "X van de Dienst OCW, gemeente Den Haag": a department of the municipality named after it
    const after = following[1];
    if (after?.type === 'MUNICIPALITY' && /^,\s*(?:de\s+)?gemeente\s+$/i.test(links.text.slice(next.end, after.start))) links.add(p, after, null);
  } else if (next.type === 'MUNICIPALITY' && (hasMunicipalRole(p, null) || /gemeente/i.test(gap))) links.add(p, next, null);
}

/**
 * 5. What stands right before the name: "Y-directeur X", "Movisie-adviseur X" (an organisation glued to the
 * role), a picture credit "(foto Hollandse Hoogte/Joris van Gennep)", "burgemeester van Zaanstad X".
 */
function linksBeforeName(links: SectionLinks, idx: number): void {
  const text = links.text;
  const p = links.sorted[idx];
  const prevMention = links.sorted[idx - 1];
  if (!prevMention) return;
  if (prevMention.type === 'ORGANISATION' && p.start - prevMention.end < 30) {
    const m2 = /^-(\p{L}+)\s+$/u.exec(text.slice(prevMention.end, p.start));
    if (m2 && (isRoleWord(m2[1]) || PERSON_NOUN.test(m2[1]))) links.add(p, prevMention, m2[1].toLowerCase());
  }
  if (prevMention.type === 'ORGANISATION' && /^\s*\/\s*$/.test(text.slice(prevMention.end, p.start))) {
    if (PICTURE_CREDIT.test(text.slice(Math.max(0, prevMention.start - 40), prevMention.start))) links.add(p, prevMention, null);
  }
  // "de Zaanse burgemeester X" has no municipality mention; "burgemeester van Zaanstad X" does
  if (prevMention.type === 'MUNICIPALITY' && p.start - prevMention.end < 4) {
    const lead = text.slice(Math.max(0, prevMention.start - 40), prevMention.start);
    const r = /(\p{L}+)\s+van\s+(?:de\s+gemeente\s+)?$/iu.exec(lead);
    if (r && MUNICIPAL_ROLE.test(r[1])) links.add(p, prevMention, r[1].toLowerCase());
  }
}

/**
 * 5b. a municipal office holder in a sentence (or, failing that, a section) that names exactly one municipality:
 * "In het stadhuis van de gemeente Veenendaal vertellen wijkregisseur W. B. ...", "Wethouder Ton Schroor" in an article on Groningen
 */
function officeInTheOneMunicipality(links: SectionLinks, people: EntityMention[]): void {
  const municipalities = links.sorted.filter((m) => m.type === 'MUNICIPALITY');
  const sectionMunis = new Set(municipalities.map((m) => m.name));
  for (const p of people) {
    if (!hasMunicipalRole(p, null)) continue;
    const s = sentenceAt(links.ctx.sentences, p.start);
    const inSentence = s ? municipalities.filter((m) => m.start >= s.start && m.end <= s.end) : [];
    const names = new Set(inSentence.map((m) => m.name));
    if (names.size === 1) links.add(p, inSentence[0], null);
    else if (names.size === 0 && sectionMunis.size === 1) {
      const t = municipalities[0];
      links.out.push({ type: 'HOLDS_OFFICE_IN', from: { type: 'PERSON', name: p.name }, to: { type: 'MUNICIPALITY', name: t.name }, role: roleOf(p), weight: 0.5, start: p.start, end: p.end });
    }
  }
}

/** 5c. coordination: "voor de gemeenten Hillegom, Lisse en Teylingen" — a linked municipality passes its link on */
function coordinatedMunicipalities(links: SectionLinks): void {
  const text = links.text;
  const out = links.out;
  const municipalities = links.sorted.filter((m) => m.type === 'MUNICIPALITY');
  const linked = out.filter((c) => c.type === 'HOLDS_OFFICE_IN');
  for (const c of linked) {
    let prev = municipalities.find((m) => m.name === c.to.name && m.start >= c.start && m.end <= c.end);
    while (prev) {
      const after: EntityMention = prev;
      const nxt = municipalities.find((m) => m.start > after.end && m.start - after.end <= 5);
      if (!nxt || !/^(?:,\s*|\s+en\s+|\s+of\s+)$/.test(text.slice(prev.end, nxt.start))) break;
      out.push({ ...c, to: { type: 'MUNICIPALITY', name: nxt.name }, end: Math.max(c.end, nxt.end) });
      prev = nxt;
    }
  }
}

/** 5d. "X en Y, allebei beleidsadviseur bij Movisie", "X, Y en Z (Movisie)": a person coordinated with the next one shares that one's apposition links */
function coordinatedPeople(links: SectionLinks, people: EntityMention[]): void {
  const text = links.text;
  const out = links.out;
  // the links found so far by person (a long list of names must not re-read every link for every pair)
  let byPerson: Map<string, RelationCandidate[]> | null = null;
  for (let k = people.length - 2; k >= 0; k--) {
    const p = people[k];
    const q = people[k + 1];
    if (!/^\s*(?:,|en|&|,\s*en)\s*$/.test(text.slice(p.end, q.start)) || p.name === q.name) continue;
    // a list of inverted names ("Burg, M. van den, Ooms, H. (NJI)") gives each name its own organisation
    if (p.surface.includes(',') || q.surface.includes(',')) continue;
    if (!/^\s*(?:[,(]|(?:en|&)\s)/.test(text.slice(q.end, q.end + 5))) continue;
    if (!byPerson) {
      byPerson = new Map();
      for (const c of out) {
        const list = byPerson.get(c.from.name);
        if (list) list.push(c);
        else byPerson.set(c.from.name, [c]);
      }
    }
    // "A en B, allebei adviseur bij Y", "A, B en C (Movisie)": what the list's last name is given, all of them are
    // … within a quote's length: a longer "list" is no apposition a reader takes in at once (and keeps evidence spans short)
    for (const c of (byPerson.get(q.name) ?? []).filter((c) => c.start <= q.start && c.end >= q.end && c.end - p.start <= MAX_INTRO)) {
      const shared: RelationCandidate = { ...c, from: { type: 'PERSON', name: p.name }, start: Math.min(c.start, p.start) };
      out.push(shared);
      const list = byPerson.get(p.name);
      if (list) list.push(shared);
      else byPerson.set(p.name, [shared]);
    }
  }
}

/**
 * 5e. "Hij is/was (als onderzoeker) verbonden aan Y", "Zij werkt bij Y", "Sinds 2018 is hij onderzoeker bij Y": a sentence
 * with a personal pronoun for subject (opening it, or right after the verb) and no name speaks about the one
 * person named in the previous sentence — or about the subject of the previous such sentence
 */
function pronounLinks(links: SectionLinks, people: EntityMention[]): void {
  const { ctx, text } = links;
  let carried: EntityMention | null = null;
  let pi = 0; // people before sentence si are behind this index
  let before: EntityMention[] = [];
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si];
    while (pi < people.length && people[pi].start < s.start) pi++;
    const own: EntityMention[] = [];
    for (let k = pi; k < people.length && people[k].start < s.end; k++) if (people[k].end <= s.end) own.push(people[k]);
    const subject: EntityMention | null = si === 0 ? null : before.length === 0 ? carried : before.every((p) => p.name === before[0].name) ? before[before.length - 1] : null;
    before = own;
    carried = null;
    if (!subject || own.length > 0) continue;
    const pron = PRONOUN_FIRST.has(text.charAt(s.start)) ? PRONOUN_OPENING.exec(text.slice(s.start, s.end)) : null;
    // "Pieter Schipper ¶ Pieter werkt als belangenbehartiger bij … Aedes": the first name for subject, as in an intro box
    const byFirstName = pron ? 0 : firstNameOpening(text, s, subject);
    if (byFirstName > 0) {
      carried = subject;
      const reach = s.end - subject.start <= MAX_INTRO ? subject.start : s.start;
      pronounPredicateLinks(links, subject, s, s.start, { start: reach, end: s.start + byFirstName });
      continue;
    }
    let inverted: RegExpExecArray | null = null;
    if (!pron) {
      PRONOUN_INVERTED.lastIndex = s.start;
      inverted = PRONOUN_INVERTED.exec(text);
    }
    if (!pron && !inverted) continue;
    carried = subject;
    // the predicate is read from the sentence start, or from the pronoun on when a phrase comes first
    const from = pron ? s.start : s.start + inverted![0].length;
    const stand = pron ? { start: s.start, end: s.start + pron[0].length } : { start: s.start, end: from };
    pronounPredicateLinks(links, subject, s, from, stand);
  }
}

/** How far back an introduction's evidence may reach to the full name (a quote's length). */
const MAX_INTRO = 240;
const VERB_AFTER_NAME = /^\s+(?:is|was|werkt|werkte|zit|zat|blijft|wordt|werd)\b/;

/** The length of "Pieter werkt" when sentence s opens with the first name of `subject` and a verb, else 0. */
function firstNameOpening(text: string, s: Sentence, subject: EntityMention): number {
  const first = subject.name.split(' ')[0];
  if (first.length < 3 || first.includes('.') || !text.startsWith(first, s.start)) return 0;
  const verb = VERB_AFTER_NAME.exec(text.slice(s.start + first.length, s.start + first.length + 12));
  return verb ? first.length + verb[0].length : 0;
}

/** The links of a pronoun sentence's predicate ("… is hij onderzoeker bij Y") for its subject. */
function pronounPredicateLinks(links: SectionLinks, subject: EntityMention, s: Sentence, from: number, stand: { start: number; end: number }): void {
  const { ctx, text } = links;
  for (const t of links.sorted) {
    if (t.start < from || t.end > s.end) continue;
    const gap = text.slice(from, t.start);
    if (gap.length > 200) break;
    // the role is read only for the mentions that can be linked (roleIn looks up every word of the gap)
    if (t.type === 'ORGANISATION') {
      if (!PREP_BEFORE_TARGET.test(gap) && !/\bverbonden\s+aan\s+(?:de\s+|het\s+)?$/i.test(gap)) continue;
      const ev = span(ctx, stand, t);
      links.out.push({ type: 'WORKS_FOR', from: { type: 'PERSON', name: subject.name }, to: { type: 'ORGANISATION', name: t.name }, role: roleIn(gap) ?? roleOf(subject), weight: 1, start: ev.start, end: ev.end });
    } else if (t.type === 'MUNICIPALITY') {
      const role = roleIn(gap);
      if (!/\bgemeenten?\s+$/i.test(gap) && !(role && MUNICIPAL_ROLE.test(role) && /\b(?:in|van|bij|voor)\s+(?:de\s+)?$/i.test(gap))) continue;
      const ev = span(ctx, stand, t);
      links.out.push({ type: 'HOLDS_OFFICE_IN', from: { type: 'PERSON', name: subject.name }, to: { type: 'MUNICIPALITY', name: t.name }, role: role ?? roleOf(subject), weight: 1, start: ev.start, end: ev.end });
    }
  }
}

/**
 * 6. "namens Y" in a sentence with exactly one person: only the sentences of the people are read, and only
 * when the section names an organisation
 */
function onBehalfLinks(links: SectionLinks, people: EntityMention[]): void {
  const { ctx, text, sorted } = links;
  if (!sorted.some((m) => m.type === 'ORGANISATION')) return;
  for (const s of sentencesOf(ctx.sentences, people)) {
    const sText = text.slice(s.start, s.end);
    // "namens (de partij) Y", "haar werkgever Y"
    const nm = ON_BEHALF.exec(sText);
    if (!nm) continue;
    const at = s.start + nm.index + nm[0].length;
    const inSentence = sorted.filter((m) => m.start >= s.start && m.end <= s.end);
    const persons = inSentence.filter((m) => m.type === 'PERSON');
    const org = inSentence.find((m) => m.start === at && m.type === 'ORGANISATION');
    if (org && new Set(persons.map((x) => x.name)).size === 1) links.add(persons[0], org, roleIn(sText.slice(0, nm.index)));
  }
}

/** 7. e-mail addresses: the person named just before the address works for the domain's organisation */
function emailLinks(links: SectionLinks, people: EntityMention[]): void {
  const { ctx, text, sorted } = links;
  for (const e of emailsIn(text)) {
    const label = e[1].split('.').pop()!.toLowerCase();
    if (FREE_MAIL.has(label)) continue;
    const local = fold(e[0].slice(0, e[0].indexOf('@')));
    const owner = addressOwner(text, people, e, local);
    if (!owner) continue;
    const address = { start: e.index, end: e.index + e[0].length };
    const near = owner.end <= e.index && e.index - owner.end < 150 && !text.slice(owner.end, e.index).includes('\n\n') ? owner : address;
    const ev = span(ctx, near, { start: e.index, end: e.index + e[0].length });
    // prefer an organisation mention of this section whose name matches the domain
    const org = sorted.find((m) => m.type === 'ORGANISATION' && [m.name, ...(m.aliases ?? [])].some((n) => compact(n) === compact(label)));
    links.out.push({
      type: 'WORKS_FOR',
      from: { type: 'PERSON', name: owner.name },
      to: { type: 'ORGANISATION', name: org ? org.name : `@${e[1].toLowerCase()}.${e[2].toLowerCase()}` },
      role: roleOf(owner),
      weight: 1,
      start: ev.start,
      end: ev.end,
    });
  }
}

/** The person whose surname the local part spells ("o.stomp@" -> Olaf Stomp), else the person right before the address. */
function addressOwner(text: string, people: EntityMention[], e: RegExpExecArray, local: string): EntityMention | undefined {
  const bySurname = people.find((p) => {
    const surname = fold(p.name.split(' ').pop()!);
    return surname.length >= 3 && local.includes(surname);
  });
  if (bySurname) return bySurname;
  let owner: EntityMention | undefined;
  for (const p of people) {
    if (p.end > e.index) break;
    owner = p;
  }
  if (!owner || e.index - owner.end > 60 || text.slice(owner.end, e.index).includes('\n\n')) return undefined;
  const named = owner.name;
  if (people.some((q) => q.name !== named && local.includes(fold(q.name.split(' ').pop()!)))) return undefined;
  return owner;
}

/** Several rules may read the same link from one passage: one candidate per link and passage. */
function distinctCandidates(candidates: RelationCandidate[]): RelationCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.type}|${c.from.name}|${c.to.name}|${c.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sentences that hold the start of a mention (mentions in text order), each once, in text order. */
function sentencesOf(sentences: Sentence[], mentions: EntityMention[]): Sentence[] {
  const out: Sentence[] = [];
  for (const m of mentions) {
    const s = sentenceAt(sentences, m.start);
    if (s && s !== out[out.length - 1]) out.push(s);
  }
  return out;
}

/** The organisations of a line "X, A, B" (or "X, A/B") that holds nothing else after the name. */
function signatureOrganisations(text: string, p: EntityMention, following: EntityMention[]): EntityMention[] {
  if (text.charAt(p.end) !== ',') return [];
  const lineEnd = text.indexOf('\n', p.end);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const orgs: EntityMention[] = [];
  let at = p.end;
  for (const t of following) {
    if (t.start >= end) break;
    if (t.type !== 'ORGANISATION' || !/^\s*(?:,|\/|&|en)\s*$/.test(text.slice(at, t.start))) return [];
    orgs.push(t);
    at = t.end;
  }
  return orgs.length > 1 && /^[\s.]*$/.test(text.slice(at, end)) ? orgs : [];
}

/**
 * "X (1973) is sinds 2013 directeur van het SCP en hoogleraar aan de Erasmus School", "Bakker (CDA), die ook voorzitter is van de VNG",
 * and a self-introduction after the name: "Suzanne van Rijn: Ik werk als opbouwwerker bij DOCK" (only with a role).
 */
function predicateLinks(links: SectionLinks, p: EntityMention, following: EntityMention[]): void {
  for (const t of following) {
    const gap = links.text.slice(p.end, t.start);
    if (gap.length > 300) break;
    if (t.type !== 'ORGANISATION' && t.type !== 'MUNICIPALITY') continue;
    const firstPerson = FIRST_PERSON_START.test(gap);
    if (!firstPerson && !PREDICATE_START.test(gap)) continue;
    const role = roleIn(gap);
    if (firstPerson && !role) continue;
    if (t.type === 'ORGANISATION' && (role || gap.length <= 120) && PREP_BEFORE_TARGET.test(gap)) {
      links.add(p, t, role);
      links.orgLocation(p, t, role);
    }
    if (t.type === 'MUNICIPALITY') {
      if (/\bgemeenten?\s+$/i.test(gap) || (role && hasMunicipalRole(p, role) && /\b(?:in|van|bij|voor)\s+(?:de\s+)?$/i.test(gap))) links.add(p, t, role);
    }
  }
}

export const linkPeople: RelationLinker = (ctx, mentions) => linkPersonRelations(ctx, mentions);

/** Organisation kinds that work nationally: their people speak about a place, they do not hold office in it. */
const NATIONAL_KINDS = new Set(['kennisinstituut', 'ministerie', 'onderwijs', 'politieke partij']);
const CREDIT_WORD = "(?:door|tekst|tekst en foto|foto|foto's|fotografie|beeld|illustratie|interview|redactie|eindredactie)\\s*:?\\s*$";
const CREDIT_BEFORE = new RegExp(`(?:^|[\\s>|(])${CREDIT_WORD}`, 'i');
const CITATION_YEAR = /\(\s*(?:19|20)\d\d[a-z]?\s*\)/;
/** Weight of a link read from the article a person appears in, not from the person's own sentence. */
const ARTICLE_LINK_WEIGHT = 0.3;
/** An article that names more municipalities than this in one list is about many places, not about each. */
const MAX_LISTED_MUNICIPALITIES = 3;

/**
 * The municipalities an article is set in: the only one it names; the one it names at least twice
 * and twice as often as any other (and in at least half of its municipality mentions); or the few
 * it names together in one sentence and nowhere else ("Alphen-Chaam, Baarle-Nassau en Gilze en Rijen").
 */
function articleMunicipalities(sections: number[], contexts: SectionContext[], mentionsBySection: EntityMention[][]): Set<string> {
  const counts = new Map<string, number>();
  const sentencesOf = new Set<string>();
  let total = 0;
  for (const i of sections) {
    for (const m of mentionsBySection[i]) {
      if (m.type !== 'MUNICIPALITY') continue;
      total++;
      counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
      const s = sentenceAt(contexts[i].sentences, m.start);
      sentencesOf.add(`${i}:${s ? s.start : m.start}`);
    }
  }
  if (counts.size === 0) return new Set();
  if (counts.size === 1) return new Set(counts.keys());
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [name, n] = ranked[0];
  if (n >= 2 && n >= 2 * ranked[1][1] && n / total >= 0.5) return new Set([name]);
  if (sentencesOf.size === 1 && counts.size <= MAX_LISTED_MUNICIPALITIES) return new Set(counts.keys());
  return new Set();
}

/**
 * Document-level person->municipality pass, after the per-section linkers:
 *  - a link guessed from the section alone (weight < 1) yields to a link the text states ("wethouder X van
 *    Maastricht") for another municipality, and to an organisation the person holds the same role at;
 *  - a person introduced in an article that is set in one municipality (or in the few it lists together),
 *    and not otherwise placed, is placed there — unless the person works for a national organisation or
 *    one based elsewhere.
 * `articleOf[i]` numbers the article that section i belongs to. Returns the new candidates per section.
 */
export function linkPeopleAcrossSections(
  contexts: SectionContext[],
  mentionsBySection: EntityMention[][],
  candidatesBySection: RelationCandidate[][],
  articleOf: number[],
): RelationCandidate[][] {
  const facts = documentFacts(mentionsBySection, candidatesBySection);
  const kept = keepStatedOverGuessed(facts, candidatesBySection);
  placeByArticle(facts, contexts, mentionsBySection, articleOf, kept);
  return kept;
}

/** What the per-section linkers found about people and organisations, over the whole document. */
interface DocumentFacts {
  /** person -> municipalities a link states (weight 1) */
  stated: Map<string, Set<string>>;
  /** people with any HOLDS_OFFICE_IN link */
  placed: Set<string>;
  employers: Map<string, { org: string; role: string | null }[]>;
  basedIn: Map<string, Set<string>>;
  orgKind: Map<string, string>;
  /** a person guessed into different municipalities by different sections keeps the guess of the first such section */
  firstGuess: Map<string, { section: number; names: Set<string> }>;
}

function documentFacts(mentionsBySection: EntityMention[][], candidatesBySection: RelationCandidate[][]): DocumentFacts {
  const facts: DocumentFacts = { stated: new Map(), placed: new Set(), employers: new Map(), basedIn: new Map(), orgKind: new Map(), firstGuess: new Map() };
  for (let i = 0; i < candidatesBySection.length; i++) {
    for (const c of candidatesBySection[i]) {
      if (c.type === 'HOLDS_OFFICE_IN') {
        facts.placed.add(c.from.name);
        if ((c.weight ?? 1) >= 1) facts.stated.set(c.from.name, (facts.stated.get(c.from.name) ?? new Set()).add(c.to.name));
        else {
          const guess = facts.firstGuess.get(c.from.name) ?? { section: i, names: new Set<string>() };
          if (guess.section === i) guess.names.add(c.to.name);
          facts.firstGuess.set(c.from.name, guess);
        }
      } else if (c.type === 'WORKS_FOR' && (c.weight ?? 1) >= 1) {
        const list = facts.employers.get(c.from.name);
        if (list) list.push({ org: c.to.name, role: c.role ?? null });
        else facts.employers.set(c.from.name, [{ org: c.to.name, role: c.role ?? null }]);
      } else if (c.type === 'BASED_IN') {
        facts.basedIn.set(c.from.name, (facts.basedIn.get(c.from.name) ?? new Set()).add(c.to.name));
      }
    }
  }
  for (const ms of mentionsBySection) for (const m of ms) if (m.type === 'ORGANISATION' && typeof m.props?.kind === 'string') facts.orgKind.set(m.name, m.props.kind);
  return facts;
}

/** An organisation that works nationally, or is based in another municipality than this one. */
function worksElsewhere(facts: DocumentFacts, org: string, municipality: string): boolean {
  if (NATIONAL_KINDS.has(facts.orgKind.get(org) ?? '')) return true;
  const based = facts.basedIn.get(org);
  if (!based) return false;
  for (const m of based) if (m !== municipality) return true;
  return false;
}

/**
 * A link guessed from the section alone (weight < 1) yields to a link the text states for another
 * municipality, to the first section's guess, and to an organisation the person holds the same role at.
 */
function keepStatedOverGuessed(facts: DocumentFacts, candidatesBySection: RelationCandidate[][]): RelationCandidate[][] {
  return candidatesBySection.map((cs) =>
    cs.filter((c) => {
      if (c.type !== 'HOLDS_OFFICE_IN' || (c.weight ?? 1) >= 1) return true;
      const own = facts.stated.get(c.from.name);
      if (own && !own.has(c.to.name)) return false;
      if (!own && !facts.firstGuess.get(c.from.name)?.names.has(c.to.name)) return false;
      // "Else Boss, beleidsadviseur bij Movisie" holds that role at a national institute, not at the municipality the section names
      return !(facts.employers.get(c.from.name) ?? []).some((e) => c.role && e.role === c.role && worksElsewhere(facts, e.org, c.to.name));
    }),
  );
}

/**
 * A person introduced in an article that is set in one municipality (or in the few it lists together),
 * and not otherwise placed, is placed there — unless the person works for a national organisation or one
 * based elsewhere, is named only in passing, or is the article's author or a cited author.
 */
function placeByArticle(facts: DocumentFacts, contexts: SectionContext[], mentionsBySection: EntityMention[][], articleOf: number[], kept: RelationCandidate[][]): void {
  // each person's first mention, in document order
  const firstMention = new Map<string, { section: number; mention: EntityMention }>();
  for (let i = 0; i < mentionsBySection.length; i++) {
    for (const m of mentionsBySection[i]) if (m.type === 'PERSON' && !firstMention.has(m.name)) firstMention.set(m.name, { section: i, mention: m });
  }
  const sectionsOfArticle = new Map<number, number[]>();
  for (let i = 0; i < articleOf.length; i++) {
    const list = sectionsOfArticle.get(articleOf[i]);
    if (list) list.push(i);
    else sectionsOfArticle.set(articleOf[i], [i]);
  }
  const settings = new Map<number, Set<string>>();
  for (const [article, sections] of sectionsOfArticle) settings.set(article, articleMunicipalities(sections, contexts, mentionsBySection));

  // per section: whether the sentence starting at an offset cites a year (see isAuthor)
  const citing = new Map<number, Map<number, boolean>>();
  const citingOf = (section: number) => {
    let m = citing.get(section);
    if (!m) citing.set(section, (m = new Map()));
    return m;
  };
  for (const [person, { section, mention }] of firstMention) {
    if (facts.placed.has(person)) continue;
    const where = settings.get(articleOf[section]);
    if (!where || where.size === 0) continue;
    const elsewhere = (facts.employers.get(person) ?? []).some((e) => [...where].some((m) => worksElsewhere(facts, e.org, m)));
    if (elsewhere) continue;
    const sections = sectionsOfArticle.get(articleOf[section]) ?? [section];
    if (!isAboutPerson(contexts, mentionsBySection, sections, person, mention)) continue;
    const s = sentenceAt(contexts[section].sentences, mention.start) ?? mention;
    if (isAuthor(contexts[section].text, s, mention, citingOf(section)) || introducedNationally(facts, mentionsBySection[section], s)) continue;
    for (const name of where) {
      kept[section].push({
        type: 'HOLDS_OFFICE_IN',
        from: { type: 'PERSON', name: person },
        to: { type: 'MUNICIPALITY', name },
        role: roleOf(mention),
        weight: ARTICLE_LINK_WEIGHT,
        start: s.start,
        end: s.end,
      });
    }
  }
}

/**
 * Someone the article only names in passing (a byline, a song's singer, a cited author) is not placed by it;
 * the people it is about come back (surname-only mentions count) or head one of its sections.
 */
function isAboutPerson(contexts: SectionContext[], mentionsBySection: EntityMention[][], sections: number[], person: string, mention: EntityMention): boolean {
  let count = 0;
  for (const i of sections) for (const m of mentionsBySection[i]) if (m.type === 'PERSON' && m.name === person) count++;
  return count >= 2 || sections.some((i) => contexts[i].section.title.includes(mention.surface));
}

/** CREDIT_BEFORE without its start-of-text alternative, for a window that does not start where the passage does. */
const CREDIT_BEFORE_INSIDE = new RegExp(`[\\s>|(]${CREDIT_WORD}`, 'i');
/** Longer than the longest credit word ("tekst en foto") with the character before it. */
const CREDIT_WINDOW = 40;

/**
 * The author of the article ("Door: Susan de Boer") or of a work it cites ("Marcel Spierts en Hugo Post. (2018).").
 * Linear however long the sentence (a heading of a megabyte is one): the credit is read in a window before the
 * name, and whether a sentence cites a year is read once per sentence (`citing`).
 */
function isAuthor(text: string, s: { start: number; end: number }, mention: EntityMention, citing: Map<number, boolean>): boolean {
  // CREDIT_BEFORE is anchored at the name: the credit word ends where the white space and colon before the name start
  let k = mention.start;
  while (k > s.start && /\s/.test(text.charAt(k - 1))) k--;
  if (k > s.start && text.charAt(k - 1) === ':') k--;
  while (k > s.start && /\s/.test(text.charAt(k - 1))) k--;
  const from = Math.max(s.start, k - CREDIT_WINDOW);
  if ((from === s.start ? CREDIT_BEFORE : CREDIT_BEFORE_INSIDE).test(text.slice(from, mention.start))) return true;
  let cites = citing.get(s.start);
  if (cites === undefined) citing.set(s.start, (cites = CITATION_YEAR.test(text.slice(s.start, Math.min(text.length, s.end + 12)))));
  return cites;
}

/** "Cretien van Campen, Sociaal en Cultureel Planbureau": introduced with a national organisation. */
function introducedNationally(facts: DocumentFacts, mentions: EntityMention[], s: { start: number; end: number }): boolean {
  return mentions.some((m) => m.type === 'ORGANISATION' && m.start >= s.start && m.end <= s.end && NATIONAL_KINDS.has(facts.orgKind.get(m.name) ?? ''));
}
