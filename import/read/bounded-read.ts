/**
 * Reads a file's bytes with the size limit enforced on what is read, not on what `stat` says
 * (a link to /dev/zero reports size 0 and never ends). Opens without blocking, so a FIFO that
 * slipped in between the walk and the read cannot hang the import, and refuses anything that
 * is not a regular file once opened.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { megabytes, type Skipped } from './skip.ts';

const CHUNK = 1024 * 1024;

export async function readBounded(path: string, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | ({ ok: false } & Skipped)> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return { ok: false, path, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, path, reason: 'not a regular file', detail: 'only regular files are read' };
    if (info.size > maxBytes) return tooLarge(path, info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return tooLarge(path, total, maxBytes, true);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, path, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? String(err) };
  } finally {
    await handle.close();
  }
}

function tooLarge(path: string, size: number, maxBytes: number, atLeast = false): { ok: false } & Skipped {
  return { ok: false, path, reason: 'too large', detail: `${atLeast ? 'more than ' : ''}${megabytes(atLeast ? maxBytes : size)} MB is over the limit of ${megabytes(maxBytes)} MB (IMPORT_MAX_FILE_MB)` };
}
