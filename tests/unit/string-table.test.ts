import { describe, expect, it } from 'vitest';
import { StringTable } from '../../graph/string-table.ts';

describe('StringTable', () => {
  it('sends each distinct string once and puts positions in place of the repeats', () => {
    const table = new StringTable();
    const snippets = [['Zorg in de wijk.', 'Jongeren en school.'], [], ['Zorg in de wijk.']];
    const refs = snippets.map((list) => table.refs(list));
    expect(table.strings).toEqual(['Zorg in de wijk.', 'Jongeren en school.']);
    expect(refs).toEqual([[0, 1], [], [0]]);
    // positions give back the lists, in their order and with their repeats
    expect(refs.map((list) => list.map((k) => table.strings[k]))).toEqual(snippets);
  });
});
