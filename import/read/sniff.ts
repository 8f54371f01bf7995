/**
 * What a file is, from its bytes, never from its name: PDF and DOCX by their signature and
 * structure (file-type reads the ZIP directory), other known binary formats by theirs, HTML by
 * its leading markup; everything else is text.
 */
import { fileTypeFromBuffer } from 'file-type';

export type Format = 'pdf' | 'docx' | 'html' | 'text' | 'utf16le' | 'utf16be';

export type Sniffed = { format: Format } | { format: 'other'; name: string };

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)\b/i;

export async function sniff(bytes: Buffer): Promise<Sniffed> {
  // a PDF may carry a few bytes of junk before its header; readers accept it within the first kilobyte
  if (bytes.subarray(0, 1024).includes('%PDF-')) return { format: 'pdf' };
  // text in UTF-16 says so with its byte-order mark (file-type would read some as audio)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { format: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { format: 'utf16be' };
  const type = await fileTypeFromBuffer(bytes);
  if (type?.ext === 'pdf') return { format: 'pdf' };
  if (type?.ext === 'docx') return { format: 'docx' };
  if (type && !['xml', 'html'].includes(type.ext)) return { format: 'other', name: `${type.mime} (.${type.ext})` };
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  if (HTML_START.test(head)) return { format: 'html' };
  return { format: 'text' };
}
