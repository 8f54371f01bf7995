import { readFileSync } from 'node:fs';
import { splitSentences } from './import/sentences.ts';
import { normaliseBlocks } from './import/normalise.ts';
import { segment } from './import/segment.ts';
const { extractThemes } = await import('./import/extract/themes.ts');
const text = readFileSync(process.argv[2], 'utf8');
const segs = segment(normaliseBlocks(text));
const ctxs = segs.map((s, i) => ({ documentId: 'x', section: { id: 'x#' + i, ordinal: i, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) }));
for (const c of ctxs.slice(0, 5)) { const t0 = performance.now(); const r = extractThemes(c as any); console.log(c.text.length, r.length, (performance.now() - t0).toFixed(0) + 'ms'); }
