/**
 * Writes extracted documents into Neo4j. Several documents go into one transaction (a batch),
 * each one whole: a document is never half-written, and a batch that fails writes nothing.
 * Idempotent (MERGE on stable ids), incremental (unchanged sha256 and extractor -> skipped) and
 * clean on change (a replaced document's old sections, articles, mentions and relations are
 * removed first, and entities left without any mention are deleted, so no stale fact survives).
 *
 * Per-document contributions (aliases, roles) live on MENTIONED_IN (on one mention of each entity in each document,
 * not on every one), and every entity-to-entity relationship carries its documentId, so replacing a document never
 * leaves facts of its old version.
 *
 * What an entity sums up over all documents (mentionCount, aliases, roles, searchText) is kept by
 * deltas: a batch adds its counts and merges its aliases and roles into the sorted sets on the
 * node, so the cost of a batch never depends on how often an entity was mentioned before. Removal
 * cannot be a delta for a set, so an entity that loses a name or role that the same batch does not
 * give it again is labelled :NeedsRefresh in the same transaction, and settleEntities (run at the end
 * of every import) recomputes those from their mentions, once. (A document replaced by a version that
 * says the same about an entity leaves its sets as they are: nothing to settle.) The label is committed with the batch, so an import killed midway leaves
 * it for the next run to settle, and the graph ends up the same as after an uninterrupted import.
 */
import { refreshDerivedData } from './derived-data.ts';
import { int as neo4jInt, type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { StringTable } from './string-table.ts';
import { IMPORT_PLAN } from './import-plans.ts';
import { FIELD_INTEGERS, FIELD_STRINGS, joinRow } from './joined-columns.ts';
import { hasSurrogates, snippetPlaces } from './snippet-places.ts';
import type { EntityFact, EntityType, ExtractionResult, RelationFact, RelationType } from '../import/types.ts';

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

/** Milliseconds spent in each step of writeDocuments since the process started (for bench:import's profile). */
export const writeStepMs: Record<string, number> = {};
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    writeStepMs[name] = (writeStepMs[name] ?? 0) + performance.now() - t;
  }
}

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

/**
 * Both look-ups of a file before it is extracted, in one query (one transaction and round trip, not two): what version
 * of its document the graph holds (its text hash and the extractor that read it), and the path of another document
 * that holds exactly this text, if the graph has one.
 */
export async function documentLookups(driver: Driver, database: string, documentId: string, sha256: string): Promise<{ stored: StoredVersion | null; twin: string | null }> {
  const res = await driver.executeQuery(
    `${IMPORT_PLAN}OPTIONAL MATCH (d:Document {id: $id})
     CALL () {
       OPTIONAL MATCH (t:Document {sha256: $sha256}) WHERE t.id <> $id
       RETURN coalesce(t.path, t.file, t.id) AS twin LIMIT 1
     }
     RETURN d IS NOT NULL AS found, d.sha256 AS sha256, d.extractorVersion AS extractorVersion, twin`,
    { id: documentId, sha256 },
    { database, routing: 'READ' },
  );
  const rec = res.records[0];
  return {
    stored: rec?.get('found') ? { sha256: rec.get('sha256'), extractorVersion: rec.get('extractorVersion') ?? null } : null,
    twin: (rec?.get('twin') as string | null | undefined) ?? null,
  };
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
    return await step('transaction', () => session.executeWrite(async (tx) => {
      let rows = 0;
      const count = (res: QueryResult) => {
        const c = res.summary.counters.updates();
        rows += c.nodesCreated + c.relationshipsCreated;
      };
      const stored = await step('storedVersions', () => storedVersions(tx, results.map((r) => r.document.id)));
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

      const entityRowList = entityRows(toWrite);
      // the sections and articles the new versions have again are kept (see removeDocumentFacts)
      const kept = replacedIds.length === 0 ? [] : toWrite.flatMap(({ document: doc }) => [...doc.sections.map((x) => x.id), ...(doc.articles ?? []).map((x) => x.id)]);
      const orphans = await step('removeDocumentFacts', () => removeDocumentFacts(tx, replacedIds, new Map(entityRowList.map((r) => [r.id, r])), kept));
      // entities first: the sections' query creates the mentions as it creates each section, so no section is looked up
      const entities = await step('writeEntities', () => writeEntities(tx, entityRowList));
      if (entities) count(entities);
      count(await step('writeDocumentNodes', () => writeDocumentNodes(tx, toWrite, version, new Set(replacedIds))));
      const relations = await step('writeRelations', () => writeRelations(tx, toWrite));
      if (relations) count(relations);
      await step('deleteUnmentioned', () => deleteUnmentioned(tx, orphans));
      return { outcomes, rows };
    }));
  } finally {
    await session.close();
  }
}

