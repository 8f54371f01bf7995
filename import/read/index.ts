/**
 * The read stage: one found file -> its text, or one reported reason why not. The bytes are read
 * with the size limit enforced on what is read; the format is decided by the bytes (PDF, DOCX,
 * HTML, plain text or markdown); the text must be language, and Dutch. Markup found in a text
 * file is parsed away, so no tag reaches extraction.
 */
import { readBounded } from './bounded-read.ts';
import { sniff, type Format } from './sniff.ts';
import { judgeLanguage } from './language.ts';
import type { Skipped } from './skip.ts';
// static imports: a dynamic import() of a .ts module fails inside a worker thread (tsx's hooks do not reach it on Node 20);
// the formats load their libraries (pdf.js, mammoth, linkedom) on first use, so a thread that reads only text pays for none
import { pdfText } from './formats/pdf.ts';
import { fragmentText, htmlText } from './formats/html.ts';
import { docxText } from './formats/docx.ts';

export { discoverFiles, type FoundFile } from './walk.ts';
export type { Skipped, SkipReason } from './skip.ts';
import { DEFAULT_MAX_FILE_BYTES } from './limits.ts';
export { DEFAULT_MAX_FILE_BYTES };


export type ReadResult = { ok: true; path: string; text: string; bytes: number; format: Format } | ({ ok: false } & Skipped);

export async function readDocument(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  const read = await readBounded(path, maxBytes);
  if (!read.ok) return read;
  return documentText(path, read.bytes);
}

/** Text of a file's bytes, whatever the format, checked to be Dutch language. */
export async function documentText(path: string, bytes: Buffer): Promise<ReadResult> {
  if (bytes.length === 0 || isBlank(bytes)) return { ok: false, path, reason: 'empty', detail: 'the file has no text' };
  const kind = await sniff(bytes);
  if (kind.format === 'other') return { ok: false, path, reason: 'unsupported type', detail: `the file is ${kind.name}; PDF, DOCX, HTML, markdown and text are read` };
  let text: string;
  try {
    text = await convert(kind.format, path, bytes);
  } catch (err) {
    if (err instanceof Skip) return { ok: false, path, reason: err.reason, detail: err.message };
    return { ok: false, path, reason: 'unreadable', detail: `the ${kind.format.toUpperCase()} cannot be read: ${firstLine(err)}` };
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, path, reason: 'empty', detail: `the ${kind.format.startsWith('utf') || kind.format === 'text' ? 'file' : kind.format.toUpperCase()} holds no text` };
  const verdict = judgeLanguage(text);
  if (!verdict.ok) return { ok: false, path, reason: verdict.reason, detail: verdict.detail };
  return { ok: true, path, text, bytes: bytes.length, format: kind.format };
}

class Skip extends Error {
  constructor(readonly reason: 'binary' | 'not UTF-8', message: string) {
    super(message);
  }
}

async function convert(format: Format, path: string, bytes: Buffer): Promise<string> {
  switch (format) {
    case 'pdf':
      return pdfText(bytes);
    case 'docx':
      return docxText(bytes);
    case 'html':
      return htmlText(decodeUtf8(bytes));
    case 'utf16le':
    case 'utf16be': {
      const text = new TextDecoder(format === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes);
      return MARKUP.test(text) ? withoutMarkup(text, fragmentText) : text;
    }
    case 'text': {
      if (looksBinary(bytes)) throw new Skip('binary', 'the file holds binary data, not text');
      const text = decodeUtf8(bytes);
      return MARKUP.test(text) ? withoutMarkup(text, fragmentText) : text;
    }
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Skip('not UTF-8', 'the file is not valid UTF-8 (convert it with iconv -t UTF-8)');
  }
}

/** An HTML tag (opening, closing or self-closing) inside a markdown or text file. */
const MARKUP = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/;

/** Each paragraph of a text file with markup goes through the HTML parser; only its text stays. */
async function withoutMarkup(text: string, fragmentText: (html: string) => Promise<string>): Promise<string> {
  const paragraphs = text.split(/\n{2,}/);
  for (let i = 0; i < paragraphs.length; i++) if (MARKUP.test(paragraphs[i])) paragraphs[i] = await fragmentText(paragraphs[i]);
  return paragraphs.join('\n\n');
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c && b !== 0x0b) return false;
  return true;
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

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}
