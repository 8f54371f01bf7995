import { readFileSync } from 'node:fs';
import { normalise } from './import/normalise.ts';
const t = normalise(readFileSync(process.argv[2], 'utf8'));
for (const pat of process.argv.slice(3)) {
  const [a, b] = pat.split('~');
  let i = -1; let n = 0;
  while ((i = t.indexOf(a, i + 1)) >= 0 && n < 3) {
    const w = t.slice(Math.max(0, i - 150), i + 250);
    if (!b || w.includes(b)) { console.log('>>', pat, '::', w.replace(/\n/g, ' ¶ ')); n++; }
  }
}
