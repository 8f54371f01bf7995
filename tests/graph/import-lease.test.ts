/**
 * The import lease (graph/queries/import-lease.ts, import/import-lease.ts), against the real Neo4j:
 * of importers racing for one database exactly one runs and the others fail in one clear line having
 * written nothing; a lease whose time is up, or whose holder process died on this machine, is taken
 * over; an import releases its lease when it ends, also when it fails.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument } from '../../graph/write.ts';
import { currentImportLease, releaseImportLease, takeImportLease } from '../../graph/queries/import-lease.ts';
import { ImportLeaseHeld, ImportLeaseLost } from '../../import/import-lease.ts';
import { importPaths } from '../../import/run-import.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const database = testNeo4j().database;
const corpusText = (file: string) => readFileSync(join(projectRoot, 'corpus', file), 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(closeTestDriver);

/** A folder `<root>/<name>` of `count` small files cut from the corpus at `offset`; returns the folder and its document ids. */
function folder(root: string, name: string, offset: number, count = 2): { dir: string; ids: string[] } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const text = corpusText('002_d9fb3ed10ee06fe1.txt');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = offset + i * 9_000;
    writeFileSync(join(dir, `deel-${i}.txt`), text.slice(start, start + 8_000));
    ids.push(`deel-${i}`);
  }
  return { dir, ids };
}

async function documentIds(ids: string[]): Promise<string[]> {
  const res = await driver.executeQuery('MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id ORDER BY id', { ids }, { database });
  return res.records.map((r) => r.get('id') as string);
}

const someoneElse = (holder: string) => ({ holder, host: 'another-machine', pid: 4242 });

