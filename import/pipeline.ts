/**
 * The importer as a pipeline of named stages. This list is the map: each stage is a folder under
 * import/ with one job, and hands the next stage a typed value. To swap a stage (for instance the
 * tagger), change the module its entry points at.
 *
 * `extractDocument` below runs the pure stages (normalise .. relate) for one document: text in,
 * facts out, no database. run-import.ts runs read before it and write after it. An extractor or
 * linker that throws is isolated: its output for that section is dropped and the failure is
 * recorded in `extractionWarnings`, so one broken module cannot sink a document.
 */
export interface Stage {
  name: 'read' | 'normalise' | 'segment' | 'tag' | 'type' | 'resolve' | 'relate' | 'write';
  folder: string;
  /** What the stage receives -> what it hands on. */
  handOff: string;
  job: string;
}

export const STAGES: readonly Stage[] = [
  { name: 'read', folder: 'import/read/', handOff: 'paths -> checked text per file (PDF, DOCX, HTML, markdown, text)', job: 'find regular files, read each format by its content, refuse what is not Dutch language' },
  { name: 'normalise', folder: 'import/normalise/', handOff: 'text -> Block[]', job: 'de-hyphenate, unwrap PDF lines, strip page furniture' },
  { name: 'segment', folder: 'import/segment/', handOff: 'Block[] -> SectionContext[] (sections with sentences)', job: 'magazine -> sections -> sentences' },
  { name: 'tag', folder: 'import/tag/', handOff: 'SectionContext -> TaggedSpan[] (PER/ORG/LOC/MISC) and rule EntityMention[]', job: 'the trained tagger proposes spans (tag/ner-spans.ts: swap it there); high-precision rules in tag/rules/' },
  { name: 'type', folder: 'import/type/', handOff: 'spans -> EntityMention[] (one type per span)', job: 'LOC -> municipality (CBS) or place; ORG/MISC -> organisation/programme (span classifier); overlapping rule mentions compete, and win over the tagger' },
  { name: 'resolve', folder: 'import/resolve/', handOff: 'mentions -> EntityFact[] (one per real entity)', job: 'merge variants, aliases, abbreviations, surname-only mentions' },
  { name: 'relate', folder: 'import/relate/', handOff: 'SectionContext + mentions -> RelationCandidate[]', job: 'link entities by sentence cues and article placement' },
  { name: 'write', folder: 'import/write/', handOff: 'ExtractionResult -> Neo4j (Cypher in graph/write.ts)', job: 'one idempotent transaction per document' },
];

import { createHash } from 'node:crypto';
import { emptyList, packedList, packedLists } from './packed.ts';
import { articleId, documentId, sectionId } from './ids.ts';
import type { ArticleFact, DocumentFact, ExtractionResult, SectionFact } from './types.ts';
import type { EntityMention, MentionExtractor, RelationCandidate, RelationLinker, SectionContext } from './model.ts';
import { normaliseBlocks } from './normalise/normalise.ts';
import { readPublished, readTitle, segment } from './segment/segment.ts';
import { splitSentences } from './segment/sentences.ts';
import { articleOfSection, splitArticles } from './segment/articles.ts';
import { articleActors, linkArticleRunners, linkArticleThemes } from './relate/article-links.ts';
import { addPersonNameMentions, resolveDocument } from './resolve/resolve.ts';
import { extractProgrammes, linkProgrammes } from './tag/rules/programmes.ts';
import { linkProgrammesAcrossSections } from './relate/programme-links.ts';
import { extractThemes, linkThemes } from './tag/rules/themes.ts';
import { extractPeople } from './tag/rules/people.ts';
import { linkPeople, linkPeopleAcrossSections } from './relate/person-links.ts';
import { extractMunicipalities } from './tag/rules/municipalities.ts';
import { extractOrganisations } from './tag/rules/organisations.ts';
import { linkOrganisations } from './relate/organisation-links.ts';
import { isDictionaryWord, proposeSpans } from './tag/ner-spans.ts';
import { typeSpans, type RuleCover } from './type/span-types.ts';
import { fillGaps, ruleCover } from './type/fill-gaps.ts';
import { dropOverlaps, municipalitiesInOrganisationNames } from './type/overlaps.ts';
import { documentLowerCaseWords } from './type/span-features.ts';
import { mergeVariants } from './resolve/variants.ts';

