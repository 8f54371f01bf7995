/**
 * `npm run bench:links [-- 1 100]` — the derived data the importer refreshes at the
 * end of every import (graph/pair-links.ts, graph/hub-neighbours.ts), timed alone on an imported
 * corpus (1 = the bundled one, N = bench/synthetic.ts's N× corpus, as bench:import imports it):
 * wall seconds and CPU seconds of the Neo4j JVM for
 *  - unchanged: nothing written since the last refresh (every import of an unchanged corpus);
 *  - replaced: every document re-written with the same facts (a forced import);
 *  - new: no link and no ledger yet (a cold import).
 * Then checks that the links equal the per-document relationships summed per type and pair.
 * Neo4j: embedded, data in `$NEO4J_DATA_DIR-<N>x` (kept, so that a scale is imported once).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { startEmbeddedNeo4j } from '../graph/embedded.ts';
import { refreshHubNeighbours } from '../graph/hub-neighbours.ts';
import { PAIR_LEDGER, PAIR_LINK, PAIR_LINK_PREFIX, refreshPairLinks } from '../graph/pair-links.ts';
import { RELATION_PATTERN } from '../graph/queries/model.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { ensureSchema } from '../graph/schema.ts';
import { importPaths } from '../import/run-import.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const scales = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
// (scales as bare numbers: 1 = the bundled corpus)
const config = loadConfig();

function jvmCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

for (const scale of scales.length ? scales : [1]) {
  const server = await startEmbeddedNeo4j({ dataDir: `${config.dataDir}-${scale}x`, boltPort: config.boltPort });
  const driver = createDriver(server.uri, server.user, server.password);
  const database = server.database;
  const run = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database })).records;
  try {
    await ensureSchema(driver, database);
    const work = mkdtempSync(join(tmpdir(), 'kg-bench-links-'));
    try {
      const made = writeSyntheticCorpus(join(projectRoot, 'corpus'), scale, work);
      const documents = Number((await run('MATCH (d:Document) RETURN count(d) AS n'))[0].get('n'));
      if (documents !== made.files) {
        console.log(`${scale}x: importing ${made.files} files (${(made.bytes / 1e6).toFixed(1)} MB)…`);
        await wipeGraph(driver, database);
        const summary = await importPaths([work], { driver, database });
        console.log(`  imported in ${summary.seconds.toFixed(1)} s`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const size = (await run(`MATCH ()-[r:${RELATION_PATTERN}]->() RETURN count(r) AS n`))[0].get('n');
    console.log(`${scale}x: ${size} per-document relationships`);

    const timed = async (label: string, prepare: string | null) => {
      if (prepare) await run(prepare);
      let cpu = jvmCpuSeconds(server.pid);
      let t = performance.now();
      const pairs = await refreshPairLinks(driver, database);
      const pairSeconds = (performance.now() - t) / 1000;
      const pairCpu = jvmCpuSeconds(server.pid) - cpu;
      cpu = jvmCpuSeconds(server.pid);
      t = performance.now();
      const hubs = await refreshHubNeighbours(driver, database);
      const hubSeconds = (performance.now() - t) / 1000;
      const hubCpu = jvmCpuSeconds(server.pid) - cpu;
      console.log(
        `${scale}x ${label.padEnd(9)} pair links ${pairSeconds.toFixed(2)} s (Neo4j CPU ${pairCpu.toFixed(2)} s; ${JSON.stringify(pairs)}), ` +
          `hub lists ${hubSeconds.toFixed(2)} s (Neo4j CPU ${hubCpu.toFixed(2)} s; ${hubs.hubs} hubs, ${hubs.themes} themes), load ${loadavg()[0].toFixed(1)}`,
      );
    };
    await timed('unchanged', null);
    await timed('unchanged', null);
    // each twice: the first run in a fresh JVM compiles the queries
    for (let i = 0; i < 2; i++) await timed('replaced', 'MATCH (d:Document) SET d.importedAt = datetime()');
    for (let i = 0; i < 2; i++) await timed('new', `MATCH ()-[l:${PAIR_LINK}]->() DELETE l WITH count(*) AS n MATCH (x:${PAIR_LEDGER}) DELETE x`);
    await timed('unchanged', null);

    // exactness: every link is the sum of its type and pair's per-document relationships
    const expected = await run(`
      MATCH (a:Entity)-[r:${RELATION_PATTERN}]->(b:Entity)
      WITH type(r) AS type, a, b, sum(r.weight) AS weight, count(r) AS n
      OPTIONAL MATCH (a)-[l:${PAIR_LINK}]->(b) WHERE type(l) = '${PAIR_LINK_PREFIX}' + type
      RETURN count(*) AS pairs, sum(CASE WHEN l IS NULL OR l.relations <> n OR abs(l.weight - weight) > 1e-9 THEN 1 ELSE 0 END) AS wrong`);
    const links = (await run(`MATCH ()-[l:${PAIR_LINK}]->() RETURN count(l) AS n`))[0].get('n');
    console.log(`${scale}x check: ${expected[0].get('pairs')} pairs, ${links} links, ${expected[0].get('wrong')} wrong`);
  } finally {
    await driver.close();
    await server.stop();
  }
}
