/**
 * The import's progress on the console: a bar with the files done, MB read and the file being
 * worked on when stderr is a terminal, else one line per finished file (logs stay readable).
 */
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { FileOutcome, ImportOptions, ImportProgress } from './run-import.ts';

export interface ProgressDisplay {
  callbacks: Pick<ImportOptions, 'onStart' | 'onFile' | 'onProgress'>;
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr, prefix = 'Importing'): ProgressDisplay {
  const bar = stream.isTTY
    ? new SingleBar({ format: `${prefix} [{bar}] {value}/{total} files, {mb} MB | {file}`, stream, hideCursor: true }, Presets.shades_classic)
    : null;
  let total = 0;
  let done = 0;
  let latest: ImportProgress | null = null;
  return {
    callbacks: {
      onStart: (files: number) => {
        total = files;
        bar?.start(files, 0, { mb: '0.0', file: '' });
      },
      onProgress: (p: ImportProgress) => {
        latest = p;
        bar?.update(p.done, { mb: (p.bytes / 1024 / 1024).toFixed(1), file: p.current.map((f) => basename(f)).join(', ') });
      },
      onFile: (path: string, outcome: FileOutcome, detail?: { seconds: number; bytes: number }) => {
        done++;
        if (bar) return;
        const size = detail ? ` (${(detail.bytes / 1024 / 1024).toFixed(2)} MB, ${detail.seconds.toFixed(1)} s)` : '';
        stream.write(`${prefix} ${done}/${total} ${outcome.padEnd(9)} ${path}${size}\n`);
      },
    },
    stop: () => {
      if (bar && latest) bar.update(latest.done);
      bar?.stop();
    },
  };
}
