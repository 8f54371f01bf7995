/**
 * Internal contract between the extractors (one module per entity type) and the pipeline
 * (import/pipeline.ts) that resolves their mentions into EntityFacts and RelationFacts.
 * Offsets are into SectionContext.text (the normalised section text).
 */
import type { EntityType, EvidenceKind, RelationType, SectionFact } from './types.ts';

export interface Sentence {
  start: number;
  end: number;
}

export interface SectionContext {
  documentId: string;
  section: SectionFact;
  /** Normalised text of the section (same as section.text). */
  text: string;
  /** Sentence boundaries in text, in order. */
  sentences: Sentence[];
}

export interface EntityMention {
  type: EntityType;
  /** Canonical name as the extractor decided it (full name, official spelling). */
  name: string;
  /** Exactly what was printed at [start, end). */
  surface: string;
  start: number;
  end: number;
  /** Other names seen for this entity (acronym, surname-only form, old municipality name). */
  aliases?: string[];
  /** roles (PERSON), kind (ORGANISATION/PROGRAMME), province/cbsCode (MUNICIPALITY). */
  props?: Record<string, string | string[] | null>;
}

export interface RelationCandidate {
  type: RelationType;
  /** Canonical names + types of both ends; the pipeline turns them into ids after resolution. */
  from: { type: EntityType; name: string };
  to: { type: EntityType; name: string };
  role?: string | null;
  weight?: number;
  /** Offsets in the section text of the passage that supports it. */
  start: number;
  end: number;
  /** ARTICLE when the link is read from the article rather than the passage (default SENTENCE). */
  kind?: EvidenceKind;
}

/** A mention extractor: pure function over one section. */
export type MentionExtractor = (ctx: SectionContext) => EntityMention[];

/** A relation linker: sees the section and all mentions found in it (every type). */
export type RelationLinker = (ctx: SectionContext, mentions: EntityMention[]) => RelationCandidate[];
