import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NerModelError, loadNerModel } from '../../import/tag/ner/index.ts';
import { HashedClusterTable } from '../../import/tag/ner/clusters-table.ts';
import { parseConll, scoreConll } from '../../import/tag/ner/conll.ts';
import { LEX } from '../../import/tag/ner/lexicon.ts';
import { buildLexicon } from '../../import/tag/ner/lexicon-sources.ts';
import { ALL_FEATURES } from '../../import/tag/ner/features.ts';
import { trainNerModel } from '../../import/tag/ner/train.ts';
import { tokenise } from '../../import/tag/ner/tokenise.ts';
import { decodeModel } from '../../import/tag/ner/model-file.ts';
import { shippedTagger } from '../support/shipped-tagger.ts';
import { EmissionScorer, PairedEmissionScorer } from '../../import/tag/ner/scorer.ts';
import { FeatureExtractor } from '../../import/tag/ner/features.ts';
import { type ChainWeights, emissions, viterbi } from '../../import/tag/ner/perceptron.ts';
import { documentFeatures, flatDocumentFeatures } from '../../import/tag/ner/document.ts';
import { bilouToBio } from '../../import/tag/ner/labels.ts';

const spansOf = (text: string) => loadNerModel().tagText(text).map((s) => `${s.label}:${s.text}`);

describe('shipped Dutch NER model on invented sentences', () => {
  it('finds a person with a common first name, a municipality and a stichting', () => {
    const spans = spansOf('Vorige week opende wethouder Pieter Jansen in Zwolle het nieuwe pand van Stichting De Brug.');
    expect(spans).toEqual(expect.arrayContaining(['PER:Pieter Jansen', 'LOC:Zwolle', 'ORG:Stichting De Brug']));
  });

  it('keeps a surname particle inside the person and gives exact offsets and scores', () => {
    const text = 'Volgens Marieke van der Berg van het buurthuis in Amersfoort\nloopt het project goed.';
    const spans = loadNerModel().tagText(text);
    const person = spans.find((s) => s.label === 'PER');
    expect(person?.text).toBe('Marieke van der Berg');
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(spans.some((s) => s.label === 'LOC' && s.text === 'Amersfoort')).toBe(true);
  });

  it('does not tag ordinary capitalised sentence starts', () => {
    expect(spansOf('Gisteren was het druk. Daarna gingen alle bewoners naar huis.')).toEqual([]);
  });

  it('tags given sentences with BIO labels, one per token', () => {
    const [tags] = loadNerModel().tagSentences([['Sanne', 'Visser', 'woont', 'in', 'Utrecht', '.']]);
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']);
  });

  it('answers word-list questions from the lists baked into the model', () => {
    const model = loadNerModel();
    expect(model.hasLexiconEntry(LEX.DICT_LOWER, 'Fietsenstalling')).toBe(true);
    expect(model.hasLexiconEntry(LEX.DICT_LOWER, 'Xqzvbrt')).toBe(false);
    expect(model.hasLexiconEntry(LEX.MUNICIPALITY, 'Zwolle')).toBe(true);
    expect(model.hasLexiconEntry(LEX.FIRST_NAME, 'Pieter')).toBe(true);
  });

  it('scores only the span types it is asked to, with the same confidences', () => {
    const text = 'Vorige week opende wethouder Pieter Jansen in Zwolle het nieuwe pand van Stichting De Brug.';
    const all = loadNerModel().tagText(text);
    const orgOnly = loadNerModel().tagText(text, undefined, ['ORG']);
    expect(orgOnly.map((s) => s.text)).toEqual(all.map((s) => s.text));
    expect(orgOnly.some((s) => s.label === 'ORG') && orgOnly.some((s) => s.label !== 'ORG')).toBe(true);
    orgOnly.forEach((s, k) => expect(s.score).toBe(s.label === 'ORG' ? all[k].score : NaN));
  });

  it('honours caller-given sentence ranges', () => {
    const text = 'Jan Smit belde. Els Bakker schreef.';
    const spans = loadNerModel().tagText(text, [{ start: 0, end: 15 }, { start: 16, end: text.length }]);
    expect(spans.map((s) => s.text)).toEqual(['Jan Smit', 'Els Bakker']);
  });
});

describe('tokeniser', () => {
  it('keeps offsets exact and Dutch tokens whole', () => {
    const text = "Dr. J. de Wit (tel. 06-12) woont in 's-Hertogenbosch, o.a. bij Noord-Holland.";
    const tokens = tokenise(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['Dr.', 'J.', 'de', 'Wit', '(', 'tel.', '06-12', ')', 'woont', 'in', "'s-Hertogenbosch", ',', 'o.a.', 'bij', 'Noord-Holland', '.']);
  });

  it('reads punctuation and words before a colon or dot alike with and without an address in the text', () => {
    const prose = 'Zie blz. 4: de wijk.Daar, (zo) "ja"/nee? Tel.: 12';
    const words = ['Zie', 'blz.', '4', ':', 'de', 'wijk', '.', 'Daar', ',', '(', 'zo', ')', '"', 'ja', '"', '/', 'nee', '?', 'Tel.', ':', '12'];
    expect(tokenise(prose).map((t) => t.text)).toEqual(words);
    // an e-mail address in the text takes the tokeniser's other path: the same tokens around it
    expect(tokenise(`${prose} via info@wijk.nl`).map((t) => t.text)).toEqual([...words, 'via', 'info@wijk.nl']);
    expect(tokenise('mail jan.smit@wijk.nl of bel.').map((t) => t.text)).toEqual(['mail', 'jan.smit@wijk.nl', 'of', 'bel', '.']);
  });
});