describe('the import lease', () => {
  it('of concurrent takers exactly one gets it', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => takeImportLease(driver, database, someoneElse(`racer-${i}`), 60_000)));
    try {
      const winners = results.filter((r) => r.taken);
      expect(winners).toHaveLength(1);
      // every loser was told who holds it
      for (const r of results) expect(r.lease.holder).toBe(winners[0].lease.holder);
      expect((await currentImportLease(driver, database))?.holder).toBe(winners[0].lease.holder);
    } finally {
      for (let i = 0; i < 8; i++) await releaseImportLease(driver, database, `racer-${i}`);
    }
    expect(await currentImportLease(driver, database)).toBeNull();
  });

  it('two imports racing: one imports, the other fails in one line and writes nothing', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(join(root, 'a'), 'kglease-a', 0);
    const b = folder(join(root, 'b'), 'kglease-b', 30_000);
    const idsA = a.ids.map((id) => `kglease-a/${id}`);
    const idsB = b.ids.map((id) => `kglease-b/${id}`);
    try {
      const outcomes = await Promise.allSettled([importPaths([join(root, 'a')], { driver, database, threads: 1 }), importPaths([join(root, 'b')], { driver, database, threads: 1 })]);
      const won = outcomes.findIndex((o) => o.status === 'fulfilled');
      expect(won).toBeGreaterThanOrEqual(0);
      const lost = outcomes[1 - won];
      expect(lost.status).toBe('rejected');
      const error = (lost as PromiseRejectedResult).reason as Error;
      expect(error).toBeInstanceOf(ImportLeaseHeld);
      expect(error.message).toMatch(/^another import is running since \d{4}-\d\d-\d\dT[\d:.]+Z, holder [^ ]+:\d+:[0-9a-f]+ /);
      expect(error.message).not.toContain('\n');
      expect(await documentIds(won === 0 ? idsA : idsB)).toHaveLength(2);
      expect(await documentIds(won === 0 ? idsB : idsA)).toEqual([]);
      expect(await currentImportLease(driver, database)).toBeNull();
    } finally {
      for (const id of [...idsA, ...idsB]) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a lease past its expiry is taken over; one still running is not', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(root, 'kglease-exp', 60_000, 1);
    const ids = a.ids.map((id) => `kglease-exp/${id}`);
    try {
      expect((await takeImportLease(driver, database, someoneElse('stalled'), 1500)).taken).toBe(true);
      await expect(importPaths([root], { driver, database, threads: 1 })).rejects.toThrow(/another import is running since .*, holder stalled \(process 4242 on another-machine/);
      expect(await documentIds(ids)).toEqual([]);
      const held = await currentImportLease(driver, database);
      await sleep(Math.max(0, held!.expires - held!.now) + 300);
      const summary = await importPaths([root], { driver, database, threads: 1 });
      expect(summary.created).toBe(1);
      expect(await documentIds(ids)).toEqual(ids);
      expect(await currentImportLease(driver, database)).toBeNull();
    } finally {
      await releaseImportLease(driver, database, 'stalled');
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a lease whose holder process on this machine is gone is taken over at once', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(root, 'kglease-dead', 70_000, 1);
    const ids = a.ids.map((id) => `kglease-dead/${id}`);
    // a process that has exited (and been reaped): its id is free
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    try {
      expect((await takeImportLease(driver, database, { holder: 'killed', host: hostname(), pid: deadPid }, 600_000)).taken).toBe(true);
      const summary = await importPaths([root], { driver, database, threads: 1 });
      expect(summary.created).toBe(1);
      expect(await currentImportLease(driver, database)).toBeNull();
      // a live holder on this machine is respected (here: the process that started this test worker)
      expect((await takeImportLease(driver, database, { holder: 'alive', host: hostname(), pid: process.ppid }, 600_000)).taken).toBe(true);
      await expect(importPaths([root], { driver, database, threads: 1, force: true })).rejects.toBeInstanceOf(ImportLeaseHeld);
    } finally {
      await releaseImportLease(driver, database, 'killed');
      await releaseImportLease(driver, database, 'alive');
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an import that fails releases its lease, and the next one runs', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(root, 'kglease-fail', 80_000, 2);
    const ids = a.ids.map((id) => `kglease-fail/${id}`);
    try {
      let seenLease: string | null = null;
      const failing = importPaths([root], {
        driver,
        database,
        threads: 1,
        onFile: () => {
          throw new Error('the progress display broke');
        },
        onProgress: (p) => {
          if (p.state === 'running' && p.current.length > 0 && seenLease === null) void currentImportLease(driver, database).then((l) => (seenLease = l?.holder ?? ''));
        },
      });
      await expect(failing).rejects.toThrow('the progress display broke');
      expect(seenLease).toMatch(/:\d+:/);
      expect(await currentImportLease(driver, database)).toBeNull();
      // (its documents were written before the failure: the next run finds them unchanged)
      const summary = await importPaths([root], { driver, database, threads: 1 });
      expect(summary.skipped).toEqual([]);
      expect(summary.created + summary.replaced + summary.unchanged).toBe(2);
    } finally {
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an import whose lease was taken over stops writing', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(root, 'kglease-lost', 90_000, 6);
    const ids = a.ids.map((id) => `kglease-lost/${id}`);
    try {
      let stolen = false;
      const run = importPaths([root], {
        driver,
        database,
        threads: 1,
        batchDocuments: 1,
        leaseSeconds: 5,
        onFile: () => {
          // after the first document, another importer takes the lease as if this one had gone silent
          if (!stolen) {
            stolen = true;
            void driver.executeQuery("MATCH (l:ImportLease) SET l.holder = 'usurper', l.expires = timestamp() + 600000", {}, { database });
          }
        },
      });
      // found at the latest when the import confirms its lease before the end steps (pair links, settling)
      await expect(run).rejects.toBeInstanceOf(ImportLeaseLost);
      await expect(run).rejects.toThrow(/taken over by another importer/);
      // the usurper's lease is left alone
      expect((await currentImportLease(driver, database))?.holder).toBe('usurper');
    } finally {
      await releaseImportLease(driver, database, 'usurper');
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('npm run import says in one line who holds the lease and exits 1', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-lease-'));
    const a = folder(root, 'kglease-cli', 100_000, 1);
    const ids = a.ids.map((id) => `kglease-cli/${id}`);
    try {
      expect((await takeImportLease(driver, database, someoneElse('busy-importer'), 600_000)).taken).toBe(true);
      const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'import', 'cli.ts'), root, '--no-progress'], { cwd: projectRoot, env: process.env });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^another import is running since .*, holder busy-importer \(process 4242 on another-machine;.*nothing was written$/);
      expect(await documentIds(ids)).toEqual([]);
    } finally {
      await releaseImportLease(driver, database, 'busy-importer');
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
