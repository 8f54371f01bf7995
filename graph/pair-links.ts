/**
 * Aggregated pair links: one `(a)-[:LINK_<type> {weight, relations}]->(b)` per relation type and
 * ordered pair of entities (e.g. `LINK_WORKS_ON`), standing for all the per-document relationships
 * of that type from `a` to `b` (graph/write.ts writes one per document): `weight` is their summed
 * weight, `relations` how many there are. The relation type is the link's relationship type, not a
 * property: a reader gets it from `type(link)` without reading the link's properties (the
 * neighbourhood reads thousands of links per request). The explorer's neighbourhood (graph/queries/subgraph.ts) reads
 * these, one relationship per neighbour pair, instead of expanding and summing every document's
 * relationship on each request. The per-document relationships stay the source of truth (and
 * carry the evidence); the links are derived from them and can always be rebuilt.
 *
 * Kept fresh by `refreshPairLinks`, run by the importer after every import (and by the synthetic
 * graph after it grows), by increments: a ledger node per document, `(:PairLedger {documentId,
 * stamp, epoch, types, sources, targets, units, counts})`, records what the document added to
 * the links (per type and pair: its summed weight and how many relationships) and the
 * document's `importedAt` when that was recorded. A document whose `importedAt` differs from
 * its ledger's stamp was written since (new, replaced or forcibly re-imported); a ledger without
 * its document belongs to a removed document. For each such document the refresh reads its
 * current relationships through the documentId indexes, and adds to each link what the document
 * has now minus what its ledger says it had (`relations += n`, `weight += w`), deleting links
 * whose count reaches 0. Nothing is recomputed from all the relationships between two ends, and
 * a forced re-import of the same facts adds nothing (its increments cancel).
 *
 * Exact, whatever the order: weights are summed as integers (`units`, the weight in 1e-12 steps),
 * and `weight` is `units` / 1e12, so the same relationships always give the same link.
 *
 * An entity deleted by the writer takes its links with it (DETACH DELETE), while the ledgers of
 * other documents may still record contributions to them; if the entity is created again, those
 * must not be subtracted from its new links. Each refresh transaction has an epoch (a counter on
 * the one `(:PairLinkState)` node), stored on the ledgers it writes and on the links it creates:
 * a ledger's contribution is in a link exactly when the ledger's epoch is not older than the
 * link's (a link made later was made after the contribution's link was gone), and only then is
 * it subtracted.
 *
 * Each batch of documents is one transaction: the ledgers and the links change together, so an
 * interrupted refresh leaves ledgers that say what is still to be done, and the next refresh
 * finishes it.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { RELATION_PATTERN } from './queries/model.ts';
import { IMPORT_PLAN } from './import-plans.ts';

/** A pair link's relationship type is this prefix and the relation type it aggregates. */
export const PAIR_LINK_PREFIX = 'LINK_';
/** The pair links' relationship types, one per relation type. */
export const PAIR_LINK_TYPES: readonly string[] = RELATION_PATTERN.split('|').map((type) => `${PAIR_LINK_PREFIX}${type}`);
/** Every pair link, as a relationship pattern's types: `(a)-[l:${PAIR_LINK}]->(b)`. */
export const PAIR_LINK = PAIR_LINK_TYPES.join('|');
/** The relationship type of the links kept before the relation type was part of it (a `type` property then): dropped and rebuilt. */
const OLD_PAIR_LINK = 'LINK';
export const PAIR_LEDGER = 'PairLedger';
const PAIR_STATE = 'PairLinkState';
/** The shape of the entities' `outLinks` (see OUT_LINKS); a graph without it, or with another, is rebuilt once. */
export const OUT_LINKS_VERSION = 1;

/** A link's `units` per unit of weight: weights are summed as integers, so the sum has no order. */
export const WEIGHT_UNITS = 1e12;

/** Changed documents handled per transaction. */
const DOCUMENTS_PER_TRANSACTION = 100;
/** Link increments sent per query. */
const INCREMENTS_PER_QUERY = 5000;

