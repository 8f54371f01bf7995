/**
 * Finding importable files and deciding, per file, whether it can be imported.
 * A file that cannot is reported with one clear reason and skipped; nothing here throws for bad content.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { franc } from 'franc-min';

export const IMPORTABLE_EXTENSIONS = new Set(['.md', '.txt']);
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type SkipReason = 'not found' | 'unsupported type' | 'empty' | 'binary' | 'not UTF-8' | 'too large' | 'not Dutch' | 'unreadable';

export type FileCheck =
  | { ok: true; path: string; text: string; bytes: number }
  | { ok: false; path: string; reason: SkipReason; detail: string };

/** A file to import: its absolute path and its path relative to the import root ('/'-separated), which names the document. */
export interface FoundFile {
  path: string;
  relativePath: string;
}

function found(path: string, root: string): FoundFile {
  return { path, relativePath: relative(root, path).split(sep).join('/') };
}

/**
 * Expands files and folders (recursively) into importable files, sorted; unknown paths are reported.
 * A folder is the import root of the files under it; a file given by itself is relative to its own folder.
 */
export async function discoverFiles(paths: string[]): Promise<{ files: FoundFile[]; problems: FileCheck[] }> {
  const files: FoundFile[] = [];
  const problems: FileCheck[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      problems.push({ ok: false, path: abs, reason: 'not found', detail: 'no such file or folder' });
      continue;
    }
    if (info.isDirectory()) {
      files.push(...(await listFolder(abs)).map((f) => found(f, abs)));
    } else if (IMPORTABLE_EXTENSIONS.has(extname(abs).toLowerCase())) {
      files.push(found(abs, dirname(abs)));
    } else {
      problems.push({ ok: false, path: abs, reason: 'unsupported type', detail: 'only .md and .txt files are imported' });
    }
  }
  const unique = new Map(files.map((f) => [f.path, f]));
  return { files: [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFolder(full)));
    else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** Reads a file and checks that it is non-empty, text, UTF-8, of sane size and Dutch. */
export async function checkFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileCheck> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      return { ok: false, path, reason: 'too large', detail: `${mb(info.size)} MB is over the limit of ${mb(maxBytes)} MB (IMPORT_MAX_FILE_MB)` };
    }
    bytes = await readFile(path);
  } catch (err) {
    return { ok: false, path, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  return checkContent(path, bytes);
}

export function checkContent(path: string, bytes: Buffer): FileCheck {
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') {
    return { ok: false, path, reason: 'empty', detail: 'the file has no text' };
  }
  if (looksBinary(bytes)) {
    return { ok: false, path, reason: 'binary', detail: 'the file holds binary data, not text' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, path, reason: 'not UTF-8', detail: 'the file is not valid UTF-8 (convert it with iconv -t UTF-8)' };
  }
  const language = detectLanguage(text);
  if (language !== 'nld') {
    return { ok: false, path, reason: 'not Dutch', detail: `the text reads as ${language === 'und' ? 'no recognisable language' : language}, not Dutch` };
  }
  return { ok: true, path, text: text.replace(/^\uFEFF/, ''), bytes: bytes.length };
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length > 0.05;
}

/** franc on a few samples spread over the text: magazines open with covers and tables of contents. */
function detectLanguage(text: string): string {
  const sampleSize = 4000;
  const starts = [0.1, 0.4, 0.7].map((f) => Math.floor(text.length * f));
  const votes = new Map<string, number>();
  for (const start of starts) {
    const lang = franc(text.slice(start, start + sampleSize), { minLength: 40, only: ['nld', 'eng', 'deu', 'fra', 'spa', 'ita', 'por', 'afr'] });
    votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  if ((votes.get('nld') ?? 0) >= 2) return 'nld';
  // Afrikaans is a frequent false reading of short Dutch samples.
  if ((votes.get('nld') ?? 0) + (votes.get('afr') ?? 0) >= 2 && (votes.get('nld') ?? 0) >= 1) return 'nld';
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
