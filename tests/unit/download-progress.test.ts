/** The first-run download progress: the repository folder is measured as it grows. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_DOWNLOAD_BYTES, folderBytes, progressLine, watchDownload } from '../../graph/embedded/download-progress.ts';

describe('download progress', () => {
  it('measures a folder tree and draws a bar with MB and percent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    try {
      expect(folderBytes(join(dir, 'missing'))).toBe(0);
      mkdirSync(join(dir, 'org', 'neo4j'), { recursive: true });
      writeFileSync(join(dir, 'org', 'neo4j', 'a.jar'), Buffer.alloc(3000));
      writeFileSync(join(dir, 'b.pom'), Buffer.alloc(500));
      expect(folderBytes(dir)).toBe(3500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(progressLine(EXPECTED_DOWNLOAD_BYTES / 2)).toMatch(/\[#{12}-{12}\] 77 of ~154 MB \(50%\)/);
    expect(progressLine(0)).toContain('(0%)');
  });

  it('logs a line per tenth when not on a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    const lines: string[] = [];
    const stop = watchDownload(dir, (l) => lines.push(l), { isTTY: false } as NodeJS.WriteStream);
    try {
      await new Promise((r) => setTimeout(r, 1200));
      writeFileSync(join(dir, 'part.jar'), Buffer.alloc(Math.ceil(EXPECTED_DOWNLOAD_BYTES * 0.25)));
      await new Promise((r) => setTimeout(r, 1200));
    } finally {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines[0]).toContain('(0%)');
    expect(lines.some((l) => l.includes('(25%)'))).toBe(true);
    expect(lines.at(-1)).toMatch(/downloaded 39 MB/);
  });
});
