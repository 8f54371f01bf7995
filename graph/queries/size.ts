/** Whole-graph size and wipe, for benches that measure what an import writes. */
import type { Driver } from 'neo4j-driver';

/** Nodes plus relationships in the database. */
export async function graphRows(driver: Driver, database: string): Promise<number> {
  const res = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships RETURN nodes + relationships AS rows',
    {},
    { database },
  );
  return Number(res.records[0].get('rows'));
}

/** Deletes every node and relationship, in batches (a bench's own database only). */
export async function wipeGraph(driver: Driver, database: string): Promise<void> {
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction: session.run, not executeQuery
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
