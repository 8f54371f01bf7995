import { describe, expect, it } from 'vitest';
import { documentId } from '../../import/ids.ts';

describe('documentId', () => {
  it('keeps the ids of the bundled corpus (a plain .txt name without its extension)', () => {
    expect(documentId('000_3c8ee0f45698604c.txt')).toBe('000_3c8ee0f45698604c');
  });
  it('gives different files different ids', () => {
    const paths = ['x.txt', 'x.md', 'x', 'x.', 'x.md.txt', 'a/x.txt', 'b/x.txt', 'a/x', 'x.TXT', 'x.pdf', 'a/b/x.txt'];
    const ids = paths.map(documentId);
    expect(new Set(ids).size).toBe(paths.length);
    expect(ids.slice(0, 3)).toEqual(['x', 'x.md', 'x/']);
    expect(documentId('a/x.txt')).toBe('a/x');
  });
  it('ignores empty and "." path segments', () => {
    expect(documentId('./a//x.txt')).toBe('a/x');
  });
});