export const MENTION_EXTRACTORS: [string, MentionExtractor][] = [
  ['people', extractPeople],
  ['organisations', extractOrganisations],
  ['municipalities', extractMunicipalities],
  ['programmes', extractProgrammes],
  ['themes', extractThemes],
];

/**
 * The trained tagger proposes spans (tag stage) and the type stage types them. They fill what the
 * rules left: where a rule mention overlaps a tagger span, the rule wins (`taken`: where the rules'
 * mentions stand, so that the type stage spends nothing on spans that lose).
 */
export const MODEL_TAGGER: [string, (ctx: SectionContext, taken?: RuleCover) => EntityMention[]] = [
  'tagger',
  (ctx, taken) => typeSpans(ctx, proposeSpans(ctx), isDictionaryWord, undefined, taken),
];

export const RELATION_LINKERS: [string, RelationLinker][] = [
  ['person-links', linkPeople],
  ['organisations', linkOrganisations],
  ['programmes', linkProgrammes],
  ['themes', linkThemes],
];

/** Failures of extractor modules seen in this process (module name -> first message). */
export const extractionWarnings = new Map<string, string>();

function guarded<T>(name: string, fn: () => T[]): T[] {
  try {
    const out = fn();
    return Array.isArray(out) ? out : [];
  } catch (err) {
    if (!extractionWarnings.has(name)) extractionWarnings.set(name, err instanceof Error ? err.message : String(err));
    return [];
  }
}

/** push(...items) without the argument-count limit of a spread. */
function appendAll<T>(into: T[], items: T[]): void {
  for (const x of items) into.push(x);
}

function guardedDocument<T>(name: string, fn: () => T[][]): T[][] {
  return guarded(name, fn).map((x) => (Array.isArray(x) ? x : []));
}

/**
 * Article number per section (the index of its first section): in markdown a level-1 heading opens an
 * article that runs until the next one; sections before the first one, and every section of a text
 * without such headings (text from PDF), stand alone.
 */
export function articleNumbers(segments: { level: number }[]): number[] {
  const hasArticles = segments.some((s) => s.level === 1);
  let article = -1; // first section of the open article
  return segments.map((s, i) => {
    if (!hasArticles) return i;
    if (s.level === 1) article = i;
    return article < 0 ? i : article;
  });
}

function sectionContexts(documentId: string, sections: SectionFact[]): SectionContext[] {
  return packedList(sections.map((section) => ({ documentId, section, text: section.text, sentences: splitSentences(section.text) })));
}

/** The segment stage's hand-off for one document (what the tag stage reads), without extracting. */
export function documentContexts(relativePath: string, text: string): SectionContext[] {
  const docId = documentId(relativePath);
  const sections = segment(normaliseBlocks(text)).map((s, i) => ({ id: sectionId(docId, i + 1), ordinal: i + 1, title: s.title, text: s.text }));
  return sectionContexts(docId, sections);
}

export interface ExtractOptions {
  /** Names of MENTION_EXTRACTORS / RELATION_LINKERS to leave out (the ablation in `npm run eval -- --ablate`). */
  without?: ReadonlySet<string>;
}

