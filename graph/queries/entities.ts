/**
 * Entities by id, entity lists, and the one-hop link lists of each entity type.
 * Every function takes a batch of ids (DataLoader-friendly) and answers in one round trip.
 */
import type { EntityType } from '../../import/types.ts';
import { DOCUMENT_PROJECTION, LABEL, entityProjection, type DocumentRow, type EntityRow, type PassageRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import { MENTION_SNIPPETS } from '../snippet-places.ts';

const ENTITIES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  RETURN ${entityProjection('e')} AS entity`;

export async function entitiesByIds(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await readRows(ctx, ENTITIES_BY_IDS, { ids });
  return new Map(rows.map((r) => [(r.entity as EntityRow).id, r.entity as EntityRow]));
}

/** Listing without search: most mentioned first. One query string per label, from the fixed map. */
const LIST_BY_TYPE: Readonly<Record<EntityType, string>> = Object.fromEntries(
  (Object.entries(LABEL) as [EntityType, string][]).map(([type, label]) => [
    type,
    `MATCH (e:${label})
     RETURN ${entityProjection('e')} AS entity
     ORDER BY e.mentionCount DESC, e.name, e.id
     SKIP $offset LIMIT $first`,
  ]),
) as Record<EntityType, string>;

export async function listEntities(ctx: ReadContext, type: EntityType, first: number, offset: number): Promise<EntityRow[]> {
  const rows = await readRows(ctx, LIST_BY_TYPE[type], { first: int(first), offset: int(offset) });
  return rows.map((r) => r.entity as EntityRow);
}

/** A one-hop list field: which relationship, which way, which label at the other end. */
interface LinkSpec {
  from: string;
  rel: string;
  dir: 'out' | 'in';
  to: string;
}

export const LINK_FIELDS = {
  'Person.organisations': { from: 'Person', rel: 'WORKS_FOR', dir: 'out', to: 'Organisation' },
  'Person.municipalities': { from: 'Person', rel: 'HOLDS_OFFICE_IN', dir: 'out', to: 'Municipality' },
  'Organisation.people': { from: 'Organisation', rel: 'WORKS_FOR', dir: 'in', to: 'Person' },
  'Organisation.municipalities': { from: 'Organisation', rel: 'BASED_IN', dir: 'out', to: 'Municipality' },
  'Organisation.programmes': { from: 'Organisation', rel: 'RUN_BY', dir: 'in', to: 'Programme' },
  'Municipality.people': { from: 'Municipality', rel: 'HOLDS_OFFICE_IN', dir: 'in', to: 'Person' },
  'Municipality.organisations': { from: 'Municipality', rel: 'BASED_IN', dir: 'in', to: 'Organisation' },
  'Municipality.programmes': { from: 'Municipality', rel: 'RUNS_IN', dir: 'in', to: 'Programme' },
  'Programme.organisations': { from: 'Programme', rel: 'RUN_BY', dir: 'out', to: 'Organisation' },
  'Programme.municipalities': { from: 'Programme', rel: 'RUNS_IN', dir: 'out', to: 'Municipality' },
  'Theme.programmes': { from: 'Theme', rel: 'WORKS_ON', dir: 'in', to: 'Programme' },
  'Theme.organisations': { from: 'Theme', rel: 'WORKS_ON', dir: 'in', to: 'Organisation' },
} as const satisfies Record<string, LinkSpec>;

export type LinkField = keyof typeof LINK_FIELDS | 'Theme.municipalities';

/** Inner part of a link list: bound `src`, `$first`, returns `items`. */
function linkSubquery(spec: LinkSpec): string {
  const hop = spec.dir === 'out' ? `-[r:${spec.rel}]->` : `<-[r:${spec.rel}]-`;
  // The per-document relationships of one pair are summed into one weight.
  return `
      MATCH (src)${hop}(dst:${spec.to})
      WITH dst, sum(r.weight) AS weight
      ORDER BY weight DESC, dst.name, dst.id
      LIMIT $first
      RETURN collect(${entityProjection('dst')}) AS items`;
}

function linkCypher(spec: LinkSpec): string {
  return `
    UNWIND $ids AS id
    MATCH (src:${spec.from} {id: id})
    CALL (src) {${linkSubquery(spec)}
    }
    RETURN id, items`;
}

/** Theme -> municipalities goes through the programmes, organisations and office holders working on it. */
const THEME_MUNICIPALITIES_SUBQUERY = `
    MATCH (x:Entity)-[r:WORKS_ON]->(t)
    WITH x, sum(r.weight) AS weight
    MATCH (x)-[:RUNS_IN|BASED_IN|HOLDS_OFFICE_IN]->(m:Municipality)
    WITH DISTINCT m, x, weight
    WITH m, sum(weight) AS weight
    ORDER BY weight DESC, m.name, m.id
    LIMIT $first
    RETURN collect(${entityProjection('m')}) AS items`;

const THEME_MUNICIPALITIES = `
  UNWIND $ids AS id
  MATCH (t:Theme {id: id})
  CALL (t) {${THEME_MUNICIPALITIES_SUBQUERY}
  }
  RETURN id, items`;

/** The inner part of every link field: bound `src`, `$first`, returns `items` (for graph/queries/entity-bundle.ts). */
export const LINK_SUBQUERY: Readonly<Record<LinkField, { from: string; cypher: string }>> = {
  ...(Object.fromEntries(Object.entries(LINK_FIELDS).map(([field, spec]) => [field, { from: spec.from, cypher: linkSubquery(spec) }])) as Record<
    keyof typeof LINK_FIELDS,
    { from: string; cypher: string }
  >),
  'Theme.municipalities': { from: 'Theme', cypher: `WITH src AS t ${THEME_MUNICIPALITIES_SUBQUERY}` },
};

const LINK_CYPHER: Readonly<Record<LinkField, string>> = {
  ...(Object.fromEntries(Object.entries(LINK_FIELDS).map(([field, spec]) => [field, linkCypher(spec)])) as Record<
    keyof typeof LINK_FIELDS,
    string
  >),
  'Theme.municipalities': THEME_MUNICIPALITIES,
};

/** For each id, the linked entities of `field`, strongest link first, at most `first`. */
export async function linkedEntities(
  ctx: ReadContext,
  field: LinkField,
  ids: readonly string[],
  first: number,
): Promise<Map<string, EntityRow[]>> {
  const rows = await readRows(ctx, LINK_CYPHER[field], { ids, first: int(first) });
  return new Map(rows.map((r) => [r.id as string, r.items as EntityRow[]]));
}

/** Inner part: bound `e`, `$first`, returns `items`. */
export const MENTIONS_SUBQUERY = `
    MATCH (e)-[m:MENTIONED_IN]->(s:Section)-[:PART_OF]->(d:Document)
    WITH m, s, d
    ORDER BY d.id, s.ordinal
    UNWIND ${MENTION_SNIPPETS('m', 's')} AS snippet
    WITH s, d, snippet
    LIMIT $first
    RETURN collect({snippet: snippet, sectionId: s.id, section: s.title, document: ${DOCUMENT_PROJECTION('d')}}) AS items`;

const MENTIONS = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  CALL (e) {${MENTIONS_SUBQUERY}
  }
  RETURN id, items`;

/** For each id, its mentions (one per snippet) in document and section order. */
export async function mentionsOf(ctx: ReadContext, ids: readonly string[], first: number): Promise<Map<string, PassageRow[]>> {
  const rows = await readRows(ctx, MENTIONS, { ids, first: int(first) });
  return new Map(rows.map((r) => [r.id as string, r.items as PassageRow[]]));
}

const DOCUMENTS_OF = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  CALL (e) {
    MATCH (e)-[:MENTIONED_IN]->(:Section)-[:PART_OF]->(d:Document)
    WITH DISTINCT d
    ORDER BY d.id
    RETURN collect(${DOCUMENT_PROJECTION('d')}) AS items
  }
  RETURN id, items`;

/** For each id, every document that mentions it. */
export async function documentsOf(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, DocumentRow[]>> {
  const rows = await readRows(ctx, DOCUMENTS_OF, { ids });
  return new Map(rows.map((r) => [r.id as string, r.items as DocumentRow[]]));
}