async function storedVersions(tx: ManagedTransaction, ids: string[]): Promise<Map<string, StoredVersion>> {
  const res = await tx.run(
    `${IMPORT_PLAN}UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.sha256 AS sha256, d.extractorVersion AS extractorVersion`,
    { ids },
  );
  return new Map(res.records.map((r) => [r.get('id') as string, { sha256: r.get('sha256') as string, extractorVersion: (r.get('extractorVersion') as string | null) ?? null }]));
}

/** What the batch adds to an entity's sets (see EntityRow). */
type Added = Pick<EntityRow, 'aliases' | 'roles'>;

/**
 * Deletes the sections, articles, mentions and relations of these documents (not the documents), except the
 * sections and articles whose ids are in `keep` (what the new versions have again): those lose only their mentions
 * and article links, and writeDocumentNodes writes their properties again, so that a section whose text did not
 * change costs neither a new node nor a full-text index update (Neo4j skips a SET to an equal value);
 * subtracts the removed mentions from their entities, and marks for settling those that lose a name
 * or a role that `added` (what the same batch writes) does not give them again. Returns the ids of
 * the entities that may be left without mentions: none left by other documents, none given by the batch.
 */
async function removeDocumentFacts(tx: ManagedTransaction, documentIds: string[], added: Map<string, Added> = new Map(), keep: string[] = []): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const res = await tx.run(
    `${IMPORT_PLAN}UNWIND $documentIds AS documentId
     MATCH (:Document {id: documentId})<-[:PART_OF]-(:Section)<-[m:MENTIONED_IN]-(e:Entity)
     WITH e, sum(m.count) AS removed, collect(m.aliases) AS aliasLists, collect(m.roles) AS roleLists
     SET e.mentionCount = coalesce(e.mentionCount, 0) - removed
     RETURN e.id AS id, e.mentionCount AS left, reduce(all = [], list IN aliasLists | all + list) AS aliases, reduce(all = [], list IN roleLists | all + list) AS roles`,
    { documentIds },
  );
  const orphans: string[] = [];
  const unsettled: string[] = [];
  for (const r of res.records) {
    const id = r.get('id') as string;
    const again = added.get(id);
    // (the count is kept by deltas: an entity that other documents mention has some left)
    if (!again && Number(r.get('left')) <= 0) orphans.push(id);
    const keeps = (lost: string[], kept: string[] | undefined) => lost.every((x) => kept?.includes(x));
    if (!again || !keeps(r.get('aliases') as string[], again.aliases) || !keeps(r.get('roles') as string[], again.roles)) unsettled.push(id);
  }
  if (unsettled.length > 0) {
    await tx.run(`${IMPORT_PLAN}UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e:${NEEDS_REFRESH}`, { ids: unsettled });
  }
  await tx.run(
    `${IMPORT_PLAN}UNWIND $documentIds AS documentId
     MATCH (:Document {id: documentId})<-[:PART_OF]-(x)
     WHERE (x:Section OR x:Article) AND NOT x.id IN $keep
     DETACH DELETE x`,
    { documentIds, keep },
  );
  if (keep.length > 0) {
    await tx.run(
      `${IMPORT_PLAN}UNWIND $documentIds AS documentId
       MATCH (:Document {id: documentId})<-[:PART_OF]-(:Section)-[r:MENTIONED_IN|IN_ARTICLE]-()
       DELETE r`,
      { documentIds },
    );
  }
  // one lookup per relationship type through its documentId index (graph/schema.ts), never a scan of every relationship
  for (const type of RELATION_TYPES) {
    await tx.run(`${IMPORT_PLAN}UNWIND $documentIds AS documentId MATCH ()-[r:${type} {documentId: documentId}]->() DELETE r`, { documentIds });
  }
  return orphans;
}

