/**
 * `npm run bench:api` — loads the GraphQL API from this (second) process over loopback with
 * autocannon: five user questions at 1, 16 and 64 connections, on the corpus and on a graph
 * 100 times its size (graph/synthetic.ts), req/s, p50/p95/p99, errors
 * (non-2xx, timeouts, and any response carrying GraphQL `errors`). Side by side, the same
 * questions asked of @neo4j/graphql over the same Neo4j, and the queries each request sends to
 * Neo4j (round trips). Results: table + bench/results/*.json.
 *
 * Neo4j: NEO4J_URI (+ NEO4J_PASSWORD) if set, else an embedded one in a temporary folder.
 * The corpus is imported when the database does not hold it yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import autocannon from 'autocannon';

import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { stats } from '../graph/queries/stats.ts';
import { growToScale } from '../graph/synthetic.ts';
import { refreshThemeProgrammes } from '../graph/theme-programmes.ts';
import { roundTripsPerRequest } from './api/round-trips.ts';
import { importPaths } from '../import/run-import.ts';
import { pickInputs, scenarios, type Scenario } from './api/scenarios.ts';

interface Options {
  duration: string;
  warmup: string;
  warmupPass: string;
  connections: string;
  ourPort: string;
  theirPort: string;
  compare: boolean;
  cache: boolean;
  scales: string;
  neo4jPid?: string;
  only?: string;
}

interface Measurement {
  scale: number;
  scenario: string;
  server: 'ours' | '@neo4j/graphql';
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  detail: { non2xx: number; errors: number; timeouts: number; graphqlErrors: number };
  /** Queries sent to Neo4j per request (counted by Neo4j's own query statistics). */
  roundTrips: number;
  /** 1-minute load average of the machine right after the run. */
  loadAverage: number;
  /**
   * CPU time per request (ms) of the GraphQL server process and of Neo4j, over the measured run:
   * what a request costs, much less disturbed by other work on the machine than its latency.
   */
  cpuMsPerRequest: { server: number; neo4j: number };
}

const program = new Command()
  .name('npm run bench:api --')
  .description('Load the GraphQL API (and @neo4j/graphql for comparison) with five user queries')
  .option('--duration <s>', 'seconds per run', process.env.BENCH_DURATION ?? '10')
  .option('--warmup <s>', 'warm-up seconds before each run', process.env.BENCH_WARMUP ?? '2')
  .option('--warmup-pass <s>', 'seconds per query of the warm-up pass at each scale, per server, before anything is measured (0: none)', process.env.BENCH_WARMUP_PASS ?? '4')
  .option('--connections <list>', 'comma-separated connection counts', '1,16,64')
  .option('--scales <list>', 'graph sizes: 1 = the corpus, N = the corpus and N-1 synthetic copies (graph/synthetic.ts)', '1,100')
  .option('--our-port <n>', 'port of our server', '4101')
  .option('--their-port <n>', 'port of the @neo4j/graphql server', '4102')
  .option('--no-compare', 'skip the @neo4j/graphql comparison')
  .option('--no-cache', "run our server without its read/response cache (API_CACHE=0)")
  .option('--only <names>', 'comma-separated query names (prefixes) to run, e.g. "entity,neighbourhood"')
  .option('--neo4j-pid <n>', "pid of the Neo4j JVM, for its CPU time per request (default: the embedded one the bench starts)")
  .action(run);

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function waitForHttp(url: string, body: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;
/** Connections of the warm-up pass: enough to keep Neo4j's cores busy while it compiles. */
const WARMUP_CONNECTIONS = 8;

function startServer(script: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  // One process (node with the tsx loader), so that its pid is the server's for the CPU readings.
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, script)], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function load(url: string, scenario: { query: string; variables: Record<string, unknown> }, connections: number, seconds: number) {
  const times: number[] = [];
  let graphqlErrors = 0;
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
    connections,
    duration: seconds,
    // A response with GraphQL errors is an error, whatever its HTTP status.
    verifyBody: (body: string) => {
      const ok = !body.includes('"errors"');
      if (!ok) graphqlErrors++;
      return ok;
    },
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  return { result, times, graphqlErrors };
}

