/**
 * The read side's view of the graph model (graph/write.ts writes it): fixed label and
 * relationship-type whitelists, the projections every query returns, and the row types.
 * Labels and relationship types only ever come from these maps, never from user input.
 */
import type { EntityType } from '../../import/types.ts';

export type { EntityType };

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANISATION', 'MUNICIPALITY', 'PROGRAMME', 'THEME'];

export const LABEL: Readonly<Record<EntityType, string>> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Municipality',
  PROGRAMME: 'Programme',
  THEME: 'Theme',
};

/** Every entity-to-entity relationship type, as one Cypher alternation. */
export const RELATION_PATTERN = 'WORKS_FOR|HOLDS_OFFICE_IN|WORKS_ON|RUNS_IN|RUN_BY|BASED_IN';

/** The properties of an entity row (no section text, nothing large). */
const ENTITY_FIELDS = ['id', 'type', 'name', 'aliases', 'mentionCount', 'roles', 'kind', 'province', 'cbsCode'] as const;

/** Map projection of an entity node bound to `n`. */
export function entityProjection(n: string): string {
  return `${n} {${ENTITY_FIELDS.map((f) => `.${f}`).join(', ')}}`;
}

/**
 * The same properties as a list, without their keys: for a query that returns hundreds of
 * entities (search candidates), whose keys would otherwise be sent and decoded once per entity.
 * Read back with entityFromTuple.
 */
export function entityTuple(n: string): string {
  return `[${ENTITY_FIELDS.map((f) => `${n}.${f}`).join(', ')}]`;
}

export function entityFromTuple(tuple: readonly unknown[]): EntityRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < ENTITY_FIELDS.length; i++) row[ENTITY_FIELDS[i]] = tuple[i] ?? null;
  return row as unknown as EntityRow;
}

export const DOCUMENT_PROJECTION = (d: string) => `${d} {.id, .title, .published, .file, .path}`;

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[] | null;
  mentionCount: number | null;
  roles?: string[] | null;
  kind?: string | null;
  province?: string | null;
  cbsCode?: string | null;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  published: string | null;
  file: string | null;
  path?: string | null;
}

/** One passage: a snippet or quote, the section it was read in, and its document. */
export interface PassageRow {
  snippet: string;
  sectionId: string | null;
  section: string | null;
  document: DocumentRow;
  /** Relation evidence: SENTENCE (the passage names both ends) or ARTICLE (read from the article); null for a mention. */
  kind?: string | null;
  /** The article the passage stands in, when the evidence recorded it. */
  articleId?: string | null;
}

/** Upper bound on evidence passages fetched per link (ThemeLink.evidence(first) slices it). */
export const EVIDENCE_CAP = 10;

/**
 * Cypher fragment: given `rels` (a list of relationships carrying sectionIds/quotes/documentId),
 * returns `evidence`, a list of PassageRow, at most EVIDENCE_CAP, resolved in the same round trip.
 */
export const EVIDENCE_SUBQUERY = `
  CALL (rels) {
    UNWIND rels AS r
    UNWIND range(0, size(coalesce(r.sectionIds, [])) - 1) AS i
    WITH r.sectionIds[i] AS sectionId, r.quotes[i] AS quote, r.documentId AS documentId,
         coalesce(r.evidenceKinds[i], 'SENTENCE') AS kind, r.articleIds[i] AS articleId
    WHERE quote IS NOT NULL
    WITH DISTINCT sectionId, quote, documentId, kind, articleId
    ORDER BY CASE kind WHEN 'SENTENCE' THEN 0 ELSE 1 END
    LIMIT ${EVIDENCE_CAP}
    OPTIONAL MATCH (s:Section {id: sectionId})
    OPTIONAL MATCH (d:Document {id: documentId})
    RETURN collect({snippet: quote, sectionId: sectionId, section: s.title, kind: kind,
                    articleId: CASE WHEN articleId = '' THEN null ELSE articleId END,
                    document: ${DOCUMENT_PROJECTION('d')}}) AS evidence
  }`;