// An invented slice in CoNLL format: small enough to train in well under a second.
const SLICE = `-DOCSTART- -DOCSTART- O
Wethouder N O
Karin N B-PER
de Art I-PER
Groot N I-PER
opende V O
in Prep O
Deventer N B-LOC
het Art O
kantoor N O
van Prep O
Stichting N B-ORG
Thuis N I-ORG
Dichtbij N I-ORG
. Punc O

De Art O
Groot N B-PER
sprak V O
met Prep O
bewoners N O
uit Prep O
Deventer N B-LOC
. Punc O

-DOCSTART- -DOCSTART- O
Bas N B-PER
Mulder N I-PER
leidt V O
de Art O
Vereniging N B-ORG
Buurtzorg N I-ORG
Oost N I-ORG
in Prep O
Tilburg N B-LOC
tijdens Prep O
de Art O
Week N B-MISC
van Prep I-MISC
de Art I-MISC
Buurt N I-MISC
. Punc O

Mulder N B-PER
woont V O
in Prep O
Breda N B-LOC
. Punc O
`;

function trainSlice() {
  const docs = parseConll(SLICE);
  const lexicon = buildLexicon({ [LEX.FIRST_NAME]: ['Karin', 'Bas'], [LEX.ORG_HEAD]: ['Stichting', 'Vereniging'], [LEX.MUNICIPALITY]: ['Deventer', 'Tilburg'] }, 16);
  const clusters = HashedClusterTable.fromMap(new Map([['deventer', [1, 2]], ['tilburg', [1, 2]], ['breda', [1, 3]]]), 2);
  return trainNerModel(docs, lexicon, clusters, { seed: 7, epochs: 4, folds: 2, hashBits: 14, features: ALL_FEATURES });
}

describe('training', () => {
  it('is deterministic: the same slice and seed give byte-identical model files', () => {
    const a = trainSlice().toBuffer();
    const b = trainSlice().toBuffer();
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  });

  it('learns the slice it was trained on', () => {
    const model = trainSlice();
    const docs = parseConll(SLICE);
    const gold = docs.flatMap((d) => d.map((s) => s.tags));
    const predicted = docs.flatMap((d) => model.tagSentences(d.map((s) => s.words)));
    expect(scoreConll(gold, predicted).overall.correct).toBe(scoreConll(gold, gold).overall.correct);
  });

  it('round-trips through the model file with the same predictions', () => {
    const model = trainSlice();
    const dir = mkdtempSync(join(tmpdir(), 'ner-'));
    const path = join(dir, 'slice.bin.gz');
    writeFileSync(path, model.toBuffer());
    const loaded = loadNerModel(path);
    const sentences = [['Karin', 'Mulder', 'woont', 'in', 'Tilburg', '.'], ['Stichting', 'Thuis', 'Dichtbij', 'groeit', '.']];
    expect(loaded.tagSentences(sentences)).toEqual(model.tagSentences(sentences));
    expect(loaded.tagText('Bas de Groot woont in Breda.')).toEqual(model.tagText('Bas de Groot woont in Breda.'));
    expect(loadNerModel(path)).toBe(loaded); // loaded once per process
  });
});

