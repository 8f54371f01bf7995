/**
 * `tsx bench/api/time-cypher.ts FILE.cypher '{"id": "..."}' [runs] [neo4jPid]`: a developer aid
 * for tuning a read query: runs it one at a time and prints p50/p95 wall time, CPU per query of
 * Neo4j (with its pid) and the total db hits of one PROFILE run. Integers in the parameters are
 * sent as Neo4j integers.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { totalDbHits, type PlanNode } from '../../graph/queries/run.ts';
import { processCpuSeconds } from '../proc-cpu.ts';


const cpuMs = (pid: string | undefined): number => (pid ? processCpuSeconds(pid) * 1000 : NaN);

const asParams = (v: unknown): unknown =>
  Number.isInteger(v) ? neo4j.int(v as number) : Array.isArray(v) ? v.map(asParams) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asParams(x)])) : v;

const [file, paramsJson = '{}', runsArg = '50', pid] = process.argv.slice(2);
const cypher = readFileSync(file, 'utf8');
const params = asParams(JSON.parse(paramsJson)) as Record<string, unknown>;
const config = loadConfig();
const driver = createDriver(config.uri!, config.user, config.password ?? '');
try {
  const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    const profiled = await session.run(`PROFILE ${cypher}`, params);
    const first = profiled.records[0];
    console.log(`${totalDbHits(profiled.summary.profile as unknown as PlanNode)} db hits, ${profiled.records.length} rows; first row: ${JSON.stringify(first?.toObject(), (_k, v) => (neo4j.isInt(v) ? Number(v) : v)).slice(0, 300)}`);
    for (let i = 0; i < 10; i++) await session.run(cypher, params);
    const runs = Number(runsArg);
    const times: number[] = [];
    const before = cpuMs(pid);
    const own = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await session.run(cypher, params);
      times.push(performance.now() - t);
    }
    const cpu = (cpuMs(pid) - before) / runs;
    const ownUsage = process.cpuUsage(own);
    const ownCpu = (ownUsage.user + ownUsage.system) / 1000 / runs;
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)].toFixed(2);
    console.log(`p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, Neo4j CPU ${cpu.toFixed(2)} ms/query, this process (driver decoding) ${ownCpu.toFixed(2)} ms/query, load ${loadavg()[0].toFixed(2)}`);
  } finally {
    await session.close();
  }
} finally {
  await driver.close();
}
