/**
 * `npm run bench:soak` — sustained load on the API with its cache off: 64 clients for 10 minutes
 * (`--minutes`, `--connections`), after 30 s of unrecorded warm-up at 8 clients (`--warmup`), each request one of the five user questions about a random
 * entity of the graph (random person, theme, programme; a random word of a random name for the
 * search). Every minute: requests, errors, p50/p95/p99 per question and the server's resident
 * memory. At the end: whether memory after minute two stayed within ±10 % of its level then.
 * A minute's memory is the median of readings every 5 s: one reading lands anywhere in the
 * garbage collector's cycle (tens of MB apart on the same steady heap); a leak moves the median.
 *
 * Neo4j: NEO4J_URI (+ NEO4J_PASSWORD) if set, else an embedded one in a temporary folder with the
 * bundled corpus imported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';

import { loadConfig, projectRoot } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/embedded.ts';
import { ensureSchema } from '../../graph/schema.ts';
import { stats } from '../../graph/queries/stats.ts';
import { importPaths } from '../../import/run-import.ts';
import { prng } from '../prng.ts';

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

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
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

async function run(options: Options): Promise<void> {
  const minutes = Number(options.minutes);
  const connections = Number(options.connections);
  if (!(minutes > 0) || !(connections > 0)) throw new Error('--minutes and --connections must be positive numbers.');
  const config = loadConfig();
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
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    if (!uri) {
      tempDir = mkdtempSync(join(tmpdir(), 'bench-soak-'));
      embedded = await startEmbeddedNeo4j({ dataDir: tempDir, boltPort: await findFreePort(), user: 'neo4j', log: (l) => console.log(l) });
      ({ uri, user, password } = embedded);
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
    // One process (node with the tsx loader), so that its pid is the server's for the memory readings.
    server = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench/api/api-server.ts')], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: config.database, PORT: String(port), HOST: '127.0.0.1', API_CACHE: '0', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
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
      const warmEnd = Date.now() + warmupSeconds * 1000;
      let warmed = 0;
      const warmClient = async () => {
        while (Date.now() < warmEnd) {
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

    const started = Date.now();
    const end = started + minutes * 60_000;
    let bucket = new Map<string, number[]>();
    let errors = 0;
    let errorSamples: string[] = [];
    const report: unknown[] = [];
    const memory: number[] = [];
    let samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(server!.pid!)), 5000);

    const client = async () => {
      while (Date.now() < end) {
        const q = list[Math.floor(rand() * list.length)];
        const t = performance.now();
        let ok = false;
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables() }) });
          const text = await res.text();
          ok = res.status === 200 && !text.includes('"errors"');
          if (!ok && errorSamples.length < 3) errorSamples.push(`${q.name}: ${res.status} ${text.slice(0, 200)}`);
        } catch (error) {
          if (errorSamples.length < 3) errorSamples.push(`${q.name}: ${(error as Error).message}`);
        }
        const ms = performance.now() - t;
        if (!ok) errors++;
        let times = bucket.get(q.name);
        if (!times) bucket.set(q.name, (times = []));
        times.push(ms);
      }
    };

    const header = `min  requests  errors  server MB (median/max)  load  ${list.map((q) => `${q.name} p50/p95/p99`).join('  |  ')}`;
    console.log(header);
    const flush = () => {
      const minute = Math.round((Date.now() - started) / 60_000);
      samples.push(rssMb(server!.pid!));
      const sorted = [...samples].sort((a, b) => a - b);
      const rss = percentile(sorted, 0.5);
      const rssMax = sorted[sorted.length - 1];
      samples = [];
      memory.push(rss);
      const row: Record<string, unknown> = { minute, errors, rssMb: rss, rssMaxMb: rssMax, loadAverage: loadavg()[0], errorSamples, questions: {} as Record<string, unknown> };
      let requests = 0;
      const cells = list.map((q) => {
        const times = (bucket.get(q.name) ?? []).sort((a, b) => a - b);
        requests += times.length;
        const p = { requests: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
        (row.questions as Record<string, unknown>)[q.name] = p;
        return `${p.p50.toFixed(0)}/${p.p95.toFixed(0)}/${p.p99.toFixed(0)} ms`;
      });
      row.requests = requests;
      report.push(row);
      console.log(`${String(minute).padStart(3)}  ${String(requests).padStart(8)}  ${String(errors).padStart(6)}  ${`${rss.toFixed(0)}/${rssMax.toFixed(0)}`.padStart(24)}  ${loadavg()[0].toFixed(1).padStart(4)}  ${cells.join('  |  ')}`);
      for (const s of errorSamples) console.log(`     error: ${s}`);
      bucket = new Map();
      errors = 0;
      errorSamples = [];
    };
    const tick = setInterval(flush, 60_000);

    await Promise.all(Array.from({ length: connections }, client));
    clearInterval(tick);
    clearInterval(sampler);
    if (bucket.size > 0 && Date.now() - started > 60_000 * report.length + 5000) flush();

    const totalErrors = (report as { errors: number }[]).reduce((a, r) => a + r.errors, 0);
    const atTwo = memory[1];
    const later = memory.slice(2);
    const drift = later.length > 0 && atTwo ? Math.max(...later.map((m) => Math.abs(m - atTwo) / atTwo)) : NaN;
    const requests = (report as { requests: number }[]).reduce((a, r) => a + r.requests, 0);
    console.log(`\nErrors: ${totalErrors} of ${requests} requests (target 0: ${totalErrors === 0 ? 'met' : 'NOT met'})`);
    if (Number.isFinite(drift)) {
      console.log(`Memory (median of each minute): ${atTwo.toFixed(0)} MB at minute 2, ${memory[memory.length - 1].toFixed(0)} MB at the end, at most ${(drift * 100).toFixed(1)} % from minute 2 in between (target ±10 %: ${drift <= 0.1 ? 'met' : 'NOT met'})`);
    }
    else console.log('Memory drift: run at least 3 minutes to compare with minute 2.');
    const outDir = join(projectRoot, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), minutes, connections, cache: false, totalErrors, memoryDriftAfterMinute2: drift, perMinute: report }, null, 2));
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
