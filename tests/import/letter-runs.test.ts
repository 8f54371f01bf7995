import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eachLetterDigitRun } from '../../import/resolve/letter-runs.ts';

function runs(text: string): string[] {
  const out: string[] = [];
  eachLetterDigitRun(text, (start, end) => out.push(`${start}:${text.slice(start, end)}`));
  return out;
}

const byRegex = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => `${m.index}:${m[0]}`);

describe('runs of letters and digits', () => {
  it('are the runs of /[\\p{L}\\p{N}]+/u: accents, digits, other scripts, astral letters, lone surrogates, edges', () => {
    const texts = [
      '', ' ', 'a', 'Kim Putters (Movisie) sprak in Zaanstad.', "O'Neil en Ünal-Çelik, 2e kwartaal 2024: café-¼-½ ١٢٣ 東京",
      'x𝒜y 𝟘 \ud835 lone \udc00 end', '𝒜', 'ab\ud835', 'éé–éé', '\u00a0nbsp\u2009thin\u00adsoft',
    ];
    for (const text of texts) expect(runs(text)).toEqual(byRegex(text));
  });

  it('agree with the regular expression on a magazine', () => {
    const text = readFileSync(new URL('../../corpus/001_a1a686f12efebd4e.txt', import.meta.url), 'utf8');
    expect(runs(text)).toEqual(byRegex(text));
  });
});
