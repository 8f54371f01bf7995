/**
 * Synthetic corpora at N times the bundled one, written as files for the import bench: the
 * corpus's sections shuffled (seeded) into new documents of about the size of the originals, so
 * every document is new text with real Dutch content.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseBlocks } from '../import/normalise/normalise.ts';
import { segment } from '../import/segment/segment.ts';
import { prng } from './prng.ts';

export function writeSyntheticCorpus(corpusDir: string, scale: number, into: string): { files: number; bytes: number } {
  mkdirSync(into, { recursive: true });
  const corpus = readdirSync(corpusDir).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  if (scale === 1) {
    corpus.forEach((text, i) => writeFileSync(join(into, `${String(i).padStart(3, '0')}.txt`), text));
    return { files: corpus.length, bytes: corpus.reduce((a, t) => a + Buffer.byteLength(t), 0) };
  }
  const sections = corpus.flatMap((text) => segment(normaliseBlocks(text)).map((s) => `## ${s.title}\n\n${s.text}`));
  const bytes = corpus.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const docSize = Math.round(bytes / corpus.length);
  const random = prng(scale * 7919);
  let total = 0;
  let n = 0;
  for (; total < bytes * scale; n++) {
    const parts: string[] = [];
    let size = 0;
    while (size < docSize) {
      const s = sections[Math.floor(random() * sections.length)];
      parts.push(s);
      size += Buffer.byteLength(s) + 2;
    }
    writeFileSync(join(into, `synthetic_${scale}x_${String(n).padStart(4, '0')}.txt`), parts.join('\n\n'));
    total += size;
  }
  return { files: n, bytes: total };
}
