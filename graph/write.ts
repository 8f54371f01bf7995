/**
 * Writes extracted documents into Neo4j. Several documents go into one transaction (a batch),
 * each one whole: a document is never half-written, and a batch that fails writes nothing.
 * Idempotent (MERGE on stable ids), incremental (unchanged sha256 and extractor -> skipped) and
 * clean on change (a replaced document's old sections, articles, mentions and relations are
 * removed first, and entities left without any mention are deleted, so no stale fact survives).
 *
 * Per-document contributions (aliases, roles) live on MENTIONED_IN, and every entity-to-entity
 * relationship carries its documentId, so replacing a document never leaves facts of its old version.
 *
 * What an entity sums up over all documents (mentionCount, aliases, roles, searchText) is kept by
 * deltas: a batch adds its counts and merges its aliases and roles into the sorted sets on the
 * node, so the cost of a batch never depends on how often an entity was mentioned before. Removal
 * cannot be a delta for a set, so an entity that loses mentions is labelled :NeedsRefresh in the
 * same transaction, and settleEntities (run at the end of every import) recomputes those from
 * their mentions, once. The label is committed with the batch, so an import killed midway leaves
 * it for the next run to settle, and the graph ends up the same as after an uninterrupted import.
 */
import { int as neo4jInt, type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { EntityFact, EntityType, ExtractionResult, RelationFact, RelationType } from '../import/types.ts';
import { refreshPairLinks } from './pair-links.ts';

const LABEL: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Municipality',
  PROGRAMME: 'Programme',
  THEME: 'Theme',
};

export const RELATION_TYPES: readonly RelationType[] = ['WORKS_FOR', 'HOLDS_OFFICE_IN', 'WORKS_ON', 'RUNS_IN', 'RUN_BY', 'BASED_IN'];

/** Entities whose aggregates wait for settleEntities (they lost mentions). */
export const NEEDS_REFRESH = 'NeedsRefresh';
/** Entities settled per transaction. */
const SETTLE_BATCH = 2000;

export type WriteStatus = 'created' | 'replaced' | 'unchanged';

export interface WriteOutcome {
  status: WriteStatus;
  documentId: string;
}

export interface BatchOutcome {
  outcomes: WriteOutcome[];
  /** nodes and relationships created by the batch */
  rows: number;
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

/** Writes the facts of one document and settles its entities; skips it when the graph already holds this version. */
export async function writeExtraction(driver: Driver, database: string, result: ExtractionResult, options: WriteOptions = {}): Promise<WriteOutcome> {
  const { outcomes } = await writeDocuments(driver, database, [result], options);
  await settleEntities(driver, database);
  return outcomes[0];
}

/**
 * Writes several documents in one transaction (their ids must differ). Entities that lost
 * mentions keep their old aliases and roles until settleEntities runs.
 */
export async function writeDocuments(driver: Driver, database: string, results: ExtractionResult[], options: WriteOptions = {}): Promise<BatchOutcome> {
  if (results.length === 0) return { outcomes: [], rows: 0 };
  const version = options.extractorVersion ?? null;
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      let rows = 0;
      const count = (res: QueryResult) => {
        const c = res.summary.counters.updates();
        rows += c.nodesCreated + c.relationshipsCreated;
      };
      const stored = await storedVersions(tx, results.map((r) => r.document.id));
      const outcomes: WriteOutcome[] = [];
      const toWrite: ExtractionResult[] = [];
      const replacedIds: string[] = [];
      for (const result of results) {
        const doc = result.document;
        const old = stored.get(doc.id) ?? null;
        if (!options.force && isCurrent(old, doc.sha256, version)) {
          outcomes.push({ status: 'unchanged', documentId: doc.id });
          continue;
        }
        outcomes.push({ status: old === null ? 'created' : 'replaced', documentId: doc.id });
        toWrite.push(result);
        if (old !== null) replacedIds.push(doc.id);
      }
      if (toWrite.length === 0) return { outcomes, rows };

      const formerEntityIds = await removeDocumentFacts(tx, replacedIds);
      count(await writeDocumentNodes(tx, toWrite, version));
      count(await writeArticles(tx, toWrite));
      const entities = await writeEntities(tx, toWrite);
      if (entities) count(entities);
      const relations = await writeRelations(tx, toWrite);
      if (relations) count(relations);
      await deleteUnmentioned(tx, formerEntityIds);
      return { outcomes, rows };
    });
  } finally {
    await session.close();
  }
}

