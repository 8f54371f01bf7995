/**
 * Whether the graph holds any document (Neo4j answers `count` of one label from its count store, without reading
 * nodes). An importer that holds the import lease and finds none needs no per-file look-ups: no document of the
 * graph can have a file's id or text (import/run-import.ts).
 */
import type { Driver } from 'neo4j-driver';

export async function graphHasDocuments(driver: Driver, database: string): Promise<boolean> {
  const res = await driver.executeQuery('MATCH (d:Document) RETURN count(d) > 0 AS any', {}, { database, routing: 'READ' });
  return res.records[0]?.get('any') === true;
}