async function measure(
  server: Measurement['server'],
  url: string,
  scenario: Scenario,
  connections: number,
  opts: { duration: number; warmup: number; scale: number; roundTrips: number; serverPid?: number; neo4jPid?: number },
): Promise<Measurement> {
  const q = server === 'ours' ? scenario.ours : scenario.theirs;
  if (!q) throw new Error(`${scenario.name} has no query for ${server}`);
  if (opts.warmup > 0) await load(url, q, connections, opts.warmup);
  const cpuBefore = { server: cpuMs(opts.serverPid), neo4j: cpuMs(opts.neo4jPid) };
  const { result, times, graphqlErrors } = await load(url, q, connections, opts.duration);
  const perRequest = (before: number, pid?: number) => (cpuMs(pid) - before) / Math.max(1, times.length);
  const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  return {
    scale: opts.scale,
    scenario: scenario.name,
    server,
    connections,
    requests: times.length,
    rps: times.length / opts.duration,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times[times.length - 1] ?? NaN,
    errors,
    detail: { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, graphqlErrors },
    roundTrips: opts.roundTrips,
    loadAverage: loadavg()[0],
    cpuMsPerRequest: { server: perRequest(cpuBefore.server, opts.serverPid), neo4j: perRequest(cpuBefore.neo4j, opts.neo4jPid) },
  };
}

