/**
 * Ranked neighbour lists of the hubs, kept on the hub itself (`topNeighbours`: ids, most
 * mentioned first, then id), so that the explorer's neighbourhood does not read and sort the
 * thousands of neighbours of a theme or a large organisation on every request.
 *
 * Why a stored list: the neighbourhood ranks each frontier node's neighbours by the neighbours'
 * mention counts. For a node with a few dozen relationships that is cheap; for a hub it means
 * touching every neighbour node, per request, and the hubs are on almost every two-step
 * neighbourhood. The list holds the first 2 x the largest page (`limit` <= 500) the query can
 * ask, so the query's answer is the same as with the full expansion.
 *
 * Kept fresh by `refreshHubNeighbours`, which the importer runs at the end of every import
 * (mention counts and neighbours change only by imports). While an import runs a list can lag
 * behind by the documents written since the last refresh.
 */
import type { Driver } from 'neo4j-driver';
import { RELATION_PATTERN } from './queries/model.ts';
import neo4j from 'neo4j-driver';

/** Entities with more entity relationships than this get a stored list. */
export const HUB_MIN_DEGREE = 300;
/** 2 x the largest `limit` the API accepts (server/protection.ts maxPage = 500). */
export const HUB_LIST_LENGTH = 1000;

const HUBS = `
  MATCH (e:Entity)
  WHERE COUNT { (e)-[:${RELATION_PATTERN}]-() } > $minDegree
  RETURN e.id AS id`;

const STORE_LIST = `
  UNWIND $ids AS hubId
  MATCH (e:Entity {id: hubId})
  CALL (e) {
    MATCH (e)-[:${RELATION_PATTERN}]-(n)
    WITH DISTINCT n
    ORDER BY n.mentionCount DESC, n.id
    LIMIT $length
    RETURN collect(n.id) AS ids
  }
  SET e.topNeighbours = ids`;

const DROP_STALE = `
  MATCH (e:Entity)
  WHERE e.topNeighbours IS NOT NULL AND NOT e.id IN $hubs
  REMOVE e.topNeighbours
  RETURN count(e) AS dropped`;

/** Hubs per transaction. */
const BATCH = 20;

export interface HubRefresh {
  hubs: number;
  dropped: number;
}

/** Recomputes the list of every hub and drops the lists of entities that are no longer hubs. */
export async function refreshHubNeighbours(driver: Driver, database: string, options: { minDegree?: number } = {}): Promise<HubRefresh> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const hubs = (await session.executeRead((tx) => tx.run(HUBS, { minDegree: neo4j.int(options.minDegree ?? HUB_MIN_DEGREE) }))).records.map((r) => r.get('id') as string);
    for (let i = 0; i < hubs.length; i += BATCH) {
      const ids = hubs.slice(i, i + BATCH);
      await session.executeWrite((tx) => tx.run(STORE_LIST, { ids, length: neo4j.int(HUB_LIST_LENGTH) }));
    }
    const dropped = await session.executeWrite(async (tx) => (await tx.run(DROP_STALE, { hubs })).records[0].get('dropped'));
    return { hubs: hubs.length, dropped: neo4j.integer.toNumber(dropped) };
  } finally {
    await session.close();
  }
}
