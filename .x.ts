import { readFileSync } from 'node:fs';
import { extractDocument } from './import/extract/index.ts';
const f = process.argv[2];
const t0 = performance.now();
const r = extractDocument(f, readFileSync(f, 'utf8'));
console.log(JSON.stringify(r.document, (k, v) => (k === 'text' ? v.length : v)).slice(0, 1500));
console.log('sections', r.document.sections.length, 'entities', r.entities.length, 'relations', r.relations.length, (performance.now()-t0).toFixed(0)+'ms');
