/**
 * A trained tagger: lexicon + clusters + the two linear-chain passes (sentence level, then with
 * document features from the first pass), and its model-file round trip.
 */
import { HashedClusterTable } from './clusters-table.ts';
import { Uint32Set } from './hash.ts';
import { documentFeatures, flatDocumentFeaturesOfLabels } from './document.ts';
import { FEATURE_VERSION, FeatureExtractor, type FeatureOptions, type TypeInfo } from './features.ts';
import { ENTITY_TYPES, LABEL_COUNT, MODEL_LABELS, bilouToBio, prefixOf, typeOf, type NerLabel } from './labels.ts';
import { Lexicon, foldHash, keyOf } from './lexicon.ts';
import { ModelFileError, decodeModel, encodeModel } from './model-file.ts';
import { type ChainWeights, type Transitions, confidences, prepareTransitions, viterbi } from './perceptron.ts';
import { EmissionScorer, PairedEmissionScorer } from './scorer.ts';
import { type TokenList, sentenceStarts, tokeniseList } from './tokenise.ts';

/** Largest scratch buffer (values) kept between calls: 8 MB, some 60 000 tokens in one sentence. */
const MAX_SCRATCH = 2 ** 20;

export interface NerSpan {
  label: NerLabel;
  start: number;
  end: number;
  text: string;
  /** Confidence 0..1: the lowest marginal probability of the span's labels (NaN for a type tagText was not asked to score). */
  score: number;
}

export interface ModelMeta {
  /** What made the model: data, command, seed, scores; free-form, kept in the file header. */
  training: Record<string, unknown>;
  options: FeatureOptions;
  temperature: number;
}

export interface NerModel {
  tagSentences(sentences: string[][]): string[][];
  tagText(text: string, sentences?: { start: number; end: number }[], scored?: readonly NerLabel[]): NerSpan[];
}

export class TrainedNerModel implements NerModel {
  readonly features: FeatureExtractor;
  /** Pass 1 and 2 weights; with a paired scorer their emission arrays are empty (the paired table holds them). */
  readonly pass1: DecodingWeights;
  readonly pass2: DecodingWeights | null;
  private scorers: [EmissionScorer | null, EmissionScorer | null] = [null, null];
  /** Both passes in one walk over the shared features (when they have the same table size). */
  private readonly paired: PairedEmissionScorer | null;

  constructor(
    readonly lexicon: Lexicon,
    readonly clusters: HashedClusterTable,
    pass1: ChainWeights,
    pass2: ChainWeights | null,
    readonly meta: ModelMeta,
  ) {
    this.features = new FeatureExtractor(lexicon, clusters, meta.options);
    this.paired = pass2 && pass2.hashBits === pass1.hashBits ? new PairedEmissionScorer(pass1, pass2, this.features) : null;
    // the weights are kept once, in the paired table; transitions as doubles (the decoder's one array type, same values)
    const decoding = (w: ChainWeights): DecodingWeights => {
      const transition = Float64Array.from(w.transition);
      return { ...w, emission: this.paired ? new Int16Array(0) : w.emission, transition, transitions: prepareTransitions(transition) };
    };
    this.pass1 = decoding(pass1);
    this.pass2 = pass2 && decoding(pass2);
  }

  /** Emission weights of pass 1 (0) or 2 (1), as trained. */
  private emissionOf(pass: 0 | 1): ChainWeights['emission'] {
    if (this.paired) return this.paired.weightsOf(pass);
    return (pass === 0 ? this.pass1 : this.pass2!).emission;
  }

  /** The one-pass scorer of pass 1 or 2 (models whose passes differ in size, or have no pass 2). */
  private scorer(pass: 0 | 1): EmissionScorer {
    return (this.scorers[pass] ??= new EmissionScorer(pass === 0 ? this.pass1 : this.pass2!, this.features));
  }

  /** Is `word` in the model's word list of this category (see LEX in lexicon.ts), e.g. LEX.DICT_LOWER: an ordinary Dutch word? */
  hasLexiconEntry(category: number, word: string): boolean {
    return this.lexicon.has(keyOf(category, [foldHash(word)]));
  }

