/**
 * A fingerprint of the extraction code and gazetteers. Stored on every Document, so that a change
 * to the rules or the data re-imports documents whose text did not change.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const importDir = fileURLToPath(new URL('..', import.meta.url));
let cached: string | undefined;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'build' ? [] : sourceFiles(full);
      return /\.(ts|json)$/.test(name) ? [full] : [];
    });
}

export function extractorVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const file of sourceFiles(importDir)) {
    hash.update(file.slice(importDir.length));
    hash.update(readFileSync(file));
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