/**
 * The batch's documents, articles, sections and mentions as parallel lists (one list per property,
 * rows addressed by position): the driver packs a list of strings far faster than a list of maps,
 * whose every key it checks and writes. References between them are positions in those lists (sent as JS numbers,
 * that is as floats: the query turns them into integers).
 */
interface DocumentColumns {
  docIds: string[];
  docTitles: string[];
  docPublished: (string | null)[];
  docFiles: string[];
  docPaths: string[];
  docShas: string[];
  articleIds: string[];
  articleTitles: string[];
  articleOrdinals: number[];
  /** position of the article's document */
  articleDocs: number[];
  /** whether the article's document is being replaced (the article may exist already) */
  articleKnown: boolean[];
  sectionIds: string[];
  sectionTitles: string[];
  sectionOrdinals: number[];
  sectionTexts: string[];
  sectionDocs: number[];
  /** whether the section's document is being replaced (the section may exist already) */
  sectionKnown: boolean[];
  /** positions of the articles a section is in */
  sectionArticles: number[][];
  /** the mentions of section i are positions mentionStarts[i] .. mentionStarts[i + 1] - 1 */
  mentionStarts: number[];
  /** the batch's mentioned entities, each once; a mention names its entity by position in this list */
  entityIds: string[];
  /**
   * One text per mention (joinRow, graph/joined-columns.ts): the position of its entity in entityIds, its count, where
   * its snippets stand in the section's text, the positions in `strings` (see StringTable) of those that do not
   * (graph/snippet-places.ts), and what the document says about the entity, its names (with the name) and roles, on the
   * first of its mentions in that document only (1, then the positions in `strings` of the names and of the roles; 0 and
   * no names or roles on the others: their properties are null, which is not stored)
   */
  mentions: string[];
  strings: string[];
}

