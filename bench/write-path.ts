/**
 * `npx tsx bench/write-path.ts [N] [--cache FILE] [--passes cold,forced] [--warm]` — the write path alone: the N×
 * synthetic corpus (default 100) is extracted once (kept in FILE between runs, so that A/B runs of the writer do not
 * each pay, and vary with, the extraction), then written into a fresh embedded Neo4j in batches as the import forms
 * them when the writer is behind (IMPORT_BATCH_DOCUMENTS documents, about IMPORT_BATCH_ROWS rows), followed by the
 * import's end steps (settling, derived data). Prints per pass the wall seconds and the CPU seconds of this
 * process's main thread (the writer and the driver) and of the Neo4j JVM, by thread kind.
 * `--warm`: first a cold and a forced write of the 1x corpus, then a wipe (the JVM's JIT warm-up, measured apart).
 */
import { existsSync, readFileSync, readdirSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { settleEntities, writeDocuments, writeStepMs } from '../graph/write.ts';
import { refreshDerivedData } from '../graph/derived-data.ts';
import { createFilePool } from '../import/workers/pool.ts';
import { extractorVersion } from '../import/write/extractor-version.ts';
import { DEFAULT_BATCH_DOCUMENTS, batchRows, rowsOf } from '../import/run-import.ts';
import type { ExtractionResult } from '../import/types.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { cpuSecondsByThreadKind, processCpuSeconds, threadCpuSeconds } from './proc-cpu.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const scale = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 100);
const cacheFile = option('--cache') ?? join(tmpdir(), `kg-write-path-${scale}x.v8`);
const passes = (option('--passes') ?? 'cold,forced').split(',');
const warm = args.includes('--warm');
const batchDocuments = Number(process.env.IMPORT_BATCH_DOCUMENTS) || DEFAULT_BATCH_DOCUMENTS;

async function extracted(n: number, file: string): Promise<ExtractionResult[]> {
  if (existsSync(file)) return deserialize(readFileSync(file)) as ExtractionResult[];
  const dir = mkdtempSync(join(tmpdir(), 'kg-write-path-corpus-'));
  try {
    writeSyntheticCorpus(join(projectRoot, 'corpus'), n, dir);
    const pool = await createFilePool();
    const files = readdirSync(dir).sort();
    const out: ExtractionResult[] = new Array(files.length);
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const at = next++;
        out[at] = await pool.extract(files[at], readFileSync(join(dir, files[at]), 'utf8'), 600_000);
      }
    };
    await Promise.all(Array.from({ length: pool.threads }, lane));
    await pool.close();
    writeFileSync(file, serialize(out));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const documents = await extracted(scale, cacheFile);
const small = warm ? await extracted(1, cacheFile.replace(/\.v8$/, '') + '-1x.v8') : [];
const work = mkdtempSync(join(tmpdir(), 'kg-write-path-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: await findFreePort() });
const driver = createDriver(server.uri, server.user, server.password);
const database = server.database;
const version = extractorVersion();

const jvmThreads = (): Record<string, number> => ({ ...cpuSecondsByThreadKind(server.pid), total: processCpuSeconds(server.pid) });
const mainCpu = (): number => threadCpuSeconds().get(process.pid)?.seconds ?? NaN;

/** The import's batches when the writer is behind: full ones, in order. */
function batches(docs: ExtractionResult[]): ExtractionResult[][] {
  const out: ExtractionResult[][] = [];
  let batch: ExtractionResult[] = [];
  let rows = 0;
  for (const d of docs) {
    if (batch.length > 0 && (batch.length >= batchDocuments || rows + rowsOf(d) > batchRows())) {
      out.push(batch);
      batch = [];
      rows = 0;
    }
    batch.push(d);
    rows += rowsOf(d);
  }
  if (batch.length) out.push(batch);
  return out;
}

async function pass(label: string, docs: ExtractionResult[], force: boolean): Promise<void> {
  const jvm0 = jvmThreads();
  const main0 = mainCpu();
  const steps0 = { ...writeStepMs };
  const t0 = performance.now();
  let written = 0;
  const list = batches(docs);
  for (const b of list) written += (await writeDocuments(driver, database, b, { force, extractorVersion: version })).rows;
  const tWrite = performance.now();
  await settleEntities(driver, database);
  const derived = await refreshDerivedData(driver, database);
  const t1 = performance.now();
  const jvm1 = jvmThreads();
  const threads = Object.entries(jvm1).map(([k, v]): [string, number] => [k, +(v - (jvm0[k] ?? 0)).toFixed(1)]).filter(([k, v]) => v >= 0.3 && k !== 'total').sort((a, b) => b[1] - a[1]);
  console.log(JSON.stringify({
    pass: label, documents: docs.length, batches: list.length, rows: written,
    seconds: +((t1 - t0) / 1000).toFixed(1), 'write s': +((tWrite - t0) / 1000).toFixed(1),
    'end s': +((t1 - tWrite) / 1000).toFixed(1), derived: Object.fromEntries(Object.entries(derived).map(([k, v]) => [k, +(v as number).toFixed(2)])),
    'main CPU s': +(mainCpu() - main0).toFixed(1), 'JVM CPU s': +(jvm1.total - jvm0.total).toFixed(1), load: loadavg()[0].toFixed(1),
  }));
  console.log('  JVM threads:', JSON.stringify(Object.fromEntries(threads)));
  console.log('  steps:', JSON.stringify(Object.fromEntries(Object.entries(writeStepMs).map(([k, v]) => [k, +((v - (steps0[k] ?? 0)) / 1000).toFixed(1)]))));
}

try {
  await ensureSchema(driver, database);
  console.log(`${scale}x: ${documents.length} documents; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  if (warm) {
    await pass('warm-up 1x cold', small, false);
    await pass('warm-up 1x forced', small, true);
    await wipeGraph(driver, database);
  }
  for (const p of passes) {
    if (p === 'cold') await wipeGraph(driver, database);
    await pass(`${scale}x ${p}`, documents, p === 'forced');
  }
} finally {
  await driver.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
