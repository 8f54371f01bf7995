/**
 * What a pool thread does: read one file into checked text, or extract one text's facts. Runs in
 * a worker thread, so that a file past its time budget is stopped by terminating the thread,
 * with nothing written for it.
 */
import { readlinkSync } from 'node:fs';
import { readDocument } from '../read/index.ts';
import { contentHash } from '../write/extractor-version.ts';
import { extractDocument } from '../pipeline.ts';
import { loadNerModel } from '../tag/ner/index.ts';
import { loadSpanClassifier } from '../type/span-classifier.ts';

// the models load when the thread starts (the pool starts its threads while the files are found and the
// database is checked), not inside the first file's time budget; every import pays this once per thread.
// A missing or corrupt model is reported by the first extraction, which loads it again and fails clearly.
try {
  loadNerModel();
  loadSpanClassifier();
} catch {
  // reported per file by extractDocument
}

export type Task = (
  | { kind: 'read'; path: string; maxBytes: number }
  | { kind: 'extract'; relativePath: string; text: string }
  | { kind: 'warm'; texts: { relativePath: string; text: string }[]; barrier: SharedArrayBuffer; threads: number }
) & {
  /** the thread writes its Linux thread id here, so that the pool can read the CPU time it spends on the task */
  threadIdCell?: SharedArrayBuffer;
};

/** This thread's id in /proc (Linux), or 0. */
function linuxThreadId(): number {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || 0;
  } catch {
    return 0;
  }
}

export default async function run(task: Task) {
  if (task.threadIdCell) Atomics.store(new Int32Array(task.threadIdCell), 0, linuxThreadId());
  if (task.kind === 'read') {
    const read = await readDocument(task.path, task.maxBytes);
    return read.ok ? { ...read, sha256: contentHash(read.text) } : read;
  }
  if (task.kind === 'warm') {
    // a thread runs one task at a time: waiting here until every warm task has started puts each on its own thread
    const arrived = new Int32Array(task.barrier);
    Atomics.add(arrived, 0, 1);
    Atomics.notify(arrived, 0);
    for (let n; (n = Atomics.load(arrived, 0)) < task.threads; ) Atomics.wait(arrived, 0, n, 60_000);
    for (const { relativePath, text } of task.texts) extractDocument(relativePath, text);
    return task.texts.length;
  }
  return extractDocument(task.relativePath, task.text);
}
