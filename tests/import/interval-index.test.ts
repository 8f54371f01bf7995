import { describe, expect, it } from 'vitest';
import { IntervalIndex } from '../../import/type/interval-index.ts';
import { fillGaps } from '../../import/type/fill-gaps.ts';
import type { EntityMention } from '../../import/model.ts';

/** The plain definitions the index must agree with. */
const overlapsNaive = (xs: { start: number; end: number }[], s: number, e: number) => xs.some((x) => x.start < e && s < x.end);
const containsNaive = (xs: { start: number; end: number }[], s: number, e: number) => xs.some((x) => x.start <= s && e <= x.end);

describe('IntervalIndex', () => {
  it('answers overlap and containment as the pairwise definitions do, on nested, touching and random intervals', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const xs = Array.from({ length: Math.floor(random() * 12) }, () => {
        const start = Math.floor(random() * 60);
        return { start, end: start + 1 + Math.floor(random() * 15) };
      });
      const index = new IntervalIndex(xs);
      for (let s = 0; s < 70; s++) {
        for (let e = s + 1; e < s + 20; e++) {
          expect(index.overlaps(s, e)).toBe(overlapsNaive(xs, s, e));
          expect(index.contains(s, e)).toBe(containsNaive(xs, s, e));
        }
      }
    }
  });

  it('treats touching intervals as apart', () => {
    const index = new IntervalIndex([{ start: 10, end: 20 }]);
    expect(index.overlaps(20, 25)).toBe(false);
    expect(index.overlaps(5, 10)).toBe(false);
    expect(index.overlaps(19, 21)).toBe(true);
  });
});

describe('fillGaps', () => {
  const m = (type: EntityMention['type'], start: number, end: number): EntityMention => ({ type, name: `${type}${start}`, surface: 'x', start, end });

  it('adds only tagger spans that overlap no kept rule mention (themes do not block), in text order', () => {
    const kept = [m('PERSON', 0, 10), m('THEME', 20, 30), m('ORGANISATION', 40, 50)];
    const proposed = [m('PROGRAMME', 5, 12), m('ORGANISATION', 22, 28), m('MUNICIPALITY', 50, 55), m('PERSON', 45, 60)];
    expect(fillGaps(kept, proposed).map((x) => [x.type, x.start])).toEqual([
      ['PERSON', 0],
      ['THEME', 20],
      ['ORGANISATION', 22],
      ['ORGANISATION', 40],
      ['MUNICIPALITY', 50],
    ]);
  });
});
