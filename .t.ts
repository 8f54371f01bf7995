import { readFileSync } from 'node:fs';
import { splitSentences } from './import/sentences.ts';
import { normaliseBlocks } from './import/normalise.ts';
import { segment } from './import/segment.ts';
const mods: Record<string, any> = {
  people: (await import('./import/extract/people.ts')).extractPeople,
  muni: (await import('./import/extract/municipalities.ts')).extractMunicipalities,
  prog: (await import('./import/extract/programmes.ts')).extractProgrammes,
  themes: (await import('./import/extract/themes.ts')).extractThemes,
};
const text = readFileSync(process.argv[2], 'utf8');
const segs = segment(normaliseBlocks(text));
const ctxs = segs.map((s, i) => ({ documentId: 'x', section: { id: 'x#' + i, ordinal: i, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) }));
for (const [k, f] of Object.entries(mods)) {
  const t0 = performance.now();
  let n = 0;
  for (const c of ctxs) n += f(c).length;
  console.log(k, n, (performance.now() - t0).toFixed(0) + 'ms');
}