function documentColumns(results: ExtractionResult[], replaced: ReadonlySet<string>): DocumentColumns {
  const c: DocumentColumns = {
    docIds: [], docTitles: [], docPublished: [], docFiles: [], docPaths: [], docShas: [],
    articleIds: [], articleTitles: [], articleOrdinals: [], articleDocs: [], articleKnown: [],
    sectionIds: [], sectionTitles: [], sectionOrdinals: [], sectionTexts: [], sectionDocs: [], sectionKnown: [], sectionArticles: [],
    mentionStarts: [], entityIds: [], mentions: [], strings: [],
  };
  const table = new StringTable();
  const entityAt = new Map<string, number>();
  results.forEach(({ document: doc, entities }, d) => {
    c.docIds.push(doc.id);
    c.docTitles.push(doc.title);
    c.docPublished.push(doc.published);
    c.docFiles.push(doc.file);
    c.docPaths.push(doc.path ?? doc.file);
    c.docShas.push(doc.sha256);
    const known = replaced.has(doc.id);
    const sectionAt = new Map<string, number>();
    const firstSection = c.sectionIds.length;
    for (const s of doc.sections) {
      sectionAt.set(s.id, c.sectionIds.length);
      c.sectionIds.push(s.id);
      c.sectionTitles.push(s.title);
      c.sectionOrdinals.push(s.ordinal);
      c.sectionTexts.push(s.text);
      c.sectionDocs.push(d);
      c.sectionKnown.push(known);
      c.sectionArticles.push([]);
    }
    for (const a of doc.articles ?? []) {
      for (const sectionId of a.sectionIds) {
        const at = sectionAt.get(sectionId);
        if (at !== undefined) c.sectionArticles[at].push(c.articleIds.length);
      }
      c.articleIds.push(a.id);
      c.articleTitles.push(a.title);
      c.articleOrdinals.push(a.ordinal);
      c.articleDocs.push(d);
      c.articleKnown.push(known);
    }
    // mentions grouped by section, in the order the entities list them
    const bySection: { entity: string; count: number; snippets: string[]; aliases: string[] | null; roles: string[] | null }[][] = doc.sections.map(() => []);
    for (const e of entities as EntityFact[]) {
      let aliases: string[] | null = [e.name, ...e.aliases];
      let roles: string[] | null = Array.isArray(e.props.roles) ? e.props.roles : [];
      for (const m of e.mentions) {
        // a mention of a section the document does not have cannot be stored (as before: its section was not found)
        const at = sectionAt.get(m.sectionId);
        if (at === undefined) continue;
        bySection[at - firstSection].push({ entity: e.id, count: m.count, snippets: m.snippets, aliases, roles });
        aliases = null;
        roles = null;
      }
    }
    for (const [k, mentions] of bySection.entries()) {
      c.mentionStarts.push(c.mentions.length);
      const text = doc.sections[k].text;
      const surrogates = mentions.length > 0 && hasSurrogates(text);
      for (const m of mentions) {
        let at = entityAt.get(m.entity);
        if (at === undefined) {
          at = c.entityIds.length;
          entityAt.set(m.entity, at);
          c.entityIds.push(m.entity);
        }
        const places = snippetPlaces(text, m.snippets, surrogates);
        // (a document's names and roles of an entity come together, on its first mention)
        const first = m.aliases !== null && m.roles !== null;
        c.mentions.push(joinRow([at, m.count, places.at, table.refs(places.rest), first ? 1 : 0, first ? table.refs(m.aliases!) : [], first ? table.refs(m.roles!) : []]));
      }
    }
  });
  c.mentionStarts.push(c.mentions.length);
  c.strings = table.strings;
  return c;
}

/**
 * The batch's entities as a list of nodes in the order of `$entityIds` (null for one that does not exist), each looked
 * up once: a query then takes an entity by position instead of through the index once per row. (Neo4j 5 collects
 * every node the transaction deleted on each index seek, so a seek per mention in a batch that replaced documents
 * cost time in proportion to their deleted sections.)
 */
const ENTITY_LIST = `CALL () {
       UNWIND range(0, size($entityIds) - 1) AS k
       OPTIONAL MATCH (e:Entity {id: $entityIds[k]})
       WITH k, e ORDER BY k
       RETURN collect(e) AS entities
     }`;

/**
 * Binds `node`, the `label` node of id `$ids[row]` that is PART_OF the bound document `d`: created when it is new
 * (`$known[row]` false), found by id and kept when a replaced document has it again.
 */
const PART_OF_DOCUMENT = (node: string, label: string, row: string, ids: string, known: string) => `CALL (${row}, d) {
         WITH ${row}, d WHERE NOT $${known}[${row}]
         CREATE (${node}:${label} {id: $${ids}[${row}]})-[:PART_OF]->(d)
         RETURN ${node}
         UNION
         WITH ${row}, d WHERE $${known}[${row}]
         MERGE (${node}:${label} {id: $${ids}[${row}]})
         MERGE (${node})-[:PART_OF]->(d)
         RETURN ${node}
       }`;

/**
 * Documents, their articles and sections, (:Section)-[:IN_ARTICLE]->(:Article) and every mention, in one query:
 * each section is created with its mentions while it is bound, so none is looked up by id (a lookup through an index
 * in a transaction that deleted the old sections of the same ids costs time in proportion to those deletions),
 * and each entity is looked up once (ENTITY_LIST). The batch's entities exist already (writeEntities runs first).
 * A replaced document's sections and articles that removeDocumentFacts kept are found by id (MERGE) and written again
 * (an unchanged property is not rewritten); a new document's are created.
 */
