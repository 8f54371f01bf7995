import { describe, expect, it } from 'vitest';
import { normalise, normaliseBlocks, stripInlineMarkdown } from '../../import/normalise/normalise.ts';

describe('normalise: PDF-extracted text', () => {
  it('joins words hyphenated across lines, also across blank lines', () => {
    expect(normalise('Het gaat om de samen-\n\nleving van nu.')).toBe('Het gaat om de samenleving van nu.');
    expect(normalise('de inzet van status-\nhouders')).toBe('de inzet van statushouders');
  });

  it('keeps real hyphens: acronym prefixes, one-letter prefixes and capitalised second parts', () => {
    expect(normalise('het LHBTI-\nbeleid')).toBe('het LHBTI-beleid');
    expect(normalise('stuur een e-\nmail')).toBe('stuur een e-mail');
    expect(normalise('in Noord-\nHolland')).toBe('in Noord-Holland');
  });

  it('unwraps lines that end in a space (the PDF wrap marker) into one paragraph', () => {
    const raw = 'Kim Putters, directeur van het SCP, pleit voor meer \n\ndialoog en intensiever \n\nsamenspel.\n\nNieuwe alinea.';
    expect(normaliseBlocks(raw).map((b) => b.text)).toEqual([
      'Kim Putters, directeur van het SCP, pleit voor meer dialoog en intensiever samenspel.',
      'Nieuwe alinea.',
    ]);
  });

  it('continues a paragraph after a blank line when it ends in a dangling word or open bracket', () => {
    expect(normalise('Foto: Joris van\n\nGennep (pag.\n\n7)')).toBe('Foto: Joris van Gennep (pag. 7)');
  });

  it('drops page numbers, running heads and rules but keeps short title lines', () => {
    const raw = 'Stokje doorgeven\nHet verhaal begint hier.\n\n17\n\nMOVISIES | februari 2018\n\n---\n\nVolgende alinea.';
    expect(normaliseBlocks(raw).map((b) => b.text)).toEqual(['Stokje doorgeven', 'Het verhaal begint hier.', 'Volgende alinea.']);
  });

  it('repairs ligatures and e-mail addresses broken after the @', () => {
    expect(normalise('de ﬁnanciële situatie')).toBe('de financiële situatie');
    expect(normalise('mail m.bool@ movisie.nl voor info')).toBe('mail m.bool@movisie.nl voor info');
  });
});

describe('normalise: markdown', () => {
  it('keeps headings as heading blocks with their level', () => {
    const blocks = normaliseBlocks('# MOVISIES\n\n## Elf inspirerende instrumenten\n\nTekst.');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'MOVISIES' },
      { kind: 'heading', level: 2, text: 'Elf inspirerende instrumenten' },
      { kind: 'para', level: 0, text: 'Tekst.' },
    ]);
  });

  it('strips bold, escapes and link syntax but keeps the visible text and e-mail addresses', () => {
    expect(stripInlineMarkdown('**Meer informatie:** Anne ([a.jansen@movisie.nl](mailto:a.jansen@movisie.nl))')).toBe(
      'Meer informatie: Anne (a.jansen@movisie.nl)',
    );
    expect(stripInlineMarkdown('februari 2018 \\* nummer 1')).toBe('februari 2018 * nummer 1');
    expect(stripInlineMarkdown('zie [movisie.nl/publicaties](http://movisie.nl/publicaties).')).toBe('zie movisie.nl/publicaties.');
  });

  it('keeps curly quotes', () => {
    expect(normalise('het essay ‘Een lokaal sociaal contract’')).toBe('het essay ‘Een lokaal sociaal contract’');
  });
});
