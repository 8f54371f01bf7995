/**
 * Finds the files to import under the given paths. Only regular files are taken; symlinks are
 * followed only when they lead to a place inside the import root; every entry that is left out
 * (hidden, FIFO, socket, device, a link outside the root, a loop) is reported with its reason.
 * A folder is the import root of the files under it; a file given by itself is relative to its own folder.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Skipped } from './skip.ts';

/** A file to import: where to read it and its path relative to the import root ('/'-separated), which names the document. */
export interface FoundFile {
  path: string;
  relativePath: string;
}

export interface Walk {
  files: FoundFile[];
  skipped: Skipped[];
}

export async function discoverFiles(paths: string[]): Promise<Walk> {
  const walk: Walk = { files: [], skipped: [] };
  for (const p of paths) {
    const abs = resolve(p);
    let info: Stats;
    try {
      info = await stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      walk.skipped.push(code === 'ELOOP'
        ? { path: abs, reason: 'symlink loop', detail: 'the link leads back to itself' }
        : { path: abs, reason: 'not found', detail: code === 'ENOENT' ? 'no such file or folder' : `cannot be opened (${code})` });
      continue;
    }
    if (info.isDirectory()) {
      const root = await realpath(abs);
      await walkFolder(abs, { root, realRoot: root, visited: new Set([key(info)]) }, walk);
    } else {
      const root = dirname(abs);
      await takeEntry(abs, { root, realRoot: await realpath(root), visited: new Set() }, walk);
    }
  }
  const unique = new Map(walk.files.map((f) => [f.path, f]));
  walk.files = [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return walk;
}

interface Scope {
  /** the import root as given (relative paths are taken against it) */
  root: string;
  /** the same folder with its symlinks resolved: a link must land inside it */
  realRoot: string;
  /** folders already walked (device:inode), so that a loop of links is walked once */
  visited: Set<string>;
}

function key(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

function inside(realRoot: string, target: string): boolean {
  return target === realRoot || target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

async function walkFolder(dir: string, scope: Scope, walk: Walk): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    walk.skipped.push({ path: dir, reason: 'unreadable', detail: `the folder cannot be listed (${(err as NodeJS.ErrnoException).code})` });
    return;
  }
  if (names.length === 0) walk.skipped.push({ path: dir, reason: 'empty', detail: 'the folder is empty' });
  for (const name of names) {
    const full = join(dir, name);
    if (name.startsWith('.')) {
      walk.skipped.push({ path: full, reason: 'hidden', detail: 'names starting with a dot are left out' });
      continue;
    }
    await takeEntry(full, scope, walk);
  }
}

/** One entry of a folder (or a path given by itself): a file, a folder to walk, or a reported skip. */
async function takeEntry(full: string, scope: Scope, walk: Walk): Promise<void> {
  let info: Stats;
  try {
    info = await lstat(full);
  } catch (err) {
    walk.skipped.push({ path: full, reason: 'not found', detail: `cannot be read (${(err as NodeJS.ErrnoException).code})` });
    return;
  }
  if (info.isSymbolicLink()) {
    let target: string;
    try {
      target = await realpath(full);
      info = await stat(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      walk.skipped.push(code === 'ELOOP'
        ? { path: full, reason: 'symlink loop', detail: 'the link leads back to itself' }
        : { path: full, reason: 'not found', detail: 'the link points at nothing' });
      return;
    }
    if (!inside(scope.realRoot, target)) {
      walk.skipped.push({ path: full, reason: 'outside the import root', detail: `the link points to ${target}, outside the folder being imported` });
      return;
    }
  }
  if (info.isDirectory()) {
    if (scope.visited.has(key(info))) {
      walk.skipped.push({ path: full, reason: 'symlink loop', detail: 'this folder was already walked (a link leads back into it)' });
      return;
    }
    scope.visited.add(key(info));
    await walkFolder(full, scope, walk);
    return;
  }
  if (!info.isFile()) {
    walk.skipped.push({ path: full, reason: 'not a regular file', detail: `a ${kindOf(info)} is not read` });
    return;
  }
  walk.files.push({ path: full, relativePath: relative(scope.root, full).split(sep).join('/') });
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'named pipe (FIFO)';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'special file';
}