async function gqlAt(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
/** CPU ms per request: server + Neo4j. */
const fmtCpu = (m: Measurement) => `${fmt(m.cpuMsPerRequest.server, 2)}+${fmt(m.cpuMsPerRequest.neo4j, 2)}`;

async function run(options: Options): Promise<void> {
  const duration = Number(options.duration);
  const warmup = Number(options.warmup);
  const connectionCounts = options.connections.split(',').map((c) => Number(c.trim()));
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let tempDir: string | undefined;
  let uri = config.uri;
  let user = config.user;
  let password = config.password ?? '';
  const children: ChildProcess[] = [];
  const cleanup = async () => {
    // the servers go first: stopping Neo4j under their open connections makes their drivers log errors
    await Promise.all(children.map(stopChild));
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    if (!uri) {
      tempDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
      console.log('Starting an embedded Neo4j for the bench…');
      embedded = await startEmbeddedNeo4j({ dataDir: tempDir, boltPort: await findFreePort(), user: 'neo4j', log: (l) => console.log(l) });
      ({ uri, user, password } = embedded);
    }
    const driver = createDriver(uri!, user, password);
    try {
      await ensureSchema(driver, config.database);
      const counts = await stats({ driver, database: config.database, timeoutMs: 60_000 });
      if (counts.documents < 5) {
        console.log('Importing the bundled corpus…');
        await importPaths([join(projectRoot, 'corpus')], { driver, database: config.database });
      }
      const after = await stats({ driver, database: config.database, timeoutMs: 60_000 });
      console.log(`Graph: ${after.documents} documents, ${after.people} people, ${after.organisations} organisations, ${after.municipalities} municipalities, ${after.programmes} programmes, ${after.themes} themes, ${after.relations} relations`);
    } finally {
      await driver.close();
    }

    const neo4jPid = options.neo4jPid ? Number(options.neo4jPid) : embedded?.pid;
    const env = { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: config.database };
    const ourPort = Number(options.ourPort);
    const theirPort = Number(options.theirPort);
    const ourUrl = `http://127.0.0.1:${ourPort}/graphql`;
    const theirUrl = `http://127.0.0.1:${theirPort}/graphql`;
    const ours = startServer('bench/api/api-server.ts', ourPort, { ...env, API_CACHE: options.cache ? '1' : '0' });
    console.log(`Our server: cache ${options.cache ? 'on' : 'off'}`);
    children.push(ours);
    await waitForHttp(ourUrl, JSON.stringify({ query: '{ stats { documents } }' }), ours);
    let theirs: ChildProcess | undefined;
    if (options.compare) {
      theirs = startServer('bench/api/neo4j-graphql-server.ts', theirPort, env);
      children.push(theirs);
      await waitForHttp(theirUrl, JSON.stringify({ query: '{ __typename }' }), theirs);
    }

    const results: Measurement[] = [];
    const scales = options.scales.split(',').map((x) => Number(x.trim()));
    const inputsByScale: Record<number, unknown> = {};
    const graphs: Record<number, unknown> = {};
    for (const scale of scales) {
      if (scale > 1) {
        console.log(`Growing the graph to ${scale}x the corpus…`);
        const grower = createDriver(uri!, user, password);
        try {
          await growToScale(grower, config.database, scale, (done, total) => process.stdout.write(`\r  copy ${done}/${total}`));
          // what the importer does after an import (graph/theme-programmes.ts)
          const lists = await refreshThemeProgrammes(grower, config.database);
          process.stdout.write(`\n  themes with a stored programme list: ${lists.listed} of ${lists.themes}`);
          graphs[scale] = await stats({ driver: grower, database: config.database, timeoutMs: 60_000 });
          console.log(`\nGraph at ${scale}x:`, graphs[scale]);
        } finally {
          await grower.close();
        }
      }
      const inputs = await pickInputs((q, v) => gqlAt(ourUrl, q, v));
      inputsByScale[scale] = inputs;
      console.log(`Inputs (${scale}x):`, inputs);
      const wanted = options.only?.split(',').map((x) => x.trim()).filter(Boolean);
      const list = scenarios(inputs).filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));
      const counter = createDriver(uri!, user, password);
      const trips: Record<string, { ours: number; theirs: number }> = {};
      try {
        for (const s of list) {
          await gqlAt(ourUrl, s.ours.query, s.ours.variables);
          if (theirs && s.theirs) await gqlAt(theirUrl, s.theirs.query, s.theirs.variables);
          trips[s.name] = {
            ours: await roundTripsPerRequest(counter, config.database, () => gqlAt(ourUrl, s.ours.query, s.ours.variables)),
            theirs: theirs && s.theirs ? await roundTripsPerRequest(counter, config.database, () => gqlAt(theirUrl, s.theirs!.query, s.theirs!.variables)) : NaN,
          };
        }
      } finally {
        await counter.close();
      }
      // A cold JVM, plan cache and page cache (a fresh Neo4j, or a graph just grown) would make the
      // first measured query look several times slower than it is minutes later.
      const warmupPass = Number(options.warmupPass);
      if (warmupPass > 0) {
        const served: [string, string][] = [['ours', ourUrl], ...(theirs ? ([['@neo4j/graphql', theirUrl]] as [string, string][]) : [])];
        const sent: string[] = [];
        for (const [name, url] of served) {
          let requests = 0;
          for (const s of list) {
            const q = name === 'ours' ? s.ours : s.theirs;
            if (q) requests += (await load(url, q, WARMUP_CONNECTIONS, warmupPass)).times.length;
          }
          sent.push(`${name} ${requests} requests`);
        }
        console.log(`Warmed up at ${scale}x before measuring: each query ${warmupPass} s at ${WARMUP_CONNECTIONS} connections (${sent.join(', ')})`);
      }
      for (const connections of connectionCounts) {
        for (const s of list) {
          const m = await measure('ours', ourUrl, s, connections, { duration, warmup, scale, roundTrips: trips[s.name].ours, serverPid: ours.pid, neo4jPid });
          results.push(m);
          console.log(`${scale}x ours            ${s.name.padEnd(22)} c=${connections}: ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms, p99 ${fmt(m.p99)} ms, errors ${m.errors}, cpu/req ${fmtCpu(m)}, load ${fmt(m.loadAverage)}`);
          if (theirs && s.theirs) {
            const t = await measure('@neo4j/graphql', theirUrl, s, connections, { duration, warmup, scale, roundTrips: trips[s.name].theirs, serverPid: theirs.pid, neo4jPid });
            results.push(t);
            console.log(`${scale}x @neo4j/graphql  ${s.name.padEnd(22)} c=${connections}: ${fmt(t.rps, 0)} req/s, p50 ${fmt(t.p50)} ms, p95 ${fmt(t.p95)} ms, p99 ${fmt(t.p99)} ms, errors ${t.errors}, cpu/req ${fmtCpu(t)}, load ${fmt(t.loadAverage)}`);
          }
        }
      }
      printTable(results.filter((r) => r.scale === scale), list, connectionCounts, scale);
    }
    const inputs = inputsByScale;
    console.log(`Load average of the machine during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const outDir = join(projectRoot, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), cache: options.cache, loadAverage: (await import('node:os')).loadavg(), durationSeconds: duration, warmupSeconds: warmup, warmupPassSeconds: Number(options.warmupPass), inputs, graphs, machine: { cpus: (await import('node:os')).cpus().length }, results }, null, 2),
    );
    console.log(`\nResults written to ${file}`);
    const single = results.filter((r) => r.server === 'ours' && r.connections === 1);
    if (single.length === 0) console.log('Target p95 <= 10 ms at 1 connection: not measured (no 1-connection run)');
    else console.log(`Target p95 <= 10 ms at 1 connection: ${single.every((r) => r.p95 <= 10) ? 'met' : `NOT met (${single.filter((r) => r.p95 > 10).map((r) => `${r.scale}x ${r.scenario} ${fmt(r.p95)} ms`).join(', ')})`}`);
    const behind = results
      .filter((r) => r.server === 'ours' && r.connections === 16)
      .map((o) => ({ o, t: results.find((t) => t.server !== 'ours' && t.scale === o.scale && t.scenario === o.scenario && t.connections === 16) }))
      .filter(({ o, t }) => t && o.rps < t.rps);
    const at16 = results.some((r) => r.server !== 'ours' && r.connections === 16);
    if (options.compare && !at16) console.log('Target req/s >= @neo4j/graphql at 16 connections: not measured (no 16-connection run)');
    else if (options.compare) console.log(`Target req/s >= @neo4j/graphql at 16 connections: ${behind.length === 0 ? 'met' : `NOT met (${behind.map(({ o, t }) => `${o.scale}x ${o.scenario} ${fmt(o.rps / t!.rps, 2)}x`).join(', ')})`}`);
  } finally {
    await cleanup();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function printTable(results: Measurement[], list: Scenario[], connectionCounts: number[], scale: number): void {
  const header = ['query', 'conns', 'trips', 'ours req/s', 'p50', 'p95', 'p99', 'err', 'cpu ms', 'neo4j/graphql req/s', 'p50', 'p95', 'p99', 'err', 'cpu ms', 'req/s ratio', 'p95 ratio'];
  const rows: string[][] = [];
  for (const c of connectionCounts) {
    for (const s of list) {
      const o = results.find((r) => r.server === 'ours' && r.scenario === s.name && r.connections === c)!;
      const t = results.find((r) => r.server === '@neo4j/graphql' && r.scenario === s.name && r.connections === c);
      rows.push([
        s.name, String(c), `${fmt(o.roundTrips, 1)}/${t ? fmt(t.roundTrips, 1) : '-'}`, fmt(o.rps, 0), fmt(o.p50), fmt(o.p95), fmt(o.p99), String(o.errors), fmtCpu(o),
        t ? fmt(t.rps, 0) : '-', t ? fmt(t.p50) : '-', t ? fmt(t.p95) : '-', t ? fmt(t.p99) : '-', t ? String(t.errors) : '-', t ? fmtCpu(t) : '-',
        t ? `${fmt(o.rps / t.rps, 2)}x` : '-', t ? `${fmt(t.p95 / o.p95, 2)}x` : '-',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nGraph ${scale}x the corpus; load average (1 min) ${results.map((r) => fmt(r.loadAverage)).join(' ')}`);
  console.log(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log('(latencies in ms; trips = queries sent to Neo4j per request, ours/@neo4j/graphql; cpu ms = CPU time per request of the GraphQL server + Neo4j; req/s ratio = ours / @neo4j/graphql; p95 ratio = @neo4j/graphql p95 / ours)');
}

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
