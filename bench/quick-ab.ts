/**
 * `OLD_TREE=/path/to/old/worktree npx tsx bench/quick-ab.ts` — A/B of 1x imports in one process: one Neo4j (started
 * on NEO4J_BOLT_PORT, default 7631, data in a fresh /tmp folder) and one warmed extraction pool, the old tree's
 * importPaths and this tree's alternating (the order swapped every round), each round a wipe, a cold and a forced
 * import per variant. WARM (default 4) rounds first, unmeasured, then ROUNDS (default 10): median, min and max
 * wall ms per variant and pass, and the Neo4j JVM's CPU by thread kind. The old tree needs node_modules
 * (a symlink to this tree's). SCHEMA_SWITCH=1: each variant's ensureSchema after its wipe (a changed index
 * definition is rebuilt on the empty graph). ENV_OLD / ENV_NEW=K=V,K=V: environment set during that variant's imports.
 * Both variants share one machine's load at the same moments, which separate bench:import runs on a shared
 * machine do not.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { startEmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { importPaths as newImport } from '../import/run-import.ts';
import { createFilePool } from '../import/workers/pool.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { cpuSecondsByThreadKind } from './proc-cpu.ts';

const OLD = process.env.OLD_TREE ?? '/tmp/flat15-old';
const { importPaths: oldImport } = await import(`${OLD}/import/run-import.ts`) as { importPaths: typeof newImport };
const rounds = Number(process.env.ROUNDS ?? 10);
const port = Number(process.env.NEO4J_BOLT_PORT ?? 7631);
const work = mkdtempSync(`${process.env.NEO4J_DATA_DIR ?? '/tmp/flat15'}-ab-`);
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: port, log: () => {} });
const driver = createDriver(server.uri, server.user, server.password);
const database = server.database;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const variants = { old: oldImport, new: newImport } as const;
// SCHEMA_SWITCH=1: each variant's ensureSchema after the wipe before its cold pass (an index definition that differs is rebuilt, on an empty graph)
const schemas = { old: (await import(`${OLD}/graph/schema.ts`)).ensureSchema as typeof ensureSchema, new: ensureSchema };
try {
  await ensureSchema(driver, database);
  if (process.env.SETUP_NEW) await (await import(process.env.SETUP_NEW)).default(driver, database);
  const dir = join(work, 'corpus-1x');
  writeSyntheticCorpus(join(projectRoot, 'corpus'), 1, dir);
  const pool = await createFilePool();
  await pool.warmEveryThread(readdirSync(join(projectRoot, 'corpus')).sort().map((f) => ({ relativePath: f, text: readFileSync(join(projectRoot, 'corpus', f), 'utf8') })));
  const out: Record<string, { total: number[]; jvm: Record<string, number[]> }> = {};
  const loads: number[] = [];
  const warm = Number(process.env.WARM ?? 4);
  for (let r = -warm; r < rounds; r++) {
    const order = r % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    for (const v of order) {
      await wipeGraph(driver, database);
      if (process.env.SCHEMA_SWITCH) await schemas[v](driver, database);
      for (const [pass, force] of [['cold', false], ['forced', true]] as const) {
        const j0 = cpuSecondsByThreadKind(server.pid);
        const t0 = performance.now();
        const envs = (process.env[`ENV_${v.toUpperCase()}`] ?? '').split(',').filter(Boolean).map((kv) => kv.split('='));
        for (const [k, val] of envs) process.env[k] = val;
        await variants[v]([dir], { driver, database, pool, force });
        for (const [k] of envs) delete process.env[k];
        const total = performance.now() - t0;
        const j1 = cpuSecondsByThreadKind(server.pid);
        if (r < 0) continue;
        const o = (out[`${pass} ${v}`] ??= { total: [], jvm: {} });
        o.total.push(total);
        let sum = 0;
        for (const k of Object.keys(j1)) { const d = j1[k] - (j0[k] ?? 0); sum += d; (o.jvm[k] ??= []).push(d); }
        (o.jvm['ALL'] ??= []).push(sum);
      }
    }
    if (r >= 0) loads.push(loadavg()[0]);
  }
  for (const [key, o] of Object.entries(out).sort()) {
    const jv = Object.entries(o.jvm).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length] as const).filter(([, v]) => v >= 0.01).sort((a, b) => b[1] - a[1]);
    console.log(`${key.padEnd(11)} median ${median(o.total).toFixed(0)} ms (min ${Math.min(...o.total).toFixed(0)}, max ${Math.max(...o.total).toFixed(0)}; ${o.total.map((x) => x.toFixed(0)).join(' ')}); JVM CPU ms mean ${jv.map(([k, v]) => `${k} ${(v * 1000).toFixed(0)}`).join(', ')}`);
  }
  console.log(`load ${loads.map((x) => x.toFixed(1)).join(' ')}`);
  await pool.close();
} finally {
  await driver.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
