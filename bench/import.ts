/**
 * `npm run bench:import [-- 1 10 100]` (or `-- --scale 1 --scale 10`) — end-to-end import into a fresh Neo4j of the bundled corpus
 * and of 10x and 100x synthetic corpora: cold (empty database), unchanged (every document skipped
 * by hash) and forced (every document replaced). Reports MB/s, seconds per MB, rows written per
 * second of write time, write transactions, CPU seconds of this process (main thread and pool
 * threads) and of the Neo4j JVM, peak memory of each (RSS high-water marks: the pool's threads are
 * in this process, Neo4j is its own), and extraction alone with all threads against one thread on
 * the 10x corpus (or the largest scale asked), in wall and CPU seconds, with the CPU the Neo4j JVM it started used
 * meanwhile (it is not stopped for the comparison, so that figure shows it stayed idle).
 * Starts its own Neo4j in a temporary folder unless NEO4J_URI is set (then only the unchanged and
 * forced passes run, never wiping a server it does not own).
 * A server it starts is warmed first, as a server in use is: the 1x corpus is imported cold and forced, then wiped,
 * so that the measured passes do not carry the JVM's compilation of Neo4j's code paths (several CPU seconds, whatever
 * the corpus size). Those two imports are printed as rows of their own (`first import after the JVM started`,
 * `second import (warm-up)`), so the cost of a freshly started server stays in view. The measured passes share one
 * extraction pool, its threads warmed on the 1x corpus until their JIT settled (the warm-up rows start their own pools,
 * so a cold pool's start-up shows there too). Then rounds of a cold and a forced 1x import through the measured pool,
 * also printed, until a round in which the JVM's JIT compiler threads used under SETTLED_COMPILER_S (at least 3 rounds,
 * at most 15; `--warm-rounds N`: exactly N): after three rounds they still took 0.4-0.6 CPU s of every 1x pass, as much
 * as the writing, so the 1x figures measured the JIT's warm-up more than the import. `--no-warm`: measure from a cold
 * JVM, a new pool per pass. The extraction comparison is printed twice: pools warmed by one pass over the 1x corpus
 * (their JIT still compiling) and pools warmed until their JIT settled.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { graphCounts } from '../graph/queries/stats.ts';
import { graphRows, wipeGraph } from '../graph/queries/size.ts';
import { importPaths } from '../import/run-import.ts';
import { writeStepMs } from '../graph/write.ts';
import { createFilePool, type FilePool } from '../import/workers/pool.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { cpuSecondsByThreadKind, processCpuSeconds, threadCpuSeconds } from './proc-cpu.ts';

// scales as bare numbers or as `--scale N` (repeatable)
const scales = process.argv.slice(2).filter((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== '--speedup-scale' && all[i - 1] !== '--warm-rounds').map(Number);
/** The corpus the all-threads-against-one comparison extracts (`--speedup-scale N`; default the 10x one, or the largest asked below it). */
const speedupArg = process.argv.indexOf('--speedup-scale');
const speedupScale = speedupArg >= 0 ? Number(process.argv[speedupArg + 1]) : 10;
/** `--speedup-only`: only the all-threads-against-one extraction comparison (no database) on the --speedup-scale corpus. */
const speedupOnly = process.argv.includes('--speedup-only');
/** `--no-speedup`: the import passes only (for A/B runs of the write path). */
const noSpeedup = process.argv.includes('--no-speedup');
/** `--passes cold,forced`: only these passes (default all three). */
const passesArg = process.argv.indexOf('--passes');
const onlyPasses = passesArg >= 0 ? new Set(process.argv[passesArg + 1].split(',')) : null;
/** `--no-warm`: no warm-up imports before the measured passes. */
const warmUp = !process.argv.includes('--no-warm');
/**
 * `--warm-rounds N`: after the two warm-up imports, exactly N rounds of a cold and a forced 1x import through the measured
 * pool. Default: rounds until the JVM has settled (see SETTLED_COMPILER_S), at least MIN_WARM_ROUNDS, at most MAX_WARM_ROUNDS.
 */
