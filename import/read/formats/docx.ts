/** DOCX through mammoth: the document's own headings and paragraphs, as the markdown-ish text the pipeline reads. */
import { fragmentText } from './html.ts';

/** mammoth, loaded on the first DOCX (see pdf.ts). */
let mammothModule: Promise<typeof import('mammoth')> | undefined;

export async function docxText(bytes: Buffer): Promise<string> {
  const { convertToHtml } = await (mammothModule ??= import('mammoth'));
  const { value } = await convertToHtml({ buffer: bytes });
  return fragmentText(value);
}
