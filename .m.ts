import { readFileSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const f = process.argv[2]; const needle = process.argv[3];
const r = extractDocument(f, readFileSync(f, 'utf8'));
for (const e of r.entities) for (const m of e.mentions) if (m.snippets.some(s => s.includes(needle))) console.log(e.type, e.name, '|', e.aliases.join(';'));
for (const rel of r.relations) if (rel.evidence.some(e => e.quote.includes(needle))) console.log(rel.type, rel.from, rel.to, rel.role, rel.evidence[0].quote.slice(0,150));