async function storedVersions(tx: ManagedTransaction, ids: string[]): Promise<Map<string, StoredVersion>> {
  const res = await tx.run(
    'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.sha256 AS sha256, d.extractorVersion AS extractorVersion',
    { ids },
  );
  return new Map(res.records.map((r) => [r.get('id') as string, { sha256: r.get('sha256') as string, extractorVersion: (r.get('extractorVersion') as string | null) ?? null }]));
}

/**
 * Deletes the sections, articles, mentions and relations of these documents (not the documents);
 * subtracts the removed mentions from their entities and marks those for settling. Returns their ids.
 */
async function removeDocumentFacts(tx: ManagedTransaction, documentIds: string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const res = await tx.run(
    `UNWIND $documentIds AS documentId
     MATCH (:Document {id: documentId})<-[:PART_OF]-(:Section)<-[m:MENTIONED_IN]-(e:Entity)
     WITH e, sum(m.count) AS removed
     SET e.mentionCount = coalesce(e.mentionCount, 0) - removed, e:${NEEDS_REFRESH}
     RETURN collect(e.id) AS ids`,
    { documentIds },
  );
  await tx.run(
    `UNWIND $documentIds AS documentId
     MATCH (:Document {id: documentId})<-[:PART_OF]-(x)
     WHERE x:Section OR x:Article
     DETACH DELETE x`,
    { documentIds },
  );
  // one lookup per relationship type through its documentId index (graph/schema.ts), never a scan of every relationship
  for (const type of RELATION_TYPES) {
    await tx.run(`UNWIND $documentIds AS documentId MATCH ()-[r:${type} {documentId: documentId}]->() DELETE r`, { documentIds });
  }
  return (res.records[0]?.get('ids') as string[] | undefined) ?? [];
}

async function writeDocumentNodes(tx: ManagedTransaction, results: ExtractionResult[], extractorVersion: string | null): Promise<QueryResult> {
  const docs = results.map(({ document: { sections, articles, ...doc } }) => ({ ...doc, path: doc.path ?? null, sections }));
  return tx.run(
    `UNWIND $docs AS doc
     MERGE (d:Document {id: doc.id})
     SET d.title = doc.title, d.published = doc.published, d.file = doc.file, d.path = coalesce(doc.path, doc.file), d.sha256 = doc.sha256,
         d.extractorVersion = $extractorVersion, d.importedAt = datetime()
     WITH d, doc
     UNWIND doc.sections AS s
     CREATE (sec:Section {id: s.id})
     SET sec.title = s.title, sec.ordinal = s.ordinal, sec.text = s.text, sec.documentId = d.id
     CREATE (sec)-[:PART_OF]->(d)`,
    { docs, extractorVersion },
  );
}

/** (:Article {id, title, ordinal})-[:PART_OF]->(:Document), and (:Section)-[:IN_ARTICLE]->(:Article). */
async function writeArticles(tx: ManagedTransaction, results: ExtractionResult[]): Promise<QueryResult> {
  const articles = results.flatMap(({ document }) =>
    (document.articles ?? []).map((a) => ({ id: a.id, title: a.title, ordinal: a.ordinal, sectionIds: a.sectionIds, documentId: document.id })));
  return tx.run(
    `UNWIND $articles AS a
     MATCH (d:Document {id: a.documentId})
     CREATE (art:Article {id: a.id})
     SET art.title = a.title, art.ordinal = a.ordinal, art.documentId = a.documentId
     CREATE (art)-[:PART_OF]->(d)
     WITH art, a
     UNWIND a.sectionIds AS sectionId
     MATCH (s:Section {id: sectionId})
     CREATE (s)-[:IN_ARTICLE]->(art)`,
    { articles },
  );
}