describe('paired emission scorer', () => {
  it('gives exactly the sums of one scorer per pass, pass 2 with its document features', () => {
    const model = trainSlice();
    const { header, sections } = decodeModel(model.toBuffer());
    const scales = header.scales as [number, number];
    const weights = (k: 1 | 2): ChainWeights => ({
      hashBits: 14,
      emission: sections.get(`pass${k}Emission`) as Int16Array,
      scale: scales[k - 1],
      transition: sections.get(`pass${k}Transition`) as Float32Array,
    });
    const features = new FeatureExtractor(model.lexicon, model.clusters, ALL_FEATURES);
    const one = new EmissionScorer(weights(1), features);
    const two = new EmissionScorer(weights(2), features);
    const paired = new PairedEmissionScorer(weights(1), weights(2), features);
    const words = ['Karin', 'Mulder', 'van', 'Stichting', 'Thuis', 'woont', 'in', '"', 'Tilburg', '"', '.'];
    const extra = words.map((_, i) => [i * 7919, 12345 + i]);
    const infos = features.typeInfos(words);
    const first = new Float64Array(words.length * 17);
    const partial = new Int32Array(words.length * 17);
    paired.firstPass(infos, first, partial);
    expect([...first]).toEqual([...one.emissions(words)]);
    const second = new Float64Array(words.length * 17);
    const flat = new Uint32Array(extra.flat());
    const offsets = Uint32Array.from({ length: words.length + 1 }, (_, i) => 2 * i);
    paired.secondPass(partial, words.length, flat, offsets, second);
    expect([...second]).toEqual([...two.emissions(words, extra)]);
    expect(first.some((x) => x !== 0)).toBe(true);
  });

  it('the shipped model: fast sums equal the reference sums, and whole documents tag as the reference path does (both full passes)', () => {
    const { model, features, weights } = shippedTagger();
    const w1 = weights(1);
    const w2 = weights(2);
    const paired = new PairedEmissionScorer(w1, w2, features);
    const documents = [
      [
        ['Wethouder', 'Anouk', 'Verbeek', 'van', 'Deventer', 'opende', 'het', 'Huis', 'van', 'de', 'Wijk', '.'],
        ['Verbeek', 'zei', 'dat', 'Stichting', 'Samen', 'Sterk', 'de', 'buurt', 'helpt', '.'],
        ['Het', 'was', 'een', 'mooie', 'dag', 'voor', 'iedereen', '.'],
        ['Samen', 'Sterk', 'werkt', 'met', 'de', 'gemeente', 'Deventer', 'en', '"', 'Het', 'Buurthuis', '"', '.'],
      ],
      [['De', 'Buurtkamer', 'in', 'Enschede', 'en', 'Verbeek', 'BV', 'tekenden', '.'], ['Buurtkamer'], ['Enschede', 'groeit', 'snel', ',', 'zegt', 'Karel', 'Bos', '.']],
    ];
    for (const doc of documents) {
      const infos = features.typeInfosOfDocument(doc);
      const capitalisedMid = new Set(infos.flatMap((sentence) => sentence.slice(1).filter((t) => t.cap).map((t) => t.lower)));
      const plain = doc.map((_, s) => features.isPlain(infos[s], capitalisedMid));
      const em1 = doc.map((words) => emissions(w1, features.sentence(words)));
      const pass1 = doc.map((words, s) => (plain[s] ? new Uint8Array(words.length) : viterbi(em1[s], words.length, w1.transition as Float64Array)));
      const extra = documentFeatures(doc, pass1, plain);
      const flat = flatDocumentFeatures(doc, pass1, plain, infos);
      const expected = doc.map((words, s) => {
        if (plain[s]) return words.map(() => 'O');
        const n = words.length;
        const em2 = emissions(w2, features.sentence(words, extra[s]));
        const first = new Float64Array(n * 17);
        const partial = new Int32Array(n * 17);
        paired.firstPass(infos[s], first, partial);
        expect([...first]).toEqual([...em1[s]]);
        const second = new Float64Array(n * 17);
        paired.secondPass(partial, n, flat.feats, flat.offsets, second, flat.first[s]);
        expect([...second]).toEqual([...em2]);
        return bilouToBio(viterbi(em2, n, w2.transition as Float64Array));
      });
      expect(model.tagSentences(doc)).toEqual(expected);
      expect(expected.flat().some((tag) => tag !== 'O')).toBe(true);
      expect(plain.some((p) => !p)).toBe(true);
    }
  });

  it('writes back the weights it was given (the model file is unchanged by a load and save)', () => {
    const buffer = trainSlice().toBuffer();
    const dir = mkdtempSync(join(tmpdir(), 'ner-resave-'));
    const path = join(dir, 'slice.bin.gz');
    writeFileSync(path, buffer);
    expect(gunzipSync(loadNerModel(path).toBuffer()).equals(gunzipSync(buffer))).toBe(true);
  });
});

describe('model file errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-bad-'));
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('a missing file is a NerModelError that says how to make it', () => {
    expect(() => loadNerModel(join(dir, 'nope.bin.gz'))).toThrow(NerModelError);
    expect(() => loadNerModel(join(dir, 'nope.bin.gz'))).toThrow(/npm run train/);
  });

  it('garbage, a foreign gzip and a truncated model are NerModelErrors', () => {
    expect(() => loadNerModel(write('garbage.bin.gz', Buffer.from('not a model at all')))).toThrow(NerModelError);
    expect(() => loadNerModel(write('foreign.bin.gz', gzipSync(Buffer.from('{"hello": "world"}'))))).toThrow(/bad magic/);
    const good = trainSlice().toBuffer();
    const raw = gunzipSync(good);
    expect(() => loadNerModel(write('truncated.bin.gz', gzipSync(raw.subarray(0, raw.length - 100))))).toThrow(/truncated/);
    const wrongVersion = Buffer.from(raw);
    wrongVersion.writeUInt16LE(99, 6);
    expect(() => loadNerModel(write('version.bin.gz', gzipSync(wrongVersion)))).toThrow(/format 99/);
  });
});
