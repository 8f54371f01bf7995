/**
 * PDF, DOCX and HTML files made at test time from corpus text with well-kept libraries (pdf-lib,
 * docx), so that the read stage is tested on real files without committing binaries. The source
 * is a list of blocks (headings and paragraphs); `blocksAsText` is the same content as the
 * markdown-ish text the importer reads from .md files.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { normaliseBlocks, type Block } from '../../import/normalise/normalise.ts';

export type { Block };

/** The headings and paragraphs of a slice of a corpus text, markup removed. */
export function corpusBlocks(text: string): Block[] {
  return normaliseBlocks(text).map((b) => ({ ...b, text: b.text.replace(/\*\*|__|\[|\]\([^)]*\)/g, '').trim() })).filter((b) => b.text !== '');
}

export function blocksAsText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'heading' ? `${'#'.repeat(Math.max(1, b.level || 2))} ${b.text}` : b.text)).join('\n\n');
}

/** A magazine-like PDF: wrapped lines, headings in a larger font, a running head and a page number on every page. */
export async function makePdf(blocks: Block[], runningHead = 'Movisies — Relatieblad voor het sociaal domein'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin] = [595, 842, 56];
  let page = pdf.addPage([width, height]);
  let y = height - margin - 30;
  let pageNumber = 1;
  const furniture = () => {
    page.drawText(runningHead, { x: margin, y: height - margin, size: 8, font });
    page.drawText(String(pageNumber), { x: width / 2, y: margin / 2, size: 8, font });
  };
  furniture();
  for (const block of blocks) {
    const heading = block.kind === 'heading';
    const size = heading ? 15 : 10;
    const f = heading ? bold : font;
    const lines = wrap(encodable(block.text, f), f, size, width - 2 * margin);
    y -= heading ? size : size * 0.6;
    for (const line of lines) {
      if (y < margin + size) {
        page = pdf.addPage([width, height]);
        pageNumber++;
        furniture();
        y = height - margin - 30;
      }
      page.drawText(line, { x: margin, y, size, font: f });
      y -= size * 1.25;
    }
  }
  return pdf.save();
}

/** Characters the standard PDF fonts cannot encode are left out (the source text gets the same treatment in the tests). */
export function encodable(text: string, font: PDFFont): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += ' ';
    }
  }
  return out.replace(/ {2,}/g, ' ');
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: blocks.map((b) => new Paragraph(b.kind === 'heading' ? { text: b.text, heading: HeadingLevel.HEADING_2 } : { text: b.text })) }],
  });
  return Packer.toBuffer(doc);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page: navigation, a cookie banner and a footer around the article, scripts and styles in the head. */
export function makeHtml(blocks: Block[]): string {
  const article = blocks.map((b) => (b.kind === 'heading' ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join('\n');
  return `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Movisies online</title>
<style>body { font-family: sans-serif }</style><script>window.tracker = { site: 'Movisies' };</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/thema">Thema's</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<div class="cookie-banner">Wij gebruiken cookies. <button>Akkoord</button></div>
<main><article>
${article}
</article></main>
<footer><p>© Uitgeverij Voorbeeld · <a href="/privacy">Privacy</a> · <a href="/colofon">Colofon</a></p></footer>
</body></html>`;
}
