/**
 * Links read from the article, not the sentence: people, programmes and organisations work on the
 * main themes of the article they stand in (see theme-profile.ts), with a weight that grows with
 * their role in it:
 *   interviewee / portrayed  named in a title, or named three times or more     1
 *   contact                  in the contact box ("Meer informatie: X", "Contact: X")  1
 *   quoted                   named twice, or with a quote or "zegt X"            0.6
 *   author                   byline "Door X", "Tekst: X", "Interview: X"        0.5
 *   mentioned once           only the article's first theme, and only when the
 *                            article says who the person is (a role, an employer) 0.25
 * Photographers, cited authors ("X (2019)") and programmes named once get nothing; organisations only
 * when the article portrays them (in a title, or named three times). Each link is evidenced by the passage that introduces the actor
 * (kind ARTICLE), so a reader sees who it is and in which article; the theme itself is the article's.
 */
import type { EntityMention, RelationCandidate, SectionContext } from '../model.ts';
import { sentenceAt } from '../segment/sentences.ts';
import { themeProfile, type ArticleTheme } from './theme-profile.ts';
import { emptyList, emptyLists } from '../packed.ts';

export interface ArticleGroup {
  title: string;
  /** Section indexes. */
  sections: number[];
}

export type ArticleRole = 'interviewee' | 'contact' | 'quoted' | 'author' | 'mentioned' | 'portrayed' | 'photographer' | 'cited' | 'introduced';

export const ROLE_WEIGHT: Record<ArticleRole, number> = {
  interviewee: 1,
  portrayed: 1,
  contact: 1,
  quoted: 0.6,
  author: 0.5,
  mentioned: 0.25,
  photographer: 0,
  cited: 0,
  /** a mention that says who the person is (a role, an employer); only used to tell "mentioned" apart */
  introduced: 0,
};