const warmRoundsArg = process.argv.indexOf('--warm-rounds');
const fixedWarmRounds = warmRoundsArg >= 0 ? Number(process.argv[warmRoundsArg + 1]) : null;
const MIN_WARM_ROUNDS = 3;
const MAX_WARM_ROUNDS = 15;
/**
 * A warm-up round (a cold and a forced 1x import) in which the JVM's JIT compiler threads used less CPU than this
 * ends the warm-up: Neo4j's code paths are compiled. After three rounds they still took 0.4-0.6 CPU s of every 1x
 * pass (as much as the Bolt worker that writes), falling under 0.2 s per pass from about the sixth round.
 */
const SETTLED_COMPILER_S = 0.25;
/**
 * A warm-up pass over the 1x corpus in which V8's helper threads (its optimising compiler and the collector's helpers)
 * used less than this share of the extracting threads' CPU ends an extraction pool's warm-up. After one pass each
 * thread still compiles for 2-3 CPU s in the next large pass (bench:extract --jit), whatever its size.
 */
const SETTLED_V8_HELPER_SHARE = 0.1;
const MAX_POOL_WARM_PASSES = 12;
const corpus = join(projectRoot, 'corpus');
const config = loadConfig();
const own = !config.uri;
// NEO4J_DATA_DIR / NEO4J_BOLT_PORT, when set, say where (a shared machine gives each user its folders and ports)
const work = mkdtempSync(process.env.NEO4J_DATA_DIR ? `${process.env.NEO4J_DATA_DIR}-bench-` : join(tmpdir(), 'kg-bench-import-'));
const server = own && !speedupOnly
  ? await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: process.env.NEO4J_BOLT_PORT ? config.boltPort : await findFreePort() })
  : null;
// (with --speedup-only nothing connects: the driver opens connections when first used)
const driver = createDriver(server?.uri ?? config.uri ?? 'bolt://127.0.0.1:7687', server?.user ?? config.user, server?.password ?? config.password ?? '');
const database = server?.database ?? config.database;

const rowsInGraph = () => graphRows(driver, database);

/** CPU seconds and peak RSS (MB) of the Neo4j JVM we started (Linux /proc), or null. */
function jvmUsage(): { cpu: number; peakMb: number } | null {
  if (!server) return null;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return { cpu: processCpuSeconds(server.pid), peakMb: hwm ? Math.round(Number(hwm[1]) / 1024) : NaN };
  } catch {
    return null;
  }
}
/** CPU seconds of the Neo4j JVM's threads by kind (compiler, collector, Bolt worker, ...), from Linux /proc. */
function jvmThreadCpu(): Record<string, number> {
  if (!server) return {};
  try {
    return cpuSecondsByThreadKind(server.pid);
  } catch {
    return {}; // not Linux
  }
}
/** Milliseconds since the Neo4j JVM started (Linux /proc), to line the passes up with the JVM's own logs. */
function jvmUptimeMs(): number {
  const stat = readFileSync(`/proc/${server!.pid}/stat`, 'utf8');
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  return Math.round(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000 - startTicks * 10);
}
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
/** CPU seconds of the Neo4j JVM's JIT compiler threads (C1 and C2) so far. */
const jvmCompilerCpu = () => Object.entries(jvmThreadCpu()).filter(([kind]) => /Compiler/i.test(kind)).reduce((sum, [, s]) => sum + s, 0);
const wipe = () => wipeGraph(driver, database);

/** CPU ms of each thread of this process (Linux /proc: thread id -> ms), or null elsewhere. */
function threadCpu(): Map<number, number> | null {
  try {
    return new Map([...threadCpuSeconds()].map(([tid, t]) => [tid, t.seconds * 1000]));
  } catch {
    return null; // not Linux
  }
}

interface ExtractionTiming {
  wall: number;
  cpu: number;
  /** CPU seconds of the pool's extracting threads, of the main thread, and of the rest (V8's compiler and collector threads) */
  threads?: { extracting: number; main: number; helpers: number };
  /** passes over the 1x corpus each thread made first */
  warmPasses: number;
}

