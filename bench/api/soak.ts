/**
 * `npm run bench:soak` — sustained load on the API with its cache off: 64 clients for 10 minutes
 * (`--minutes`, `--connections`), after 30 s of unrecorded warm-up at 8 clients (`--warmup`), each
 * request one of the five user questions about a random entity of the graph (random person,
 * theme, programme; a random word of a random name for the search).
 *
 * Every minute: requests; errors by type; p50/p95/p99/max per question; the server's memory
 * (RSS, its anonymous and file-backed parts, heapUsed), event-loop delay and GC pauses (asked of
 * the server over an IPC channel, bench/api/process-metrics.ts); Neo4j's JVM pauses and heap
 * (its gc.log) and notable debug.log lines; the bench's own event-loop delay; any step of the
 * wall clock; the load average. At the end: errors, and whether memory after minute two stayed
 * within ±10 % of its level then (see MEMORY_FIGURE). Times and deadlines are monotonic.
 *
 * Neo4j: NEO4J_URI (+ NEO4J_PASSWORD) if set; else the embedded one in NEO4J_DATA_DIR on
 * NEO4J_BOLT_PORT when NEO4J_DATA_DIR is set (kept afterwards, with its logs); else one in a
 * temporary folder whose logs are copied next to the results. The bundled corpus is imported
 * when the graph is empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';

import { loadConfig, projectRoot } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { findFreePort, gcLogFile, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/embedded.ts';
import { neo4jDebugLog } from '../../graph/embedded/state.ts';
import { ensureSchema } from '../../graph/schema.ts';
import { stats } from '../../graph/queries/stats.ts';
import { importPaths } from '../../import/run-import.ts';
import { prng } from '../prng.ts';
import { Neo4jLogs, type JvmWindow } from './neo4j-logs.ts';
import { ProcessMetrics, residentMb, type WindowStats } from './process-metrics.ts';

/** Clients of the warm-up before the soak: enough to keep Neo4j's cores busy while it compiles. */
const WARMUP_CLIENTS = 8;

interface Options {
  minutes: string;
  warmup: string;
  connections: string;
  port: string;
}

type Question = { name: string; query: string; variables: () => Record<string, unknown> };

const REF = 'id name';

function questions(ids: { people: string[]; themes: string[]; programmes: string[]; words: string[] }, rand: () => number): Question[] {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  return [
    { name: 'search', query: `query($q: String!) { search(query: $q, first: 10) { id type name } }`, variables: () => ({ q: pick(ids.words) }) },
    {
      name: 'entity with links',
      query: `query($id: ID!) { entity(id: $id) { id type name aliases mentionCount mentions(first: 5) { snippet section document { title } }
        ... on Person { roles organisations { ${REF} } municipalities { ${REF} } themes(first: 10) { weight theme { ${REF} } } } } }`,
      variables: () => ({ id: pick(ids.people) }),
    },
    {
      name: 'theme -> people',
      query: `query($id: ID!) { entity(id: $id) { id name ... on Theme { people(first: 10) { weight person { ${REF} } evidence(first: 3) { snippet section document { title } } } } } }`,
      variables: () => ({ id: pick(ids.themes) }),
    },
    {
      name: 'relatedProgrammes',
      query: `query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score programme { ${REF} municipalities { ${REF} } } sharedThemes { ${REF} } sharedOrganisations { ${REF} } } }`,
      variables: () => ({ id: pick(ids.programmes) }),
    },
    {
      name: 'neighbourhood depth 2',
      query: `query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 150) { nodes { id type label weight } edges { id source target type weight } } }`,
      variables: () => ({ id: pick(ids.people) }),
    },
  ];
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * The memory the ±10 % target is judged on: the server's anonymous resident memory (heap,
 * buffers, malloc: what the process itself holds), the median of a minute's 1 s readings. The
 * whole RSS adds the file-backed pages of node's own code (a steady ~48 MB, which the kernel may
 * drop and read back as it likes), so the anonymous part is the stricter figure; both are
 * reported. What the server keeps alive is the heap after a full collection, reported beside them:
 * the rest of the heap is garbage between collections, whose room V8 sizes by allocation rate.
 */
const MEMORY_FIGURE = 'rssAnon' as const;

