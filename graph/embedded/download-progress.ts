/**
 * Progress of the first-run Maven download, shown by watching the local repository grow
 * (Maven in batch mode prints no progress we could relay). The expected size is what Neo4j
 * 5.26 community with its dependencies took when measured (jars, poms and checksums).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Bytes of the resolved repository after a complete first run (measured; see the module comment). */
export const EXPECTED_DOWNLOAD_BYTES = 154_000_000;

/** Total size of the files under `dir` (0 when it does not exist yet). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) {
      try {
        total += fs.statSync(full).size;
      } catch {
        // a file Maven just renamed or removed
      }
    }
  }
  return total;
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(0);

export function progressLine(bytes: number, expected = EXPECTED_DOWNLOAD_BYTES): string {
  const share = Math.min(0.99, bytes / expected);
  const width = 24;
  const filled = Math.round(share * width);
  return `  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${mb(bytes)} of ~${mb(expected)} MB (${Math.round(share * 100)}%)`;
}

/**
 * Reports the growth of `repo` until the returned stop function is called: on a terminal one
 * line redrawn every second, otherwise a line per 10% (so that logs stay short).
 */
export function watchDownload(repo: string, log: (line: string) => void, stream: NodeJS.WriteStream = process.stdout): () => void {
  const start = folderBytes(repo);
  let lastDecile = -1;
  const tick = () => {
    const bytes = Math.max(0, folderBytes(repo) - start);
    if (stream.isTTY) {
      stream.write(`\r${progressLine(bytes)}`);
      return;
    }
    const decile = Math.floor((10 * bytes) / EXPECTED_DOWNLOAD_BYTES);
    if (decile > lastDecile) {
      lastDecile = decile;
      log(progressLine(bytes));
    }
  };
  const timer = setInterval(tick, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    const bytes = Math.max(0, folderBytes(repo) - start);
    if (stream.isTTY) stream.write(`\r${progressLine(bytes).replace(/\(\d+%\)/, '(done)')}\n`);
    else log(`  downloaded ${mb(bytes)} MB`);
  };
}
