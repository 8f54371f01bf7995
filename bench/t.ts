import { createFilePool } from '../import/workers/pool.ts';
import { readFileSync } from 'node:fs';
const pool = createFilePool(1);
console.log(await pool.read('tests/import/read.test.ts', 1e8, 60000).then(r => r.ok ? 'ok' : r.detail));
console.log((await pool.extract('a.txt', readFileSync('corpus/003_013320122c8a32e8.txt','utf8'), 120000)).entities.length);
await pool.close();
