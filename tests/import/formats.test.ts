/**
 * PDF, DOCX and HTML made at test time from corpus text import with the same people and
 * organisations as the text they were made from: the read stage turns each format into the
 * text the pipeline reads, with page furniture, navigation and markup left out.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StandardFonts, PDFDocument } from 'pdf-lib';
import { projectRoot } from '../../graph/config.ts';
import { documentText } from '../../import/read/index.ts';
import { extractDocument } from '../../import/pipeline.ts';
import { blocksAsText, corpusBlocks, encodable, makeDocx, makeHtml, makePdf, type Block } from '../support/make-documents.ts';

const source = readFileSync(join(projectRoot, 'corpus', '003_013320122c8a32e8.txt'), 'utf8');

async function pdfSafe(blocks: Block[]): Promise<Block[]> {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  return blocks.map((b) => ({ ...b, text: encodable(b.text, font).trim() })).filter((b) => b.text !== '');
}

function peopleAndOrganisations(text: string): { people: string[]; organisations: string[] } {
  const { entities } = extractDocument('bron.txt', text);
  const names = (type: string) => entities.filter((e) => e.type === type).map((e) => e.name).sort();
  return { people: names('PERSON'), organisations: names('ORGANISATION') };
}

async function importedText(bytes: Buffer | Uint8Array, format: string): Promise<string> {
  const read = await documentText(`made.${format}`, Buffer.from(bytes));
  if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
  expect(read.format).toBe(format);
  return read.text;
}

describe('formats made from corpus text', async () => {
  const blocks = await pdfSafe(corpusBlocks(source.slice(0, 40_000)));
  const expected = peopleAndOrganisations(blocksAsText(blocks));

  it('the source slice names people and organisations (the comparison is not empty)', () => {
    expect(expected.people.length).toBeGreaterThan(5);
    expect(expected.organisations.length).toBeGreaterThan(5);
    console.log(`formats: ${blocks.length} blocks, ${expected.people.length} people, ${expected.organisations.length} organisations to find in each format`);
  });

  it('a PDF (pdf-lib) with a running head and page numbers', async () => {
    const text = await importedText(await makePdf(blocks), 'pdf');
    expect(text).not.toContain('Relatieblad voor het sociaal domein');
    expect(peopleAndOrganisations(text)).toEqual(expected);
  });

  it('a DOCX (docx)', async () => {
    const text = await importedText(await makeDocx(blocks), 'docx');
    expect(peopleAndOrganisations(text)).toEqual(expected);
  });

  it('an HTML page: the article only, no navigation, script or markup', async () => {
    const text = await importedText(Buffer.from(makeHtml(blocks)), 'html');
    for (const noise of ['Akkoord', 'Privacy', 'tracker', '<', 'cookies']) expect(text).not.toContain(noise);
    expect(peopleAndOrganisations(text)).toEqual(expected);
  });
});
