import { readFileSync } from 'node:fs';
import { normaliseBlocks } from './import/normalise.ts';
const b = normaliseBlocks(readFileSync(process.argv[2], 'utf8'));
for (const x of b.slice(+process.argv[3]||0, (+process.argv[3]||0)+60)) console.log(x.kind[0]+x.level, '|', x.text.slice(0,160));
