/** DOCX through mammoth: the document's own headings and paragraphs, as the markdown-ish text the pipeline reads. */
import mammoth from 'mammoth';
import { fragmentText } from './html.ts';

export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return fragmentText(value);
}
