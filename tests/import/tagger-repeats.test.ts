import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNerModel } from '../../import/tag/ner/index.ts';
import { repeatedSentences } from '../../import/tag/ner/model.ts';
import type { TypeInfo } from '../../import/tag/ner/features.ts';

const model = loadNerModel();
afterEach(() => {
  model.reuseRepeats = true;
});

function bothWays<T>(run: () => T): [T, T] {
  model.reuseRepeats = false;
  const each = run();
  model.reuseRepeats = true;
  return [each, run()];
}

describe('repeated sentences in the tagger', () => {
  it('finds the first earlier sentence with the same word types in the same order, and nothing else', () => {
    const sentences = [['Jan', 'woont', 'in', 'Gouda', '.'], ['Gouda', 'woont', 'in', 'Jan', '.'], ['Jan', 'woont', 'in', 'Gouda', '.'], ['Jan', 'woont', 'in', 'Gouda'], ['Jan', 'woont', 'in', 'Gouda', '.'], []];
    const infos = model.features.typeInfosOfDocument(sentences);
    expect(Array.from(repeatedSentences(infos))).toEqual([-1, -1, 0, -1, 0, -1]);
    // a skipped sentence is neither an original nor a repeat
    expect(Array.from(repeatedSentences(infos, [true, false, false, false, false, false]))).toEqual([-1, -1, -1, -1, 2, -1]);
    // the same words as other word types (a fresh cache) are not the same sentence
    const other: TypeInfo[][] = [infos[0], infos[0].map((t) => ({ ...t, id: t.id + 1e9 }))];
    expect(Array.from(repeatedSentences(other))).toEqual([-1, -1]);
  });

  it('gives a repeat the spans and scores it gets when tagged on its own, at its own offsets', () => {
    const sentence = 'Kim Putters van Movisie sprak in Zaanstad over eenzaamheid.';
    // the same tokens with other spacing (offsets and span texts differ), among other sentences
    const text = [sentence, 'De wethouder van Utrecht, Piet  Jansen, was er ook.', sentence, sentence.replace('Kim Putters', 'Kim   Putters'), sentence].join(' ');
    const [each, reused] = bothWays(() => model.tagText(text));
    expect(reused).toEqual(each);
    expect(reused.filter((s) => s.text.startsWith('Kim')).map((s) => s.text)).toEqual(['Kim Putters', 'Kim Putters', 'Kim   Putters', 'Kim Putters']);
  });

  it('changes nothing on a magazine read twice in one document, nor on tagged sentences', () => {
    const magazine = readFileSync(new URL('../../corpus/' + '002_d9fb3ed10ee06fe1.txt', import.meta.url), 'utf8').slice(0, 40_000);
    const [each, reused] = bothWays(() => model.tagText(`${magazine}\n\n${magazine}`));
    expect(reused).toEqual(each);
    expect(reused.length).toBeGreaterThan(50);
    const sentences = [['Piet', 'Jansen', 'werkt', 'bij', 'de', 'GGD', '.'], ['Hij', 'woont', 'in', 'Zwolle', '.'], ['Piet', 'Jansen', 'werkt', 'bij', 'de', 'GGD', '.']];
    const [eachTags, reusedTags] = bothWays(() => model.tagSentences(sentences));
    expect(reusedTags).toEqual(eachTags);
    expect(reusedTags[2]).toEqual(reusedTags[0]);
    expect(reusedTags[2]).not.toBe(reusedTags[0]);
  });
});
