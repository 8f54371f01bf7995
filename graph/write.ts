/**
 * Writes one document's extracted facts into Neo4j: one transaction per document, idempotent
 * (MERGE on stable ids), incremental (unchanged sha256 -> skipped) and clean on change (the
 * document's old sections, mentions and relations are removed first, and entities left without
 * any mention are deleted, so no stale fact survives).
 *
 * Per-document contributions (aliases, roles) live on MENTIONED_IN, and every entity-to-entity
 * relationship carries its documentId, so replacing a document never leaves facts of its old version.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ArticleFact, EntityFact, EntityType, ExtractionResult, RelationFact, RelationType } from '../import/types.ts';

const LABEL: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Municipality',
  PROGRAMME: 'Programme',
  THEME: 'Theme',
};

export const RELATION_TYPES: readonly RelationType[] = ['WORKS_FOR', 'HOLDS_OFFICE_IN', 'WORKS_ON', 'RUNS_IN', 'RUN_BY', 'BASED_IN'];

export type WriteStatus = 'created' | 'replaced' | 'unchanged';

export interface WriteOutcome {
  status: WriteStatus;
  documentId: string;
}

export interface StoredVersion {
  sha256: string;
  extractorVersion: string | null;
}

/** What version of a document the graph holds: its text hash and the extractor that read it. */
export async function storedVersion(driver: Driver, database: string, documentId: string): Promise<StoredVersion | null> {
  const res = await driver.executeQuery(
    'MATCH (d:Document {id: $id}) RETURN d.sha256 AS sha256, d.extractorVersion AS extractorVersion',
    { id: documentId },
    { database, routing: 'READ' },
  );
  const rec = res.records[0];
  return rec ? { sha256: rec.get('sha256'), extractorVersion: rec.get('extractorVersion') ?? null } : null;
}

/** The path of another document that holds exactly this text, if the graph has one. */
export async function documentWithContent(driver: Driver, database: string, sha256: string, exceptId: string): Promise<string | null> {
  const res = await driver.executeQuery(
    'MATCH (d:Document {sha256: $sha256}) WHERE d.id <> $exceptId RETURN coalesce(d.path, d.file, d.id) AS path LIMIT 1',
    { sha256, exceptId },
    { database, routing: 'READ' },
  );
  return (res.records[0]?.get('path') as string | undefined) ?? null;
}

export function isCurrent(stored: StoredVersion | null, sha256: string, extractorVersion: string | null): boolean {
  return stored !== null && stored.sha256 === sha256 && stored.extractorVersion === extractorVersion;
}

export interface WriteOptions {
  /** Rewrite even when text and extractor are unchanged. */
  force?: boolean;
  /** Fingerprint of the extractor that produced the facts (see import/write/extractor-version.ts). */
  extractorVersion?: string | null;
}

/** Writes the facts of one document in one transaction; skips it when the graph already holds this version. */
export async function writeExtraction(driver: Driver, database: string, result: ExtractionResult, options: WriteOptions = {}): Promise<WriteOutcome> {
  const doc = result.document;
  const version = options.extractorVersion ?? null;
  const stored = await storedVersion(driver, database, doc.id);
  if (!options.force && isCurrent(stored, doc.sha256, version)) return { status: 'unchanged', documentId: doc.id };
  const existing = stored;

  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      const formerEntityIds = existing === null ? [] : await removeDocumentFacts(tx, doc.id);
      await writeDocument(tx, result, version);
      for (const type of Object.keys(LABEL) as EntityType[]) {
        await writeEntities(tx, type, doc.id, result.entities.filter((e) => e.type === type));
      }
      for (const type of RELATION_TYPES) {
        await writeRelations(tx, type, doc.id, result.relations.filter((r) => r.type === type));
      }
      const touched = [...new Set([...formerEntityIds, ...result.entities.map((e) => e.id)])];
      await refreshEntities(tx, touched);
    });
  } finally {
    await session.close();
  }
  return { status: existing === null ? 'created' : 'replaced', documentId: doc.id };
}

/** Deletes a document and everything read from it; returns the ids of entities it mentioned. */
async function removeDocumentFacts(tx: ManagedTransaction, documentId: string): Promise<string[]> {
  const res = await tx.run(
    `MATCH (d:Document {id: $documentId})<-[:PART_OF]-(s:Section)
     OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(s)
     WITH collect(DISTINCT e.id) AS ids, collect(DISTINCT s) AS sections
     FOREACH (s IN sections | DETACH DELETE s)
     RETURN ids`,
    { documentId },
  );
  await tx.run('MATCH (:Document {id: $documentId})<-[:PART_OF]-(a:Article) DETACH DELETE a', { documentId });
  // one lookup per relationship type through its documentId index (graph/schema.ts), never a scan of every relationship
  for (const type of RELATION_TYPES) {
    await tx.run(`MATCH ()-[r:${type} {documentId: $documentId}]->() DELETE r`, { documentId });
  }
  return (res.records[0]?.get('ids') as string[] | undefined) ?? [];
}

