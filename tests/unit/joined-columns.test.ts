import { describe, expect, it } from 'vitest';
import { joinRow } from '../../graph/joined-columns.ts';

describe('joinRow', () => {
  it('writes numbers and lists of numbers as fields, an empty list as an empty field', () => {
    expect(joinRow([3, 2, [10, 42, -1, 0], [], 1, [7], []])).toBe('3|2|10,42,-1,0||1|7|');
  });

  it('writes each number so that it reads back as the same number', () => {
    const values = [0, 1, 17, 123456789, -1, 2.5, 0.1, 1 / 3, 1e-7, 12345678901234];
    const [scalar, list] = joinRow([values[5], values]).split('|');
    expect(Number(scalar)).toBe(2.5);
    expect(list.split(',').map(Number)).toEqual(values);
  });
});
