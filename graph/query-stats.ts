/**
 * Neo4j's own query statistics (db.stats QUERIES section): how many queries reached the database
 * while `work` ran. Counts every client of the database, so use it on a quiet bench database.
 */
import type { Driver } from 'neo4j-driver';

interface QueryStat {
  query?: string;
  invocationSummary?: { invocationCount?: number };
}

export async function queriesDuring(driver: Driver, database: string, work: () => Promise<unknown>): Promise<number> {
  const session = driver.session({ database });
  try {
    await session.run(`CALL db.stats.stop('QUERIES')`).catch(() => undefined);
    await session.run(`CALL db.stats.clear('QUERIES')`);
    await session.run(`CALL db.stats.collect('QUERIES')`);
    await work();
    await session.run(`CALL db.stats.stop('QUERIES')`);
    const rows = await session.run(`CALL db.stats.retrieve('QUERIES') YIELD data RETURN data`);
    let count = 0;
    for (const row of rows.records) {
      const data = row.get('data') as QueryStat;
      if (data.query?.includes('db.stats.')) continue;
      count += Number(data.invocationSummary?.invocationCount ?? 0);
    }
    return count;
  } finally {
    await session.close();
  }
}
