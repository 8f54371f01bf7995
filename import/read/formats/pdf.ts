/**
 * PDF text through pdf.js (pdfjs-dist), laid out again as reading text: items grouped into lines
 * by their baseline, two-column pages read column by column, running heads and feet (a line that
 * comes back on most pages, page numbers aside) dropped, words hyphenated across lines joined, and
 * a wider gap between lines taken as a paragraph break.
 */
/** pdf.js, loaded on the first PDF: a thread that reads only text and markdown does not pay for it (a package, not a .ts module, so a worker thread can import it on demand). */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  x: number;
  size: number;
  text: string;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const width = page.view[2] - page.view[0];
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height || 10 });
      }
      pages.push(readingOrder(items, width));
      page.cleanup();
    }
    return dropRunningLines(pages).map(pageText).filter(Boolean).join('\n\n');
  } finally {
    await task.destroy();
  }
}

/** Lines of one page in reading order; a page with a gutter down its middle is read left column first. */
function readingOrder(items: Item[], pageWidth: number): Line[] {
  const gutter = findGutter(items, pageWidth);
  if (gutter === null) return toLines(items);
  return [...toLines(items.filter((i) => i.x < gutter)), ...toLines(items.filter((i) => i.x >= gutter))];
}

/** An x in the middle third of the page that no text item crosses while both sides hold many items. */
function findGutter(items: Item[], pageWidth: number): number | null {
  if (items.length < 20 || !(pageWidth > 0)) return null;
  const step = pageWidth / 60;
  for (let x = pageWidth / 3; x <= (pageWidth * 2) / 3; x += step) {
    let left = 0;
    let right = 0;
    let crossing = 0;
    for (const i of items) {
      if (i.x + i.width <= x) left++;
      else if (i.x >= x) right++;
      else crossing++;
    }
    if (crossing <= items.length * 0.02 && left >= items.length * 0.25 && right >= items.length * 0.25) return x;
  }
  return null;
}

function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let parts: Item[] = [];
  const close = () => {
    if (parts.length === 0) return;
    parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of parts) {
      if (text && p.x - end > p.size * 0.15 && !text.endsWith(' ') && !p.str.startsWith(' ')) text += ' ';
      text += p.str;
      end = p.x + p.width;
    }
    lines.push({ y: parts[0].y, x: parts[0].x, size: Math.max(...parts.map((p) => p.size)), text: text.replace(/\s+/g, ' ').trim() });
    parts = [];
  };
  for (const it of sorted) {
    if (parts.length > 0 && Math.abs(parts[0].y - it.y) > Math.min(parts[0].size, it.size) * 0.5) close();
    parts.push(it);
  }
  close();
  return lines.filter((l) => l.text !== '');
}

/** The first and last two lines of every page, digits masked: those printed on most pages are page furniture. */
function dropRunningLines(pages: Line[][]): Line[][] {
  if (pages.length < 3) return pages;
  const shape = (l: Line) => l.text.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(shape));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const running = new Set([...counts].filter(([s, n]) => n >= pages.length / 2 || s === '#').map(([s]) => s));
  return pages.map((lines) =>
    lines.filter((l, i) => !((i < 2 || i >= lines.length - 2) && running.has(shape(l)))),
  );
}

/** Lines joined into paragraphs: a gap taller than one and a half lines starts a new one; a hyphen at a line end joins the word. */
function pageText(lines: Line[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0) {
      out = line.text;
      continue;
    }
    const prev = lines[i - 1];
    const gap = prev.y - line.y;
    const newParagraph = gap > Math.max(prev.size, line.size) * 1.6 || gap < 0 || Math.abs(prev.size - line.size) > 1.5;
    if (newParagraph) out += `\n\n${line.text}`;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line.text)) out = out.slice(0, -1) + line.text;
    else out += ` ${line.text}`;
  }
  return out;
}