  /** Sentences without any name-like word are all O: skipping them is most of the tagger's speed on prose. */
  private plain(infos: readonly TypeInfo[][]): boolean[] {
    const capitalisedMid = this.capitalisedMid;
    capitalisedMid.reset();
    for (const sentence of infos) for (let i = 1; i < sentence.length; i++) if (sentence[i].cap) capitalisedMid.add(sentence[i].lower);
    return infos.map((sentence) => this.features.isPlain(sentence, capitalisedMid));
  }

  /** Lower-case hashes of the words a document capitalises mid-sentence (plain()), kept between documents. */
  private readonly capitalisedMid = new Uint32Set();

  /** Repeated sentences of a document take their original's labels and scores (off: each is tagged; the tests compare both). */
  reuseRepeats = true;

  private partialSums = new Int32Array(0);

  /** Scratch for pass 2's partial sums of one document (a huge document's is not kept after the call). */
  private partialScratch(size: number): Int32Array {
    if (size > MAX_SCRATCH) return new Int32Array(size);
    if (this.partialSums.length < size) this.partialSums = new Int32Array(Math.min(MAX_SCRATCH, Math.max(size, this.partialSums.length * 2)));
    return this.partialSums;
  }

  private emScratch = new Float64Array(0);
  private forwardScratch = new Float64Array(0);

  /** Scratch of at least `size` values, reused across sentences (no allocation per sentence). */
  private scratch(which: 'emScratch' | 'forwardScratch', size: number): Float64Array {
    if (size > MAX_SCRATCH) return new Float64Array(size); // a huge sentence: not kept alive after the call
    if (this[which].length < size) this[which] = new Float64Array(Math.min(MAX_SCRATCH, Math.max(size, this[which].length * 2)));
    return this[which];
  }

  private labelScratch = new Uint8Array(0);
  private documentLabels = new Uint8Array(0);

  /** A zeroed label array of at least `size` (kept between calls unless huge). */
  private labelBuffer(which: 'labelScratch' | 'documentLabels', size: number): Uint8Array {
    if (size > MAX_SCRATCH) return new Uint8Array(size);
    if (this[which].length < size) this[which] = new Uint8Array(Math.min(MAX_SCRATCH, Math.max(size, this[which].length * 2)));
    else this[which].fill(0, 0, size);
    return this[which];
  }

