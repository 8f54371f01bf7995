/**
 * Ranked neighbour lists of the hubs, kept on the hub itself (`topNeighbours`: ids, most
 * mentioned first, then id; `topNeighbourCounts`: their mention counts, so that the
 * neighbourhood ranks the candidates of several hubs without looking each one up), so that the explorer's neighbourhood does not read and sort the
 * thousands of neighbours of a theme or a large organisation on every request.
 *
 * Why a stored list: the neighbourhood ranks each frontier node's neighbours by the neighbours'
 * mention counts. For a node with a few dozen relationships that is cheap; for a hub it means
 * touching every neighbour node, per request, and the hubs are on almost every two-step
 * neighbourhood. The list holds as many as the largest `limit` (500) the query can ask: a
 * frontier node contributes at most its best `limit` neighbours (graph/queries/subgraph.ts), so
 * the query's answer is the same as with the full expansion.
 *
 * The same for the people of a theme (`topPeople` on the theme: ids, strongest summed WORKS_ON
 * weight first, then name, then id, as Theme.people ranks them): a theme of a large graph has
 * thousands of people, and summing all their links for a page of ten cost most of the request.
 * The list holds the largest page the API serves (500), so every page reads the same people as
 * the full ranking.
 *
 * Kept fresh by `refreshHubNeighbours`, which the importer runs at the end of every import, after
 * the pair links (mention counts, neighbours and weights change only by imports). A hub's
 * neighbours are read through its pair links (graph/pair-links.ts: one per neighbour and type,
 * the same neighbours as its per-document relationships, which are many times more). While an
 * import runs a list can lag behind by the documents written since the last refresh.
 */
import type { Driver, Session } from 'neo4j-driver';
import { PAIR_LINK } from './pair-links.ts';
import { RELATION_PATTERN } from './queries/model.ts';
import neo4j from 'neo4j-driver';
import { IMPORT_PLAN } from './import-plans.ts';

/** Entities with more entity relationships than this get a stored list. */
export const HUB_MIN_DEGREE = 300;
/** The largest `limit` the API accepts (server/protection.ts maxPage = 500). */
export const HUB_LIST_LENGTH = 500;
/**
 * The head of each list, stored again on its own for the neighbourhood's default `limit` (150,
 * server/schema.graphql): Neo4j decodes a whole list property to slice it, and decoding the 500
 * entries of the lists of a two-step neighbourhood's hubs cost it about 1.5 ms per request at 100x
 * (bench/api/time-cypher.ts on the query with and without the heads).
 */
export const HUB_HEAD_LENGTH = 150;

const HUBS = `${IMPORT_PLAN}
  MATCH (e:Entity)
  WHERE COUNT { (e)-[:${RELATION_PATTERN}]-() } > $minDegree
  RETURN e.id AS id`;

const STORE_LIST = `${IMPORT_PLAN}
  UNWIND $ids AS hubId
  MATCH (e:Entity {id: hubId})
  CALL (e) {
    MATCH (e)-[:${PAIR_LINK}]-(n)
    WITH DISTINCT n
    ORDER BY n.mentionCount DESC, n.id
    LIMIT $length
    RETURN collect(n.id) AS ids, collect(coalesce(n.mentionCount, 0)) AS counts
  }
  SET e.topNeighbours = ids, e.topNeighbourCounts = counts,
      e.topNeighboursHead = ids[..$headLength], e.topNeighbourCountsHead = counts[..$headLength]`;

const DROP_STALE = `${IMPORT_PLAN}
  MATCH (e:Entity)
  WHERE (e.topNeighbours IS NOT NULL OR e.topNeighbourCounts IS NOT NULL OR e.topNeighbourCountsHead IS NOT NULL) AND NOT e.id IN $kept
  REMOVE e.topNeighbours, e.topNeighbourCounts, e.topNeighboursHead, e.topNeighbourCountsHead
  RETURN count(e) AS dropped`;

/** Lists stored before their heads were (an older graph): the neighbourhood expands those hubs instead. */
const LISTS_WITHOUT_HEADS = `
  RETURN EXISTS { MATCH (e:Entity) WHERE e.topNeighbours IS NOT NULL AND e.topNeighbourCountsHead IS NULL } AS outdated`;

/** Whether a hub's list lacks the head that the neighbourhood reads (a graph stored by an older importer). */
export async function hubListsOutdated(driver: Driver, database: string): Promise<boolean> {
  const result = await driver.executeQuery(LISTS_WITHOUT_HEADS, {}, { database, routing: neo4j.routing.READ });
  return result.records[0].get('outdated') as boolean;
}

