/**
 * Synthetic corpora for the benches: the corpus's sections shuffled (seeded) into new documents of
 * about the size of the originals, until the total is `scale` times the corpus. Made one document at
 * a time, so a 100x corpus is never held in memory.
 */
import { normaliseBlocks } from '../import/normalise/normalise.ts';
import { segment } from '../import/segment/segment.ts';
import { prng } from './prng.ts';

export function* syntheticDocuments(corpus: { file: string; text: string }[], scale: number): Generator<{ file: string; text: string }> {
  const sections = corpus.flatMap((d) => segment(normaliseBlocks(d.text)).map((s) => `${s.title}\n\n${s.text}`));
  const bytes = corpus.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  const docSize = Math.round(bytes / corpus.length);
  const target = bytes * scale;
  const rand = prng(scale * 7919);
  let total = 0;
  for (let n = 0; total < target; n++) {
    const parts: string[] = [];
    let size = 0;
    while (size < docSize) {
      const s = sections[Math.floor(rand() * sections.length)];
      parts.push(s);
      size += Buffer.byteLength(s) + 2;
    }
    yield { file: `synthetic_${scale}x_${n}.txt`, text: parts.join('\n\n') };
    total += size;
  }
}
