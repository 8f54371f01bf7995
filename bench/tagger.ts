/**
 * `npm run bench:tagger [-- --passes N]` — the NER tagger alone: model load time (cold, first call in
 * the process) and tagging throughput over the magazine corpus (tagText: tokenising, both passes,
 * confidences) and over ned.testa when present (tagSentences), on CPU time of this process.
 * A warm-up pass runs first (JIT, word-type caches); run it on an idle machine for stable figures.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNerModel } from '../import/tag/ner/index.ts';
import { parseConll } from '../import/tag/ner/conll.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const passesArg = process.argv.indexOf('--passes');
const passes = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 5;

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let t = performance.now();
let c = cpu();
const model = loadNerModel();
console.log(`model load: ${(performance.now() - t).toFixed(0)} ms wall, ${((cpu() - c) * 1000).toFixed(0)} ms CPU`);

const corpusDir = join(root, 'corpus');
const texts = readdirSync(corpusDir).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const bytes = texts.reduce((n, x) => n + Buffer.byteLength(x), 0);
let tokens = 0;
let spans = 0;
for (const x of texts) spans += model.tagText(x).length; // warm-up
t = performance.now();
c = cpu();
for (let p = 0; p < passes; p++) for (const x of texts) spans += model.tagText(x).length;
let secs = cpu() - c;
console.log(`tagText over corpus/ (${(bytes / 1e6).toFixed(2)} MB x ${passes}): ${((bytes * passes) / 1e6 / secs).toFixed(2)} MB/s CPU, wall ${((performance.now() - t) / 1000).toFixed(1)} s`);

const testa = resolve(root, '..', 'shared', 'eval', 'conll2002', 'ned.testa');
if (existsSync(testa)) {
  const docs = parseConll(readFileSync(testa, 'utf8')).map((d) => d.map((s) => s.words));
  tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const textBytes = docs.reduce((n, d) => n + d.reduce((m, s) => m + Buffer.byteLength(s.join(' ')) + 1, 0), 0);
  for (const d of docs) model.tagSentences(d);
  c = cpu();
  for (let p = 0; p < passes; p++) for (const d of docs) model.tagSentences(d);
  secs = cpu() - c;
  console.log(`tagSentences over ned.testa (${tokens} tokens x ${passes}): ${Math.round((tokens * passes) / secs)} tokens/s CPU, ${((textBytes * passes) / 1e6 / secs).toFixed(2)} MB/s of text`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
