/**
 * The prefix of the import's queries (the batch writes of graph/write.ts and the end steps of graph/derived-data.ts):
 * their plans are kept however the graph's statistics change (`CYPHER replan=skip`).
 *
 * Neo4j replans a cached query once its statistics have moved past a threshold (a quadrupled count) and 10 s have
 * passed: an import that grows the graph from empty replans every one of its queries, some twice, while it runs. A
 * replan is a full planning of the query (the sections' write, with its subqueries, and the pair links' contributions,
 * with six unions, are the largest the import runs) in planner code that the JVM has mostly not compiled, since
 * planning is rare: in a JFR profile of a cold 10x import after the bench's warm-up, planning took ~20% of the
 * Bolt worker's samples, most of it through a stale cached plan, in bursts right after the replans the debug log
 * reports (10x cold: 13 plans discarded as stale, 100x cold: 26; with this prefix 3 and 4).
 * These queries' plans do not depend on the statistics: every one starts from unique-id look-ups (or the parameters'
 * lists) and expands from there. (A plan is still made when the query is not cached, and made again after a schema
 * change.) The API's read queries are left to replan as usual.
 */
export const IMPORT_PLAN = 'CYPHER replan=skip ';
