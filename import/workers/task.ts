/**
 * What a pool thread does: read one file into checked text, or extract one text's facts. Runs in
 * a worker thread, so that a file past its time budget is stopped by terminating the thread,
 * with nothing written for it.
 */
import { readDocument } from '../read/index.ts';
import { contentHash } from '../write/extractor-version.ts';

export type Task =
  | { kind: 'read'; path: string; maxBytes: number }
  | { kind: 'extract'; relativePath: string; text: string };

export default async function run(task: Task) {
  if (task.kind === 'read') {
    const read = await readDocument(task.path, task.maxBytes);
    return read.ok ? { ...read, sha256: contentHash(read.text) } : read;
  }
  // loaded on the first extraction: a thread that only reads files never compiles the extractors
  const { extractDocument } = await import('../pipeline.ts');
  return extractDocument(task.relativePath, task.text);
}