  /**
   * Final labels (BILOU indices) of each sentence of one document, handed to `visit` in order with,
   * for tagged sentences, the scores behind them. `labels`, `em` and `forward` are scratch buffers:
   * valid only during that call, of at least n (labels) and n * labels values; all three are null
   * for a sentence skipped as plain (all O), and for a repeat: `repeatOf` is then the earlier
   * sentence it repeats word for word (repeatedSentences), whose labels and scores are its own.
   */
  private decode(
    infos: readonly TypeInfo[][],
    visit: (s: number, labels: Uint8Array | null, em: Float64Array | null, forward: Float64Array | null, weights: DecodingWeights, repeatOf: number) => void,
  ): void {
    // Word-type infos and sentence-context features are computed once and shared by both passes.
    const plain = this.plain(infos);
    const doc = infos.map((sentence) => sentence.length);
    // the one-pass scorers take the sentence-context features as lists (the paired one adds them itself)
    const context = this.paired ? [] : infos.map((sentence, s) => (plain[s] ? null : this.features.contextFeatures(sentence)));
    const final = (s: number, weights: DecodingWeights, scorer: EmissionScorer, extra?: readonly (readonly number[])[]) => {
      const n = doc[s];
      const em = scorer.emissions(infos[s].map((t) => t.word), extra, infos[s], context[s]!, this.scratch('emScratch', n * LABEL_COUNT));
      const forward = this.scratch('forwardScratch', n * LABEL_COUNT);
      visit(s, viterbi(em, n, weights.transitions, forward), em, forward, weights, -1);
    };
    if (!this.pass2) {
      for (let s = 0; s < doc.length; s++) {
        if (plain[s]) visit(s, null, null, null, this.pass1, -1);
        else final(s, this.pass1, this.scorer(0));
      }
      return;
    }
    if (this.paired) {
      const paired = this.paired;
      // Per token of the document: its pass-1 label (0 in plain sentences), its sentence's first token
      // (first), its pass-2 partial sums (tagged sentences only: sentence s's from token partialFrom[s]).
      const first = new Int32Array(doc.length + 1);
      const partialFrom = new Int32Array(doc.length + 1);
      const repeatOf = this.reuseRepeats ? repeatedSentences(infos, plain) : new Int32Array(doc.length).fill(-1);
      for (let s = 0; s < doc.length; s++) {
        first[s + 1] = first[s] + doc[s];
        partialFrom[s + 1] = partialFrom[s] + (plain[s] || repeatOf[s] >= 0 ? 0 : doc[s]);
      }
      const partial = this.partialScratch(partialFrom[doc.length] * LABEL_COUNT);
      const pass1 = this.labelBuffer('documentLabels', first[doc.length]);
      for (let s = 0; s < doc.length; s++) {
        if (plain[s]) continue;
        const n = doc[s];
        if (repeatOf[s] >= 0) {
          // its pass-1 labels still count in the document features of the others
          pass1.copyWithin(first[s], first[repeatOf[s]], first[repeatOf[s]] + n);
          continue;
        }
        const em = this.scratch('emScratch', n * LABEL_COUNT);
        paired.firstPass(infos[s], em, partial, partialFrom[s] * LABEL_COUNT);
        viterbi(em, n, this.pass1.transitions, this.scratch('forwardScratch', n * LABEL_COUNT), pass1, first[s]);
      }
      // a repeat's document features are its original's (same words, same pass-1 labels): not made again
      const extra = flatDocumentFeaturesOfLabels(infos, pass1, plain.map((p, s) => p || repeatOf[s] >= 0));
      for (let s = 0; s < doc.length; s++) {
        const n = doc[s];
        if (plain[s] || repeatOf[s] >= 0) {
          visit(s, null, null, null, this.pass2, repeatOf[s]);
          continue;
        }
        const em = this.scratch('emScratch', n * LABEL_COUNT);
        paired.secondPass(partial, n, extra.feats, extra.offsets, em, extra.first[s], partialFrom[s] * LABEL_COUNT);
        const forward = this.scratch('forwardScratch', n * LABEL_COUNT);
        visit(s, viterbi(em, n, this.pass2.transitions, forward, this.labelBuffer('labelScratch', n)), em, forward, this.pass2, -1);
      }
      return;
    }
    const words = infos.map((sentence) => sentence.map((t) => t.word));
    const pass1 = words.map((sentence, s) => {
      if (plain[s]) return new Uint8Array(sentence.length);
      const n = sentence.length;
      const em = this.scorer(0).emissions(sentence, undefined, infos[s], context[s]!, this.scratch('emScratch', n * LABEL_COUNT));
      return viterbi(em, n, this.pass1.transitions, this.scratch('forwardScratch', n * LABEL_COUNT));
    });
    // Plain sentences are skipped in pass 2 as well, so their document features are never needed.
    const extra = documentFeatures(words, pass1, plain, infos);
    for (let s = 0; s < doc.length; s++) {
      if (plain[s]) visit(s, null, null, null, this.pass2, -1);
      else final(s, this.pass2!, this.scorer(1), extra[s]);
    }
  }

  /** BIO tags per token; all sentences given in one call are read as one document. */
  tagSentences(sentences: string[][]): string[][] {
    const out: string[][] = new Array(sentences.length);
    this.decode(this.features.typeInfosOfDocument(sentences), (s, labels, _em, _forward, _weights, repeatOf) => {
      out[s] = repeatOf >= 0 ? [...out[repeatOf]] : labels ? bilouToBio(labels, sentences[s].length) : sentences[s].map(() => 'O');
    });
    return out;
  }

