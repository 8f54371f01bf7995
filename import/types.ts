/**
 * The contract between extraction (pure: text in, facts out) and the graph writer.
 * Extraction never touches the database; the writer never parses text.
 */

export type EntityType = 'PERSON' | 'ORGANISATION' | 'MUNICIPALITY' | 'PROGRAMME' | 'THEME';

/** Where a fact was read: the section it came from and a short literal quote (<= 240 chars). */
export interface Evidence {
  sectionId: string;
  quote: string;
  /**
   * SENTENCE: the quote names both ends. ARTICLE: the link comes from the article the quote stands in
   * (its themes, byline, contact box); the quote introduces the source end. Absent means SENTENCE.
   */
  kind?: EvidenceKind;
  /** The article the section belongs to. */
  articleId?: string;
}

export type EvidenceKind = 'SENTENCE' | 'ARTICLE';

export interface SectionFact {
  /** Stable id: `${documentId}#${ordinal}`. */
  id: string;
  ordinal: number;
  title: string;
  /** Normalised text of the section (paragraphs separated by blank lines). */
  text: string;
  /** The article it belongs to (see ArticleFact). */
  articleId?: string;
}

/** An article of a magazine: a title and its sections (passages), in order. */
export interface ArticleFact {
  /** Stable id: `${documentId}#a${ordinal}`. */
  id: string;
  ordinal: number;
  title: string;
  sectionIds: string[];
}

export interface DocumentFact {
  /** Stable id derived from the path relative to the import root (see import/ids.ts documentId). */
  id: string;
  /** The file name. */
  file: string;
  /** The path relative to the import root, '/'-separated (the file name when absent). */
  path?: string;
  title: string;
  /** Issue date as printed ("februari 2018"), or null. */
  published: string | null;
  sha256: string;
  sections: SectionFact[];
  /** The articles the sections group into; absent for facts made before articles existed. */
  articles?: ArticleFact[];
}

export interface EntityFact {
  /** Stable id derived from type + normalised canonical name, e.g. "person:kim-putters". */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Type-specific properties: roles (PERSON), kind (ORGANISATION/PROGRAMME), province and cbsCode (MUNICIPALITY). */
  props: Record<string, string | string[] | null>;
  /** One entry per section the entity is mentioned in. */
  mentions: { sectionId: string; count: number; snippets: string[] }[];
}

export type RelationType =
  | 'WORKS_FOR'        // PERSON -> ORGANISATION {role}
  | 'HOLDS_OFFICE_IN'  // PERSON -> MUNICIPALITY {role}
  | 'WORKS_ON'         // PERSON|ORGANISATION|PROGRAMME -> THEME {weight}
  | 'RUNS_IN'          // PROGRAMME -> MUNICIPALITY
  | 'RUN_BY'           // PROGRAMME -> ORGANISATION
  | 'BASED_IN';        // ORGANISATION -> MUNICIPALITY

export interface RelationFact {
  type: RelationType;
  from: string; // entity id
  to: string;   // entity id
  /** role for WORKS_FOR / HOLDS_OFFICE_IN, when printed. */
  role?: string | null;
  /** weight for WORKS_ON (>0; higher = more evidence). Other relations: number of supporting passages. */
  weight: number;
  evidence: Evidence[];
}

export interface ExtractionResult {
  document: DocumentFact;
  entities: EntityFact[];
  relations: RelationFact[];
}