const CHANGED_DOCUMENTS = `${IMPORT_PLAN}
  CALL () {
    MATCH (d:Document)
    OPTIONAL MATCH (l:${PAIR_LEDGER} {documentId: d.id})
    WITH d, l WHERE l IS NULL OR l.stamp <> coalesce(toString(d.importedAt), '')
    RETURN d.id AS id
    UNION
    MATCH (l:${PAIR_LEDGER})
    WHERE NOT EXISTS { MATCH (:Document {id: l.documentId}) }
    RETURN l.documentId AS id
  }
  RETURN id ORDER BY id`;

/**
 * Links of an older format, rebuilt once: ledgers written before links were kept by increments (no
 * `epoch`), or links of the one `LINK` type (the relation type a property).
 */
const OLD_FORMAT = `${IMPORT_PLAN}
  RETURN EXISTS { MATCH (l:${PAIR_LEDGER}) WHERE l.epoch IS NULL } OR EXISTS { MATCH ()-[:${OLD_PAIR_LINK}]->() }
    OR (EXISTS { MATCH (:${PAIR_LEDGER}) } AND NOT EXISTS { MATCH (s:${PAIR_STATE}) WHERE s.outLinks = ${OUT_LINKS_VERSION} }) AS old`;

/** The epoch of a refresh transaction; the state also records that the links' summaries (`outLinks`) are kept. */
const NEXT_EPOCH = `${IMPORT_PLAN}
  MERGE (s:${PAIR_STATE})
  SET s.epoch = coalesce(s.epoch, 0) + 1, s.outLinks = ${OUT_LINKS_VERSION}
  RETURN s.epoch AS epoch`;

/**
 * Each entity's outgoing links in one string property, \`outLinks\`, for the neighbourhood's edges
 * (graph/queries/subgraph.ts): per link (to another entity), the relation type's position in
 * RELATION_PATTERN (one digit), the link's weight (Cypher's toString of the float, which reads back
 * as the same number), U+001F, the target's id, U+001E; ordered by type position, then target id.
 * Absent when the entity has no such link. Rewritten, in the refresh's transaction, for every
 * source of a pair whose link the refresh changed (a link of an entity deleted since goes with it;
 * its pair is among the refreshed ones, as every document that contributed to it was changed).
 *
 * Why one string: at 100x a two-step neighbourhood has ~150 nodes with ~4,000 outgoing links.
 * Expanding them and reading each one's weight cost Neo4j ~3 ms CPU per request; three list
 * properties per node (targets, types, weights) cost more (Neo4j decodes a stored list element by
 * element); one string per node is copied as bytes (bench/api/time-cypher.ts: 6.9-7.2 -> 4.3-4.6 ms
 * Neo4j CPU per query, the node part alone 3.9-4.1).
 */
export const OUT_LINK_END = '\u001e';
export const OUT_LINK_FIELD = '\u001f';
const OUT_LINKS = `${IMPORT_PLAN}
  UNWIND $ids AS sourceId
  MATCH (a:Entity {id: sourceId})
  CALL (a) {
    MATCH (a)-[l:${PAIR_LINK}]->(b) WHERE b <> a
    WITH $typeIndex[type(l)] AS t, b.id AS target, l.weight AS weight
    ORDER BY t, target
    WITH collect(toString(t) + toString(weight) + $field + target + $end) AS entries
    RETURN reduce(s = '', entry IN entries | s + entry) AS data
  }
  SET a.outLinks = CASE WHEN data = '' THEN null ELSE data END`;
/** Sources whose summary is rewritten per query. */
const OUT_LINK_SOURCES_PER_QUERY = 2000;
const OUT_LINK_TYPE_INDEX = Object.fromEntries(PAIR_LINK_TYPES.map((type, i) => [type, neo4j.int(i)]));

/** A document's current relationships as rows (type, source, target, weight), through the documentId indexes. */
const RELATIONSHIPS_NOW = RELATION_PATTERN.split('|').map(
  (type) => `MATCH (a)-[r:${type} {documentId: documentId}]->(b) RETURN '${type}' AS type, a.id AS source, b.id AS target, r.weight AS weight`,
).join(' UNION ALL ');