  /**
   * Spans of `text`, tagged as one document. `scored`: the span types whose confidence is computed
   * (the forward-backward pass it needs costs about as much as a Viterbi pass); the others get NaN.
   */
  tagText(text: string, sentenceRanges?: { start: number; end: number }[], scored: readonly NerLabel[] = ENTITY_TYPES): NerSpan[] {
    const tokens = tokeniseList(text, false);
    const starts = sentenceRanges ? rangeStarts(tokens, sentenceRanges, text) : sentenceStartsOf(tokens, text);
    const spans: NerSpan[] = [];
    const scoredLabel = Uint8Array.from({ length: LABEL_COUNT }, (_, l) => (l > 0 && scored.includes(typeOf(l)!) ? 1 : 0));
    // per sentence, its spans as (first token, last token, label, score) relative to the sentence, for its repeats
    const relative: number[] = [];
    const relativeFrom = new Int32Array(starts.length);
    const relativeTo = new Int32Array(starts.length);
    const push = (s: number, open: number, last: number, label: number, score: number) => {
      const start = tokens.starts[starts[s] + open];
      const end = tokens.ends[starts[s] + last];
      spans.push({ label: typeOf(label)!, start, end, text: text.slice(start, end), score });
    };
    this.decode(this.features.typeInfosOfText(text, tokens.starts, tokens.ends, starts, tokens.hashes), (s, labels, em, forward, weights, repeatOf) => {
      if (repeatOf >= 0) {
        for (let k = relativeFrom[repeatOf]; k < relativeTo[repeatOf]; k += 4) push(s, relative[k], relative[k + 1], relative[k + 2], relative[k + 3]);
        return;
      }
      relativeFrom[s] = relativeTo[s] = relative.length;
      if (!labels || !em) return;
      const n = starts[s + 1] - starts[s];
      let p: ((i: number, label: number) => number) | null = null;
      // backward scores are needed only from the sentence's first scored span token on
      let first = 0;
      while (first < n && scoredLabel[labels[first]] === 0) first++;
      let open = -1;
      let minP = 1;
      for (let i = 0; i < n; i++) {
        const l = labels[i];
        if (l === 0 && open < 0) continue;
        const prefix = prefixOf(l);
        if (prefix === 'B' || prefix === 'U') {
          open = i;
          minP = 1;
        }
        if (open >= 0 && scoredLabel[l] === 1) minP = Math.min(minP, (p ??= confidences(em, n, weights.transition, this.meta.temperature, forward!, first))(i, l));
        if ((prefix === 'L' || prefix === 'U') && open >= 0) {
          const score = scoredLabel[l] === 1 ? Math.round(minP * 1000) / 1000 : NaN;
          push(s, open, i, l, score);
          relative.push(open, i, l, score);
          open = -1;
        }
      }
      relativeTo[s] = relative.length;
    });
    return spans;
  }

  toBuffer(): Buffer {
    const sections: Record<string, Int16Array | Uint16Array | Uint32Array | Float32Array> = {
      lexicon: this.lexicon.bits,
      clusterKeys: this.clusters.keys,
      clusterValues: this.clusters.values,
      pass1Emission: asInt16(this.emissionOf(0)),
      pass1Transition: Float32Array.from(this.pass1.transition),
    };
    if (this.pass2) {
      sections.pass2Emission = asInt16(this.emissionOf(1));
      sections.pass2Transition = Float32Array.from(this.pass2.transition);
    }
    return encodeModel(
      {
        format: 'sociaal-kg-ner',
        featureVersion: FEATURE_VERSION,
        labels: MODEL_LABELS,
        lexiconBits: this.lexicon.log2Bits,
        clustersPerWord: this.clusters.perWord,
        hashBits: [this.pass1.hashBits, this.pass2?.hashBits ?? null],
        scales: [this.pass1.scale, this.pass2?.scale ?? null],
        ...this.meta,
      },
      sections,
    );
  }