interface EntityRow {
  id: string;
  /** from the fixed LABEL map, never from input */
  label: string;
  type: EntityType;
  name: string;
  kind: string | null;
  province: string | null;
  cbsCode: string | null;
  /** mentions added by this batch */
  count: number;
  aliases: string[];
  roles: string[];
  mentions: { sectionId: string; count: number; snippets: string[]; documentId: string; aliases: string[]; roles: string[] }[];
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One row per entity of the batch, with the mentions of every document in it. */
function entityRows(results: ExtractionResult[]): EntityRow[] {
  const rows = new Map<string, EntityRow>();
  for (const { document, entities } of results) {
    for (const e of entities as EntityFact[]) {
      const aliases = [e.name, ...e.aliases];
      const roles = Array.isArray(e.props.roles) ? e.props.roles : [];
      let row = rows.get(e.id);
      if (!row) {
        row = { id: e.id, label: LABEL[e.type], type: e.type, name: e.name, kind: null, province: null, cbsCode: null, count: 0, aliases: [], roles: [], mentions: [] };
        rows.set(e.id, row);
      }
      // later documents win, as they did when each document was its own transaction
      row.kind = text(e.props.kind) ?? row.kind;
      row.province = text(e.props.province) ?? row.province;
      row.cbsCode = text(e.props.cbsCode) ?? row.cbsCode;
      row.aliases.push(...aliases);
      row.roles.push(...roles);
      for (const m of e.mentions) {
        row.count += m.count;
        row.mentions.push({ sectionId: m.sectionId, count: m.count, snippets: m.snippets, documentId: document.id, aliases, roles });
      }
    }
  }
  for (const row of rows.values()) {
    row.aliases = [...new Set(row.aliases)];
    row.roles = [...new Set(row.roles)];
  }
  return [...rows.values()];
}

/**
 * The sorted set of an entity's names (with its name) and of its roles, from list expressions;
 * searchText is the name followed by every name, as the full-text indexes read it.
 */
const SET_AGGREGATES = (e: string, scope: string, aliasList: string, roleList: string) => `
     CALL (${scope}) {
       UNWIND [${e}.name] + ${aliasList} AS alias
       WITH DISTINCT alias ORDER BY alias
       RETURN collect(alias) AS allAliases
     }
     CALL (${scope}) {
       UNWIND ${roleList} AS role
       WITH DISTINCT role ORDER BY role
       RETURN collect(role) AS allRoles
     }
     SET ${e}.aliases = [a IN allAliases WHERE a <> ${e}.name],
         ${e}.roles = CASE WHEN ${e}:Person THEN allRoles ELSE null END,
         ${e}.searchText = reduce(text = ${e}.name, a IN allAliases | text + ' | ' + a)`;

/** Every entity of the batch (one query for all types: the type label is set dynamically), and its mentions. */
async function writeEntities(tx: ManagedTransaction, results: ExtractionResult[]): Promise<QueryResult | null> {
  const rows = entityRows(results);
  if (rows.length === 0) return null;
  return tx.run(
    `UNWIND $rows AS row
     MERGE (e:Entity {id: row.id})
     ON CREATE SET e:$(row.label), e.name = row.name, e.type = row.type
     SET e.kind = coalesce(row.kind, e.kind), e.province = coalesce(row.province, e.province),
         e.cbsCode = coalesce(row.cbsCode, e.cbsCode), e.mentionCount = coalesce(e.mentionCount, 0) + row.count
     WITH e, row
     ${SET_AGGREGATES('e', 'e, row', 'coalesce(e.aliases, []) + row.aliases', 'coalesce(e.roles, []) + row.roles')}
     WITH e, row
     UNWIND row.mentions AS m
     MATCH (s:Section {id: m.sectionId})
     CREATE (e)-[:MENTIONED_IN {count: m.count, snippets: m.snippets, documentId: m.documentId,
                                aliases: m.aliases, roles: m.roles}]->(s)`,
    { rows },
  );
}

/** Every relationship of the batch between entities, one query for all types (the type is set dynamically). */
async function writeRelations(tx: ManagedTransaction, results: ExtractionResult[]): Promise<QueryResult | null> {
  // one relationship per document, type and pair of ends: the last one read wins
  const byKey = new Map<string, Record<string, unknown>>();
  for (const { document, relations } of results) {
    for (const r of relations as RelationFact[]) {
      if (!RELATION_TYPES.includes(r.type)) continue;
      byKey.set(`${document.id}\u0000${r.type}\u0000${r.from}\u0000${r.to}`, {
        type: r.type,
        documentId: document.id,
        from: r.from,
        to: r.to,
        role: r.role ?? null,
        weight: r.weight,
        sectionIds: r.evidence.map((ev) => ev.sectionId),
        quotes: r.evidence.map((ev) => ev.quote),
        evidenceKinds: r.evidence.map((ev) => ev.kind ?? 'SENTENCE'),
        articleIds: r.evidence.map((ev) => ev.articleId ?? ''),
      });
    }
  }
  if (byKey.size === 0) return null;
  // CREATE, not MERGE: the batch removed every relationship of these documents first
  return tx.run(
    `UNWIND $rows AS row
     MATCH (a:Entity {id: row.from})
     MATCH (b:Entity {id: row.to})
     CREATE (a)-[r:$(row.type)]->(b)
     SET r.documentId = row.documentId, r.weight = row.weight, r.role = row.role, r.sectionIds = row.sectionIds,
         r.quotes = row.quotes, r.evidenceKinds = row.evidenceKinds, r.articleIds = row.articleIds`,
    { rows: [...byKey.values()] },
  );
}

/** Deletes the entities among these that no document mentions any more. */
async function deleteUnmentioned(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     WHERE NOT (e)-[:MENTIONED_IN]->()
     DETACH DELETE e`,
    { ids },
  );
}

/**
 * Recomputes mentionCount, aliases, roles and searchText of every entity marked :NeedsRefresh
 * from its mentions, in transactions of SETTLE_BATCH entities; returns how many it settled.
 * Each entity's mentions are read once, however many documents changed it.
 */
export async function settleEntities(driver: Driver, database: string): Promise<number> {
  let settled = 0;
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    for (;;) {
      const n = await session.executeWrite(async (tx) => {
        const res = await tx.run(
          `MATCH (e:${NEEDS_REFRESH})
           WITH e LIMIT $batch
           REMOVE e:${NEEDS_REFRESH}
           WITH e
           CALL (e) {
             OPTIONAL MATCH (e)-[m:MENTIONED_IN]->()
             RETURN sum(coalesce(m.count, 0)) AS mentionCount, collect(m.aliases) AS aliasLists, collect(m.roles) AS roleLists
           }
           CALL (e, mentionCount) {
             WITH e WHERE mentionCount = 0
             DETACH DELETE e
           }
           WITH e, mentionCount, aliasLists, roleLists WHERE mentionCount > 0
           SET e.mentionCount = mentionCount
           WITH e, reduce(all = [], list IN aliasLists | all + list) AS aliasList, reduce(all = [], list IN roleLists | all + list) AS roleList
           ${SET_AGGREGATES('e', 'e, aliasList, roleList', 'aliasList', 'roleList')}
           RETURN count(*) AS kept`,
          { batch: neo4jInt(SETTLE_BATCH) },
        );
        return res.summary.counters.updates().labelsRemoved;
      });
      settled += n;
      if (n < SETTLE_BATCH) return settled;
    }
  } finally {
    await session.close();
  }
}

/** Removes a document and its facts (for files that disappeared from the corpus), and settles its entities. */
export async function deleteDocument(driver: Driver, database: string, documentId: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      const ids = await removeDocumentFacts(tx, [documentId]);
      await tx.run('MATCH (d:Document {id: $documentId}) DETACH DELETE d', { documentId });
      await deleteUnmentioned(tx, ids);
    });
  } finally {
    await session.close();
  }
  await settleEntities(driver, database);
  await refreshPairLinks(driver, database);
}
