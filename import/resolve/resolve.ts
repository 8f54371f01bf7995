/**
 * Resolution within one document: mentions -> EntityFacts (one per real entity, stable ids),
 * relation candidates -> deduplicated RelationFacts with evidence.
 * - names and aliases of the same type that coincide (after folding case/diacritics) are one entity,
 *   so "SCP" and "Sociaal en Cultureel Planbureau" (alias "SCP") merge;
 * - surname-only mentions of people are added by `addSurnameMentions` before linking.
 */
import { entityId } from '../ids.ts';
import type { EntityFact, EntityType, Evidence, RelationFact, RelationType } from '../types.ts';
import type { EntityMention, RelationCandidate, SectionContext, Sentence } from '../model.ts';
import { sentenceAt } from '../segment/sentences.ts';
import { EntityNames, foldText } from './evidence.ts';
import { eachLetterDigitRun } from './letter-runs.ts';
import { charAt } from '../text-at.ts';
import { emptyList, packedList } from '../packed.ts';

export const MAX_QUOTE = 240;
const MAX_SNIPPETS = 3;
const MAX_EVIDENCE = 5;

/** Folding used for matching names: case, diacritics, punctuation and white space. */
const foldCache = new Map<string, string>();

export function foldName(name: string): string {
  let f = foldCache.get(name);
  if (f === undefined) {
    f = foldText(name);
    if (foldCache.size > 100000) foldCache.clear();
    foldCache.set(name, f);
  }
  return f;
}

/** A literal window of the section text around [start, end), at most MAX_QUOTE characters, cut at word boundaries. */
export function quoteAround(text: string, start: number, end: number, sentence?: Sentence): string {
  let s = sentence ? Math.min(sentence.start, start) : start;
  let e = sentence ? Math.max(sentence.end, end) : end;
  if (e - s > MAX_QUOTE) {
    const mid = (start + end) >> 1;
    const half = MAX_QUOTE >> 1;
    s = Math.max(s, Math.min(start, mid - half));
    e = Math.min(e, s + MAX_QUOTE);
    if (e < end) {
      e = Math.min(text.length, end);
      s = Math.max(0, e - MAX_QUOTE);
    }
    // trim to word boundaries without leaving the window
    const sp = text.indexOf(' ', s);
    if (s > 0 && sp >= 0 && sp < start && sp - s < 30) s = sp + 1;
    const ep = text.lastIndexOf(' ', e);
    if (e < text.length && ep > end && e - ep < 30) e = ep;
  }
  return oneLine(text.slice(s, e)).slice(0, MAX_QUOTE).trim();
}

/** White space other than a space. */
const OTHER_SPACE = /[^\S ]/;

/** Runs of white space as one space, trimmed; most passages need no rewriting, and are not copied. */
function oneLine(q: string): string {
  // two tests are about twice as fast as one regex /[^\S ]| {2}/
  return (q.includes('  ') || OTHER_SPACE.test(q) ? q.replace(/\s+/g, ' ') : q).trim();
}

/** One-line, literal-as-possible quote: newlines are folded to spaces (the section text uses blank lines between paragraphs). */
export function evidenceQuote(ctx: SectionContext, start: number, end: number): string {
  const s = Math.max(0, start);
  const e = Math.min(ctx.text.length, Math.max(end, s + 1));
  let q = ctx.text.slice(s, e);
  if (q.length > MAX_QUOTE) {
    q = q.slice(0, MAX_QUOTE);
    const sp = q.lastIndexOf(' ');
    if (sp > MAX_QUOTE - 40) q = q.slice(0, sp);
  }
  // keep the quote inside one paragraph so it occurs literally in the section text
  const para = q.indexOf('\n\n');
  if (para > 0) q = q.slice(0, para);
  return q.trim();
}

interface Group {
  type: EntityType;
  names: Map<string, number>; // canonical names proposed by extractors, with counts
  aliases: Set<string>;
  /** alias arrays already taken over (extractors often pass the same array for every mention) */
  aliasLists: Set<string[]>;
  /** props objects already merged (shared objects are merged once) */
  propObjects: Set<object>;
  props: Record<string, string | string[] | null>;
  mentions: Map<string, { count: number; snippets: string[] }>;
  total: number;
}

