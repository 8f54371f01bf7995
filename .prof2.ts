import { readFileSync, readdirSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
extractDocument('x.txt', files[0]);
const c0 = process.cpuUsage();
for (let k = 0; k < 3; k++) for (const t of files) extractDocument('x.txt', t);
const c = process.cpuUsage(c0); console.error('cpu ms per corpus pass', ((c.user + c.system) / 3000).toFixed(0));
