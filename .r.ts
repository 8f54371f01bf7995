import { readFileSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const f = process.argv[2];
const r = extractDocument(f, readFileSync(f, 'utf8'));
const name = new Map(r.entities.map(e => [e.id, e.name]));
for (const rel of r.relations) if (rel.type === 'WORKS_FOR' || rel.type === 'HOLDS_OFFICE_IN') console.log(rel.type.padEnd(16), name.get(rel.from), '->', name.get(rel.to), rel.role ? `[${rel.role}]` : '', rel.weight, '|', rel.evidence[0].quote.slice(0, 90));