  static fromBuffer(file: Buffer): TrainedNerModel {
    const { header, sections } = decodeModel(file);
    if (header.format !== 'sociaal-kg-ner') throw new ModelFileError('not a sociaal-kg NER model');
    if (header.featureVersion !== FEATURE_VERSION) throw new ModelFileError(`model made with feature version ${String(header.featureVersion)}, code has ${FEATURE_VERSION}: retrain with npm run train`);
    if (JSON.stringify(header.labels) !== JSON.stringify(MODEL_LABELS)) throw new ModelFileError('model labels differ from the code');
    const need = <T>(name: string) => {
      const s = sections.get(name);
      if (!s) throw new ModelFileError(`model file lacks section ${name}`);
      return s as T;
    };
    const hashBits = header.hashBits as [number, number | null];
    const scales = header.scales as [number, number | null];
    // Sections are views into the unpacked file: what the model keeps is copied, so that the file's
    // buffer can go; paired emission weights are copied into the paired table instead.
    const keep = <T extends { slice(): T }>(name: string) => need<T>(name).slice();
    const paired = hashBits[1] !== null && hashBits[1] === hashBits[0];
    const chain = (name: string, bits: number, scale: number): ChainWeights => {
      const emission = paired ? need<Int16Array>(`${name}Emission`) : keep<Int16Array>(`${name}Emission`);
      if (emission.length !== 2 ** bits * LABEL_COUNT) throw new ModelFileError(`${name} weights have the wrong size`);
      return { hashBits: bits, emission, scale, transition: keep<Float32Array>(`${name}Transition`) };
    };
    try {
      const lexicon = new Lexicon(header.lexiconBits as number, keep<Uint32Array>('lexicon'));
      const clusters = new HashedClusterTable(keep('clusterKeys'), keep('clusterValues'), header.clustersPerWord as number);
      const pass1 = chain('pass1', hashBits[0], scales[0]);
      const pass2 = hashBits[1] !== null ? chain('pass2', hashBits[1], scales[1]!) : null;
      return new TrainedNerModel(lexicon, clusters, pass1, pass2, {
        training: header.training as Record<string, unknown>,
        options: header.options as FeatureOptions,
        temperature: header.temperature as number,
      });
    } catch (error) {
      if (error instanceof ModelFileError) throw error;
      throw new ModelFileError(`model file is inconsistent: ${(error as Error).message}`);
    }
  }
}

/**
 * Per sentence, the first earlier sentence of the same document with the same word types in the same
 * order (TypeInfo identity), or -1; sentences marked in `skip` are neither repeats nor originals.
 * The tagger's labels and scores of a sentence depend only on its word types and on document-wide
 * counts, so a repeat gets its original's: a text that says one sentence many times tags it once.
 */
export function repeatedSentences(infos: readonly (readonly TypeInfo[])[], skip?: readonly boolean[]): Int32Array {
  const out = new Int32Array(infos.length).fill(-1);
  const byHash = new Map<number, number[]>();
  for (let s = 0; s < infos.length; s++) {
    if (skip?.[s]) continue;
    const row = infos[s];
    let h = row.length | 0;
    for (let i = 0; i < row.length; i++) h = Math.imul(h ^ row[i].id, 0x01000193) ^ (h >>> 15);
    const same = byHash.get(h);
    if (!same) {
      byHash.set(h, [s]);
      continue;
    }
    const original = same.find((r) => sameWords(infos[r], row));
    if (original === undefined) same.push(s);
    else out[s] = original;
  }
  return out;
}

function sameWords(a: readonly TypeInfo[], b: readonly TypeInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Weights as the decoder reads them: transitions in doubles, and as Viterbi reads them. */
type DecodingWeights = ChainWeights & { transition: Float64Array; transitions: Transitions };

function asInt16(a: ChainWeights['emission']): Int16Array {
  if (!(a instanceof Int16Array)) throw new Error('quantise the weights before saving');
  return a;
}

/** The index of each sentence's first token (splitSentences), then the token count. */
function sentenceStartsOf(tokens: TokenList, text: string): number[] {
  const out: number[] = [];
  sentenceStarts(text, tokens, 0, tokens.length, out);
  out.push(tokens.length);
  return out;
}

/**
 * Tokens grouped by caller-given sentence ranges, as the index of each sentence's first token, then
 * the token count; tokens outside every range form sentences of their own (split by splitSentences).
 */
function rangeStarts(tokens: TokenList, ranges: { start: number; end: number }[], text: string): number[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: number[] = [];
  let r = 0;
  let inRange = false;
  let currentRange = -1;
  let looseFrom = -1;
  for (let k = 0; k < tokens.length; k++) {
    const start = tokens.starts[k];
    while (r < sorted.length && sorted[r].end <= start) r++;
    const inside = r < sorted.length && sorted[r].start <= start && tokens.ends[k] <= sorted[r].end;
    if (!inside) {
      inRange = false;
      currentRange = -1;
      if (looseFrom < 0) looseFrom = k;
      continue;
    }
    if (looseFrom >= 0) sentenceStarts(text, tokens, looseFrom, k, out);
    looseFrom = -1;
    if (!inRange || r !== currentRange) out.push(k);
    inRange = true;
    currentRange = r;
  }
  if (looseFrom >= 0) sentenceStarts(text, tokens, looseFrom, tokens.length, out);
  out.push(tokens.length);
  return out;
}
