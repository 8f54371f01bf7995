const cpuNow = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
import { readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from './import/sentences.ts';
import { normaliseBlocks } from './import/normalise.ts';
import { segment } from './import/segment.ts';
import { MENTION_EXTRACTORS, RELATION_LINKERS, dropOverlaps, extractDocument } from './import/extract/index.ts';
import { addPersonNameMentions, resolveDocument } from './import/resolve.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
extractDocument('x.txt', files[0]);
const T: Record<string, number> = {};
const tick = (k: string, t0: number) => { T[k] = (T[k] ?? 0) + cpuNow() - t0; };
for (let pass = 0; pass < 3; pass++) for (const text of files) {
  let t0 = cpuNow();
  const blocks = normaliseBlocks(text); tick('normalise', t0);
  t0 = cpuNow(); const segs = segment(blocks); tick('segment', t0);
  t0 = cpuNow();
  const ctxs = segs.map((s, i) => ({ documentId: 'x', section: { id: 'x#' + i, ordinal: i, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) })); tick('sentences', t0);
  let mentions = ctxs.map(c => { const all: any[] = []; for (const [n, f] of MENTION_EXTRACTORS) { const t = cpuNow(); all.push(...f(c as any)); tick('x:' + n, t); } const t = cpuNow(); const r = dropOverlaps(all); tick('overlaps', t); return r; });
  t0 = cpuNow(); mentions = addPersonNameMentions(ctxs as any, mentions); tick('surnames', t0);
  const cands = ctxs.map((c, i) => { const all: any[] = []; for (const [n, f] of RELATION_LINKERS) { const t = cpuNow(); all.push(...f(c as any, mentions[i])); tick('l:' + n, t); } return all; });
  t0 = cpuNow(); resolveDocument(ctxs as any, mentions, cands); tick('resolve', t0);
}
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(20), (v/3).toFixed(0));