class UnionFind {
  parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function mergeProps(into: Record<string, string | string[] | null>, from: Record<string, string | string[] | null> | undefined): void {
  if (!from) return;
  for (const k of Object.keys(from)) {
    const v = from[k];
    if (v === null || v === undefined) {
      if (!(k in into)) into[k] = null;
      continue;
    }
    const cur = into[k];
    if (Array.isArray(v) || Array.isArray(cur)) {
      // the values of both, once each (case-insensitive, first spelling kept)
      const merged: string[] = [];
      const seen = new Set<string>();
      if (Array.isArray(cur)) addDistinct(merged, seen, cur);
      else if (cur) addDistinct(merged, seen, [cur]);
      addDistinct(merged, seen, Array.isArray(v) ? v : [v]);
      into[k] = merged;
    } else if (cur === undefined || cur === null) {
      into[k] = v;
    }
  }
}

function addDistinct(into: string[], seen: Set<string>, values: string[]): void {
  for (const x of values) {
    const f = x.toLowerCase();
    if (seen.has(f)) continue;
    seen.add(f);
    into.push(x);
  }
}

function pickName(g: Group): string {
  let best = '';
  let bestScore = -1;
  for (const [name, count] of g.names) {
    // a written-out name beats an acronym ("Sociaal en Cultureel Planbureau" over "SCP"); then the most
    // frequent name wins, so one odd long span that an extractor glued to an alias does not rename the entity
    const acronym = /^[\p{Lu}\d&.-]+$/u.test(name) ? 0 : 1;
    const score = acronym * 1e9 + count * 1000 + Math.min(name.length, 999);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

const compact = (s: string) => foldName(s).replace(/ /g, '');

/**
 * The organisation of the document that an e-mail domain points to: "movisie.nl" -> Movisie,
 * "kis.nl" -> the entity with alias KIS, "verwey-jonker.nl" -> Verwey-Jonker Instituut (prefix of at least 5 letters).
 */
export function organisationForDomain(domain: string, entities: EntityFact[]): string | undefined {
  const parts = domain.split('.');
  const label = compact(parts.length > 1 ? parts[parts.length - 2] : parts[0]);
  if (label.length < 2) return undefined;
  let best: EntityFact | undefined;
  let bestScore = 0;
  for (const e of entities) {
    if (e.type !== 'ORGANISATION') continue;
    // (a loop, not map/some: one V8 array kind whether or not this code is optimised, see import/packed.ts)
    const names = emptyList<string>();
    names.push(compact(e.name));
    for (let k = 0; k < e.aliases.length; k++) names.push(compact(e.aliases[k]));
    let score = 0;
    for (const n of names) if (n === label) score = 3;
    if (!score && label.length >= 5) for (const n of names) if (n.startsWith(label)) score = 2;
    if (!score) continue;
    score = score * 10000 + e.mentions.reduce((a, m) => a + m.count, 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best?.id;
}

export interface Resolution {
  entities: EntityFact[];
  relations: RelationFact[];
}

/**
 * The union-find nodes of one document's printed names and aliases: one node per (type, folded name).
 * Names are looked up as printed first: the same printed names come back many times.
 */
class NameNodes {
  readonly uf = new UnionFind();
  /** (type, folded name) -> node, in order of creation */
  private readonly byFold = new Map<EntityType, Map<string, number>>();
  /** (type, printed name) -> node */
  private readonly byName = new Map<EntityType, Map<string, number>>();

  /** The node of a printed name (created on first sight), or undefined when the name folds to nothing. */
  add(type: EntityType, name: string): number | undefined {
    const byName = mapOf(this.byName, type);
    let n = byName.get(name);
    if (n !== undefined) return n;
    const folded = foldName(name);
    if (!folded) return undefined;
    const byFold = mapOf(this.byFold, type);
    n = byFold.get(folded);
    if (n === undefined) {
      n = this.uf.add();
      byFold.set(folded, n);
    }
    byName.set(name, n);
    return n;
  }

  /** The node of a name whose fold was seen (printed this way or another), without adding one. */
  find(type: EntityType, name: string): number | undefined {
    const n = this.byName.get(type)?.get(name);
    return n !== undefined ? n : this.byFold.get(type)?.get(foldName(name));
  }
}

function mapOf<K, V>(maps: Map<EntityType, Map<K, V>>, type: EntityType): Map<K, V> {
  let m = maps.get(type);
  if (!m) maps.set(type, (m = new Map()));
  return m;
}

const idCache = new Map<EntityType, Map<string, string>>();

/** entityId, memoised: the same canonical names come back in every document. */
function cachedEntityId(type: EntityType, name: string): string {
  const byName = mapOf(idCache, type);
  let id = byName.get(name);
  if (id === undefined) {
    id = entityId(type, name);
    if (byName.size > 50000) byName.clear();
    byName.set(name, id);
  }
  return id;
}

/** A sentence no longer than a quote is its own snippet, whichever mention in it asks: those are kept per sentence start. */
function snippetOf(ctx: SectionContext, m: EntityMention, sentenceSnippets: Map<number, string>): string {
  const sentence = sentenceAt(ctx.sentences, m.start);
  if (!sentence || sentence.end - sentence.start > MAX_QUOTE || m.end > sentence.end) return quoteAround(ctx.text, m.start, m.end, sentence);
  let q = sentenceSnippets.get(sentence.start);
  if (q === undefined) {
    q = quoteAround(ctx.text, m.start, m.end, sentence);
    sentenceSnippets.set(sentence.start, q);
  }
  return q;
}

function newGroup(type: EntityType): Group {
  return { type, names: new Map(), aliases: new Set(), aliasLists: new Set(), propObjects: new Set(), props: {}, mentions: new Map(), total: 0 };
}

function addToGroup(g: Group, m: EntityMention, ctx: SectionContext, sentenceSnippets: Map<number, string>): void {
  g.names.set(m.name, (g.names.get(m.name) ?? 0) + 1);
  if (m.aliases?.length && !g.aliasLists.has(m.aliases)) {
    g.aliasLists.add(m.aliases);
    for (const a of m.aliases) g.aliases.add(a);
  }
  if (m.surface && m.surface !== m.name && !g.aliases.has(m.surface)) {
    g.aliases.add(/\s\s|\n/.test(m.surface) ? m.surface.replace(/\s+/g, ' ').trim() : m.surface);
  }
  if (m.props && !g.propObjects.has(m.props)) {
    g.propObjects.add(m.props);
    mergeProps(g.props, m.props);
  }
  g.total++;
  let sm = g.mentions.get(ctx.section.id);
  if (!sm) {
    sm = { count: 0, snippets: [] };
    g.mentions.set(ctx.section.id, sm);
  }
  sm.count++;
  // a snippet is the sentence around the mention; many mentions share a sentence, so only a few tries per section
  if (sm.snippets.length < MAX_SNIPPETS && sm.count <= MAX_SNIPPETS * 2) {
    const snippet = snippetOf(ctx, m, sentenceSnippets);
    if (snippet && !sm.snippets.includes(snippet)) sm.snippets.push(snippet);
  }
}

/** The group's names and aliases other than its canonical name, one per fold (first spelling wins). */
function aliasesOf(g: Group, name: string): Map<string, string> {
  const aliasSet = new Map<string, string>();
  addAliases(aliasSet, g.names.keys(), foldName(name));
  addAliases(aliasSet, g.aliases, foldName(name));
  return aliasSet;
}

function addAliases(aliasSet: Map<string, string>, names: Iterable<string>, folded: string): void {
  for (const a of names) {
    const f = foldName(a);
    if (f && f !== folded && !aliasSet.has(f)) aliasSet.set(f, a);
  }
}

function mergeInto(existing: EntityFact, aliasSet: Map<string, string>, g: Group, mentions: EntityFact['mentions']): void {
  // two groups whose names slug to the same id: fold them together
  for (const a of aliasSet.values()) if (!existing.aliases.includes(a)) existing.aliases.push(a);
  mergeProps(existing.props, g.props);
  for (const m of mentions) {
    const same = existing.mentions.find((x) => x.sectionId === m.sectionId);
    if (same) {
      same.count += m.count;
      for (const s of m.snippets) if (same.snippets.length < MAX_SNIPPETS && !same.snippets.includes(s)) same.snippets.push(s);
    } else existing.mentions.push(m);
  }
}

function hasEvidence(r: RelationFact, sectionId: string, quote: string): boolean {
  for (const e of r.evidence) if (e.sectionId === sectionId && e.quote === quote) return true;
  return false;
}

export function resolveDocument(
  contexts: SectionContext[],
  mentionsBySection: EntityMention[][],
  candidatesBySection: RelationCandidate[][],
): Resolution {
  const nodes = unionNames(mentionsBySection);
  const groups = gatherGroups(nodes, contexts, mentionsBySection);
  const { entities, byRoot } = entityFacts(groups);
  const relations = relationFacts(nodes, byRoot, entities, contexts, candidatesBySection);
  return { entities, relations };
}

/** 1. One union-find node per (type, folded name or alias); a mention's aliases are united with its name. */
function unionNames(mentionsBySection: EntityMention[][]): NameNodes {
  const nodes = new NameNodes();
  // alias lists are often shared between mentions (a theme's synonyms): each list is unioned once per name node
  const unionedLists = new Map<string[], Set<number>>();
  for (const mentions of mentionsBySection) {
    for (const m of mentions) {
      const a = nodes.add(m.type, m.name);
      if (a === undefined || !m.aliases?.length) continue;
      let done = unionedLists.get(m.aliases);
      if (!done) unionedLists.set(m.aliases, (done = new Set()));
      if (done.has(a)) continue;
      done.add(a);
      for (const alias of m.aliases) {
        const b = nodes.add(m.type, alias);
        if (b !== undefined) nodes.uf.union(a, b);
      }
    }
  }
  return nodes;
}

/** 2. The mentions of each group (union-find root), with their snippets per section. */
function gatherGroups(nodes: NameNodes, contexts: SectionContext[], mentionsBySection: EntityMention[][]): Map<number, Group> {
  const groups = new Map<number, Group>();
  for (let i = 0; i < contexts.length; i++) {
    const ctx = contexts[i];
    const sentenceSnippets = new Map<number, string>();
    for (const m of mentionsBySection[i]) {
      // every name that folds to something has had its node made in step 1
      const node = nodes.find(m.type, m.name);
      if (node === undefined || !m.name) continue;
      const root = nodes.uf.find(node);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = newGroup(m.type)));
      addToGroup(g, m, ctx, sentenceSnippets);
    }
  }
  return groups;
}

/** 3. One entity fact per id (two groups whose names give one id are merged), and the id of each root. */
function entityFacts(groups: Map<number, Group>): { entities: EntityFact[]; byRoot: Map<number, string> } {
  const entities: EntityFact[] = [];
  const byRoot = new Map<number, string>();
  const byId = new Map<string, EntityFact>();
  for (const [root, g] of groups) {
    const name = pickName(g);
    const id = cachedEntityId(g.type, name);
    byRoot.set(root, id);
    const aliasSet = aliasesOf(g, name);
    const mentions: EntityFact['mentions'] = [];
    for (const [sectionId, v] of g.mentions) mentions.push({ sectionId, count: v.count, snippets: v.snippets });
    const existing = byId.get(id);
    if (existing) {
      mergeInto(existing, aliasSet, g, mentions);
      continue;
    }
    const fact: EntityFact = { id, type: g.type, name, aliases: [...aliasSet.values()], props: g.props, mentions };
    byId.set(id, fact);
    entities.push(fact);
  }
  return { entities, byRoot };
}

/**
 * 4. Relation facts between entity ids, with summed weights and up to MAX_EVIDENCE quotes; kept by type,
 * from and to (nested maps: no composite string keys) and listed in order of creation.
 */
function relationFacts(
  nodes: NameNodes,
  byRoot: Map<number, string>,
  entities: EntityFact[],
  contexts: SectionContext[],
  candidatesBySection: RelationCandidate[][],
): RelationFact[] {
  const uf = nodes.uf;
  const relationList: RelationFact[] = [];
  const relations = new Map<string, Map<string, Map<string, RelationFact>>>();
  const organisationByDomain = new Map<string, string | undefined>();
  const names = new EntityNames(entities);
  for (let i = 0; i < contexts.length; i++) {
    const ctx = contexts[i];
    const introductions = new Map<string, string | null>();
    for (const c of candidatesBySection[i] ?? []) {
      const fromNode = nodes.find(c.from.type, c.from.name);
      const from = fromNode === undefined ? undefined : byRoot.get(uf.find(fromNode));
      let to: string | undefined;
      if (c.to.name.startsWith('@')) {
        const domain = c.to.name.slice(1);
        if (organisationByDomain.has(domain)) to = organisationByDomain.get(domain);
        else organisationByDomain.set(domain, (to = organisationForDomain(domain, entities)));
      } else {
        const toNode = nodes.find(c.to.type, c.to.name);
        to = toNode === undefined ? undefined : byRoot.get(uf.find(toNode));
      }
      if (!from || !to || from === to) continue;
      // a programme is not run by the organisation of the same name ("Inclusionlab" the project, inclusionlab.nl the site)
      if (c.type === 'RUN_BY' && sameName(from, to)) continue;
      // a passage that does not support the link is not evidence, and a link without evidence is not written
      const evidence = supportedEvidence(c, ctx, from, to, names, introductions);
      if (!evidence) continue;
      let byFrom = relations.get(c.type);
      if (!byFrom) relations.set(c.type, (byFrom = new Map()));
      let byTo = byFrom.get(from);
      if (!byTo) byFrom.set(from, (byTo = new Map()));
      let r = byTo.get(to);
      if (!r) {
        r = { type: c.type as RelationType, from, to, role: c.role ?? null, weight: 0, evidence: [] };
        byTo.set(to, r);
        relationList.push(r);
      }
      r.weight += c.weight ?? 1;
      if (!r.role && c.role) r.role = c.role;
      if (r.evidence.length >= MAX_EVIDENCE) continue;
      if (!hasEvidence(r, evidence.sectionId, evidence.quote)) r.evidence.push(evidence);
    }
  }
  for (const r of relationList) {
    r.weight = Math.round(r.weight * 1000) / 1000;
    // the sentences that name both ends first, then the article-level passages
    r.evidence.sort((a, b) => (a.kind === 'ARTICLE' ? 1 : 0) - (b.kind === 'ARTICLE' ? 1 : 0));
  }
  return relationList;
}

/** Two ids of different types made from the same name: "programme:abcd" and "organisation:abcd". */
function sameName(a: string, b: string): boolean {
  return a.slice(a.indexOf(':') + 1) === b.slice(b.indexOf(':') + 1);
}

const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ten', 'ter', 'te', 'het', "'t", '’t', 'el', 'al', 'ben', 'la', 'le', 'du', 'da', 'di', 'dos', 'von', 'op', 'in']);

/** The ways a full name is referred to later: the full name itself and the surname with its particles ("Van der Meer"). */
export function nameForms(fullName: string): string[] {
  const tokens = fullName.split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return [];
  const forms = [fullName];
  const p = tokens.findIndex((t, i) => i > 0 && NAME_PARTICLES.has(t.toLowerCase()));
  let surname: string[];
  if (p > 0) surname = tokens.slice(p);
  else if (/^\p{Lu}\.$/u.test(tokens[0])) surname = tokens.slice(tokens.findIndex((t) => !/^\p{Lu}\.$/u.test(t)));
  else surname = tokens.slice(1);
  if (surname.length && surname.join(' ') !== fullName) {
    const s = surname.join(' ');
    if (s.replace(/[^\p{L}]/gu, '').length >= 3) {
      forms.push(s);
      const capitalised = s.charAt(0).toUpperCase() + s.slice(1);
      if (capitalised !== s) forms.push(capitalised);
    }
  }
  return forms;
}

const nameFormsCache = new Map<string, readonly string[]>();

/** nameForms, memoised (the same names come back in every document); the arrays are shared: read only. */
function cachedNameForms(fullName: string): readonly string[] {
  let forms = nameFormsCache.get(fullName);
  if (forms === undefined) {
    forms = nameForms(fullName);
    if (nameFormsCache.size > 50000) nameFormsCache.clear();
    nameFormsCache.set(fullName, forms);
  }
  return forms;
}

/**
 * Document-level person resolution: every later occurrence of a person's full name or surname
 * (with particles) becomes a mention of that person, unless another mention covers it or the
 * surname belongs to more than one person in the document.
 */
export function addPersonNameMentions(contexts: SectionContext[], mentionsBySection: EntityMention[][]): EntityMention[][] {
  const formOwner = new Map<string, string | null>(); // form -> person name (null: ambiguous)
  const personNames = new Set<string>();
  for (const mentions of mentionsBySection) for (const m of mentions) if (m.type === 'PERSON') personNames.add(m.name);
  // a "name" that is only the surname of another person found in the document ("Roscam Abbing") is not an owner
  const surnameOf = new Map<string, string | null>();
  for (const full of personNames) {
    const forms = cachedNameForms(full);
    for (let k = 1; k < forms.length; k++) {
      const form = forms[k];
      if (!personNames.has(form) || form === full) continue;
      const prev = surnameOf.get(form);
      surnameOf.set(form, prev === undefined || prev === full ? full : null);
    }
  }
  for (const mentions of mentionsBySection) {
    for (const m of mentions) {
      if (m.type !== 'PERSON' || surnameOf.has(m.name)) continue;
      for (const form of cachedNameForms(m.name)) {
        const owner = formOwner.get(form);
        if (owner === undefined) formOwner.set(form, m.name);
        else if (owner !== null && foldName(owner) !== foldName(m.name)) formOwner.set(form, null);
      }
    }
  }
  if (surnameOf.size) {
    const renamed = emptyList<EntityMention[]>();
    for (const mentions of mentionsBySection) {
      const list = emptyList<EntityMention>();
      for (const m of mentions) {
        const owner = m.type === 'PERSON' ? surnameOf.get(m.name) : undefined;
        list.push(owner ? { ...m, name: owner, aliases: [...(m.aliases ?? []), m.name] } : m);
      }
      renamed.push(list);
    }
    mentionsBySection = renamed;
  }
  if (!formOwner.size) return mentionsBySection;
  // index forms by their last word
  const byLast = new Map<string, string[]>();
  for (const [form, owner] of formOwner) {
    if (owner === null) continue;
    const last = form.slice(form.lastIndexOf(' ') + 1);
    const list = byLast.get(last) ?? [];
    list.push(form);
    list.sort((a, b) => b.length - a.length);
    byLast.set(last, list);
  }
  const lastWords = lastWordIndex([...byLast.keys()]);
  return contexts.map((ctx, i) => addNameMentionsIn(ctx, mentionsBySection[i], lastWords, byLast, formOwner));
}

/**
 * The last words of the person name forms, indexed for one pass over a text: by the run of letters and digits
 * each starts with ("Strake", "O" of "O'Neil"). An occurrence that can become a mention starts where such a run
 * of the text starts and the text's run is exactly that one, so each run of the text is looked up once: linear
 * in the text however many people the document names. Words that start with neither are searched one by one.
 */
interface LastWordIndex {
  count: number;
  all: { word: string; order: number }[];
  byRun: Map<string, { word: string; order: number }[]>;
  /** Per code unit: 1 when some key of byRun starts with it. */
  runStarts: Uint8Array;
  other: { word: string; order: number }[];
}

const LEADING_RUN = /^[\p{L}\p{N}]+/u;

function lastWordIndex(words: string[]): LastWordIndex {
  const byRun = new Map<string, { word: string; order: number }[]>();
  const other: { word: string; order: number }[] = [];
  words.forEach((word, order) => {
    const run = LEADING_RUN.exec(word)?.[0];
    if (!run) other.push({ word, order });
    else {
      const list = byRun.get(run);
      if (list) list.push({ word, order });
      else byRun.set(run, [{ word, order }]);
    }
  });
  const runStarts = new Uint8Array(65536);
  for (const run of byRun.keys()) runStarts[run.charCodeAt(0)] = 1;
  return { count: words.length, all: words.map((word, order) => ({ word, order })), byRun, runStarts, other };
}

/** Up to this many words, each is searched with indexOf: on the corpus (below this) faster than the pass over the runs, which wins when a text names hundreds of people. */
const FEW_WORDS = 128;

/** Where the words may start a mention in the text (at the start of a run of letters and digits), in text order. */
function wordHits(text: string, index: LastWordIndex): { at: number; word: string }[] {
  const hits: { at: number; word: string; order: number }[] = [];
  if (index.count <= FEW_WORDS) {
    // a few words: indexOf per word is faster than one pass over the runs (the checks after it drop what is no mention)
    for (const w of index.all) for (let at = text.indexOf(w.word); at >= 0; at = text.indexOf(w.word, at + 1)) hits.push({ at, word: w.word, order: w.order });
    hits.sort((a, b) => a.at - b.at || a.order - b.order);
    return hits;
  }
  // only a run that starts with the first code unit of some indexed run is looked up (cut out of the text)
  eachLetterDigitRun(text, (start, end) => {
    if (index.runStarts[text.charCodeAt(start)] === 0) return;
    const run = text.slice(start, end);
    const list = index.byRun.get(run);
    if (!list) return;
    for (const w of list) if (w.word.length === run.length || text.startsWith(w.word, start)) hits.push({ at: start, word: w.word, order: w.order });
  });
  for (const w of index.other) for (let at = text.indexOf(w.word); at >= 0; at = text.indexOf(w.word, at + 1)) hits.push({ at, word: w.word, order: w.order });
  hits.sort((a, b) => a.at - b.at || a.order - b.order);
  return hits;
}

/** One section's mentions plus the occurrences of the person name forms that no other mention covers. */
function addNameMentionsIn(
  ctx: SectionContext,
  existing: EntityMention[],
  lastWords: LastWordIndex,
  byLast: Map<string, string[]>,
  formOwner: Map<string, string | null>,
): EntityMention[] {
  const text = ctx.text;
  // occurrences of every surname's last word
  const hits = wordHits(text, lastWords);
  if (!hits.length) return existing;
  // characters covered by a mention of any type but THEME (checking and marking are linear in the span)
  const covered = new Uint8Array(text.length + 1);
  for (const m of existing) if (m.type !== 'THEME') covered.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
  const added: EntityMention[] = [];
  for (const { at, word } of hits) {
    const forms = byLast.get(word)!;
    const end = at + word.length;
    if (/[\p{L}\p{N}]/u.test(charAt(text, end))) continue;
    for (const form of forms) {
      const start = end - form.length;
      if (start < 0 || text.slice(start, end) !== form) continue;
      if (start > 0 && /[\p{L}\p{N}-]/u.test(charAt(text, start - 1))) continue;
      if (isCovered(covered, start, end)) break;
      const owner = formOwner.get(form)!;
      added.push({ type: 'PERSON', name: owner, surface: form, start, end });
      covered.fill(1, start, end);
      break;
    }
  }
  return added.length ? packedList([...existing, ...added].sort((a, b) => a.start - b.start)) : existing;
}

function isCovered(covered: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (covered[k]) return true;
  return false;
}

/**
 * The evidence a candidate gives, or null when no passage supports the link. A sentence-level quote must
 * name both ends; one that names only the target (after "hij", "zij", an e-mail address) is extended back
 * over the sentences before it, up to a quote's length, to where the source is named. Failing that, the
 * link is kept as article-level evidence with the passage of the section that introduces the source.
 */
function supportedEvidence(
  c: RelationCandidate,
  ctx: SectionContext,
  from: string,
  to: string,
  names: EntityNames,
  /** the section's introduction of each entity asked about so far (one scan of the section per entity, not per link) */
  introductions: Map<string, string | null>,
): Evidence | null {
  const articleLevel = c.kind === 'ARTICLE';
  const quote = evidenceQuote(ctx, c.start, c.end);
  const base = { sectionId: ctx.section.id, ...(ctx.section.articleId ? { articleId: ctx.section.articleId } : {}) };
  if (quote && names.named(from, quote)) {
    if (!articleLevel && names.named(to, quote)) return { ...base, quote, kind: 'SENTENCE' };
    if (articleLevel) return { ...base, quote, kind: 'ARTICLE' };
  }
  if (!articleLevel) {
    const extended = extendedBack(ctx, c, from, to, names) ?? windowNamingBoth(ctx, c, from, to, names) ?? headedPassage(ctx, c, from, to, names);
    if (extended) return { ...base, quote: extended, kind: 'SENTENCE' };
  }
  if (quote && names.named(from, quote)) return { ...base, quote, kind: 'ARTICLE' };
  let intro = introductions.get(from);
  if (intro === undefined) introductions.set(from, (intro = introduction(ctx, from, names)));
  return intro ? { ...base, quote: intro, kind: 'ARTICLE' } : null;
}

/** How long the first paragraph of a two-paragraph quote may be: a name line or a heading, not a paragraph of its own. */
const MAX_HEAD_LINE = 100;

/**
 * A passage that runs from a short line into the next paragraph: "Pieter Schipper ¶ Pieter werkt als … bij Aedes",
 * "Lydia Sterrenberg ¶ (Platform31)" in text from PDF. Kept whole (it occurs literally in the section) when it
 * names both ends within a quote's length.
 */
function headedPassage(ctx: SectionContext, c: RelationCandidate, from: string, to: string, names: EntityNames): string | null {
  if (c.end - c.start > MAX_QUOTE) return null;
  const raw = ctx.text.slice(c.start, c.end);
  const para = raw.indexOf('\n\n');
  if (para < 0 || para > MAX_HEAD_LINE || raw.indexOf('\n\n', para + 2) >= 0) return null;
  const q = raw.trim();
  return names.named(from, q) && names.named(to, q) ? q : null;
}

/** The candidate's passage with the sentences before it, when that names both ends within a quote's length. */
function extendedBack(ctx: SectionContext, c: RelationCandidate, from: string, to: string, names: EntityNames): string | null {
  const at = firstEndingAfter(ctx.sentences, c.start);
  for (let k = at - 1; k >= 0 && k >= at - 2; k--) {
    const start = ctx.sentences[k].start;
    if (c.end - start > MAX_QUOTE) return null;
    if (ctx.text.slice(start, c.end).includes('\n\n')) return null;
    const q = evidenceQuote(ctx, start, c.end);
    if (names.named(from, q) && names.named(to, q)) return q;
  }
  return null;
}

/** The index of the first sentence that ends after `pos` (binary search: sentences are in text order), or -1. */
function firstEndingAfter(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo < sentences.length ? lo : -1;
}

/** In a passage longer than a quote, a quote-long window of it that names both ends (tried every 60 characters), or null. */
function windowNamingBoth(ctx: SectionContext, c: RelationCandidate, from: string, to: string, names: EntityNames): string | null {
  if (c.end - c.start <= MAX_QUOTE) return null;
  for (let at = c.start; at < c.end - 40; at += 60) {
    const space = at === c.start ? at : ctx.text.indexOf(' ', at) + 1;
    if (space <= 0 || space >= c.end) break;
    const q = evidenceQuote(ctx, space, Math.min(c.end, space + MAX_QUOTE));
    if (names.named(from, q) && names.named(to, q)) return q;
  }
  return null;
}

/** The first sentence of the section that names entity `id`, as a quote, or null. */
function introduction(ctx: SectionContext, id: string, names: EntityNames): string | null {
  for (const s of ctx.sentences) {
    const q = evidenceQuote(ctx, s.start, Math.min(s.end, s.start + MAX_QUOTE));
    if (names.named(id, q)) return q;
  }
  return null;
}
