/**
 * The pool's threads run task.ts bundled by esbuild (import/workers/bundle.ts): the bundle must be
 * the same code, so a file extracted on the pool gives exactly what extractDocument gives here, and
 * data files found through import.meta.url (models, gazetteers) are the sources' own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { extractDocument } from '../../import/pipeline.ts';
import { workerEntry } from '../../import/workers/bundle.ts';
import { createFilePool, type FilePool } from '../../import/workers/pool.ts';

let pool: FilePool | undefined;
afterAll(() => pool?.close());

describe('the bundled pool task', () => {
  it('is one ES module run without tsx', async () => {
    const entry = await workerEntry();
    expect(entry.filename).toMatch(/node_modules\/\.cache\/sociaal-kg\/extract-task-[0-9a-f]{16}\.mjs$/);
    expect(entry.execArgv).toEqual([]);
  });

  it('extracts exactly what extractDocument does in this thread', { timeout: 120_000 }, async () => {
    pool = await createFilePool(1);
    const path = join(projectRoot, 'corpus', '003_013320122c8a32e8.txt');
    const text = readFileSync(path, 'utf8').slice(0, 60_000);
    const onPool = await pool.extract('003.txt', text, 600_000);
    expect(onPool.entities.length).toBeGreaterThan(10);
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(extractDocument('003.txt', text)));
    const read = await pool.read(path, 20 * 1024 * 1024, 600_000);
    expect(read.ok && read.text).toBe(readFileSync(path, 'utf8'));
  });
});
