import { readFileSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const f = process.argv[2];
const r = extractDocument(f, readFileSync(f, 'utf8'));
const bySection = new Map<string, string[]>();
for (const e of r.entities) if (e.type === 'MUNICIPALITY') for (const m of e.mentions) bySection.set(m.sectionId, [...(bySection.get(m.sectionId) ?? []), e.name]);
for (const n of process.argv.slice(3)) {
  const p = r.entities.find(e => e.type === 'PERSON' && e.name === n);
  if (!p) { console.log(n, 'NOT FOUND'); continue; }
  console.log(n, JSON.stringify(p.props), p.mentions.map(m => m.sectionId.split('#')[1] + ':' + (bySection.get(m.sectionId) ?? []).join('/')).join(' '));
}