/** The opening of a contact box, with at most a few names or words between it and the person. */
const CONTACT_BOX = /(?:^|[\s.(])(?:meer informatie|meer weten|informatie|contact|contactpersoon|vragen)\b[^.\n:?]{0,40}[:?](?:[^.\n]|\.(?=\S)){0,120}$/i;
/** "Door Olaf Stomp en ": the byline word, then any names before this one joined by "en", "&" or ",". */
const BYLINE = /^\s*(?:[Dd]oor|DOOR|[Tt]ekst(?: en (?:foto|beeld))?|TEKST|[Ii]nterview|[Rr]edactie|[Aa]uteurs?)\s*:?\s+(?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:van|de|der|den|te|ten|ter|het|'t|la|le|du|el|\p{Lu}[\p{L}.'’-]*))*\s*(?:,|&|en)\s+)*$/u;
const CREDIT_PHOTO = /(?:^|\s|\()(?:foto|foto's|fotografie|beeld|illustratie|illustraties|cartoon)\s*:?\s*$/i;
/** A line that opens with the word for a picture: a caption or a credit. */
const PICTURE_CAPTION = /^[\W_]*(?:foto|foto's|fotografie|beeld|illustratie|illustraties)\b/i;
/** "(foto Hollandse Hoogte/Joris van Genneep)": a credit in brackets, agency first. */
const CREDIT_IN_BRACKETS = /\((?:foto|foto's|fotografie|beeld|illustratie)\b[^()\n]{0,60}$/i;
/** "X: ‘…", "zegt X", "aldus X", "vertelt X": a quote attributed to the person. */
const ATTRIBUTION_AFTER = /^\s*:\s*[‘'“"]/;
const ATTRIBUTION_BEFORE = /\b(?:zegt|vertelt|aldus|stelt|legt|vindt|benadrukt|licht)\s+$/i;
const MAX_QUOTE = 240;
/** "Janny de Vries (2019).", "… en Piet Smit (2020). Titel": an author of a cited work. */
const CITATION = /^[^.\n]{0,30}\(\s*(?:19|20)\d\d[a-z]?\s*\)/;

interface Actor {
  type: EntityMention['type'];
  name: string;
  count: number;
  first: { section: number; mention: EntityMention };
  roles: Set<ArticleRole>;
  /** Where the role was read (contact box, byline), else the first mention. */
  intro?: { section: number; mention: EntityMention };
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The line before `at`, at most LINE_LOOK_BACK characters of it (enough for every test on it; linear on one-line texts). */
const LINE_LOOK_BACK = 200;

function lineBefore(text: string, at: number): string {
  const chunk = text.slice(Math.max(0, at - LINE_LOOK_BACK), at);
  return chunk.slice(chunk.lastIndexOf('\n') + 1);
}

/** The role a single mention of a person shows by its surroundings. */
export function mentionRole(text: string, m: EntityMention): ArticleRole | null {
  const line = lineBefore(text, m.start);
  const before = text.slice(Math.max(0, m.start - 70), m.start);
  if (CREDIT_PHOTO.test(line.slice(-40)) || CREDIT_PHOTO.test(before.slice(-30)) || CREDIT_IN_BRACKETS.test(before)) return 'photographer';
  // "Foto voorpagina: Eerbetoon aan Ajax-voetballer X": someone in a picture's caption is not what the article is about
  if (PICTURE_CAPTION.test(line)) return 'photographer';
  if (CONTACT_BOX.test(text.slice(Math.max(0, m.start - 130), m.start))) return 'contact';
  if (BYLINE.test(line) && line.length < 120) return 'author';
  if (CITATION.test(text.slice(m.end, m.end + 40))) return 'cited';
  if (ATTRIBUTION_AFTER.test(text.slice(m.end, m.end + 4)) || ATTRIBUTION_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start))) return 'quoted';
  return null;
}

/** Folded titles per titles list: folded once per article, not once per actor (a huge title stays linear). */
const foldedTitles = new WeakMap<string[], string[]>();

function inTitles(titles: string[], m: EntityMention): boolean {
  // (loops, not arrays made by map/filter: their V8 array kind changes once the code is optimised, see import/packed.ts)
  const name = fold(m.name);
  const surface = fold(m.surface);
  let folded = foldedTitles.get(titles);
  if (!folded) {
    folded = emptyList<string>();
    for (const t of titles) folded.push(` ${fold(t)} `);
    foldedTitles.set(titles, folded);
  }
  for (const ft of folded) if ((name.length >= 4 && ft.includes(` ${name} `)) || (surface.length >= 4 && ft.includes(` ${surface} `))) return true;
  return false;
}

/** The article's title and its sections' titles. */
function titlesOf(group: ArticleGroup, contexts: SectionContext[]): string[] {
  const titles = emptyList<string>();
  titles.push(group.title);
  for (const i of group.sections) titles.push(contexts[i].section.title);
  return titles;
}

/** The role that decides an actor's weight in the article. */
export function actorRole(actor: Pick<Actor, 'type' | 'count' | 'roles'>, inTitle: boolean): ArticleRole | null {
  const r = actor.roles;
  if (actor.type === 'ORGANISATION') return inTitle || actor.count >= 3 ? 'portrayed' : null;
  if (actor.type === 'PROGRAMME') {
    if (inTitle || actor.count >= 3) return 'portrayed';
    return actor.count === 2 ? 'quoted' : null;
  }
  if (r.has('photographer') || (r.has('cited') && actor.count === 1)) return null;
  if (r.has('contact')) return 'contact';
  if (inTitle || actor.count >= 3) return 'interviewee';
  if (r.has('author')) return 'author';
  if (r.has('quoted') || actor.count === 2) return 'quoted';
  // named once: only someone the article says something about (a role, an employer), not a name in a list
  return r.has('introduced') ? 'mentioned' : null;
}

/** A window of at most MAX_QUOTE characters around a mention: its sentence when short enough. */
function introSpan(ctx: SectionContext, m: EntityMention): { start: number; end: number } {
  const s = sentenceAt(ctx.sentences, m.start);
  if (s && s.end - s.start <= MAX_QUOTE && s.start <= m.start && s.end >= m.end) return { start: s.start, end: s.end };
  const start = Math.max(s ? s.start : 0, m.start - 80);
  return { start, end: Math.min(ctx.text.length, start + MAX_QUOTE - 10, Math.max(m.end, start + 160)) };
}

/** The actors of each article (people by the roles their mentions show): read once, shared by both article linkers. */
export type ArticleActors = Map<ArticleGroup, readonly Actor[]>;

export function articleActors(articles: ArticleGroup[], contexts: SectionContext[], mentionsBySection: EntityMention[][]): ArticleActors {
  return new Map(articles.map((group) => [group, collectActors(group, contexts, mentionsBySection)]));
}

function collectActors(group: ArticleGroup, contexts: SectionContext[], mentionsBySection: EntityMention[][]): Actor[] {
  const actors = new Map<string, Actor>();
  for (const i of group.sections) {
    const text = contexts[i].text;
    for (const m of mentionsBySection[i] ?? []) {
      if (m.type !== 'PERSON' && m.type !== 'PROGRAMME' && m.type !== 'ORGANISATION') continue;
      const key = `${m.type}|${m.name}`;
      let a = actors.get(key);
      if (!a) actors.set(key, (a = { type: m.type, name: m.name, count: 0, first: { section: i, mention: m }, roles: new Set(), intro: undefined }));
      a.count++;
      if (m.type !== 'PERSON') continue;
      if (Array.isArray(m.props?.roles) && m.props.roles.length > 0) a.roles.add('introduced');
      const role = mentionRole(text, m);
      if (!role) continue;
      a.roles.add(role);
      if ((role === 'contact' || role === 'author') && !a.intro) a.intro = { section: i, mention: m };
    }
  }
  return [...actors.values()];
}

/**
 * WORKS_ON candidates read from each article, per section (the section of the passage that introduces
 * the actor). `articles` lists each article's sections; every section belongs to one.
 */
export function linkArticleThemes(
  articles: ArticleGroup[],
  contexts: SectionContext[],
  mentionsBySection: EntityMention[][],
  candidatesBySection: RelationCandidate[][] = [],
  actors: ArticleActors = articleActors(articles, contexts, mentionsBySection),
): RelationCandidate[][] {
  const out = emptyLists<RelationCandidate>(contexts.length);
  for (const group of articles) {
    const sections = emptyList<SectionContext['section']>();
    for (const i of group.sections) sections.push(contexts[i].section);
    const profile = themeProfile({ title: group.title, sections });
    if (profile.length === 0) continue;
    const titles = titlesOf(group, contexts);
    const placed = new Set<string>();
    for (const i of group.sections) for (const c of candidatesBySection[i] ?? []) if (c.type === 'WORKS_FOR' || c.type === 'HOLDS_OFFICE_IN') placed.add(c.from.name);
    for (const actor of actors.get(group) ?? collectActors(group, contexts, mentionsBySection)) {
      // (the actors are shared with the runner linker: their roles are not changed here)
      const roles = actor.type === 'PERSON' && placed.has(actor.name) && !actor.roles.has('introduced') ? new Set(actor.roles).add('introduced') : actor.roles;
      const role = actorRole({ type: actor.type, count: actor.count, roles }, inTitles(titles, actor.first.mention));
      if (!role || ROLE_WEIGHT[role] === 0) continue;
      const themes: ArticleTheme[] = role === 'mentioned' ? profile.slice(0, 1) : profile;
      const intro = actor.intro ?? actor.first;
      const span = introSpan(contexts[intro.section], intro.mention);
      for (const t of themes) {
        out[intro.section].push({
          type: 'WORKS_ON',
          from: { type: actor.type, name: actor.name },
          to: { type: 'THEME', name: t.theme.label },
          role,
          weight: Math.round(ROLE_WEIGHT[role] * t.weight * 1000) / 1000,
          start: span.start,
          end: span.end,
          kind: 'ARTICLE',
        });
      }
    }
  }
  return out;
}

const CONTACT_EMPLOYER_WEIGHT = 0.3;
/** A sentence that ties a programme to its runner at least this strongly (see programme-links.ts) beats the article's guess. */
const STATED_RUNNER_WEIGHT = 0.5;


/**
 * RUN_BY read from the article a programme is portrayed in (named in a title, or twice or more): the
 * employer of the article's contact person ("Meer informatie: a.b@movisie.nl") runs what the article
 * presents (not its author's employer: a magazine's staff write about what others run). Only for a
 * programme no sentence of the document gives a runner: what a sentence says ("een initiatief van",
 * "ontwikkeld door", "in opdracht van", read by the programme linker) beats the article's guess. Evidence:
 * the passage that introduces the programme (kind ARTICLE).
 */
export function linkArticleRunners(
  articles: ArticleGroup[],
  contexts: SectionContext[],
  mentionsBySection: EntityMention[][],
  candidatesBySection: RelationCandidate[][],
  actorsByArticle: ArticleActors = articleActors(articles, contexts, mentionsBySection),
): RelationCandidate[][] {
  const out = emptyLists<RelationCandidate>(contexts.length);
  const stated = new Set<string>();
  // (an address's domain may name no organisation of the document: it states nothing yet)
  // (a partner's cue, "samen met Y", leaves the runner open: weight below a runner's)
  for (const cs of candidatesBySection) for (const c of cs ?? []) if (c.type === 'RUN_BY' && !c.to.name.startsWith('@') && (c.weight ?? 1) >= STATED_RUNNER_WEIGHT) stated.add(c.from.name);
  // who works for whom, over the whole document: a contact's employer may be stated in another article
  const employers = new Map<string, Set<string>>();
  for (const cs of candidatesBySection) {
    for (const c of cs ?? []) if (c.type === 'WORKS_FOR' && (c.weight ?? 1) >= 1) employers.set(c.from.name, (employers.get(c.from.name) ?? new Set()).add(c.to.name));
  }
  for (const group of articles) {
    const titles = titlesOf(group, contexts);
    const actors = actorsByArticle.get(group) ?? collectActors(group, contexts, mentionsBySection);
    const portrayed = actors.filter((a) => a.type === 'PROGRAMME' && !stated.has(a.name) && (a.count >= 2 || inTitles(titles, a.first.mention)));
    if (portrayed.length === 0) continue;
    const runners = new Map<string, number>();
    for (const a of actors) {
      if (a.type !== 'PERSON') continue;
      if (!a.roles.has('contact')) continue;
      for (const org of employers.get(a.name) ?? []) runners.set(org, CONTACT_EMPLOYER_WEIGHT);
    }
    for (const p of portrayed) {
      const span = introSpan(contexts[p.first.section], p.first.mention);
      for (const [org, weight] of runners) {
        if (org === p.name) continue;
        out[p.first.section].push({
          type: 'RUN_BY',
          from: { type: 'PROGRAMME', name: p.name },
          to: { type: 'ORGANISATION', name: org },
          weight,
          start: span.start,
          end: span.end,
          kind: 'ARTICLE',
        });
      }
    }
  }
  return out;
}