/**
 * For each document: what it contributes now (per type and pair: weight units, relationships)
 * and what its ledger recorded; the ledger is brought up to date (or deleted with its document).
 * Returns one row per pair and recorded epoch: the recorded contributions and the current ones.
 */
const CONTRIBUTIONS = `${IMPORT_PLAN}
  UNWIND $documentIds AS documentId
  OPTIONAL MATCH (d:Document {id: documentId})
  OPTIONAL MATCH (l:${PAIR_LEDGER} {documentId: documentId})
  WITH documentId, d, l, coalesce(l.epoch, 0) AS oldEpoch, coalesce(l.types, []) AS recordedTypes, coalesce(l.sources, []) AS recordedSources,
       coalesce(l.targets, []) AS recordedTargets, coalesce(l.units, []) AS recordedUnits, coalesce(l.counts, []) AS recordedCounts
  CALL (documentId) {
    CALL (documentId) { ${RELATIONSHIPS_NOW} }
    WITH type, source, target, sum(toInteger(round(coalesce(weight, 0.0) * $scale))) AS units, count(*) AS n
    RETURN collect(type) AS types, collect(source) AS sources, collect(target) AS targets, collect(units) AS units, collect(n) AS counts
  }
  CALL (d, documentId, types, sources, targets, units, counts) {
    WITH * WHERE d IS NOT NULL
    MERGE (x:${PAIR_LEDGER} {documentId: documentId})
    SET x.stamp = coalesce(toString(d.importedAt), ''), x.epoch = $epoch,
        x.types = types, x.sources = sources, x.targets = targets, x.units = units, x.counts = counts
  }
  CALL (d, l) {
    WITH * WHERE d IS NULL AND l IS NOT NULL
    DELETE l
  }
  CALL (recordedTypes, recordedSources, recordedTargets, recordedUnits, recordedCounts, types, sources, targets, units, counts) {
    UNWIND range(0, size(recordedTypes) - 1) AS i
    RETURN recordedTypes[i] AS type, recordedSources[i] AS source, recordedTargets[i] AS target,
           recordedUnits[i] AS oldUnits, recordedCounts[i] AS oldCount, 0 AS newUnits, 0 AS newCount
    UNION ALL
    UNWIND range(0, size(types) - 1) AS i
    RETURN types[i] AS type, sources[i] AS source, targets[i] AS target, 0 AS oldUnits, 0 AS oldCount, units[i] AS newUnits, counts[i] AS newCount
  }
  // (an unchanged contribution is not left out: whether its record is in the link is known only from the link)
  WITH oldEpoch, type, source, target, sum(oldUnits) AS oldUnits, sum(oldCount) AS oldCount, sum(newUnits) AS newUnits, sum(newCount) AS newCount
  RETURN type, source, target, oldEpoch, oldUnits, oldCount, newUnits, newCount`;

/**
 * Applies the increments of one pair each: the current contributions are added; a recorded one
 * is subtracted only from a link at least as old as its record (see the header). A link whose
 * count reaches 0 is deleted. Returns the positions of pairs whose link came out inconsistent
 * (a negative count, or weight without relationships): never expected, they are recomputed.
 */
