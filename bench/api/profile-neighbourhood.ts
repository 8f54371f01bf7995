/**
 * `tsx bench/api/profile-neighbourhood.ts [--id ID] [--depth 2] [--limit 150] [--runs 50]`: the
 * explorer's neighbourhood query against the Neo4j at NEO4J_URI, with PROFILE (db hits per
 * operator and in total, rows) and then timed: Neo4j CPU-free wall time per query over `runs`
 * runs, one at a time, and the round trips it takes. Without --id: the best-connected of the
 * most mentioned people, as bench:api picks it.
 */
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { queriesDuring } from '../../graph/query-stats.ts';
import { neighbourhood } from '../../graph/queries/subgraph.ts';
import { PAIR_LINK } from '../../graph/pair-links.ts';
import { readRows, totalDbHits, type PlanNode, type ReadContext } from '../../graph/queries/run.ts';
import { processCpuSeconds } from '../proc-cpu.ts';

function printPlan(p: PlanNode, depth = 0): void {
  if (p.dbHits > 0 || p.rows > 100) {
    console.log(`${' '.repeat(depth)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits} ${String(p.arguments?.Details ?? '').replace(/\s+/g, ' ').slice(0, 110)}`);
  }
  for (const c of p.children ?? []) printPlan(c, depth + 1);
}

const jvmCpuMs = (pid: string | undefined): number => (pid ? processCpuSeconds(pid) * 1000 : NaN);

const program = new Command()
  .option('--id <id>', 'start entity (default: the best-connected of the 20 most mentioned people)')
  .option('--depth <n>', 'depth', '2')
  .option('--limit <n>', 'node limit', '150')
  .option('--runs <n>', 'timed runs', '50')
  .option('--neo4j-pid <n>', 'pid of the Neo4j JVM, for its CPU time per query')
  .option('--plan', 'print the plan operators with db hits')
  .action(async (opts: { neo4jPid?: string; id?: string; depth: string; limit: string; runs: string; plan?: boolean }) => {
    const config = loadConfig();
    if (!config.uri) throw new Error('Set NEO4J_URI (and NEO4J_PASSWORD).');
    const driver = createDriver(config.uri, config.user, config.password ?? '');
    const read: ReadContext = { driver, database: config.database, timeoutMs: 60_000 };
    try {
      const id =
        opts.id ??
        ((
          await readRows(read, `
            MATCH (p:Person) WITH p ORDER BY p.mentionCount DESC, p.id LIMIT 20
            RETURN p.id AS id ORDER BY COUNT { (p)-[:${PAIR_LINK}]-() } DESC LIMIT 1`)
        )[0].id as string);
      const args = { id, depth: Number(opts.depth), limit: Number(opts.limit), types: null };
      // PROFILE through a session that records every query sent
      const profiled: { cypher: string; plan: PlanNode }[] = [];
      const profiling = new Proxy(driver, {
        get(target, prop, receiver) {
          if (prop !== 'session') return Reflect.get(target, prop, receiver);
          return (...a: Parameters<typeof driver.session>) => {
            const session = target.session(...a);
            const run = session.run.bind(session);
            // the Result itself (graph/queries/run.ts reads it through subscribe), its summary's plan taken on completion
            (session as { run: unknown }).run = (cypher: string, params: unknown, config: unknown) => {
              const result = run(`PROFILE ${cypher}`, params as never, config as never);
              const subscribe = result.subscribe.bind(result);
              result.subscribe = (observer) =>
                subscribe({
                  ...observer,
                  onCompleted: (summary) => {
                    profiled.push({ cypher, plan: summary.profile as unknown as PlanNode });
                    observer.onCompleted?.(summary);
                  },
                });
              return result;
            };
            return session;
          };
        },
      });
      const answer = await neighbourhood({ ...read, driver: profiling }, args);
      console.log(`${id} depth ${args.depth} limit ${args.limit}: ${answer?.nodes.length} nodes, ${answer?.edges.length} edges, ${answer?.edgesOmitted} omitted`);
      for (const { cypher, plan } of profiled) {
        console.log(`query: ${totalDbHits(plan)} db hits, ${plan.rows} rows; ${cypher.replace(/\s+/g, ' ').trim().slice(0, 80)}…`);
        if (opts.plan) printPlan(plan);
      }
      const trips = await queriesDuring(driver, config.database, () => neighbourhood(read, args));
      const runs = Number(opts.runs);
      for (let i = 0; i < 10; i++) await neighbourhood(read, args);
      const times: number[] = [];
      const cpuBefore = { neo4j: jvmCpuMs(opts.neo4jPid), node: process.cpuUsage() };
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await neighbourhood(read, args);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)].toFixed(2);
      const node = process.cpuUsage(cpuBefore.node);
      const neo4jCpu = (jvmCpuMs(opts.neo4jPid) - cpuBefore.neo4j) / runs;
      console.log(`round trips ${trips}; ${runs} runs one at a time: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms; CPU per query: Neo4j ${neo4jCpu.toFixed(2)} ms, this process ${((node.user + node.system) / 1000 / runs).toFixed(2)} ms; load ${loadavg()[0].toFixed(2)}`);
    } finally {
      await driver.close();
    }
  });

program.parseAsync().catch((e) => {
  console.error(e);
  process.exit(1);
});
