/**
 * The set-up the import profilers (bench/neo-passes.ts, bench/neo-queries.ts) share: the schema, the 1x synthetic
 * corpus and the `scale`x one under `work`, a cold and a forced 1x import (each with its own pool), then a pool warmed
 * on the bundled corpus and `rounds` rounds of a wipe, a cold and a forced 1x import through it. Returns that pool and
 * the folder of the `scale`x corpus, for the measured imports.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ensureSchema } from '../graph/schema.ts';
import { wipeGraph } from '../graph/queries/size.ts';
import { importPaths } from '../import/run-import.ts';
import { createFilePool, type FilePool } from '../import/workers/pool.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

export async function warmForImports(
  driver: Driver,
  database: string,
  { corpus, work, scale, rounds }: { corpus: string; work: string; scale: number; rounds: number },
): Promise<{ pool: FilePool; dir: string }> {
  await ensureSchema(driver, database);
  const dir1 = join(work, 'corpus-1x');
  writeSyntheticCorpus(corpus, 1, dir1);
  const dir = scale === 1 ? dir1 : join(work, `corpus-${scale}x`);
  if (scale !== 1) writeSyntheticCorpus(corpus, scale, dir);
  await importPaths([dir1], { driver, database });
  await importPaths([dir1], { driver, database, force: true });
  const pool = await createFilePool();
  await pool.warmEveryThread(readdirSync(corpus).sort().map((f) => ({ relativePath: f, text: readFileSync(join(corpus, f), 'utf8') })));
  for (let r = 0; r < rounds; r++) {
    await wipeGraph(driver, database);
    await importPaths([dir1], { driver, database, pool });
    await importPaths([dir1], { driver, database, pool, force: true });
  }
  return { pool, dir };
}
