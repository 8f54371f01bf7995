/**
 * `npx tsx bench/fingerprint.ts [N]` — the fingerprint (tests/support/graph-fingerprint.ts) of the graph after a
 * cold import of the corpus (or its N× synthetic version), after a forced re-import of it, and after a forced
 * re-import in which every document lost its last fifth, in a fresh embedded Neo4j: run it before and after a
 * change of the write path, the three lines must be the same.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { importPaths } from '../import/run-import.ts';
import { graphFingerprint } from '../tests/support/graph-fingerprint.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const scale = Number(process.argv.find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== '--threads') ?? 1);
/** `--dump FILE`: also write every entity row after the cold import (to find what differs) */
const dumpArg = process.argv.indexOf('--dump');
const work = mkdtempSync(join(tmpdir(), 'kg-fingerprint-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: await findFreePort() });
const driver = createDriver(server.uri, server.user, server.password);
try {
  await ensureSchema(driver, server.database);
  const dir = join(work, 'corpus');
  writeSyntheticCorpus(join(projectRoot, 'corpus'), scale, dir);
  // `--threads N` (default 1): the fingerprint must not depend on it (entity names do not follow the order in
  // which threads finish)
  const threadsArg = process.argv.indexOf('--threads');
  const options = { driver, database: server.database, threads: threadsArg >= 0 ? Number(process.argv[threadsArg + 1]) : 1 };
  // and what the passage full-text index finds (the fingerprint reads the nodes, not the index); ids only: Lucene's
  // scores count deleted entries until segments merge, so they differ after a re-import that deleted sections
  const passageHits = async () => {
    const res = await driver.executeQuery(
      `UNWIND ['zorg', 'gemeente', 'jongeren', 'eenzaamheid', 'wijk'] AS word
       CALL db.index.fulltext.queryNodes('passageSearch', word) YIELD node
       WITH word, node.id AS id ORDER BY word, id
       RETURN collect([word, id]) AS hits`,
      {}, { database: server.database },
    );
    const hits = res.records[0].get('hits') as unknown[];
    return { count: hits.length, sha256: createHash('sha256').update(JSON.stringify(hits)).digest('hex').slice(0, 16) };
  };
  const show = async (label: string) =>
    console.log(label.padEnd(10), JSON.stringify({ ...(await graphFingerprint(driver, server.database)), passageHits: await passageHits() }));
  await importPaths([dir], options);
  await show('cold');
  if (dumpArg >= 0) {
    const res = await driver.executeQuery('MATCH (e:Entity) RETURN [labels(e), e {.*}] AS row ORDER BY e.id', {}, { database: server.database });
    writeFileSync(process.argv[dumpArg + 1], res.records.map((r) => JSON.stringify(r.get('row'))).join('\n'));
  }
  await importPaths([dir], { ...options, force: true });
  await show('forced');
  // every file loses its last fifth (from a line start): sections change, some disappear
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    writeFileSync(join(dir, f), text.slice(0, text.lastIndexOf('\n', Math.floor(text.length * 0.8))));
  }
  await importPaths([dir], options);
  await show('edited');
} finally {
  await driver.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
