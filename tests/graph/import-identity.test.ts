/**
 * Document identity: a document is named by its path relative to the import root, so same-name
 * files in two folders and `x.md` beside `x.txt` are two documents, a re-imported file replaces
 * only itself, and the same text under two paths is reported as a duplicate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument } from '../../graph/write.ts';
import { graphCounts } from '../../graph/queries/stats.ts';
import { importPaths } from '../../import/run-import.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const database = testNeo4j().database;
const corpusText = (file: string) => readFileSync(join(projectRoot, 'corpus', file), 'utf8');

async function documentsUnder(prefix: string): Promise<{ id: string; file: string; path: string; sections: number }[]> {
  const res = await driver.executeQuery(
    `MATCH (d:Document) WHERE d.id STARTS WITH $prefix
     RETURN d.id AS id, d.file AS file, d.path AS path, COUNT { (d)<-[:PART_OF]-() } AS sections ORDER BY id`,
    { prefix },
    { database },
  );
  return res.records.map((r) => r.toObject() as { id: string; file: string; path: string; sections: number });
}

afterAll(closeTestDriver);

describe('document identity', () => {
  it('same-name files in two folders and x.md beside x.txt all import, each replacing only itself', { timeout: 600_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-identity-'));
    const prefix = 'kgid-';
    const a = corpusText('003_013320122c8a32e8.txt');
    const b = corpusText('004_095f4ecd3cd81d18.txt');
    const parts = [a.slice(0, 20_000), a.slice(20_000, 40_000), b.slice(0, 20_000), b.slice(20_000, 40_000)];
    const baseline = await graphCounts(driver, database);
    try {
      mkdirSync(join(root, `${prefix}een`));
      mkdirSync(join(root, `${prefix}twee`));
      writeFileSync(join(root, `${prefix}een`, 'nummer.txt'), parts[0]);
      writeFileSync(join(root, `${prefix}twee`, 'nummer.txt'), parts[1]);
      writeFileSync(join(root, `${prefix}x.txt`), parts[2]);
      writeFileSync(join(root, `${prefix}x.md`), parts[3]);
      const first = await importPaths([root], { driver, database });
      expect(first.skipped).toEqual([]);
      expect(first.created).toBe(4);
      const docs = await documentsUnder(prefix);
      expect(docs.map((d) => [d.id, d.file, d.path])).toEqual([
        [`${prefix}een/nummer`, 'nummer.txt', `${prefix}een/nummer.txt`],
        [`${prefix}twee/nummer`, 'nummer.txt', `${prefix}twee/nummer.txt`],
        [`${prefix}x`, `${prefix}x.txt`, `${prefix}x.txt`],
        [`${prefix}x.md`, `${prefix}x.md`, `${prefix}x.md`],
      ]);

      // editing one of them replaces that one and leaves its same-name sibling as it was
      writeFileSync(join(root, `${prefix}een`, 'nummer.txt'), parts[0].slice(0, 8_000));
      const second = await importPaths([root], { driver, database });
      expect([second.replaced, second.unchanged]).toEqual([1, 3]);
      const after = await documentsUnder(prefix);
      expect(after[1]).toEqual(docs[1]);
      expect(after[0].sections).toBeLessThanOrEqual(docs[0].sections);

      // the same text under a second path is a duplicate, reported and not imported again
      writeFileSync(join(root, `${prefix}kopie.txt`), parts[1]);
      const third = await importPaths([root], { driver, database });
      expect(third.skipped.map((s) => [s.path.slice(root.length + 1), s.reason])).toEqual([[`${prefix}kopie.txt`, 'duplicate']]);
      expect(third.skipped[0].detail).toContain(`${prefix}twee/nummer.txt`);
      expect((await documentsUnder(prefix)).length).toBe(4);
    } finally {
      for (const d of await documentsUnder(prefix)) await deleteDocument(driver, database, d.id);
      rmSync(root, { recursive: true, force: true });
    }
    expect(await graphCounts(driver, database)).toEqual(baseline);
  });

  it('the same text twice in one run is imported once, though both files are read at the same time', { timeout: 600_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-identity-twins-'));
    const prefix = 'kgtwin-';
    const text = corpusText('003_013320122c8a32e8.txt').slice(0, 20_000);
    const baseline = await graphCounts(driver, database);
    try {
      // two files on two threads: both are read before either has been checked against the graph
      writeFileSync(join(root, `${prefix}a.txt`), text);
      writeFileSync(join(root, `${prefix}b.txt`), text);
      const summary = await importPaths([root], { driver, database, threads: 2 });
      expect(summary.threads).toBe(2);
      expect(summary.created).toBe(1);
      expect(summary.skipped.map((s) => s.reason)).toEqual(['duplicate']);
      const [kept] = await documentsUnder(prefix);
      expect(summary.skipped[0].detail).toContain(kept.path);
      expect(summary.skipped[0].path).not.toContain(kept.path);
      expect((await documentsUnder(prefix)).length).toBe(1);
    } finally {
      for (const d of await documentsUnder(prefix)) await deleteDocument(driver, database, d.id);
      rmSync(root, { recursive: true, force: true });
    }
    expect(await graphCounts(driver, database)).toEqual(baseline);
  });
});
