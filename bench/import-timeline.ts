/**
 * `npx tsx bench/import-timeline.ts` — where the time of a small import goes: one Neo4j (NEO4J_BOLT_PORT, default
 * 7687 + a free port when unset; data under NEO4J_DATA_DIR or the system's temporary folder) and one extraction pool,
 * warmed as bench:import warms them (a cold and a forced 1x import, the pool warmed on the corpus, then WARM rounds of
 * a cold and a forced 1x import, default 3), then ROUNDS (default 2) rounds of a cold and a forced import of the
 * SCALE× corpus (default 1), each printed as a timeline (ms since the import started: files found, the lease,
 * each read, look-up, extraction start and end, each write transaction, each end step; importPaths' `trace`),
 * with the pass's CPU: this process's threads (main, the pool's threads) and the Neo4j JVM's by thread kind, and
 * the write steps (graph/write.ts writeStepMs). `--every MS` (default 100): the CPU used per MS-long slice of the
 * pass (this process's main thread and other threads, the JVM's Bolt workers, compiler threads and the rest, and the
 * whole machine from /proc/stat, against the slice's capacity): a core idle while the pass waits shows there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { writeStepMs } from '../graph/write.ts';
import { importPaths } from '../import/run-import.ts';
import { warmForImports } from './warm-import.ts';
import { threadCpuSeconds } from './proc-cpu.ts';

const everyArg = process.argv.indexOf('--every');
const everyMs = everyArg >= 0 ? Number(process.argv[everyArg + 1]) : 100;
const scale = Number(process.env.SCALE ?? 1);
const config = loadConfig();
const work = mkdtempSync(process.env.NEO4J_DATA_DIR ? `${process.env.NEO4J_DATA_DIR}-timeline-` : join(tmpdir(), 'kg-import-timeline-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: process.env.NEO4J_BOLT_PORT ? config.boltPort : await findFreePort(), log: () => {} });
const driver = createDriver(server.uri, server.user, server.password);
const database = server.database;

/** CPU ms per thread of this process and of the JVM, and the machine's busy and total ticks (Linux /proc). */
function snapshot(): { at: number; node: Map<number, number>; jvm: Map<number, { name: string; ms: number }>; busy: number; total: number } {
  const node = new Map([...threadCpuSeconds()].map(([tid, t]) => [tid, t.seconds * 1000]));
  const jvm = new Map([...threadCpuSeconds(server.pid)].map(([tid, t]) => [tid, { name: t.name, ms: t.seconds * 1000 }]));
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { at: performance.now(), node, jvm, busy: ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6], total: ticks.slice(0, 8).reduce((a, b) => a + b, 0) };
}

/** CPU ms between two snapshots by kind: main, the other threads of this process, the JVM's Bolt workers, its compilers, the rest of it, and the machine. */
function used(a: ReturnType<typeof snapshot>, b: ReturnType<typeof snapshot>) {
  const out = { main: 0, threads: 0, bolt: 0, jit: 0, jvm: 0, machine: 0, capacity: 0 };
  for (const [tid, ms] of b.node) {
    const d = ms - (a.node.get(tid) ?? ms);
    if (tid === process.pid) out.main += d;
    else out.threads += d;
  }
  for (const [tid, t] of b.jvm) {
    const d = t.ms - (a.jvm.get(tid)?.ms ?? t.ms);
    if (t.name.includes('Bolt')) out.bolt += d;
    else if (t.name.includes('Compiler')) out.jit += d;
    else out.jvm += d;
  }
  // (ticks of 1/100 s over all cores)
  out.machine = (b.busy - a.busy) * 10;
  out.capacity = (b.total - a.total) * 10;
  return out;
}

try {
  const corpus = join(projectRoot, 'corpus');
  const { pool, dir: measured } = await warmForImports(driver, database, { corpus, work, scale, rounds: Number(process.env.WARM ?? 3) });
  console.log(`${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (let r = 0; r < Number(process.env.ROUNDS ?? 2); r++) {
    await wipeGraph(driver, database);
    for (const force of [false, true]) {
      const events: [number, string][] = [];
      const slices: ReturnType<typeof snapshot>[] = [];
      const steps = { ...writeStepMs };
      const first = snapshot();
      slices.push(first);
      const sampler = setInterval(() => slices.push(snapshot()), everyMs);
      const summary = await importPaths([measured], { driver, database, pool, force, trace: (ms, event) => events.push([ms, event]) });
      clearInterval(sampler);
      const last = snapshot();
      slices.push(last);
      const all = used(first, last);
      console.log(
        `\n--- ${scale}x ${force ? 'forced' : 'cold'}: ${(summary.seconds * 1000).toFixed(0)} ms, ${summary.batches} write transaction(s); CPU ms: main ${all.main.toFixed(0)}, ` +
          `other threads of this process ${all.threads.toFixed(0)}, Neo4j Bolt workers ${all.bolt.toFixed(0)}, compilers ${all.jit.toFixed(0)}, rest ${all.jvm.toFixed(0)}; ` +
          `machine ${all.machine.toFixed(0)} of ${all.capacity.toFixed(0)}; load ${loadavg()[0].toFixed(1)}`,
      );
      console.log('write steps (ms):', JSON.stringify(Object.fromEntries(Object.entries(writeStepMs).map(([k, v]) => [k, Math.round(v - (steps[k] ?? 0))]))));
      for (const [ms, event] of events) console.log(`${ms.toFixed(0).padStart(7)} ${event}`);
      console.log(`CPU ms per ${everyMs} ms (ours: main + other threads + Bolt + compilers + rest of the JVM; machine: all processes, of its capacity):`);
      for (let i = 1; i < slices.length; i++) {
        const u = used(slices[i - 1], slices[i]);
        const ours = u.main + u.threads + u.bolt + u.jit + u.jvm;
        console.log(
          `${(slices[i - 1].at - first.at).toFixed(0).padStart(7)} main ${u.main.toFixed(0).padStart(4)} threads ${u.threads.toFixed(0).padStart(4)} bolt ${u.bolt.toFixed(0).padStart(4)} ` +
            `jit ${u.jit.toFixed(0).padStart(4)} jvm ${u.jvm.toFixed(0).padStart(4)} | ours ${ours.toFixed(0).padStart(4)}, machine ${u.machine.toFixed(0).padStart(4)} of ${u.capacity.toFixed(0)}`,
        );
      }
    }
  }
  await pool.close();
} finally {
  await driver.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
