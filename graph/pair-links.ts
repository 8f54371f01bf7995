/**
 * Aggregated pair links: one `(a)-[:LINK {type, weight, relations}]->(b)` per relation type and
 * ordered pair of entities, standing for all the per-document relationships of that type from
 * `a` to `b` (graph/write.ts writes one per document): `weight` is their summed weight,
 * `relations` how many there are. The explorer's neighbourhood (graph/queries/subgraph.ts) reads
 * these, one relationship per neighbour pair, instead of expanding and summing every document's
 * relationship on each request. The per-document relationships stay the source of truth (and
 * carry the evidence); the links are derived from them and can always be rebuilt.
 *
 * Kept fresh by `refreshPairLinks`, run by the importer after every import (and by the synthetic
 * graph after it grows). It only recomputes the pairs of documents that changed: a ledger node
 * per document, `(:PairLedger {documentId, stamp, pairs})`, remembers which pairs the document
 * had relationships for (`pairs`: type, from id, to id, type, ...) and the document's `importedAt` when that was recorded. A document whose
 * `importedAt` differs from its ledger's stamp was written since (new, replaced or forcibly
 * re-imported); a ledger without its document belongs to a removed document. For each such
 * document the pairs it had (ledger) and has (its relationships, found through the documentId
 * indexes) are recomputed from the relationships between the two ends, and the ledger is
 * updated, in the same transaction: an interrupted refresh leaves ledgers that say what is still
 * to be done, and the next refresh finishes it.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { RELATION_PATTERN } from './queries/model.ts';

/** The aggregated relationship's type; the relation type it aggregates is its `type` property. */
export const PAIR_LINK = 'LINK';
export const PAIR_LEDGER = 'PairLedger';

/** Changed documents handled per transaction. */
const DOCUMENTS_PER_TRANSACTION = 25;

const CHANGED_DOCUMENTS = `
  MATCH (d:Document)
  OPTIONAL MATCH (l:${PAIR_LEDGER} {documentId: d.id})
  WITH d, l WHERE l IS NULL OR l.stamp <> coalesce(toString(d.importedAt), '')
  RETURN d.id AS id
  UNION
  MATCH (l:${PAIR_LEDGER})
  WHERE NOT EXISTS { MATCH (:Document {id: l.documentId}) }
  RETURN l.documentId AS id`;

/** A pair key as a list: [relation type, from id, to id]. */
// (the types from the read side's list: graph/write.ts imports this module)
const PAIRS_NOW = RELATION_PATTERN.split('|').map(
  (type) => `MATCH (a)-[r:${type} {documentId: documentId}]->(b) RETURN [type(r), a.id, b.id] AS pair`,
).join(' UNION ALL ');

/**
 * For each document: the pairs its ledger recorded and the pairs of its current relationships;
 * then the ledger is brought up to date (or deleted with its document). Returns every pair.
 */
const COLLECT_PAIRS = `
  UNWIND $documentIds AS documentId
  OPTIONAL MATCH (d:Document {id: documentId})
  OPTIONAL MATCH (l:${PAIR_LEDGER} {documentId: documentId})
  WITH documentId, d, l, coalesce(l.pairs, []) AS recorded
  CALL (documentId) {
    CALL (documentId) { ${PAIRS_NOW} }
    RETURN collect(DISTINCT pair) AS now
  }
  CALL (d, documentId, now) {
    WITH d, documentId, now WHERE d IS NOT NULL
    MERGE (x:${PAIR_LEDGER} {documentId: documentId})
    SET x.stamp = coalesce(toString(d.importedAt), ''), x.pairs = reduce(flat = [], p IN now | flat + p)
  }
  CALL (d, l) {
    WITH d, l WHERE d IS NULL AND l IS NOT NULL
    DELETE l
  }
  WITH now + [i IN range(0, size(recorded) - 1, 3) | recorded[i..i + 3]] AS pairs
  UNWIND pairs AS pair
  RETURN DISTINCT pair`;

/**
 * Recomputes the link of each pair from the per-document relationships between its ends: the
 * old link goes, a new one is made when any relationship is left. Weights are summed in
 * document order, so that the same relationships always give the same sum.
 */
const RECOMPUTE_PAIRS = `
  UNWIND $pairs AS pair
  MATCH (a:Entity {id: pair[1]})
  MATCH (b:Entity {id: pair[2]})
  CALL (a, b, pair) {
    MATCH (a)-[old:${PAIR_LINK} {type: pair[0]}]->(b)
    DELETE old
  }
  CALL (a, b, pair) {
    MATCH (a)-[r:${RELATION_PATTERN}]->(b)
    WHERE type(r) = pair[0]
    WITH r ORDER BY r.documentId
    WITH collect(r.weight) AS weights
    WHERE size(weights) > 0
    CREATE (a)-[:${PAIR_LINK} {type: pair[0], weight: reduce(s = 0.0, w IN weights | s + coalesce(w, 0.0)), relations: size(weights)}]->(b)
  }`;

export interface PairRefresh {
  /** Documents whose pairs were recomputed (written, replaced or removed since the last refresh). */
  documents: number;
  /** Pairs recomputed. */
  pairs: number;
}

/** Brings the pair links up to date with every document written or removed since the last refresh. */
export async function refreshPairLinks(driver: Driver, database: string): Promise<PairRefresh> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const ids = (await session.executeRead((tx) => tx.run(CHANGED_DOCUMENTS))).records.map((r) => r.get('id') as string);
    let pairs = 0;
    for (let i = 0; i < ids.length; i += DOCUMENTS_PER_TRANSACTION) {
      const documentIds = ids.slice(i, i + DOCUMENTS_PER_TRANSACTION);
      pairs += await session.executeWrite((tx) => refreshDocuments(tx, documentIds));
    }
    return { documents: ids.length, pairs };
  } finally {
    await session.close();
  }
}

async function refreshDocuments(tx: ManagedTransaction, documentIds: string[]): Promise<number> {
  const pairs = (await tx.run(COLLECT_PAIRS, { documentIds })).records.map((r) => r.get('pair') as string[]);
  for (let i = 0; i < pairs.length; i += 5000) await tx.run(RECOMPUTE_PAIRS, { pairs: pairs.slice(i, i + 5000) });
  return pairs.length;
}
