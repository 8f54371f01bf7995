import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { findLaunchers } from '../../graph/embedded/state.ts';

export const TEST_DIR_PREFIX = 'sociaal-kg-test-';

/**
 * Removes data folders of earlier test runs that were killed before their teardown ran: no
 * launcher serves them any more and they have not been touched for ten minutes (so a run that
 * is just starting, before its launcher exists, is left alone).
 */
export function removeStaleTestDirs(now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(TEST_DIR_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (now - fs.statSync(dir).mtimeMs < 10 * 60_000 || findLaunchers(dir).length > 0) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}