const APPLY = `${IMPORT_PLAN}
  UNWIND range(0, size($types) - 1) AS i
  MATCH (a:Entity {id: $sources[i]})
  MATCH (b:Entity {id: $targets[i]})
  OPTIONAL MATCH (a)-[old:${PAIR_LINK}]->(b) WHERE type(old) = '${PAIR_LINK_PREFIX}' + $types[i]
  WITH i, a, b, old, [k IN range(0, size($oldEpochs[i]) - 1) WHERE old IS NOT NULL AND $oldEpochs[i][k] >= old.epoch] AS recorded
  WITH i, a, b, old,
       $newUnits[i] - reduce(s = 0, k IN recorded | s + $oldUnits[i][k]) AS units,
       $newCounts[i] - reduce(s = 0, k IN recorded | s + $oldCounts[i][k]) AS n
  WHERE units <> 0 OR n <> 0
  CALL (i, a, b, old, units, n) {
    WITH * WHERE old IS NULL AND n > 0
    // weight first: the property the neighbourhood reads, early in the link's property chain
    CREATE (a)-[:$('${PAIR_LINK_PREFIX}' + $types[i]) {weight: toFloat(units) / $scale, units: units, relations: n, epoch: $epoch}]->(b)
  }
  CALL (old, units, n) {
    WITH * WHERE old IS NOT NULL
    SET old.units = old.units + units, old.relations = old.relations + n, old.weight = toFloat(old.units + units) / $scale
  }
  WITH i, old, coalesce(old.relations, n) AS relations, coalesce(old.units, units) AS total
  CALL (old, relations) {
    WITH * WHERE old IS NOT NULL AND relations <= 0
    DELETE old
  }
  WITH i WHERE relations < 0 OR (relations = 0 AND total <> 0)
  RETURN collect(i) AS inconsistent`;

/** The link of each pair recomputed from the per-document relationships between its ends. */
const RECOMPUTE_PAIRS = `${IMPORT_PLAN}
  UNWIND $pairs AS pair
  MATCH (a:Entity {id: pair[1]})
  MATCH (b:Entity {id: pair[2]})
  CALL (a, b, pair) {
    MATCH (a)-[old:${PAIR_LINK}]->(b) WHERE type(old) = '${PAIR_LINK_PREFIX}' + pair[0]
    DELETE old
  }
  CALL (a, b, pair) {
    MATCH (a)-[r:${RELATION_PATTERN}]->(b)
    WHERE type(r) = pair[0]
    WITH sum(toInteger(round(coalesce(r.weight, 0.0) * $scale))) AS units, count(r) AS n
    WHERE n > 0
    CREATE (a)-[:$('${PAIR_LINK_PREFIX}' + pair[0]) {weight: toFloat(units) / $scale, units: units, relations: n, epoch: $epoch}]->(b)
  }`;

export interface PairRefresh {
  /** Documents whose contributions were brought up to date (written, replaced or removed since the last refresh). */
  documents: number;
  /** Pairs whose contributions were brought up to date (a pair counted once per transaction). */
  pairs: number;
}

export interface PairRefreshOptions {
  /** Documents per transaction (default 100). */
  batchDocuments?: number;
  /** Stop after this many transactions, leaving the rest for the next refresh (as if it were interrupted; for tests). */
  maxBatches?: number;
}

/** Brings the pair links up to date with every document written or removed since the last refresh (in id order). */
export async function refreshPairLinks(driver: Driver, database: string, options: PairRefreshOptions = {}): Promise<PairRefresh> {
  const batchDocuments = options.batchDocuments ?? DOCUMENTS_PER_TRANSACTION;
  const maxBatches = options.maxBatches ?? Infinity;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const changed = (tx: ManagedTransaction) => tx.run(CHANGED_DOCUMENTS).then((res) => res.records.map((r) => r.get('id') as string));
    // both questions in one transaction, sent together (one round trip); the changed documents are asked again after a drop
    let [old, ids] = await session.executeRead((tx) =>
      Promise.all([tx.run(OLD_FORMAT).then((res) => res.records[0].get('old') as boolean), changed(tx)]));
    if (old) {
      await dropAll(driver, database);
      ids = await session.executeRead(changed);
    }
    let pairs = 0;
    let documents = 0;
    for (let i = 0, batches = 0; i < ids.length && batches < maxBatches; i += batchDocuments, batches++) {
      const documentIds = ids.slice(i, i + batchDocuments);
      pairs += await session.executeWrite((tx) => refreshDocuments(tx, documentIds));
      documents += documentIds.length;
    }
    return { documents, pairs };
  } finally {
    await session.close();
  }
}