/** One kind of failure: the API's error code and sentence, an HTTP status, or a network error. */
function errorType(status: number, text: string): string | null {
  if (status === 200 && !text.includes('"errors"')) return null;
  try {
    const body = JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    const first = body.errors?.[0];
    if (first) return `${status === 200 ? '' : `HTTP ${status} `}${first.extensions?.code ?? 'NO_CODE'}: ${first.message ?? ''}`.slice(0, 160);
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${status}: ${text.slice(0, 100)}`;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (code ${child.exitCode})`);
    try {
      await gql(url, '{ stats { documents } }');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not come up`);
}

/** Asks the server (over its IPC channel) for its figures since the last ask; null if it does not answer within 10 s. */
function serverWindow(server: ChildProcess, id: number): Promise<WindowStats | null> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; id?: number; stats?: WindowStats }) => {
      if (message?.type !== 'metrics' || message.id !== id) return;
      done(message.stats ?? null);
    };
    const timer = setTimeout(() => done(null), 10_000);
    const done = (stats: WindowStats | null) => {
      clearTimeout(timer);
      server.off('message', onMessage);
      resolve(stats);
    };
    server.on('message', onMessage);
    server.send({ type: 'metrics', id });
  });
}

const f0 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(0));
const f1 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(1));

interface MinuteRow {
  minute: number;
  requests: number;
  errors: number;
  errorsByType: Record<string, number>;
  loadAverage: number[];
  questions: Record<string, { requests: number; p50: number; p95: number; p99: number; max: number }>;
  server: WindowStats | null;
  bench: WindowStats;
  neo4j?: { rssMb: number; jvm: JvmWindow; debugLog: { notable: number; lines: string[] } };
}

function drift(values: number[]): number {
  const atTwo = values[1];
  const later = values.slice(2).filter(Number.isFinite);
  return later.length > 0 && atTwo ? Math.max(...later.map((m) => Math.abs(m - atTwo) / atTwo)) : NaN;
}

async function run(options: Options): Promise<void> {
  const minutes = Number(options.minutes);
  const connections = Number(options.connections);
  if (!(minutes > 0) || !(connections > 0)) throw new Error('--minutes and --connections must be positive numbers.');
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = join(projectRoot, 'bench', 'results');
  let embedded: EmbeddedNeo4j | undefined;
  let tempDir: string | undefined;
  let server: ChildProcess | undefined;
  let { uri, user } = config;
  let password = config.password ?? '';
  const cleanup = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await embedded?.stop();
    if (tempDir) {
      // the store goes, its logs stay for whoever looks into a stall
      const logs = join(outDir, `soak-${stamp}-neo4j-logs`);
      mkdirSync(outDir, { recursive: true });
      cpSync(join(tempDir, 'logs'), logs, { recursive: true });
      console.log(`Neo4j's logs (debug.log, gc.log) copied to ${logs}`);
      rmSync(tempDir, { recursive: true, force: true });
    }
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    if (!uri) {
      if (process.env.NEO4J_DATA_DIR) {
        embedded = await startEmbeddedNeo4j({ log: (l) => console.log(l) });
      } else {
        tempDir = mkdtempSync(join(tmpdir(), 'bench-soak-'));
        embedded = await startEmbeddedNeo4j({ dataDir: tempDir, boltPort: await findFreePort(), user: 'neo4j', log: (l) => console.log(l) });
      }
      ({ uri, user, password } = embedded);
      console.log(`Neo4j: embedded, data in ${embedded.dataDir} (logs in its logs/ folder)${embedded.reused ? ', already running' : ''}`);
    }
    const driver = createDriver(uri!, user, password);
    try {
      await ensureSchema(driver, config.database);
      if ((await stats({ driver, database: config.database, timeoutMs: 60_000 })).documents < 5) {
        console.log('Importing the bundled corpus…');
        await importPaths([join(projectRoot, 'corpus')], { driver, database: config.database });
      }
    } finally {
      await driver.close();
    }

    const port = Number(options.port);
    const url = `http://127.0.0.1:${port}/graphql`;
    // One process (node with the tsx loader), so that its pid is the server's for the memory
    // readings; the IPC channel carries its figures (bench/api/process-metrics.ts).
    server = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench/api/api-server.ts')], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: config.database, PORT: String(port), HOST: '127.0.0.1', API_CACHE: '0', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await waitFor(url, server);

    const lists = await gql(url, '{ people(first: 500) { id name } themes(first: 500) { id } programmes(first: 500) { id name } }');
    const words = [...lists.people, ...lists.programmes]
      .flatMap((e: { name: string }) => e.name.split(/\s+/))
      .filter((w: string) => w.length >= 3);
    const ids = {
      people: lists.people.map((e: { id: string }) => e.id),
      themes: lists.themes.map((e: { id: string }) => e.id),
      programmes: lists.programmes.map((e: { id: string }) => e.id),
      words,
    };
    const rand = prng(7);
    const list = questions(ids, rand);
    // A cold JVM under 64 clients at once answers its first neighbourhoods in seconds (one ran
    // into the 5 s query timeout in minute 1): warm up with a few clients first, unrecorded.
    const warmupSeconds = Number(options.warmup);
    if (warmupSeconds > 0) {
      const warmEnd = performance.now() + warmupSeconds * 1000;
      let warmed = 0;
      const warmClient = async () => {
        while (performance.now() < warmEnd) {
          const q = list[Math.floor(rand() * list.length)];
          await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables() }) })
            .then((res) => res.text())
            .catch(() => '');
          warmed++;
        }
      };
      await Promise.all(Array.from({ length: WARMUP_CLIENTS }, warmClient));
      console.log(`Warmed up before measuring: ${warmed} requests in ${warmupSeconds} s at ${WARMUP_CLIENTS} clients (not counted)`);
    }
    console.log(`Soak: ${connections} clients for ${minutes} min, cache off, ${ids.people.length} people, ${ids.themes.length} themes, ${ids.programmes.length} programmes to draw from`);

    // the windows start now: warm-up and import are not in the first minute's figures
    const benchMetrics = new ProcessMetrics();
    let asked = 0;
    await serverWindow(server, ++asked);
    const neo4jLogs = embedded ? new Neo4jLogs(gcLogFile(embedded.dataDir), neo4jDebugLog(embedded.dataDir)) : undefined;

    const started = performance.now();
    const end = started + minutes * 60_000;
    let bucket = new Map<string, number[]>();
    let errors = new Map<string, number>();
    const report: MinuteRow[] = [];

    const client = async () => {
      while (performance.now() < end) {
        const q = list[Math.floor(rand() * list.length)];
        const t = performance.now();
        let failure: string | null;
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables() }) });
          failure = errorType(res.status, await res.text());
        } catch (error) {
          failure = `network: ${(error as Error).message}`;
        }
        const ms = performance.now() - t;
        if (failure) errors.set(`${q.name} — ${failure}`, (errors.get(`${q.name} — ${failure}`) ?? 0) + 1);
        let times = bucket.get(q.name);
        if (!times) bucket.set(q.name, (times = []));
        times.push(ms);
      }
    };

    console.log(`min  requests  errors  server RSS/anon MB  load  ${list.map((q) => `${q.name} p50/p95/p99/max`).join('  |  ')}`);
    const flush = async () => {
      const minute = Math.round((performance.now() - started) / 60_000);
      const times = bucket;
      const errorsByType = Object.fromEntries(errors);
      bucket = new Map();
      errors = new Map();
      const serverStats = await serverWindow(server!, ++asked);
      const bench = benchMetrics.window();
      const row: MinuteRow = {
        minute, requests: 0, errors: 0, errorsByType, loadAverage: loadavg(), questions: {}, server: serverStats, bench,
        ...(embedded && neo4jLogs ? { neo4j: { rssMb: residentMb(embedded.pid).rss, ...neo4jLogs.window() } } : {}),
      };
      row.errors = Object.values(errorsByType).reduce((a, n) => a + n, 0);
      const cells = list.map((q) => {
        const sorted = (times.get(q.name) ?? []).sort((a, b) => a - b);
        row.requests += sorted.length;
        const p = { requests: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
        row.questions[q.name] = p;
        return `${f0(p.p50)}/${f0(p.p95)}/${f0(p.p99)}/${f0(p.max)} ms`;
      });
      report.push(row);
      const s = serverStats;
      console.log(`${String(minute).padStart(3)}  ${String(row.requests).padStart(8)}  ${String(row.errors).padStart(6)}  ${`${f0(s?.median.rss)}/${f0(s?.median.rssAnon)}`.padStart(18)}  ${row.loadAverage[0].toFixed(1).padStart(4)}  ${cells.join('  |  ')}`);
      if (s) {
        console.log(
          `     server: RSS ${f0(s.median.rss)} (max ${f0(s.max.rss)}; anon ${f0(s.median.rssAnon)}, file ${f0(s.median.rssFile)}) MB, heapUsed ${f0(s.median.heapUsed)} (min ${f0(s.heapUsedMin)}, after full GC ${f0(s.heapAfterMajorGc)}) of ${f0(s.median.heapTotal)} MB, external ${f0(s.median.external)} MB` +
            ` (heap spaces: new ${f0(s.heapSpacesMb.new_space)}, old ${f0(s.heapSpacesMb.old_space)}, large ${f0(s.heapSpacesMb.large_object_space)}, code ${f0(s.heapSpacesMb.code_space)} MB);` +
            ` event-loop delay p99 ${f1(s.eventLoopDelayMs.p99)} max ${f1(s.eventLoopDelayMs.max)} ms; GC ${s.gc.count} pauses, ${f0(s.gc.totalMs)} ms, max ${f1(s.gc.maxMs)} ms (${s.gc.major} full, max ${f1(s.gc.majorMaxMs)} ms)`,
        );
      } else console.log('     server: did not answer for its figures within 10 s');
      if (row.neo4j) {
        const j = row.neo4j.jvm;
        console.log(
          `     neo4j: RSS ${f0(row.neo4j.rssMb)} MB, heap after GC ${f0(j.heapAfterMb)} of ${f0(j.heapSizeMb)} MB; GC ${j.pauses} pauses, ${f0(j.pauseTotalMs)} ms, max ${f1(j.pauseMaxMs)} ms${j.pauseMaxKind ? ` (${j.pauseMaxKind})` : ''}, ${j.fullGcs} full; longest safepoint ${f1(j.safepointMaxMs)} ms (reaching it ${f1(j.timeToSafepointMaxMs)} ms); debug.log: ${row.neo4j.debugLog.notable} notable lines`,
        );
        for (const l of row.neo4j.debugLog.lines) console.log(`       debug.log: ${l}`);
      }
      const steps = [s?.clockStepMs ?? 0, bench.clockStepMs].filter((m) => Math.abs(m) > 1000);
      console.log(`     bench: event-loop delay max ${f1(bench.eventLoopDelayMs.max)} ms${steps.length ? `; WALL CLOCK STEPPED ${f0(steps[0] / 1000)} s (not counted in any latency: all timing is monotonic)` : ''}`);
      for (const [type, n] of Object.entries(errorsByType)) console.log(`     error ×${n}: ${type}`);
    };
    let flushing: Promise<void> = Promise.resolve();
    const tick = setInterval(() => (flushing = flushing.then(flush)), 60_000);

    await Promise.all(Array.from({ length: connections }, client));
    clearInterval(tick);
    await flushing;
    if (bucket.size > 0 && performance.now() - started > 60_000 * report.length + 5000) await flush();
    benchMetrics.stop();

    const totalErrors = report.reduce((a, r) => a + r.errors, 0);
    const requests = report.reduce((a, r) => a + r.requests, 0);
    const memory = report.map((r) => r.server?.median[MEMORY_FIGURE] ?? NaN);
    const rss = report.map((r) => r.server?.median.rss ?? NaN);
    const held = report.map((r) => r.server?.heapAfterMajorGc ?? NaN);
    const memoryDrift = drift(memory);
    console.log(`\nErrors: ${totalErrors} of ${requests} requests (target 0: ${totalErrors === 0 ? 'met' : 'NOT met'})`);
    if (Number.isFinite(memoryDrift)) {
      console.log(
        `Memory (server's anonymous resident memory, median of each minute): ${f0(memory[1])} MB at minute 2, ${f0(memory[memory.length - 1])} MB at the end, at most ${(memoryDrift * 100).toFixed(1)} % from minute 2 in between (target ±10 %: ${memoryDrift <= 0.1 ? 'met' : 'NOT met'})`,
      );
      console.log(`  beside it: whole RSS ${f0(rss[1])} → ${f0(rss[rss.length - 1])} MB (at most ${(drift(rss) * 100).toFixed(1)} % off), heap after a full GC ${f0(held[1])} → ${f0(held[held.length - 1])} MB (at most ${(drift(held) * 100).toFixed(1)} % off)`);
    } else console.log('Memory drift: run at least 3 minutes to compare with minute 2.');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `soak-${stamp}.json`);
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), minutes, connections, cache: false, totalErrors, memoryFigure: MEMORY_FIGURE, memoryDriftAfterMinute2: memoryDrift, rssDriftAfterMinute2: drift(rss), heapAfterFullGcDriftAfterMinute2: drift(held), perMinute: report }, null, 2),
    );
    console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`Results written to ${file}`);
  } finally {
    await cleanup();
  }
}

new Command()
  .name('npm run bench:soak --')
  .description('Sustained load on the API (cache off): errors, p50/p95/p99 per question and server memory each minute')
  .option('--minutes <n>', 'how long', '10')
  .option('--warmup <s>', 'seconds of unrecorded warm-up at a few clients before the soak (0: none)', '30')
  .option('--connections <n>', 'concurrent clients', '64')
  .option('--port <n>', 'port of the server under test', '4103')
  .action(run)
  .parseAsync()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
