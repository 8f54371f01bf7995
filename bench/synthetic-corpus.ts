/** Synthetic corpora (bench/synthetic.ts) written as a folder of files, for the import bench and the start test. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDocuments } from './synthetic.ts';

export function writeSyntheticCorpus(corpusDir: string, scale: number, into: string): { files: number; bytes: number } {
  mkdirSync(into, { recursive: true });
  const corpus = readdirSync(corpusDir).filter((f) => /\.(md|txt)$/i.test(f)).sort().map((file) => ({ file, text: readFileSync(join(corpusDir, file), 'utf8') }));
  const documents = scale === 1 ? corpus : syntheticDocuments(corpus, scale);
  let files = 0;
  let bytes = 0;
  for (const d of documents) {
    writeFileSync(join(into, d.file), d.text);
    files++;
    bytes += Buffer.byteLength(d.text);
  }
  return { files, bytes };
}
