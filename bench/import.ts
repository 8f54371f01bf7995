/**
 * `npm run bench:import` — end-to-end import of the bundled corpus into a fresh Neo4j:
 * cold (empty database), unchanged (second run: every document skipped by hash), and forced
 * (every document replaced). Starts its own Neo4j in a temporary folder unless NEO4J_URI is set
 * (then it only runs the unchanged and forced passes, never wiping a server it does not own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { graphCounts } from '../graph/queries/stats.ts';
import { importPaths } from '../import/run-import.ts';

const corpus = join(projectRoot, 'corpus');
const config = loadConfig();
const own = !config.uri;
const dataDir = own ? mkdtempSync(join(tmpdir(), 'kg-bench-import-')) : '';
const server = own ? await startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort() }) : null;
const driver = createDriver(server?.uri ?? config.uri!, server?.user ?? config.user, server?.password ?? config.password ?? '');
const database = server?.database ?? config.database;

try {
  await ensureSchema(driver, database);
  const rows: { pass: string; seconds: number; mbPerSecond: number; created: number; replaced: number; unchanged: number }[] = [];
  const passes: [string, boolean][] = own ? [['cold (empty database)', false], ['unchanged (hash skip)', false], ['forced (replace all)', true]] : [['unchanged (hash skip)', false], ['forced (replace all)', true]];
  for (const [pass, force] of passes) {
    const s = await importPaths([corpus], { driver, database, force });
    rows.push({ pass, seconds: +s.seconds.toFixed(2), mbPerSecond: +(s.bytes / 1024 / 1024 / s.seconds).toFixed(2), created: s.created, replaced: s.replaced, unchanged: s.unchanged });
  }
  console.table(rows);
  console.log('Graph:', await graphCounts(driver, database));
} finally {
  await driver.close();
  await server?.stop();
  if (own) rmSync(dataDir, { recursive: true, force: true });
}