/** Themes with more people links than this get a stored ranking of their people. */
export const THEME_MIN_PEOPLE_LINKS = 300;
/** The largest page of Theme.people (server/resolvers/args.ts MAX_PAGE). */
export const THEME_PEOPLE_LIST_LENGTH = 500;

const THEMES = `${IMPORT_PLAN}
  MATCH (t:Theme)
  WHERE COUNT { (:Person)-[:WORKS_ON]->(t) } > $minLinks
  RETURN t.id AS id`;

const STORE_THEME_PEOPLE = `${IMPORT_PLAN}
  UNWIND $ids AS themeId
  MATCH (t:Theme {id: themeId})
  CALL (t) {
    MATCH (p:Person)-[r:WORKS_ON]->(t)
    WITH p, sum(r.weight) AS weight
    ORDER BY weight DESC, p.name, p.id
    LIMIT $length
    RETURN collect(p.id) AS ids
  }
  SET t.topPeople = ids`;

const DROP_STALE_THEMES = `${IMPORT_PLAN}
  MATCH (t:Theme)
  WHERE t.topPeople IS NOT NULL AND NOT t.id IN $kept
  REMOVE t.topPeople
  RETURN count(t) AS dropped`;

/** Hubs per transaction. */
const BATCH = 20;

export interface HubRefresh {
  hubs: number;
  dropped: number;
  /** Themes with a stored ranking of their people, and rankings dropped. */
  themes: number;
  droppedThemes: number;
}

/**
 * Recomputes the list of every hub and drops the lists of entities that are no longer hubs; the
 * same for the themes' people rankings.
 */
export async function refreshHubNeighbours(
  driver: Driver,
  database: string,
  options: { minDegree?: number; minThemeLinks?: number } = {},
): Promise<HubRefresh> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const kinds: ListKind[] = [
    {
      find: HUBS,
      findParams: { minDegree: neo4j.int(options.minDegree ?? HUB_MIN_DEGREE) },
      store: STORE_LIST,
      storeParams: { headLength: neo4j.int(HUB_HEAD_LENGTH) },
      length: HUB_LIST_LENGTH,
      dropStale: DROP_STALE,
    },
    {
      find: THEMES,
      findParams: { minLinks: neo4j.int(options.minThemeLinks ?? THEME_MIN_PEOPLE_LINKS) },
      store: STORE_THEME_PEOPLE,
      length: THEME_PEOPLE_LIST_LENGTH,
      dropStale: DROP_STALE_THEMES,
    },
  ];
  try {
    const [hubs, themes] = await refreshStoredLists(session, kinds);
    return { hubs: hubs.kept, dropped: hubs.dropped, themes: themes.kept, droppedThemes: themes.dropped };
  } finally {
    await session.close();
  }
}

/** One kind of stored list (the hubs' neighbours, the themes' people): who needs one, how to store it, how to drop the rest. */
interface ListKind {
  find: string;
  findParams: Record<string, unknown>;
  store: string;
  storeParams?: Record<string, unknown>;
  length: number;
  dropStale: string;
}

/**
 * Every kind of stored list: find who needs one, store theirs in batches, drop the lists of the rest. The kinds are
 * independent (their finds read no list, and each writes its own properties), so their finds go in one read
 * transaction and their drops in one write transaction, each kind's queries sent together (one round trip, not one per kind).
 */
async function refreshStoredLists(session: Session, kinds: ListKind[]): Promise<{ kept: number; dropped: number }[]> {
  const found = await session.executeRead((tx) =>
    Promise.all(kinds.map((kind) => tx.run(kind.find, kind.findParams).then((res) => res.records.map((r) => r.get('id') as string)))));
  for (const [k, kind] of kinds.entries()) {
    const ids = found[k];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await session.executeWrite((tx) => tx.run(kind.store, { ...kind.storeParams, ids: batch, length: neo4j.int(kind.length) }));
    }
  }
  const dropped = await session.executeWrite((tx) =>
    Promise.all(kinds.map((kind, k) => tx.run(kind.dropStale, { kept: found[k] }).then((res) => neo4j.integer.toNumber(res.records[0].get('dropped'))))));
  return kinds.map((_, k) => ({ kept: found[k].length, dropped: dropped[k] }));
}