async function writeDocumentNodes(tx: ManagedTransaction, results: ExtractionResult[], extractorVersion: string | null, replaced: ReadonlySet<string>): Promise<QueryResult> {
  return tx.run(
    `${IMPORT_PLAN}UNWIND range(0, size($docIds) - 1) AS i
     MERGE (d:Document {id: $docIds[i]})
     SET d.title = $docTitles[i], d.published = $docPublished[i], d.file = $docFiles[i], d.path = $docPaths[i], d.sha256 = $docShas[i],
         d.extractorVersion = $extractorVersion, d.importedAt = datetime()
     WITH i, d ORDER BY i
     WITH collect(d) AS docs
     CALL (docs) {
       UNWIND range(0, size($articleIds) - 1) AS k
       WITH k, docs[toInteger($articleDocs[k])] AS d
       ${PART_OF_DOCUMENT('art', 'Article', 'k', 'articleIds', 'articleKnown')}
       SET art.title = $articleTitles[k], art.ordinal = $articleOrdinals[k]
       WITH k, art ORDER BY k
       RETURN collect(art) AS articles
     }
     ${ENTITY_LIST}
     UNWIND range(0, size($sectionIds) - 1) AS i
     WITH i, docs[toInteger($sectionDocs[i])] AS d, articles, entities
     ${PART_OF_DOCUMENT('sec', 'Section', 'i', 'sectionIds', 'sectionKnown')}
     SET sec.title = $sectionTitles[i], sec.ordinal = $sectionOrdinals[i], sec.text = $sectionTexts[i]
     FOREACH (art IN [k IN $sectionArticles[i] | articles[toInteger(k)]] | CREATE (sec)-[:IN_ARTICLE]->(art))
     WITH i, sec, entities
     UNWIND range(toInteger($mentionStarts[i]), toInteger($mentionStarts[i + 1]) - 1) AS j
     WITH sec, split($mentions[j], '|') AS m, entities
     WITH sec, m, entities[toInteger(m[0])] AS e
     WHERE e IS NOT NULL
     CREATE (e)-[:MENTIONED_IN {count: toFloat(m[1]), snippetAt: ${FIELD_INTEGERS('m[2]')},
                                snippets: CASE WHEN m[3] = '' THEN null ELSE ${FIELD_STRINGS('strings', 'm[3]')} END,
                                aliases: CASE WHEN m[4] = '1' THEN ${FIELD_STRINGS('strings', 'm[5]')} END,
                                roles: CASE WHEN m[4] = '1' THEN ${FIELD_STRINGS('strings', 'm[6]')} END}]->(sec)`,
    { ...documentColumns(results, replaced), extractorVersion },
  );
}

/** One entity of the batch, summed over its documents. */
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
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One row per entity of the batch, over every document in it. */
function entityRows(results: ExtractionResult[]): EntityRow[] {
  const rows = new Map<string, EntityRow>();
  for (const { entities } of results) {
    for (const e of entities as EntityFact[]) {
      let row = rows.get(e.id);
      if (!row) {
        row = { id: e.id, label: LABEL[e.type], type: e.type, name: e.name, kind: null, province: null, cbsCode: null, count: 0, aliases: [], roles: [] };
        rows.set(e.id, row);
      }
      row.name = preferredName(row.name, e.name);
      // later documents win, as they did when each document was its own transaction
      row.kind = text(e.props.kind) ?? row.kind;
      row.province = text(e.props.province) ?? row.province;
      row.cbsCode = text(e.props.cbsCode) ?? row.cbsCode;
      row.aliases.push(e.name, ...e.aliases);
      if (Array.isArray(e.props.roles)) row.roles.push(...e.props.roles);
      for (const m of e.mentions) row.count += m.count;
    }
  }
  for (const row of rows.values()) {
    row.aliases = [...new Set(row.aliases)];
    row.roles = [...new Set(row.roles)];
  }
  return [...rows.values()];
}