/** The 1x corpus's texts, the warm-up of an extraction pool. */
const warmTexts = () => readdirSync(corpus).sort().map((f) => ({ relativePath: f, text: readFileSync(join(corpus, f), 'utf8') }));

/** CPU ms each thread of this process used while `work` ran: the main thread's, the `threads` busiest others' (the extracting threads) and the rest's (V8's helpers). */
async function threadCpuOf(threads: number, work: () => Promise<void>): Promise<{ extracting: number; main: number; helpers: number } | null> {
  const before = threadCpu();
  await work();
  const after = threadCpu();
  if (!before || !after) return null;
  const used = [...after].map(([tid, ms]): [number, number] => [tid, ms - (before.get(tid) ?? 0)]);
  const main = used.find(([tid]) => tid === process.pid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== process.pid).map(([, ms]) => ms).sort((a, b) => b - a);
  return { extracting: others.slice(0, threads).reduce((a, b) => a + b, 0), main, helpers: others.slice(threads).reduce((a, b) => a + b, 0) };
}

/**
 * Warms every thread of `pool` on the whole 1x corpus (module and model load, the first compilation), so each thread is
 * as warm as the single thread is (sharing one pass out would leave each of N threads 1/N of it). `settled`: again
 * until V8's helper threads used under SETTLED_V8_HELPER_SHARE of the extracting threads' CPU in a pass, i.e. until each
 * thread's JIT has compiled the extraction code (not Linux: one pass). Returns the passes made.
 */
async function warmPool(pool: FilePool, threads: number, settled: boolean): Promise<number> {
  const texts = warmTexts();
  for (let pass = 1; ; pass++) {
    const used = await threadCpuOf(threads, () => pool.warmEveryThread(texts));
    if (!settled || !used || pass >= MAX_POOL_WARM_PASSES || used.helpers < SETTLED_V8_HELPER_SHARE * used.extracting) return pass;
  }
}

/**
 * Extraction alone (extract on the pool, no database) of every file in `dir`, on `threads` threads, after warmPool:
 * wall and CPU seconds, and where the CPU went. Whatever the JIT still compiles after the warm-up runs on V8's own
 * threads, once per extracting thread: that cost is counted (it is the `helpers` figure).
 */
async function extractionSeconds(dir: string, threads: number, settled: boolean): Promise<ExtractionTiming> {
  const pool = await createFilePool(threads);
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const warmPasses = await warmPool(pool, threads, settled);
  const texts = new Map(files.map((path) => [path, readFileSync(path, 'utf8')]));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const path = files[next++];
      await pool.extract(path, texts.get(path)!, 600_000);
    }
  };
  const used = await threadCpuOf(threads, () => Promise.all(Array.from({ length: threads }, lane)).then(() => undefined));
  const result: ExtractionTiming = { wall: (performance.now() - started) / 1000, cpu: cpuSeconds(process.cpuUsage(cpuStarted)), warmPasses };
  if (used) result.threads = { extracting: used.extracting / 1000, main: used.main / 1000, helpers: used.helpers / 1000 };
  await pool.close();
  return result;
}

const describe = (t: ExtractionTiming) =>
  `${t.wall.toFixed(1)} s (${t.cpu.toFixed(1)} CPU s${t.threads ? `: extracting threads ${t.threads.extracting.toFixed(1)}, main ${t.threads.main.toFixed(1)}, compiler/collector ${t.threads.helpers.toFixed(1)}` : ''})`;

/**
 * Extraction on every thread against one thread, on the corpus in `dir`: with each pool warmed by one pass over the 1x
 * corpus (the JIT still compiling, on the idle core when one thread extracts and twice over on busy cores when every
 * thread does), and with each pool warmed until its JIT settled (a pool in use, as the server's is).
 */
