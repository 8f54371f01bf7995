import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Uint32Set, hashString, seededRandom } from '../../import/tag/ner/hash.ts';
import { WordTable } from '../../import/tag/ner/word-table.ts';
import { shippedTagger } from '../support/shipped-tagger.ts';
import { EmissionScorer, PairedEmissionScorer } from '../../import/tag/ner/scorer.ts';
import { splitSentences, tokenise, tokeniseList } from '../../import/tag/ner/tokenise.ts';

describe('word table', () => {
  it('finds a word by its string and by its range of a text, through growth, and nothing else', () => {
    const table = new WordTable<number>();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}é`);
    words.forEach((w, i) => table.add(w, WordTable.hash(w), i));
    expect(table.size).toBe(words.length);
    const text = ` ${words.join(' ')} `;
    let at = 0;
    for (let i = 0; i < words.length; i += 97) {
      const w = words[i];
      const start = text.indexOf(` ${w} `, at) + 1;
      at = start;
      expect(WordTable.hashRange(text, start, start + w.length)).toBe(hashString(w));
      expect(table.find(w, WordTable.hash(w))).toBe(i);
      expect(table.findRange(text, start, start + w.length, WordTable.hashRange(text, start, start + w.length))).toBe(i);
    }
    // a prefix, a longer word and an unknown word are not found
    expect(table.find('w1', WordTable.hash('w1'))).toBeUndefined();
    expect(table.find(`${words[5]}x`, WordTable.hash(`${words[5]}x`))).toBeUndefined();
    expect(table.findRange('zzz', 0, 3, WordTable.hashRange('zzz', 0, 3))).toBeUndefined();
    table.clear();
    expect(table.find(words[0], WordTable.hash(words[0]))).toBeUndefined();
  });
});

describe('Uint32Set', () => {
  it('holds exactly the keys added since the last reset', () => {
    const set = new Uint32Set();
    const random = seededRandom(3);
    const keys = Array.from({ length: 5000 }, () => Math.floor(random() * 2 ** 32));
    set.reset();
    keys.slice(0, 2500).forEach((k) => set.add(k));
    const added = new Set(keys.slice(0, 2500));
    for (const k of keys) expect(set.has(k)).toBe(added.has(k));
    expect(set.has(0)).toBe(added.has(0));
    set.reset();
    expect(keys.some((k) => set.has(k))).toBe(false);
  });
});

describe('sentence splitting on token ranges', () => {
  it('splits after . ! ? … and closing quotes, not before a lower-case word (accented ones too)', () => {
    const text = 'Hij zei: "Kom!" Daarna ging hij… Naar huis.\nénige twijfel bleef?\nJa. (Zeker.) Klaar';
    const sentences = splitSentences(text, tokenise(text)).map((s) => s.map((t) => t.text).join(' '));
    expect(sentences).toEqual(['Hij zei : " Kom ! "', 'Daarna ging hij …', 'Naar huis . énige twijfel bleef ?', 'Ja .', '( Zeker . )', 'Klaar']);
  });

  it('gives the same tokens with or without their strings', () => {
    const text = "Dr. J. de Wit (tel. 06-12) mailt info@wijk.nl vanuit 's-Hertogenbosch.";
    const withWords = tokeniseList(text);
    const ranges = tokeniseList(text, false);
    expect(ranges.words).toEqual([]);
    expect(Array.from(ranges.starts.subarray(0, ranges.length))).toEqual(Array.from(withWords.starts.subarray(0, withWords.length)));
    expect(Array.from(ranges.ends.subarray(0, ranges.length))).toEqual(Array.from(withWords.ends.subarray(0, withWords.length)));
    for (let k = 0; k < withWords.length; k++) expect(text.slice(withWords.starts[k], withWords.ends[k])).toBe(withWords.words[k]);
  });

  it("hashes each token as it reads it: the word table's hash of the token's word, on every path of the tokeniser", () => {
    const corpusText = readFileSync(new URL('../../corpus/002_d9fb3ed10ee06fe1.txt', import.meta.url), 'utf8').slice(0, 30_000);
    const texts = [
      "Dr. J. de Wit (tel. 06-12) mailt info@wijk.nl vanuit 's-Hertogenbosch. Zie www.movisie.nl, o.a. bij B.V. Zorg: 2.500 3e",
      'Prof. Ünal zei: "Één, twee; drie!" Het eind.', // non-ASCII letters, abbreviation, punctuation, quotes
      'enz. etc. bijv. Movisie. Utrecht: werk', // abbreviations and words before "." and ":" in prose
      'x', '', 'Einde zonder punt',
      corpusText,
    ];
    for (const text of texts) {
      const list = tokeniseList(text);
      expect(list.length).toBe(list.words.length);
      for (let k = 0; k < list.length; k++) expect([list.words[k], list.hashes[k] >>> 0]).toEqual([list.words[k], hashString(list.words[k])]);
    }
  });
});

describe('paired scorer word sums', () => {
  it('stay exact after the arena of word sums is made anew (more words than it holds)', () => {
    const { features, weights } = shippedTagger();
    const paired = new PairedEmissionScorer(weights(1), weights(2), features);
    const reference = new EmissionScorer(weights(1), features);
    const sentence = ['Wethouder', 'Anouk', 'Verbeek', 'opende', 'in', 'Zwolle', 'het', 'Huis', 'van', 'de', 'Wijk', '.'];
    const firstPass = (words: string[]) => {
      const out = new Float64Array(words.length * 17);
      paired.firstPass(features.typeInfos(words), out, new Int32Array(words.length * 17));
      return [...out];
    };
    const expected = [...reference.emissions(sentence)];
    expect(firstPass(sentence)).toEqual(expected);
    // 50 000 words never seen before, 100 to a sentence: more than one arena holds
    for (let s = 0; s < 500; s++) firstPass(Array.from({ length: 100 }, (_, i) => `Xq${s}v${i}`));
    expect(firstPass(sentence)).toEqual(expected);
    expect(firstPass(['Zwolle'])).toEqual([...reference.emissions(['Zwolle'])]);
  });
});
