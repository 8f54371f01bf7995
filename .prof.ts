import { readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from './import/sentences.ts';
import { normaliseBlocks } from './import/normalise.ts';
import { segment } from './import/segment.ts';
import { MENTION_EXTRACTORS, RELATION_LINKERS, dropOverlaps, extractDocument } from './import/extract/index.ts';
import { addPersonNameMentions, resolveDocument } from './import/resolve.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
extractDocument('x.txt', files[0]);
const T: Record<string, number> = {};
const tick = (k: string, t0: number) => { T[k] = (T[k] ?? 0) + performance.now() - t0; };
for (const text of files) {
  let t0 = performance.now();
  const blocks = normaliseBlocks(text); tick('normalise', t0);
  t0 = performance.now(); const segs = segment(blocks); tick('segment', t0);
  t0 = performance.now();
  const ctxs = segs.map((s, i) => ({ documentId: 'x', section: { id: 'x#' + i, ordinal: i, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) })); tick('sentences', t0);
  let mentions = ctxs.map(c => { const all: any[] = []; for (const [n, f] of MENTION_EXTRACTORS) { const t = performance.now(); all.push(...f(c as any)); tick('x:' + n, t); } const t = performance.now(); const r = dropOverlaps(all); tick('overlaps', t); return r; });
  t0 = performance.now(); mentions = addPersonNameMentions(ctxs as any, mentions); tick('surnames', t0);
  const cands = ctxs.map((c, i) => { const all: any[] = []; for (const [n, f] of RELATION_LINKERS) { const t = performance.now(); all.push(...f(c as any, mentions[i])); tick('l:' + n, t); } return all; });
  t0 = performance.now(); resolveDocument(ctxs as any, mentions, cands); tick('resolve', t0);
}
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(20), v.toFixed(0));
