/**
 * `NEO4J_BOLT_PORT=7620 npx tsx bench/neo-queries.ts` — the latency of every query and commit of warmed 1x imports
 * (SCALE=N for another corpus), as the driver sees it: the import's queries are timed by wrapping the driver's
 * Transaction and Session run/commit. Warm-up as bench:import's (two imports, then WARM rounds through one pool),
 * then ROUNDS (default 5) of a wipe, a cold and a forced import. Per pass and query (its first 90 characters): count,
 * mean wall ms from run to the last record, and Neo4j's own ms (available + consumed); per transaction kind, commit ms.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../graph/config.ts';
import { createDriver } from '../graph/driver.ts';
import { startEmbeddedNeo4j } from '../graph/embedded.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { importPaths } from '../import/run-import.ts';
import { warmForImports } from './warm-import.ts';

const require = createRequire(import.meta.url);
const { default: Transaction } = require('neo4j-driver-core/lib/transaction.js');
const { default: Session } = require('neo4j-driver-core/lib/session.js');
let pass = '';
const timings = new Map<string, { n: number; wall: number; server: number }>();
const add = (key: string, wall: number, server: number) => {
  if (!pass) return;
  const t = timings.get(`${pass}\t${key}`) ?? { n: 0, wall: 0, server: 0 };
  t.n++; t.wall += wall; t.server += server;
  timings.set(`${pass}\t${key}`, t);
};
const label = (q: string) => q.replace(/CYPHER replan=skip /, '').replace(/\s+/g, ' ').trim().slice(0, 90);
const num = (x: unknown) => (x && typeof x === 'object' && 'toNumber' in x ? (x as { toNumber(): number }).toNumber() : Number(x ?? 0));
function timeResult(key: string, result: { then: Function; summary?: unknown }) {
  const t0 = performance.now();
  (result as unknown as Promise<{ summary: { resultAvailableAfter: unknown; resultConsumedAfter: unknown } }>).then(
    (r) => add(key, performance.now() - t0, num(r.summary.resultAvailableAfter) + num(r.summary.resultConsumedAfter)), () => {});
  return result;
}
for (const Cls of [Transaction, Session]) {
  const run = Cls.prototype.run;
  Cls.prototype.run = function (this: { _firstQuery?: string }, query: string, ...rest: unknown[]) {
    const key = label(typeof query === 'string' ? query : (query as { text: string }).text);
    this._firstQuery ??= key;
    return timeResult((Cls === Session ? 'auto: ' : '') + key, run.call(this, query, ...rest));
  };
}
const commit = Transaction.prototype.commit;
Transaction.prototype.commit = function (this: { _firstQuery?: string }) {
  const t0 = performance.now();
  const p = commit.call(this) as Promise<void>;
  const key = `COMMIT of tx starting ${this._firstQuery ?? '?'}`;
  p.then(() => add(key, performance.now() - t0, 0), () => {});
  return p;
};

const rounds = Number(process.env.ROUNDS ?? 5);
const warm = Number(process.env.WARM ?? 3);
const scale = Number(process.env.SCALE ?? 1);
const work = mkdtempSync(join(tmpdir(), 'kg-bench-queries-'));
const server = await startEmbeddedNeo4j({ dataDir: join(work, 'neo4j'), boltPort: Number(process.env.NEO4J_BOLT_PORT ?? 7620), log: () => {} });
const driver = createDriver(server.uri, server.user, server.password);
const database = server.database;
const corpus = join(projectRoot, 'corpus');
const passWall: Record<string, number> = {};
try {
  const { pool, dir } = await warmForImports(driver, database, { corpus, work, scale, rounds: warm });
  for (let r = 0; r < rounds; r++) {
    await wipeGraph(driver, database);
    for (const [name, force] of [['cold', false], ['forced', true]] as const) {
      pass = name;
      const t0 = performance.now();
      await importPaths([dir], { driver, database, pool, force });
      passWall[name] = (passWall[name] ?? 0) + performance.now() - t0;
      pass = '';
    }
  }
  for (const p of ['cold', 'forced']) {
    console.log(`== ${p}: wall ms per pass ${(passWall[p] / rounds).toFixed(0)}`);
    const rows = [...timings].filter(([k]) => k.startsWith(`${p}\t`)).sort((a, b) => b[1].wall - a[1].wall);
    let total = 0;
    for (const [k, t] of rows) {
      total += t.wall;
      console.log(`${(t.wall / rounds).toFixed(1).padStart(7)} ms/pass  n/pass ${(t.n / rounds).toFixed(1).padStart(5)}  server ${(t.server / rounds).toFixed(1).padStart(7)}  ${k.split('\t')[1]}`);
    }
    console.log(`  sum of query and commit wall ms per pass ${(total / rounds).toFixed(0)}`);
  }
  console.log(`load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  await pool.close();
} finally {
  await driver.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
