/** Queries sent to Neo4j per GraphQL request, counted by Neo4j (graph/query-stats.ts) over a few requests. */
import type { Driver } from 'neo4j-driver';
import { queriesDuring } from '../../graph/query-stats.ts';

export async function roundTripsPerRequest(driver: Driver, database: string, request: () => Promise<unknown>, times = 5): Promise<number> {
  const count = await queriesDuring(driver, database, async () => {
    for (let i = 0; i < times; i++) await request();
  });
  return count / times;
}
