import { readFileSync } from 'node:fs';
import { extractDocument } from '../import/pipeline.ts';
import { pathological, PATHOLOGICAL_SHAPES } from './pathological.ts';
const base = readFileSync('corpus/001_a1a686f12efebd4e.txt', 'utf8');
extractDocument('w.txt', base);
const shapes = process.argv[2] ? [process.argv[2]] : PATHOLOGICAL_SHAPES;
for (const shape of shapes) for (const kb of (process.argv[3] ?? '25,50,100').split(',').map(Number)) {
  const text = pathological(shape as any, kb * 1024, base);
  const t = process.cpuUsage();
  extractDocument('p.txt', text);
  const u = process.cpuUsage(t);
  const ms = (u.user + u.system) / 1000;
  console.log(shape, kb, 'KB', ms.toFixed(0), 'ms', (ms / (text.length / 1048576)).toFixed(0), 'ms/MB');
}