/** `relativePath`: the file's path relative to the import root, '/'-separated (a bare file name for one file). */
export function extractDocument(relativePath: string, text: string, options: ExtractOptions = {}): ExtractionResult {
  const on = ([name]: [string, unknown]) => !options.without?.has(name);
  const docId = documentId(relativePath);
  const blocks = normaliseBlocks(text);
  const segments = segment(blocks);
  const spans = splitArticles(segments);
  const articleOf = articleOfSection(spans, segments.length);
  const articles: ArticleFact[] = spans.map((a) => ({ id: articleId(docId, a.ordinal), ordinal: a.ordinal, title: a.title, sectionIds: a.sections.map((i) => sectionId(docId, i + 1)) }));
  const sections: SectionFact[] = segments.map((s, i) => ({ id: sectionId(docId, i + 1), ordinal: i + 1, title: s.title, text: s.text, articleId: articles[articleOf[i]]?.id }));
  const document: DocumentFact = {
    id: docId,
    file: relativePath.split('/').pop() ?? relativePath,
    path: relativePath,
    title: readTitle(blocks, docId),
    published: readPublished(blocks),
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    sections,
    articles,
  };

  const contexts = sectionContexts(docId, sections);

  // one extractor over every section, then the next: each extractor's code and data stay warm (measurably faster
  // than every extractor per section); a section's mentions keep the extractor order
  const found: EntityMention[][] = packedLists(contexts.map(() => emptyList<EntityMention>()));
  for (const [name, extract] of MENTION_EXTRACTORS.filter(on)) contexts.forEach((ctx, i) => appendAll(found[i], guarded(name, () => extract(ctx))));
  let mentions: EntityMention[][] = packedLists(found.map(dropOverlaps));
  if (on(MODEL_TAGGER)) {
    mentions = packedLists(
      mentions.map((kept, i) => {
        const taken = ruleCover(kept);
        return fillGaps(kept, guarded(MODEL_TAGGER[0], () => MODEL_TAGGER[1](contexts[i], taken)), taken);
      }),
    );
  }
  mentions = packedLists(addPersonNameMentions(contexts, mentions));

  let candidates: RelationCandidate[][] = packedLists(contexts.map(() => emptyList<RelationCandidate>()));
  for (const [name, link] of RELATION_LINKERS.filter(on)) contexts.forEach((ctx, i) => appendAll(candidates[i], guarded(name, () => link(ctx, mentions[i]))));
  // a programme in a box or follow-up section runs where its article is set
  const acrossSections = guardedDocument('programme-article-links', () => linkProgrammesAcrossSections(contexts, mentions));
  acrossSections.forEach((extra, i) => candidates[i]?.push(...extra));
  const placedPeople = guardedDocument('person-article-links', () => linkPeopleAcrossSections(contexts, mentions, candidates, articleOf));
  if (placedPeople.length === candidates.length) candidates = packedLists(placedPeople);
  // who works on which theme: the article's main themes, by each actor's role in it
  // the actors of each article, read once for both article linkers (a failure here leaves each linker to read its own)
  const actors = guarded('article-actors', () => [articleActors(spans, contexts, mentions)])[0];
  const articleThemes = guardedDocument('article-themes', () => linkArticleThemes(spans, contexts, mentions, candidates, actors));
  articleThemes.forEach((extra, i) => candidates[i] && appendAll(candidates[i], extra));
  const articleRunners = guardedDocument('article-runners', () => linkArticleRunners(spans, contexts, mentions, candidates, actors));
  articleRunners.forEach((extra, i) => candidates[i] && appendAll(candidates[i], extra));

  // a municipality printed only inside an organisation name ("Erasmus Universiteit Rotterdam") is still named in the
  // text: it becomes an entity, but the linkers never saw it, so "docent aan de Hogeschool Rotterdam" places nobody there
  const withPlacesInNames = packedLists(
    mentions.map((kept, i) => {
      const nested = municipalitiesInOrganisationNames(found[i], kept);
      return nested.length ? [...kept, ...nested] : kept;
    }),
  );
  const lowerWords = documentLowerCaseWords(contexts);
  const merged = packedLists(mergeVariants(withPlacesInNames, (word) => lowerWords.has(word.toLowerCase()), isDictionaryWord));
  const { entities, relations } = resolveDocument(contexts, merged, candidates);
  return { document, entities, relations };
}
