/**
 * Ranked neighbour lists of the hubs, kept on the hub itself (`topNeighbours`: ids, most
 * mentioned first, then id), so that the explorer's neighbourhood does not read and sort the
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
 * Kept fresh by `refreshHubNeighbours`, which the importer runs at the end of every import
 * (mention counts, neighbours and weights change only by imports). While an import runs a list
 * can lag behind by the documents written since the last refresh.
 */
import type { Driver } from 'neo4j-driver';
import { RELATION_PATTERN } from './queries/model.ts';
import neo4j from 'neo4j-driver';

/** Entities with more entity relationships than this get a stored list. */
export const HUB_MIN_DEGREE = 300;
/** The largest `limit` the API accepts (server/protection.ts maxPage = 500). */
export const HUB_LIST_LENGTH = 500;

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

/** Themes with more people links than this get a stored ranking of their people. */
export const THEME_MIN_PEOPLE_LINKS = 300;
/** The largest page of Theme.people (server/resolvers/args.ts MAX_PAGE). */
export const THEME_PEOPLE_LIST_LENGTH = 500;

const THEMES = `
  MATCH (t:Theme)
  WHERE COUNT { (:Person)-[:WORKS_ON]->(t) } > $minLinks
  RETURN t.id AS id`;

const STORE_THEME_PEOPLE = `
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

const DROP_STALE_THEMES = `
  MATCH (t:Theme)
  WHERE t.topPeople IS NOT NULL AND NOT t.id IN $themes
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
  try {
    const hubs = (await session.executeRead((tx) => tx.run(HUBS, { minDegree: neo4j.int(options.minDegree ?? HUB_MIN_DEGREE) }))).records.map((r) => r.get('id') as string);
    for (let i = 0; i < hubs.length; i += BATCH) {
      const ids = hubs.slice(i, i + BATCH);
      await session.executeWrite((tx) => tx.run(STORE_LIST, { ids, length: neo4j.int(HUB_LIST_LENGTH) }));
    }
    const dropped = await session.executeWrite(async (tx) => (await tx.run(DROP_STALE, { hubs })).records[0].get('dropped'));
    const themes = (await session.executeRead((tx) => tx.run(THEMES, { minLinks: neo4j.int(options.minThemeLinks ?? THEME_MIN_PEOPLE_LINKS) }))).records.map((r) => r.get('id') as string);
    for (let i = 0; i < themes.length; i += BATCH) {
      const ids = themes.slice(i, i + BATCH);
      await session.executeWrite((tx) => tx.run(STORE_THEME_PEOPLE, { ids, length: neo4j.int(THEME_PEOPLE_LIST_LENGTH) }));
    }
    const droppedThemes = await session.executeWrite(async (tx) => (await tx.run(DROP_STALE_THEMES, { themes })).records[0].get('dropped'));
    return { hubs: hubs.length, dropped: neo4j.integer.toNumber(dropped), themes: themes.length, droppedThemes: neo4j.integer.toNumber(droppedThemes) };
  } finally {
    await session.close();
  }
}
