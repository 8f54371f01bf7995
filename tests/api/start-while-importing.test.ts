/**
 * `npm start` serves while its import runs: with a corpus folder that takes long to import, the
 * server answers /health (with the import's progress) and a GraphQL query before the import is
 * done. Runs the real main job (tsx server/main.ts) against the test run's Neo4j.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument } from '../../graph/write.ts';
import { documentId } from '../../import/ids.ts';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const neo4j = testNeo4j();
const folder = mkdtempSync(join(tmpdir(), 'kg-start-import-'));
let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function poll<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  for (const f of readdirSync(folder)) await deleteDocument(driver, neo4j.database, documentId(f));
  rmSync(folder, { recursive: true, force: true });
  await closeTestDriver();
}, 120_000);

describe('npm start during a long import', () => {
  it('answers /health with the import progress and a query while the import runs', async () => {
    writeSyntheticCorpus(join(projectRoot, 'corpus'), 20, folder);
    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: projectRoot,
      detached: true,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database, CORPUS_DIR: folder, PORT: String(port), HOST: '127.0.0.1', QUERY_TIMEOUT_MS: '60000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const base = `http://127.0.0.1:${port}`;

    const running = await poll(async () => {
      const health = (await (await fetch(`${base}/health`)).json()) as { status: string; import?: { state: string; done: number; files: number } };
      return health.import?.state === 'running' && health.import.files > 0 ? health : undefined;
    }, 90_000);
    expect(running.status).toBe('ok');

    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { documents people } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { stats: { documents: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.stats.documents).toBeGreaterThanOrEqual(5);

    const later = (await (await fetch(`${base}/health`)).json()) as { import: { state: string; done: number; files: number } };
    expect(later.import.state).toBe('running');
    expect(later.import.done).toBeLessThan(later.import.files);
    expect(output).toMatch(/Ready in/);
  }, 180_000);
});
