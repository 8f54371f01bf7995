/**
 * HTML to the markdown-ish text the rest of the pipeline reads: a real parser (linkedom), the
 * page's main content picked by Mozilla's Readability (navigation, footers and ads left out),
 * then headings as `#` lines and every block as its own paragraph. Only text nodes are read, so
 * no markup, script or attribute survives.
 */
interface HtmlLibraries {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
}
let libraries: Promise<HtmlLibraries> | undefined;

/** linkedom and Readability, loaded on the first HTML (see pdf.ts): most files are text or markdown. */
function htmlLibraries(): Promise<HtmlLibraries> {
  return (libraries ??= Promise.all([import('linkedom'), import('@mozilla/readability')]).then(([l, r]) => ({ parseHTML: l.parseHTML, Readability: r.Readability })));
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI',
  'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR', 'FORM', 'FIELDSET', 'BODY', 'HTML',
]);
const HEADING = /^H([1-6])$/;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The readable text of an HTML page: its main content when Readability finds one, else its whole body. */
export async function htmlText(html: string): Promise<string> {
  const { parseHTML, Readability } = await htmlLibraries();
  const { document } = parseHTML(html);
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  let article: { content?: string | null; title?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const body = article?.content ? (parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode) : (parseHTML(html).document.body as unknown as DomNode | null);
  const text = body ? blocksToText(body) : '';
  const heading = (article?.title ?? title).trim();
  return heading && !text.startsWith(`# ${heading}`) ? `# ${heading}\n\n${text}` : text;
}

/** Text of an HTML fragment with block structure kept (DOCX output, markup found inside a text file). */
export async function fragmentText(html: string): Promise<string> {
  const { parseHTML } = await htmlLibraries();
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return document.body ? blocksToText(document.body as unknown as DomNode) : '';
}

function blocksToText(root: DomNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (prefix = '') => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(prefix + line);
    current = '';
  };
  // an explicit stack, not recursion: a page of 100k nested tags must not overflow the call stack
  const stack: (DomNode | { close: string })[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      const level = HEADING.exec(item.close);
      flush(level ? `${'#'.repeat(Number(level[1]))} ` : '');
      continue;
    }
    if (item.nodeType === 3) {
      current += item.textContent ?? '';
      continue;
    }
    if (item.nodeType !== 1) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += ' ';
      continue;
    }
    const isBlock = BLOCK.has(name) || HEADING.test(name);
    if (isBlock) {
      flush();
      stack.push({ close: name });
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return blocks.join('\n\n');
}