/** Every link and ledger removed (in batches): the next refresh rebuilds them from every document. */
async function dropAll(driver: Driver, database: string): Promise<void> {
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(`MATCH ()-[l:${PAIR_LINK}|${OLD_PAIR_LINK}]->() CALL (l) { DELETE l } IN TRANSACTIONS OF 10000 ROWS`);
    await session.run(`MATCH (l:${PAIR_LEDGER}) CALL (l) { DELETE l } IN TRANSACTIONS OF 10000 ROWS`);
    await session.run(`MATCH (e:Entity) WHERE e.outLinks IS NOT NULL CALL (e) { REMOVE e.outLinks } IN TRANSACTIONS OF 10000 ROWS`);
  } finally {
    await session.close();
  }
}

interface PairIncrement {
  type: string;
  source: string;
  target: string;
  /** what the documents of the batch contribute now */
  newUnits: number;
  newCount: number;
  /** what their ledgers recorded, one entry per document, with the ledger's epoch */
  oldEpochs: number[];
  oldUnits: number[];
  oldCounts: number[];
}

const num = (v: unknown): number => neo4j.integer.toNumber(v as number);

async function refreshDocuments(tx: ManagedTransaction, documentIds: string[]): Promise<number> {
  const epoch = (await tx.run(NEXT_EPOCH)).records[0].get('epoch');
  const rows = (await tx.run(CONTRIBUTIONS, { documentIds, epoch, scale: WEIGHT_UNITS })).records;
  // one increment per pair over the batch's documents
  const byPair = new Map<string, PairIncrement>();
  for (const r of rows) {
    const type = r.get('type') as string;
    const source = r.get('source') as string;
    const target = r.get('target') as string;
    const key = `${type}\u0000${source}\u0000${target}`;
    let p = byPair.get(key);
    if (!p) byPair.set(key, (p = { type, source, target, newUnits: 0, newCount: 0, oldEpochs: [], oldUnits: [], oldCounts: [] }));
    p.newUnits += num(r.get('newUnits'));
    p.newCount += num(r.get('newCount'));
    const oldCount = num(r.get('oldCount'));
    if (oldCount !== 0) {
      p.oldEpochs.push(num(r.get('oldEpoch')));
      p.oldUnits.push(num(r.get('oldUnits')));
      p.oldCounts.push(oldCount);
    }
  }
  const increments = [...byPair.values()];
  const inconsistent: string[][] = [];
  for (let i = 0; i < increments.length; i += INCREMENTS_PER_QUERY) {
    const chunk = increments.slice(i, i + INCREMENTS_PER_QUERY);
    const res = await tx.run(APPLY, {
      epoch,
      scale: WEIGHT_UNITS,
      types: chunk.map((p) => p.type),
      sources: chunk.map((p) => p.source),
      targets: chunk.map((p) => p.target),
      newUnits: chunk.map((p) => neo4j.int(p.newUnits)),
      newCounts: chunk.map((p) => neo4j.int(p.newCount)),
      oldEpochs: chunk.map((p) => p.oldEpochs.map((e) => neo4j.int(e))),
      oldUnits: chunk.map((p) => p.oldUnits.map((u) => neo4j.int(u))),
      oldCounts: chunk.map((p) => p.oldCounts.map((n) => neo4j.int(n))),
    });
    for (const k of res.records[0]?.get('inconsistent') ?? []) {
      const p = chunk[num(k)];
      inconsistent.push([p.type, p.source, p.target]);
    }
  }
  if (inconsistent.length > 0) await tx.run(RECOMPUTE_PAIRS, { pairs: inconsistent, epoch, scale: WEIGHT_UNITS });
  // the summaries of every source whose links may have changed (graph/queries/subgraph.ts reads them)
  const sources = [...new Set(increments.map((p) => p.source))].sort();
  for (let i = 0; i < sources.length; i += OUT_LINK_SOURCES_PER_QUERY) {
    await tx.run(OUT_LINKS, { ids: sources.slice(i, i + OUT_LINK_SOURCES_PER_QUERY), typeIndex: OUT_LINK_TYPE_INDEX, field: OUT_LINK_FIELD, end: OUT_LINK_END });
  }
  return increments.length;
}
