/**
 * `npm run bench:import` — end-to-end import of the bundled corpus into a fresh Neo4j:
 * cold (empty database), unchanged (second run: every document skipped by hash), and forced
 * (every document replaced). Starts its own Neo4j in a temporary folder unless NEO4J_URI is set
 * (then it only runs the unchanged and forced passes, never wiping a server it does not own).
 * `-- --scale 1 --scale 10 --scale 100`: cold imports of synthetic corpora (bench/synthetic.ts) of that
 * many times the corpus, each into a fresh Neo4j of its own, with seconds per MB to show linearity.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { graphCounts } from '../graph/queries/stats.ts';
import { importPaths } from '../import/run-import.ts';
import { syntheticDocuments } from './synthetic.ts';

const corpus = join(projectRoot, 'corpus');
const config = loadConfig();
const own = !config.uri;
const scales = scaleOptions(process.argv.slice(2));

/** `--scale N` (repeatable): import a synthetic corpus N times the bundled one, cold, into a fresh Neo4j each. */
function scaleOptions(args: string[]): number[] {
  const out: number[] = [];
  args.forEach((a, i) => {
    if (a !== '--scale') return;
    const n = Number(args[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--scale needs a whole number >= 1, got ${args[i + 1]}`);
    out.push(n);
  });
  return out;
}

/** Writes the synthetic corpus of `scale` into a temporary folder; returns the folder and its size. */
function writeSynthetic(scale: number): { dir: string; files: number; bytes: number } {
  const files = readdirSync(corpus).filter((f) => /\.(md|txt)$/i.test(f)).sort();
  const texts = files.map((file) => ({ file, text: readFileSync(join(corpus, file), 'utf8') }));
  const dir = mkdtempSync(join(tmpdir(), `kg-bench-corpus-${scale}x-`));
  if (scale === 1) {
    for (const t of texts) writeFileSync(join(dir, t.file), t.text);
    return { dir, files: texts.length, bytes: texts.reduce((a, t) => a + Buffer.byteLength(t.text), 0) };
  }
  let n = 0;
  let bytes = 0;
  for (const d of syntheticDocuments(texts, scale)) {
    writeFileSync(join(dir, d.file), d.text);
    n++;
    bytes += Buffer.byteLength(d.text);
  }
  return { dir, files: n, bytes };
}

if (scales.length) {
  if (!own) throw new Error('--scale imports into fresh databases of its own: unset NEO4J_URI');
  const rows: { scale: string; files: number; MB: number; seconds: number; 'seconds per MB': number; articles: number; relations: number }[] = [];
  for (const scale of scales) {
    const synthetic = writeSynthetic(scale);
    const dataDir = mkdtempSync(join(tmpdir(), 'kg-bench-import-'));
    const server = await startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort() });
    const driver = createDriver(server.uri, server.user, server.password);
    try {
      await ensureSchema(driver, server.database);
      // progress every tenth of the files: the time per file along the way shows whether it stays linear
      const started = performance.now();
      let done = 0;
      const step = Math.max(1, Math.round(synthetic.files / 10));
      const onFile = () => {
        done++;
        if (done % step === 0) console.log(`  ${scale}x: ${done}/${synthetic.files} files in ${((performance.now() - started) / 1000).toFixed(0)} s (${((performance.now() - started) / 1000 / done).toFixed(2)} s per file)`);
      };
      const s = await importPaths([synthetic.dir], { driver, database: server.database, onFile });
      const counts = await graphCounts(driver, server.database);
      const articles = s.articles;
      rows.push({ scale: `${scale}x`, files: synthetic.files, MB: +(synthetic.bytes / 1024 / 1024).toFixed(1), seconds: +s.seconds.toFixed(1), 'seconds per MB': +(s.seconds / (synthetic.bytes / 1024 / 1024)).toFixed(2), articles, relations: counts.relations });
      console.table(rows);
    } finally {
      await driver.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(synthetic.dir, { recursive: true, force: true });
    }
  }
} else {
  await benchCorpus();
}

async function benchCorpus(): Promise<void> {
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
}