async function writeDocument(tx: ManagedTransaction, result: ExtractionResult, extractorVersion: string | null): Promise<void> {
  const { sections, ...doc } = result.document;
  await tx.run(
    `MERGE (d:Document {id: $doc.id})
     SET d.title = $doc.title, d.published = $doc.published, d.file = $doc.file, d.path = coalesce($doc.path, $doc.file), d.sha256 = $doc.sha256,
         d.extractorVersion = $extractorVersion, d.importedAt = datetime()
     WITH d
     UNWIND $sections AS s
     CREATE (sec:Section {id: s.id})
     SET sec.title = s.title, sec.ordinal = s.ordinal, sec.text = s.text, sec.documentId = d.id
     CREATE (sec)-[:PART_OF]->(d)`,
    { doc, sections, extractorVersion },
  );
  await writeArticles(tx, doc.id, result.document.articles ?? []);
}

/** (:Article {id, title, ordinal})-[:PART_OF]->(:Document), and (:Section)-[:IN_ARTICLE]->(:Article). */
async function writeArticles(tx: ManagedTransaction, documentId: string, articles: ArticleFact[]): Promise<void> {
  if (articles.length === 0) return;
  await tx.run(
    `MATCH (d:Document {id: $documentId})
     UNWIND $articles AS a
     CREATE (art:Article {id: a.id})
     SET art.title = a.title, art.ordinal = a.ordinal, art.documentId = $documentId
     CREATE (art)-[:PART_OF]->(d)
     WITH art, a
     UNWIND a.sectionIds AS sectionId
     MATCH (s:Section {id: sectionId})
     CREATE (s)-[:IN_ARTICLE]->(art)`,
    { documentId, articles: articles.map((a) => ({ id: a.id, title: a.title, ordinal: a.ordinal, sectionIds: a.sectionIds })) },
  );
}

async function writeEntities(tx: ManagedTransaction, type: EntityType, documentId: string, entities: EntityFact[]): Promise<void> {
  if (entities.length === 0) return;
  const rows = entities.map((e) => ({
    id: e.id,
    name: e.name,
    aliases: [e.name, ...e.aliases],
    roles: Array.isArray(e.props.roles) ? e.props.roles : [],
    kind: typeof e.props.kind === 'string' ? e.props.kind : null,
    province: typeof e.props.province === 'string' ? e.props.province : null,
    cbsCode: typeof e.props.cbsCode === 'string' ? e.props.cbsCode : null,
    mentions: e.mentions,
  }));
  // The label comes from a fixed map, never from input.
  await tx.run(
    `UNWIND $rows AS row
     MERGE (e:Entity:${LABEL[type]} {id: row.id})
     ON CREATE SET e.name = row.name, e.type = $type
     SET e.kind = coalesce(row.kind, e.kind), e.province = coalesce(row.province, e.province),
         e.cbsCode = coalesce(row.cbsCode, e.cbsCode)
     WITH e, row
     UNWIND row.mentions AS m
     MATCH (s:Section {id: m.sectionId})
     CREATE (e)-[:MENTIONED_IN {count: m.count, snippets: m.snippets, documentId: $documentId,
                                aliases: row.aliases, roles: row.roles}]->(s)`,
    { rows, type, documentId },
  );
}

async function writeRelations(tx: ManagedTransaction, type: RelationType, documentId: string, relations: RelationFact[]): Promise<void> {
  if (relations.length === 0) return;
  const rows = relations.map((r) => ({
    from: r.from,
    to: r.to,
    role: r.role ?? null,
    weight: r.weight,
    sectionIds: r.evidence.map((ev) => ev.sectionId),
    quotes: r.evidence.map((ev) => ev.quote),
    evidenceKinds: r.evidence.map((ev) => ev.kind ?? 'SENTENCE'),
    articleIds: r.evidence.map((ev) => ev.articleId ?? ''),
  }));
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
     MERGE (a)-[r:${type} {documentId: $documentId}]->(b)
     SET r.weight = row.weight, r.role = row.role, r.sectionIds = row.sectionIds, r.quotes = row.quotes,
         r.evidenceKinds = row.evidenceKinds, r.articleIds = row.articleIds`,
    { rows, documentId },
  );
}

/** Recomputes what an entity sums up over all documents: mention count, aliases, roles; deletes it when no mention is left. */
async function refreshEntities(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (e)-[m:MENTIONED_IN]->()
     WITH e, sum(coalesce(m.count, 0)) AS mentionCount, collect(m.aliases) AS aliasLists, collect(m.roles) AS roleLists
     CALL (aliasLists) {
       UNWIND aliasLists AS list UNWIND list AS alias
       RETURN collect(DISTINCT alias) AS aliases
     }
     CALL (roleLists) {
       UNWIND roleLists AS list UNWIND list AS role
       RETURN collect(DISTINCT role) AS roles
     }
     SET e.mentionCount = mentionCount,
         e.aliases = [a IN aliases WHERE a <> e.name],
         e.roles = CASE WHEN e:Person THEN roles ELSE null END,
         e.searchText = reduce(text = e.name, a IN aliases | text + ' | ' + a)
     WITH e, mentionCount WHERE mentionCount = 0
     DETACH DELETE e`,
    { ids },
  );
}

/** Removes a document and its facts (for files that disappeared from the corpus). */
export async function deleteDocument(driver: Driver, database: string, documentId: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      const ids = await removeDocumentFacts(tx, documentId);
      await tx.run('MATCH (d:Document {id: $documentId}) DETACH DELETE d', { documentId });
      await refreshEntities(tx, ids);
    });
  } finally {
    await session.close();
  }
}
