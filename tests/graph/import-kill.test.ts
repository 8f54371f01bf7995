/**
 * An import killed midway (SIGKILL, between or inside write transactions) and run again gives the
 * same graph as an import that was never interrupted, and batching never half-writes a document.
 * The import replaces documents, so that entities lose mentions and their aggregates must be
 * settled (graph/write.ts settleEntities) even when the run that marked them was killed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument, NEEDS_REFRESH } from '../../graph/write.ts';
import { documentId } from '../../import/ids.ts';
import { importPaths } from '../../import/run-import.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const database = testNeo4j().database;
const corpus = join(projectRoot, 'corpus');
const FILES = 10;

afterAll(closeTestDriver);

/** Ten files cut from the corpus; version 'b' starts further into each text, so it drops entities of 'a' and adds others. */
function writeVersion(dir: string, version: 'a' | 'b'): string[] {
  const texts = readdirSync(corpus).sort().map((f) => readFileSync(join(corpus, f), 'utf8'));
  const names: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const text = texts[i % texts.length];
    const start = (i >= texts.length ? 40_000 : 0) + (version === 'b' ? 6_000 : 0);
    const name = `deel-${String(i).padStart(2, '0')}.txt`;
    writeFileSync(join(dir, name), text.slice(start, start + 14_000));
    names.push(name);
  }
  return names;
}

async function documentsWithText(ids: string[], hashes: Set<string>): Promise<number> {
  const res = await driver.executeQuery('MATCH (d:Document) WHERE d.id IN $ids RETURN d.sha256 AS sha', { ids }, { database });
  return res.records.filter((r) => hashes.has(r.get('sha') as string)).length;
}

async function storedHashes(ids: string[]): Promise<Set<string>> {
  const res = await driver.executeQuery('MATCH (d:Document) WHERE d.id IN $ids RETURN d.sha256 AS sha', { ids }, { database });
  return new Set(res.records.map((r) => r.get('sha') as string));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `npm run import` on `dir` with one thread and transactions of at most three documents,
 * and SIGKILLs it once some but not all of version b is written.
 */
async function killMidway(dir: string, ids: string[], hashesB: Set<string>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'import', 'cli.ts'), dir, '--workers', '1', '--no-progress'], {
    cwd: projectRoot,
    env: { ...process.env, IMPORT_BATCH_DOCUMENTS: '3' },
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  let written = 0;
  while (!exited) {
    written = await documentsWithText(ids, hashesB);
    if (written > 0) break;
    await sleep(20);
  }
  child.kill('SIGKILL');
  await new Promise((resolve) => (exited ? resolve(null) : child.once('exit', resolve)));
  return documentsWithText(ids, hashesB);
}

describe('an import killed midway', () => {
  it('run again gives the graph of an uninterrupted import', { timeout: 600_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-kill-'));
    const dir = join(root, 'kgkill');
    mkdirSync(dir);
    const ids = writeVersion(dir, 'a').map((f) => documentId(`kgkill/${f}`));
    const baseline = await graphFingerprint(driver, database);
    try {
      // the uninterrupted run: version a, then b replacing it
      expect((await importPaths([root], { driver, database, threads: 1 })).created).toBe(FILES);
      writeVersion(dir, 'b');
      expect((await importPaths([root], { driver, database, threads: 1 })).replaced).toBe(FILES);
      const uninterrupted = await graphFingerprint(driver, database);
      const hashesB = await storedHashes(ids);

      // back to a, then b again, killed after its first transaction
      writeVersion(dir, 'a');
      expect((await importPaths([root], { driver, database, threads: 1 })).replaced).toBe(FILES);
      writeVersion(dir, 'b');
      const written = await killMidway(root, ids, hashesB);
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(FILES);

      const rerun = await importPaths([root], { driver, database, threads: 1 });
      expect(rerun.replaced + rerun.unchanged).toBe(FILES);
      expect(rerun.unchanged).toBe(written);
      const res = await driver.executeQuery(`MATCH (e:${NEEDS_REFRESH}) RETURN count(e) AS n`, {}, { database });
      expect(res.records[0].get('n')).toBe(0);
      expect(await graphFingerprint(driver, database)).toEqual(uninterrupted);
    } finally {
      for (const id of ids) await deleteDocument(driver, database, id);
      rmSync(root, { recursive: true, force: true });
    }
    expect(await graphFingerprint(driver, database)).toEqual(baseline);
  });
});
