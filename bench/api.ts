/**
 * `npm run bench:api` — loads the GraphQL API from this (second) process over loopback with
 * autocannon: five user questions at 16 and 64 connections, req/s, p50/p95/p99 and errors
 * (non-2xx, timeouts, and any response carrying GraphQL `errors`). Side by side, the same
 * questions asked of @neo4j/graphql over the same Neo4j. Results: table + bench/results/*.json.
 *
 * Neo4j: NEO4J_URI (+ NEO4J_PASSWORD) if set, else an embedded one in a temporary folder.
 * The corpus is imported when the database does not hold it yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import autocannon from 'autocannon';

import { loadConfig, projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/embedded.ts';
import { ensureSchema } from '../graph/schema.ts';
import { stats } from '../graph/queries/stats.ts';
import { importPaths } from '../import/run-import.ts';
import { pickInputs, scenarios, type Scenario } from './api/scenarios.ts';

interface Options {
  duration: string;
  warmup: string;
  connections: string;
  ourPort: string;
  theirPort: string;
  compare: boolean;
  cache: boolean;
}

interface Measurement {
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
}

const program = new Command()
  .name('npm run bench:api --')
  .description('Load the GraphQL API (and @neo4j/graphql for comparison) with five user queries')
  .option('--duration <s>', 'seconds per run', process.env.BENCH_DURATION ?? '10')
  .option('--warmup <s>', 'warm-up seconds before each run', process.env.BENCH_WARMUP ?? '2')
  .option('--connections <list>', 'comma-separated connection counts', '16,64')
  .option('--our-port <n>', 'port of our server', '4101')
  .option('--their-port <n>', 'port of the @neo4j/graphql server', '4102')
  .option('--no-compare', 'skip the @neo4j/graphql comparison')
  .option('--no-cache', "run our server without its read/response cache (API_CACHE=0)")
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

function startServer(script: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, script)], {
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
  opts: { duration: number; warmup: number },
): Promise<Measurement> {
  const q = server === 'ours' ? scenario.ours : scenario.theirs;
  if (!q) throw new Error(`${scenario.name} has no query for ${server}`);
  if (opts.warmup > 0) await load(url, q, connections, opts.warmup);
  const { result, times, graphqlErrors } = await load(url, q, connections, opts.duration);
  const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  return {
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
  };
}

async function gqlAt(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

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

    const inputs = await pickInputs((q, v) => gqlAt(ourUrl, q, v));
    console.log('Inputs:', inputs);
    const list = scenarios(inputs);
    for (const s of list) {
      await gqlAt(ourUrl, s.ours.query, s.ours.variables);
      if (theirs && s.theirs) await gqlAt(theirUrl, s.theirs.query, s.theirs.variables);
    }

    const results: Measurement[] = [];
    for (const connections of connectionCounts) {
      for (const s of list) {
        const m = await measure('ours', ourUrl, s, connections, { duration, warmup });
        results.push(m);
        console.log(`ours            ${s.name.padEnd(22)} c=${connections}: ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms, p99 ${fmt(m.p99)} ms, errors ${m.errors}`);
        if (theirs && s.theirs) {
          const t = await measure('@neo4j/graphql', theirUrl, s, connections, { duration, warmup });
          results.push(t);
          console.log(`@neo4j/graphql  ${s.name.padEnd(22)} c=${connections}: ${fmt(t.rps, 0)} req/s, p50 ${fmt(t.p50)} ms, p95 ${fmt(t.p95)} ms, p99 ${fmt(t.p99)} ms, errors ${t.errors}`);
        }
      }
    }

    printTable(results, list, connectionCounts);
    console.log(`Load average of the machine during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const outDir = join(projectRoot, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), cache: options.cache, loadAverage: (await import('node:os')).loadavg(), durationSeconds: duration, warmupSeconds: warmup, inputs, machine: { cpus: (await import('node:os')).cpus().length }, results }, null, 2),
    );
    console.log(`\nResults written to ${file}`);
    const target = results.filter((r) => r.server === 'ours' && r.connections === 16);
    const ok = target.every((r) => r.p95 < 20 && r.errors === 0);
    console.log(`Target (ours, 16 connections: p95 < 20 ms, 0 errors): ${ok ? 'met' : 'NOT met'}`);
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

function printTable(results: Measurement[], list: Scenario[], connectionCounts: number[]): void {
  const header = ['query', 'conns', 'ours req/s', 'p50', 'p95', 'p99', 'err', 'neo4j/graphql req/s', 'p50', 'p95', 'p99', 'err', 'req/s ratio', 'p95 ratio'];
  const rows: string[][] = [];
  for (const c of connectionCounts) {
    for (const s of list) {
      const o = results.find((r) => r.server === 'ours' && r.scenario === s.name && r.connections === c)!;
      const t = results.find((r) => r.server === '@neo4j/graphql' && r.scenario === s.name && r.connections === c);
      rows.push([
        s.name, String(c), fmt(o.rps, 0), fmt(o.p50), fmt(o.p95), fmt(o.p99), String(o.errors),
        t ? fmt(t.rps, 0) : '-', t ? fmt(t.p50) : '-', t ? fmt(t.p95) : '-', t ? fmt(t.p99) : '-', t ? String(t.errors) : '-',
        t ? `${fmt(o.rps / t.rps, 2)}x` : '-', t ? `${fmt(t.p95 / o.p95, 2)}x` : '-',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log('(latencies in ms; req/s ratio = ours / @neo4j/graphql; p95 ratio = @neo4j/graphql p95 / ours)');
}

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
