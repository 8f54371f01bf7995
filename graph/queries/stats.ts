/** Corpus-wide counts: the API's `stats`, the import summary and the idempotency checks. */
import type { Driver } from 'neo4j-driver';
import { readRows, type ReadContext } from './run.ts';

export interface StatsRow {
  documents: number;
  sections: number;
  people: number;
  organisations: number;
  municipalities: number;
  programmes: number;
  themes: number;
  /** Relations between entities (WORKS_FOR, HOLDS_OFFICE_IN, WORKS_ON, RUNS_IN, RUN_BY, BASED_IN). */
  relations: number;
  mentions: number;
  nodes: number;
  relationships: number;
}

// Label counts come from the count store; relation counts per type too (no scan).
const STATS = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  CALL () { MATCH (d:Document) RETURN count(d) AS documents }
  CALL () { MATCH (s:Section) RETURN count(s) AS sections }
  CALL () { MATCH (p:Person) RETURN count(p) AS people }
  CALL () { MATCH (o:Organisation) RETURN count(o) AS organisations }
  CALL () { MATCH (m:Municipality) RETURN count(m) AS municipalities }
  CALL () { MATCH (p:Programme) RETURN count(p) AS programmes }
  CALL () { MATCH (t:Theme) RETURN count(t) AS themes }
  CALL () { MATCH ()-[r:WORKS_FOR]->() RETURN count(r) AS worksFor }
  CALL () { MATCH ()-[r:HOLDS_OFFICE_IN]->() RETURN count(r) AS holdsOffice }
  CALL () { MATCH ()-[r:WORKS_ON]->() RETURN count(r) AS worksOn }
  CALL () { MATCH ()-[r:RUNS_IN]->() RETURN count(r) AS runsIn }
  CALL () { MATCH ()-[r:RUN_BY]->() RETURN count(r) AS runBy }
  CALL () { MATCH ()-[r:BASED_IN]->() RETURN count(r) AS basedIn }
  CALL () { MATCH ()-[r:MENTIONED_IN]->() RETURN count(r) AS mentions }
  RETURN nodes, relationships, documents, sections, people, organisations, municipalities, programmes, themes, mentions,
         worksFor + holdsOffice + worksOn + runsIn + runBy + basedIn AS relations`;

export async function stats(ctx: ReadContext): Promise<StatsRow> {
  const rows = await readRows(ctx, STATS);
  return rows[0] as unknown as StatsRow;
}

/** The same counts straight from a driver (import summary, benchmarks, tests), never cached. */
export async function graphCounts(driver: Driver, database: string): Promise<StatsRow> {
  return stats({ driver, database, timeoutMs: 60_000 });
}
