/** The search input -> Lucene query translation (pure): user text never becomes query syntax. */
import { describe, expect, it } from 'vitest';

import { buildLuceneQuery, escapeLucene, foldText, searchTerms } from '../../graph/queries/search.ts';

describe('search input', () => {
  it('folds case and diacritics like the index does', () => {
    expect(foldText('PiëzoMethodiek')).toBe('piezomethodiek');
    expect(searchTerms('  Café   Ede-Zuid ')).toEqual(['cafe', 'ede', 'zuid']);
  });

  it('escapes every Lucene special character and the operators', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
    expect(escapeLucene('AND')).toBe('"AND"');
    expect(escapeLucene('NOT')).toBe('"NOT"');
  });

  it('keeps only words: no syntax of the input survives', () => {
    for (const input of ['"foo', '(a AND b', 'a:b', 'x~2', 'pie*', '[1 TO 5]', 'a && b || !c', '\\', '/regex/']) {
      const query = buildLuceneQuery(input);
      if (query === null) continue;
      // What remains: our own clauses around plain lower-case words.
      expect(query.replace(/\+\(|\)|\^\d|\*|~1|"|\bOR\b/g, ' ')).toMatch(/^[\p{Ll}\p{N}\s+]*$/u);
    }
  });

  it('returns null when nothing searchable is left', () => {
    for (const input of ['', '   ', '*', '~', '\\', '()', '"', '+-!']) expect(buildLuceneQuery(input)).toBeNull();
  });

  it('makes every word required, the last one also as a prefix, longer ones fuzzy, and boosts the phrase', () => {
    expect(buildLuceneQuery('kim put')).toBe('+(kim^4) +(put^4 OR put*^2) "kim put"^6');
    expect(buildLuceneQuery('piezo')).toBe('+(piezo^4 OR piezo*^2 OR piezo~1)');
  });

  it('does not require stop words the index drops, but lets a last one be a prefix', () => {
    expect(buildLuceneQuery('jeugd in')).toBe('+(jeugd^4 OR jeugd~1) +in*');
    expect(buildLuceneQuery('wonen in zaanstad')).toBe('+(wonen^4 OR wonen~1) +(zaanstad^4 OR zaanstad*^2 OR zaanstad~1) "wonen zaanstad"^6');
  });
});
