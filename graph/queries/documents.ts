/** Documents and their sections. */
import { DOCUMENT_PROJECTION, type DocumentRow } from './model.ts';
import { readRows, type ReadContext } from './run.ts';

const DOCUMENTS = `
  MATCH (d:Document)
  RETURN ${DOCUMENT_PROJECTION('d')} AS document
  ORDER BY d.id`;

export async function documents(ctx: ReadContext): Promise<DocumentRow[]> {
  return (await readRows(ctx, DOCUMENTS)).map((r) => r.document as DocumentRow);
}

const DOCUMENTS_BY_IDS = `
  UNWIND $ids AS id
  MATCH (d:Document {id: id})
  RETURN ${DOCUMENT_PROJECTION('d')} AS document`;

export async function documentsByIds(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  const rows = await readRows(ctx, DOCUMENTS_BY_IDS, { ids });
  return new Map(rows.map((r) => [(r.document as DocumentRow).id, r.document as DocumentRow]));
}

export interface SectionRow {
  id: string;
  title: string | null;
  ordinal: number;
  documentId: string;
  text?: string | null;
}

const SECTIONS_OF_DOCUMENTS = `
  UNWIND $ids AS id
  MATCH (d:Document {id: id})
  CALL (d) {
    MATCH (s:Section)-[:PART_OF]->(d)
    WITH s ORDER BY s.ordinal
    RETURN collect(s {.id, .title, .ordinal, documentId: d.id}) AS sections
  }
  RETURN id, sections`;

export async function sectionsOfDocuments(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, SectionRow[]>> {
  const rows = await readRows(ctx, SECTIONS_OF_DOCUMENTS, { ids });
  return new Map(rows.map((r) => [r.id as string, r.sections as SectionRow[]]));
}

const SECTIONS_BY_IDS = `
  UNWIND $ids AS id
  MATCH (s:Section {id: id})-[:PART_OF]->(d:Document)
  RETURN s {.id, .title, .ordinal, .text, documentId: d.id} AS section`;

export async function sectionsByIds(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, SectionRow>> {
  const rows = await readRows(ctx, SECTIONS_BY_IDS, { ids });
  return new Map(rows.map((r) => [(r.section as SectionRow).id, r.section as SectionRow]));
}