async function speedup(dir: string): Promise<void> {
  const threads = availableParallelism();
  for (const settled of [false, true]) {
    const one = await extractionSeconds(dir, 1, settled);
    const all = await extractionSeconds(dir, threads, settled);
    const warm = settled ? `each pool warmed until its JIT settled (1 thread: ${one.warmPasses}, ${threads} threads: ${all.warmPasses} passes over the 1x corpus)` : 'each pool warmed by one pass over the 1x corpus';
    console.log(
      `extraction of ${dir.split('-').pop()}, ${warm} (extraction only, no database): ` +
        `1 thread ${describe(one)}, ${threads} threads ${describe(all)}: ` +
        `speed-up ${(one.wall / all.wall).toFixed(2)}x wall, CPU per MB ${(all.cpu / one.cpu).toFixed(2)}x of one thread's ` +
        `(load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}; on a busy machine the wall figures measure the others)`,
    );
  }
}

if (speedupOnly) {
  try {
    const dir = join(work, `corpus-${speedupScale}x`);
    writeSyntheticCorpus(corpus, speedupScale, dir);
    console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    await speedup(dir);
  } finally {
    await driver.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  await ensureSchema(driver, database);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  const rows: Record<string, string | number>[] = [];
  let largest = '';
  let measuredPool: FilePool | undefined;
  const measure = async (scale: number, dir: string, files: number, pass: string, force: boolean, pool = measuredPool) => {
    const before = await rowsInGraph();
    if (process.env.BENCH_WRITE_STEPS) console.log(`${new Date().toISOString()} start ${scale}x ${pass} (JVM uptime ${server ? jvmUptimeMs() : '-'} ms)`);
    const jvmBefore = jvmUsage();
    const jvmThreadsBefore = jvmThreadCpu();
    const stepsBefore = { ...writeStepMs };
    const threadsBefore = threadCpu();
    const mainBefore = threadsBefore?.get(process.pid);
    const cpuBefore = process.cpuUsage();
    const s = await importPaths([dir], { driver, database, force, pool });
    const nodeCpu = cpuSeconds(process.cpuUsage(cpuBefore));
    const threadsAfter = threadCpu();
    const mainAfter = threadsAfter?.get(process.pid);
    const jvmAfter = jvmUsage();
    const after = await rowsInGraph();
    const mb = s.bytes / 1024 / 1024;
    rows.push({
      scale: `${scale}x`,
      pass,
      files,
      MB: +mb.toFixed(2),
      seconds: +s.seconds.toFixed(1),
      'MB/s': +(mb / s.seconds).toFixed(2),
      's/MB': +(s.seconds / mb).toFixed(2),
      'write s': +s.writeSeconds.toFixed(1),
      'rows written': s.rowsWritten,
      'graph rows +': after - before,
      'rows/s (write)': s.writeSeconds > 0 ? Math.round(s.rowsWritten / s.writeSeconds) : '-',
      batches: s.batches,
      settled: s.settledEntities,
      skipped: s.skipped.length,
      'node CPU s': +nodeCpu.toFixed(1),
      // the main thread: the writer, the driver and the pool's bookkeeping (the pool threads extract)
      'node main CPU s': mainBefore !== undefined && mainAfter !== undefined ? +((mainAfter - mainBefore) / 1000).toFixed(1) : '-',
      'JVM CPU s': jvmBefore && jvmAfter ? +(jvmAfter.cpu - jvmBefore.cpu).toFixed(1) : '-',
      'node peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
      'JVM peak RSS MB': jvmAfter?.peakMb ?? '-',
      'settle s': +s.endSteps.settle.toFixed(1),
      'pair links s': +s.endSteps.pairLinks.toFixed(1),
      'hub lists s': +s.endSteps.hubNeighbours.toFixed(1),
      'theme lists s': +s.endSteps.themeProgrammes.toFixed(1),
      load: loadavg()[0].toFixed(1),
    });
    if (process.env.BENCH_WRITE_STEPS) {
      const jvmThreads = Object.entries(jvmThreadCpu()).map(([k, v]): [string, number] => [k, v - (jvmThreadsBefore[k] ?? 0)]).filter(([, v]) => v >= 0.2).sort((a, b) => b[1] - a[1]);
      console.log('JVM CPU s by thread:', JSON.stringify(Object.fromEntries(jvmThreads.map(([k, v]) => [k, +v.toFixed(1)]))));
      // this process's threads, busiest first: main, the pool's extracting threads, then V8's platform threads (compiler, collector) and libuv's
      const nodeThreads = [...(threadsAfter ?? [])].map(([tid, ms]): [number, number] => [tid, (ms - (threadsBefore?.get(tid) ?? 0)) / 1000]).filter(([, s]) => s >= 0.1).sort((a, b) => b[1] - a[1]);
      console.log('node CPU s by thread:', JSON.stringify(nodeThreads.map(([tid, s]) => `${tid === process.pid ? 'main' : tid}: ${s.toFixed(1)}`)));
      console.log('write steps (s, this pass):', JSON.stringify(Object.fromEntries(Object.entries(writeStepMs).map(([k, v]) => [k, +((v - (stepsBefore[k] ?? 0)) / 1000).toFixed(1)]))));
    }
    console.log(JSON.stringify(rows[rows.length - 1]));
  };
  if (own && warmUp) {
    const dir = join(work, 'corpus-warm-up');
    const made = writeSyntheticCorpus(corpus, 1, dir);
    await measure(1, dir, made.files, 'first import after the JVM started', false);
    await measure(1, dir, made.files, 'second import (warm-up)', true);
    measuredPool = await createFilePool();
    const poolWarmPasses = await warmPool(measuredPool, measuredPool.threads, true);
    console.log(`measured pool: ${measuredPool.threads} threads, warmed by ${poolWarmPasses} passes over the 1x corpus`);
    // two imports leave both JITs half way: the JVM's compiler threads still took about 1 CPU s in each 1x pass
    // measured after them; the rounds go on until they have compiled Neo4j's code paths (or --warm-rounds N)
    for (let round = 1; ; round++) {
      const compilerBefore = jvmCompilerCpu();
      await wipe();
      await measure(1, dir, made.files, `warm-up round ${round} (cold)`, false);
      await measure(1, dir, made.files, `warm-up round ${round} (forced)`, true);
      const compiler = jvmCompilerCpu() - compilerBefore;
      console.log(`warm-up round ${round}: the JVM's JIT compiler threads used ${compiler.toFixed(2)} CPU s`);
      if (fixedWarmRounds !== null ? round >= fixedWarmRounds : round >= MAX_WARM_ROUNDS || (round >= MIN_WARM_ROUNDS && compiler < SETTLED_COMPILER_S)) break;
    }
  }
  for (const scale of scales.length ? scales : [1, 10, 100]) {
    const dir = join(work, `corpus-${scale}x`);
    const made = writeSyntheticCorpus(corpus, scale, dir);
    largest = scale <= speedupScale || !largest ? dir : largest;
    if (own) await wipe();
    const passes = (own ? [['cold', false], ['unchanged', false], ['forced', true]] as [string, boolean][] : [['unchanged', false], ['forced', true]] as [string, boolean][])
      .filter(([pass]) => !onlyPasses || onlyPasses.has(pass));
    for (const [pass, force] of passes) await measure(scale, dir, made.files, pass, force);
  }
  console.table(rows);
  console.log('Graph:', await graphCounts(driver, database));
  await measuredPool?.close();
  if (!noSpeedup) {
    // the server this bench started runs on during the comparison: its CPU meanwhile shows whether it stayed idle
    // (its compiler threads could still be busy with the last passes' code, on the cores the threads compare on)
    const jvmBefore = jvmUsage();
    await speedup(largest);
    const jvmAfter = jvmUsage();
    if (jvmBefore && jvmAfter) console.log(`Neo4j JVM during the extraction comparison: ${(jvmAfter.cpu - jvmBefore.cpu).toFixed(2)} CPU s`);
  }
} finally {
  await driver.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
