/**
 * Per-request DataLoaders: every list field of every entity in one response is fetched with
 * one query per (field, arguments), whatever the number of parent entities.
 */
import DataLoader from 'dataloader';
import { entitiesByIds, documentsOf, linkedEntities, mentionsOf, type LinkField } from '../graph/queries/entities.ts';
import { documentsByIds, sectionsByIds, sectionsOfDocuments, type SectionRow } from '../graph/queries/documents.ts';
import { byWeight, themeLinks, themePeople, type PersonThemeLinkRow, type ThemeLinkRow } from '../graph/queries/themes.ts';
import type { BundlePart, EntityBundle } from '../graph/queries/entity-bundle.ts';
import { edgeEvidence, type EdgeKey } from '../graph/queries/evidence.ts';
import { themeMembers, type ThemeMemberRow } from '../graph/queries/theme-members.ts';
import type { EntityType } from '../graph/queries/model.ts';
import type { DocumentRow, EntityRow, PassageRow } from '../graph/queries/model.ts';
import type { ReadContext } from '../graph/queries/run.ts';
import { articlesByIds, articlesOfDocuments, articlesOfSections, type ArticleRow } from '../graph/queries/articles.ts';

type Batch<T> = (ids: readonly string[]) => Promise<Map<string, T>>;

function loader<T>(batch: Batch<T>, missing: T): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const found = await batch(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

export function createLoaders(read: ReadContext) {
  const keyed = new Map<string, DataLoader<string, unknown>>();
  function once<T>(key: string, make: () => DataLoader<string, T>): DataLoader<string, T> {
    let l = keyed.get(key) as DataLoader<string, T> | undefined;
    if (!l) {
      l = make();
      keyed.set(key, l as DataLoader<string, unknown>);
    }
    return l;
  }

  const entity = loader<EntityRow | null>((ids) => entitiesByIds(read, ids), null);
  const document = loader<DocumentRow | null>((ids) => documentsByIds(read, ids), null);
  const section = loader<SectionRow | null>((ids) => sectionsByIds(read, ids), null);
  const article = loader<ArticleRow | null>((ids) => articlesByIds(read, ids), null);
  const articleOfSection = loader<ArticleRow | null>((ids) => articlesOfSections(read, ids), null);

  return {
    entity,
    document,
    section,
    article,
    articleOfSection,
    articlesOf: () => once('articlesOf', () => loader<ArticleRow[]>((ids) => articlesOfDocuments(read, ids), [])),
    links: (field: LinkField, first: number) =>
      once(`links:${field}:${first}`, () => loader<EntityRow[]>((ids) => linkedEntities(read, field, ids, first), [])),
    mentions: (first: number) => once(`mentions:${first}`, () => loader<PassageRow[]>((ids) => mentionsOf(read, ids, first), [])),
    documentsOf: () => once('documentsOf', () => loader<DocumentRow[]>((ids) => documentsOf(read, ids), [])),
    sectionsOf: () => once('sectionsOf', () => loader<SectionRow[]>((ids) => sectionsOfDocuments(read, ids), [])),
    themeLinks: (kind: 'direct' | 'municipality', first: number) =>
      once(`themes:${kind}:${first}`, () => loader<ThemeLinkRow[]>((ids) => themeLinks(read, kind, ids, first), [])),
    themePeople: (first: number) =>
      once(`themePeople:${first}`, () => loader<PersonThemeLinkRow[]>((ids) => themePeople(read, ids, first), [])),
    themeMembers: (type: EntityType, first: number) =>
      once(`themeMembers:${type}:${first}`, () => loader<ThemeMemberRow[]>((ids) => themeMembers(read, type, ids, first), [])),
    edgeEvidence: () =>
      once('edgeEvidence', () =>
        loader<PassageRow[]>(async (ids) => {
          const keys = ids.map(parseEdgeId).filter((k): k is EdgeKey => k !== null);
          return edgeEvidence(read, keys);
        }, []),
      ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Hands an entity read with its lists (graph/queries/entity-bundle.ts) to the loaders its field resolvers use. */
export function primeEntityBundle(loaders: Loaders, bundle: EntityBundle, parts: readonly BundlePart[]): void {
  const id = bundle.entity.id;
  loaders.entity.prime(id, bundle.entity);
  parts.forEach((part, i) => {
    const items = bundle.parts[i] ?? [];
    switch (part.kind) {
      case 'link':
        loaders.links(part.field, part.first).prime(id, items as EntityRow[]);
        break;
      case 'mentions':
        loaders.mentions(part.first).prime(id, items as PassageRow[]);
        break;
      case 'themes':
        loaders
          .themeLinks(part.label === 'Municipality' ? 'municipality' : 'direct', part.first)
          .prime(id, byWeight(items as ThemeLinkRow[], (l) => l.theme.name));
        break;
      case 'themePeople':
        loaders.themePeople(part.first).prime(id, byWeight(items as PersonThemeLinkRow[], (l) => l.person.name));
        break;
    }
  });
}

/** `${type}:${source}->${target}`; entity ids contain ':' themselves, so split on the first one. */
export function parseEdgeId(id: string): EdgeKey | null {
  const colon = id.indexOf(':');
  const arrow = id.indexOf('->', colon + 1);
  if (colon < 1 || arrow < 0) return null;
  return { id, type: id.slice(0, colon), source: id.slice(colon + 1, arrow), target: id.slice(arrow + 2) };
}
