/** Articles: a magazine's articles, each a title and its sections (passages), and the article of a section. */
import { readRows, type ReadContext } from './run.ts';

export interface ArticleRow {
  id: string;
  title: string | null;
  ordinal: number;
  documentId: string;
  sectionIds: string[];
}

const ARTICLE_FIELDS = `a {.id, .title, .ordinal, documentId: d.id,
    sectionIds: COLLECT { MATCH (x:Section)-[:IN_ARTICLE]->(a) RETURN x.id ORDER BY x.ordinal }}`;

const ARTICLES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (a:Article {id: id})-[:PART_OF]->(d:Document)
  RETURN id, ${ARTICLE_FIELDS} AS article`;

const ARTICLES_OF_SECTIONS = `
  UNWIND $ids AS id
  MATCH (:Section {id: id})-[:IN_ARTICLE]->(a:Article)-[:PART_OF]->(d:Document)
  RETURN id, ${ARTICLE_FIELDS} AS article`;

const ARTICLES_OF_DOCUMENTS = `
  UNWIND $ids AS id
  MATCH (d:Document {id: id})
  CALL (d) {
    MATCH (a:Article)-[:PART_OF]->(d)
    WITH a, d ORDER BY a.ordinal
    RETURN collect(${ARTICLE_FIELDS}) AS articles
  }
  RETURN id, articles`;

/** Articles by id. */
export async function articlesByIds(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, ArticleRow>> {
  const rows = await readRows(ctx, ARTICLES_BY_IDS, { ids });
  return new Map(rows.map((r) => [r.id as string, r.article as ArticleRow]));
}

/** For each section id, the article it belongs to. */
export async function articlesOfSections(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, ArticleRow>> {
  const rows = await readRows(ctx, ARTICLES_OF_SECTIONS, { ids });
  return new Map(rows.map((r) => [r.id as string, r.article as ArticleRow]));
}

/** For each document id, its articles in order. */
export async function articlesOfDocuments(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, ArticleRow[]>> {
  const rows = await readRows(ctx, ARTICLES_OF_DOCUMENTS, { ids });
  return new Map(rows.map((r) => [r.id as string, r.articles as ArticleRow[]]));
}