/** Lists of the rows' values by property (see DocumentColumns). */
function columns<T extends object, K extends keyof T & string>(rows: T[], keys: readonly K[]): Record<K, T[K][]> {
  const out = Object.fromEntries(keys.map((k) => [k, [] as unknown[]])) as Record<K, T[K][]>;
  for (const row of rows) for (const k of keys) out[k].push(row[k]);
  return out;
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

/** Strings in the order Cypher's ORDER BY puts them (by code point; JS's own sort compares UTF-16 units, which differs past U+FFFF). */
function byCodePoint(a: string, b: string): number {
  if (!/[\uD800-\uDFFF]/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * The display name of two forms of one entity (same id, e.g. "toolkit Implementatie" and "Toolkit Implementatie"):
 * one that starts with a capital, then the first by code point. A choice that does not depend on which document
 * the writer happens to get first: the extraction threads finish in any order, and the name must not follow them.
 */
export function preferredName(a: string, b: string): string {
  if (a === b) return a;
  const capitalA = /^\p{Lu}/u.test(a);
  if (capitalA !== /^\p{Lu}/u.test(b)) return capitalA ? a : b;
  return byCodePoint(a, b) <= 0 ? a : b;
}

const sortedSet = (values: string[]): string[] => [...new Set(values)].sort(byCodePoint);
const sameList = (a: readonly string[] | null | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

interface StoredSets {
  name: string;
  aliases: string[] | null;
  roles: string[] | null;
  person: boolean;
}

/**
 * Every entity of the batch (one query for all types: the type label is set dynamically); their mentions come with
 * the sections. The names, roles and searchText (as SET_AGGREGATES computes them) are merged here with what the
 * graph holds, read first, and written only for the entities whose sets grow: after the first documents most
 * entities gain nothing, and an unchanged searchText costs the full-text indexes nothing.
 * (The read takes no lock: an import has one writer; two imports into one database at once could each miss a
 * name the other added, until those entities are next settled.)
 */
async function writeEntities(tx: ManagedTransaction, rows: EntityRow[]): Promise<QueryResult | null> {
  if (rows.length === 0) return null;
  const read = await tx.run(
    `${IMPORT_PLAN}UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     RETURN id, e.name AS name, e.aliases AS aliases, e.roles AS roles, e:Person AS person`,
    { ids: rows.map((r) => r.id) },
  );
  const stored = new Map<string, StoredSets>(read.records.map((r) => [r.get('id') as string, {
    name: r.get('name') as string, aliases: r.get('aliases') as string[] | null, roles: r.get('roles') as string[] | null, person: r.get('person') as boolean,
  }]));
  const changed: boolean[] = [];
  const names: string[] = [];
  const aliases: (string[] | null)[] = [];
  const roles: (string[] | null)[] = [];
  const searchText: (string | null)[] = [];
  for (const row of rows) {
    const old = stored.get(row.id);
    const name = old ? preferredName(old.name, row.name) : row.name;
    names.push(name);
    const person = old ? old.person : row.label === 'Person';
    // a name that loses its place stays one of the names
    const allAliases = sortedSet([name, ...(old ? [old.name, ...(old.aliases ?? [])] : []), ...row.aliases]);
    const allRoles = sortedSet([...(old?.roles ?? []), ...row.roles]);
    const newAliases = allAliases.filter((a) => a !== name);
    const same = old !== undefined && name === old.name && sameList(old.aliases, newAliases) && (person ? sameList(old.roles, allRoles) : old.roles === null);
    changed.push(!same);
    aliases.push(same ? null : newAliases);
    roles.push(same || !person ? null : allRoles);
    searchText.push(same ? null : allAliases.reduce((text, a) => `${text} | ${a}`, name));
  }
  return tx.run(
    `${IMPORT_PLAN}UNWIND range(0, size($id) - 1) AS i
     MERGE (e:Entity {id: $id[i]})
     ON CREATE SET e:$($label[i]), e.name = $name[i], e.type = $type[i]
     SET e.kind = coalesce($kind[i], e.kind), e.province = coalesce($province[i], e.province),
         e.cbsCode = coalesce($cbsCode[i], e.cbsCode), e.mentionCount = coalesce(e.mentionCount, 0) + $count[i]
     WITH e, i WHERE $changed[i]
     SET e.name = $names[i], e.aliases = $aliases[i], e.roles = $roles[i], e.searchText = $searchText[i]`,
    { ...columns(rows, ['id', 'label', 'type', 'name', 'kind', 'province', 'cbsCode', 'count'] as const), changed, names, aliases, roles, searchText },
  );
}

/** Every relationship of the batch between entities, one query for all types (the type is set dynamically). */
async function writeRelations(tx: ManagedTransaction, results: ExtractionResult[]): Promise<QueryResult | null> {
  // one relationship per document, type and pair of ends: the last one read wins
  const byKey = new Map<string, RelationRow>();
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
  const rows = [...byKey.values()];
  // every string of the rows by its position in one table (a role that is null: an empty field)
  const table = new StringTable();
  const ref = (value: string) => table.refs([value])[0];
  // the ends by position in one list of the batch's entities (ENTITY_LIST)
  const entityAt = new Map<string, number>();
  const position = (id: string) => {
    let at = entityAt.get(id);
    if (at === undefined) entityAt.set(id, (at = entityAt.size));
    return at;
  };
  const relations = rows.map((r) => joinRow([
    position(r.from), position(r.to), ref(r.type), ref(r.documentId), r.role === null ? [] : [ref(r.role)],
    table.refs(r.sectionIds), table.refs(r.quotes), table.refs(r.evidenceKinds), table.refs(r.articleIds),
  ]));
  // CREATE, not MERGE: the batch removed every relationship of these documents first
  return tx.run(
    `${IMPORT_PLAN}${ENTITY_LIST}
     UNWIND range(0, size($relations) - 1) AS i
     WITH i, split($relations[i], '|') AS row, entities
     WITH i, row, entities[toInteger(row[0])] AS a, entities[toInteger(row[1])] AS b
     WHERE a IS NOT NULL AND b IS NOT NULL
     CREATE (a)-[r:$($strings[toInteger(row[2])])]->(b)
     SET r.documentId = $strings[toInteger(row[3])], r.weight = $weight[i], r.role = $strings[toInteger(row[4])],
         r.sectionIds = ${FIELD_STRINGS('strings', 'row[5]')}, r.quotes = ${FIELD_STRINGS('strings', 'row[6]')},
         r.evidenceKinds = ${FIELD_STRINGS('strings', 'row[7]')}, r.articleIds = ${FIELD_STRINGS('strings', 'row[8]')}`,
    { relations, weight: rows.map((r) => r.weight), strings: table.strings, entityIds: [...entityAt.keys()] },
  );
}

interface RelationRow {
  type: RelationType;
  documentId: string;
  from: string;
  to: string;
  role: string | null;
  weight: number;
  sectionIds: string[];
  quotes: string[];
  evidenceKinds: string[];
  articleIds: string[];
}

/** Deletes the entities among these that no document mentions any more. */
async function deleteUnmentioned(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `${IMPORT_PLAN}UNWIND $ids AS id
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
          `${IMPORT_PLAN}MATCH (e:${NEEDS_REFRESH})
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
      await tx.run(`${IMPORT_PLAN}MATCH (d:Document {id: $documentId}) DETACH DELETE d`, { documentId });
      await deleteUnmentioned(tx, ids);
    });
  } finally {
    await session.close();
  }
  await settleEntities(driver, database);
  // the derived data the import keeps fresh (graph/derived-data.ts) follows a removal too
  await refreshDerivedData(driver, database);
}
