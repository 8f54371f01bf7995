/**
 * `NEO4J_BOLT_PORT=7620 npx tsx bench/neo-passes.ts` — where the Neo4j JVM's CPU goes in warmed 1x imports, and
 * what it does between them: one Neo4j (NEO4J_JVM_ARGS apply), warmed as bench:import warms it (a cold and a forced
 * 1x import, then WARM (default 3) rounds of a wipe, a cold and a forced import through one warmed pool), then ROUNDS
 * (default 5) measured rounds of: the wipe, IDLE_MS (default 3000) of nothing, the cold import, IDLE_MS, the forced
 * import, IDLE_MS. Per step: wall ms and the JVM's CPU ms by thread kind (means over the rounds; the idle gaps show
 * the work an import or the wipe leaves running in the background, which the next pass would pay for).
 * SCALE=10: the measured imports on the 10x corpus instead. JFR=/path/rec.jfr: a flight recording of the measured rounds.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { startEmbeddedNeo4j } from '../graph/embedded.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { importPaths } from '../import/run-import.ts';
import { warmForImports } from './warm-import.ts';
import { cpuSecondsByThreadKind } from './proc-cpu.ts';

const rounds = Number(process.env.ROUNDS ?? 5);
const warm = Number(process.env.WARM ?? 3);
const idleMs = Number(process.env.IDLE_MS ?? 3000);
const scale = Number(process.env.SCALE ?? 1);
const port = Number(process.env.NEO4J_BOLT_PORT ?? 7620);
const work = mkdtempSync(join(tmpdir(), 'kg-bench-passes-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: port, log: () => {} });
const driver = createDriver(server.uri, server.user, server.password);
const database = server.database;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const corpus = join(projectRoot, 'corpus');
const steps: Record<string, { wall: number[]; jvm: Record<string, number[]> }> = {};
/** Milliseconds since the Neo4j JVM started (Linux /proc), to line the steps up with -XX:+PrintCompilation's times. */
function jvmUptimeMs(): number {
  const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8');
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  return Math.round(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000 - startTicks * 10);
}
async function measure(name: string, record: boolean, fn: () => Promise<unknown>): Promise<void> {
  if (process.env.MARKS) console.log(`mark ${name} at JVM uptime ${jvmUptimeMs()} ms, ${new Date().toISOString()}`);
  const j0 = cpuSecondsByThreadKind(server.pid);
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const j1 = cpuSecondsByThreadKind(server.pid);
  if (!record) return;
  const s = (steps[name] ??= { wall: [], jvm: {} });
  s.wall.push(wall);
  let sum = 0;
  for (const k of Object.keys(j1)) { const d = j1[k] - (j0[k] ?? 0); sum += d; (s.jvm[k] ??= []).push(d); }
  (s.jvm.ALL ??= []).push(sum);
}
try {
  const { pool, dir } = await warmForImports(driver, database, { corpus, work, scale, rounds: warm });
  const loads: number[] = [];
  // JFR=file.jfr: a flight recording (profile settings) of the measured rounds only
  if (process.env.JFR) execSync(`jcmd ${server.pid} JFR.start name=measured settings=profile filename=${process.env.JFR}`);
  for (let r = 0; r < rounds; r++) {
    await measure('wipe', true, () => wipeGraph(driver, database));
    await measure('idle after wipe', true, () => sleep(idleMs));
    await measure('cold', true, () => importPaths([dir], { driver, database, pool }));
    await measure('idle after cold', true, () => sleep(idleMs));
    await measure('forced', true, () => importPaths([dir], { driver, database, pool, force: true }));
    await measure('idle after forced', true, () => sleep(idleMs));
    loads.push(loadavg()[0]);
  }
  if (process.env.JFR) execSync(`jcmd ${server.pid} JFR.stop name=measured`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [name, s] of Object.entries(steps)) {
    const jv = Object.entries(s.jvm).map(([k, v]) => [k, mean(v)] as const).filter(([, v]) => v >= 0.005).sort((a, b) => b[1] - a[1]);
    console.log(`${name.padEnd(18)} wall ms mean ${mean(s.wall).toFixed(0)} (${s.wall.map((x) => x.toFixed(0)).join(' ')}); JVM CPU ms mean ${jv.map(([k, v]) => `${k} ${(v * 1000).toFixed(0)}`).join(', ')}`);
  }
  console.log(`load ${loads.map((x) => x.toFixed(1)).join(' ')}`);
  await pool.close();
} finally {
  await driver.close();
  await server.stop();
  // KEEP=1: the data dir stays (its logs: launcher.log has the JVM's stdout, e.g. -XX:+PrintCompilation)
  if (process.env.KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
