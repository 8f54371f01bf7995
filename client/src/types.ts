/** Shapes of the GraphQL answers the client uses (the contract in DESIGN.md). */

export type EntityType = 'PERSON' | 'ORGANISATION' | 'MUNICIPALITY' | 'PROGRAMME' | 'THEME';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANISATION', 'MUNICIPALITY', 'PROGRAMME', 'THEME'];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export interface GraphNode { id: string; type: EntityType; label: string; weight?: number | null }
export interface GraphEdge { id: string; source: string; target: string; type: string; weight?: number | null }
export interface Subgraph { nodes: GraphNode[]; edges: GraphEdge[] }

export interface EntityRef { id: string; name: string; type?: EntityType }
export interface DocumentRef { id: string; title: string; published?: string | null; file?: string }
export interface Mention {
  document: DocumentRef;
  section: string | null;
  snippet: string;
  sectionId?: string | null;
  /** Relation evidence: SENTENCE (the passage names both ends) or ARTICLE (read from the article). */
  kind?: 'SENTENCE' | 'ARTICLE' | null;
  article?: { id: string; title: string } | null;
}

export interface SearchHit extends EntityRef { type: EntityType; aliases: string[]; province?: string | null }

export interface ThemeLink { theme: EntityRef; weight: number }
export interface PersonThemeLink { person: EntityRef & { roles?: string[]; organisations?: EntityRef[] }; weight: number; evidence: Mention[] }

/** entity(id) with the fields of every concrete type (absent fields are undefined). */
export interface EntityDetails {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: Mention[];
  documents: DocumentRef[];
  roles?: string[];
  kind?: string | null;
  province?: string | null;
  people?: EntityRef[];
  organisations?: EntityRef[];
  municipalities?: EntityRef[];
  programmes?: EntityRef[];
  themes?: ThemeLink[];
  themePeople?: { person: EntityRef; weight: number }[];
}

export interface RelatedProgramme {
  programme: EntityRef & { municipalities: EntityRef[] };
  score: number;
  sharedThemes: EntityRef[];
  sharedOrganisations: EntityRef[];
  /** Every shared theme and organisation with its weight, heaviest first. */
  reasons?: SharedReason[];
}

export interface Stats {
  documents: number; people: number; organisations: number; municipalities: number;
  programmes: number; themes: number; relations: number;
}

/** A ranked entity with the passages behind its place in the list (theme members, people of a theme). */
export interface RankedEntry { entity: EntityRef & { type: EntityType }; weight: number; evidence: Mention[] }

export interface SharedReason { entity: EntityRef & { type: EntityType }; weight: number; passages: number }

export interface TextPart { text: string; match: boolean }

export interface PassageHit {
  sectionId: string;
  section: string | null;
  document: DocumentRef;
  score: number;
  snippet: string;
  parts: TextPart[];
  matchedWords: string[];
  entities: (EntityRef & { type: EntityType })[];
}

export interface NeighbourPage extends Subgraph { total: number }
