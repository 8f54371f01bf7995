import { readFileSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const f = process.argv[2];
const r = extractDocument(f, readFileSync(f, 'utf8'));
for (const e of r.entities.filter(e=>e.type==='PERSON')) console.log(e.name, '|', e.aliases.join('; '), '|', JSON.stringify(e.props), e.mentions.length);
