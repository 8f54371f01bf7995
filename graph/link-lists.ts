/**
 * Each entity's pair links (graph/pair-links.ts) as a list kept on the entity itself, strongest
 * first, for the edges of the explorer's neighbourhood (graph/queries/subgraph.ts).
 *
 * Why: a neighbourhood's edges are every link among its nodes (a few thousand on a large graph),
 * and under the edge cap each node keeps its strongest links to nodes before it in the answer.
 * Read from the relationships, that is one row per link with two relationship properties read and
 * a sort of all of them, per request: most of the request's time. Read from these lists it is one
 * property read per node, the links to earlier nodes picked with a list filter, and the strongest
 * ones are simply the first ones.
 *
 * On each entity with at most LINK_LIST_MAX links: `linkOthers` (the other end's id), `linkTypes`,
 * `linkWeights`, `linkOut` (true: this entity is the link's source), in the neighbourhood's
 * ranking order (summed weight, highest first, then type, then the other end's id, then outgoing
 * first), and `linkListed = true`. An entity with more links (a hub: a theme shared by thousands
 * of people) gets no list and `linkListed = false`: its few links to earlier nodes are read from
 * the relationships, from the earlier nodes' side. An entity never refreshed has neither.
 *
 * Kept fresh by increments: the pair-link refresh labels :LinkListStale both ends of every pair it
 * brings up to date, in the same transaction as the change (including the pairs a removed or
 * replaced document had, so that the surviving end of a link to a deleted entity is relisted too);
 * `refreshLinkLists`, run after it by the importer, relists the labelled entities and those never
 * listed, and removes the label. While an import runs, a list can lag behind by the documents
 * written since the last refresh, as the other derived data does.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { PAIR_LINK } from './pair-links.ts';

/** The label on entities whose list waits for `refreshLinkLists`. */
export const LINK_LIST_STALE = 'LinkListStale';
/** Entities with more pair links than this get no list (see the header). */
export const LINK_LIST_MAX = 300;
/** Entities relisted per transaction. */
const BATCH = 1000;

const WAITING = `
  CALL () {
    MATCH (e:${LINK_LIST_STALE}) RETURN e.id AS id
    UNION
    MATCH (e:Entity) WHERE e.linkListed IS NULL RETURN e.id AS id
  }
  RETURN id`;

/** The ranking order is the neighbourhood's edge ranking (graph/queries/subgraph.ts). */
const RELIST = `
  UNWIND $ids AS entityId
  MATCH (e:Entity {id: entityId})
  WITH e, COUNT { (e)-[:${PAIR_LINK}]-() } <= $max AS listed
  CALL (e, listed) {
    WITH e WHERE listed
    CALL (e) {
      MATCH (e)-[l:${PAIR_LINK}]-(o)
      WHERE o <> e
      WITH l, o, startNode(l) = e AS out
      ORDER BY l.weight DESC, l.type, o.id, out DESC
      RETURN collect(o.id) AS others, collect(l.type) AS types, collect(l.weight) AS weights, collect(out) AS outs
    }
    SET e.linkOthers = others, e.linkTypes = types, e.linkWeights = weights, e.linkOut = outs
  }
  CALL (e, listed) {
    WITH e WHERE NOT listed
    REMOVE e.linkOthers, e.linkTypes, e.linkWeights, e.linkOut
  }
  SET e.linkListed = listed
  REMOVE e:${LINK_LIST_STALE}`;

/** Marks entities (by id) whose links changed; run in the transaction that changes them. */
export async function markLinkListsStale(tx: ManagedTransaction, entityIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(entityIds)];
  if (ids.length === 0) return;
  await tx.run(`UNWIND $ids AS entityId MATCH (e:Entity {id: entityId}) SET e:${LINK_LIST_STALE}`, { ids });
}

/** The statement that marks every entity (when all links are rebuilt). */
export const MARK_ALL_STALE = `MATCH (e:Entity) CALL (e) { SET e:${LINK_LIST_STALE} } IN TRANSACTIONS OF 10000 ROWS`;

export interface LinkListRefresh {
  /** Entities relisted (or found to be hubs). */
  entities: number;
}

/** Relists every entity marked stale or never listed, in batches (each batch one transaction). */
export async function refreshLinkLists(driver: Driver, database: string, options: { max?: number } = {}): Promise<LinkListRefresh> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const ids = (await session.executeRead((tx) => tx.run(WAITING))).records.map((r) => r.get('id') as string);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await session.executeWrite((tx) => tx.run(RELIST, { ids: batch, max: neo4j.int(options.max ?? LINK_LIST_MAX) }));
    }
    return { entities: ids.length };
  } finally {
    await session.close();
  }
}
