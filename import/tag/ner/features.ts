/**
 * Hashed feature extraction. Per word type (cached): word, lower case, shape, affixes, lexicon flags,
 * clusters. Per position: window ±2 of lower-case words and shapes, bigrams, sentence start, the
 * multi-token gazetteer matches (BILU position inside the longest match) and, in the second pass,
 * document-level features. Every feature is a 32-bit hash; the model masks it to its table size.
 */
import { hashString, mix } from './hash.ts';
import { WordTable } from './word-table.ts';
import { LEX, LEX_COUNT, type Lexicon, MAX_SPAN, SPAN_CATEGORIES, foldHash, keyNext, keyStart, prefixKey } from './lexicon.ts';

export interface FeatureOptions {
  affixes: boolean;
  window: boolean;
  lexicon: boolean;
  clusters: boolean;
}
export const ALL_FEATURES: FeatureOptions = { affixes: true, window: true, lexicon: true, clusters: true };

/** Word -> cluster ids (coarse, fine), learned from raw text (clusters.ts). */
export interface ClusterTable {
  get(word: string): readonly number[] | undefined;
}

export interface TypeInfo {
  word: string;
  /** Unique per word type made in this process (a word made anew after the cache is emptied gets a new id). */
  id: number;
  /** Features of the token itself. */
  own: number[];
  /** Features this word gives its neighbour at offset -2, -1, +1, +2 (index 0..3), as seen from that neighbour. */
  asNeighbour: number[][];
  lower: number;
  shape: number;
  fold: number;
  flags: number;
  /** Categories in which a lexicon entry (of one or more tokens) starts with this word. */
  spanStarts: number;
  /** Categories in which a lexicon entry of two or more tokens starts with this word. */
  longerStarts: number;
  cap: boolean;
  /** The word in lower case, and whether it starts with a lower-case letter (document features). */
  lowerWord: string;
  /** Words with the same lower case have the same id (among the word types of one document: see typeInfosOfDocument). */
  lowerId: number;
  lowerStart: boolean;
  quote: boolean;
  /** Letters and digits mixed, or a capital inside a lower-case word ("4FM", "anti-Amerikaans"): never plain. */
  digitLetter: boolean;
  /** Per-scorer cache of summed weights (see scorer.ts). */
  vectors: (Int32Array | Float64Array | undefined)[];
  /** Where the paired scorer's sums of this word start in its arena, valid while its arena key is `packedBy` (see scorer.ts). */
  packedAt: number;
  packedBy: number;
}

/** The id of the next word type made (TypeInfo.id). */
let nextTypeId = 0;

export const WINDOW_OFFSETS = [-2, -1, 1, 2] as const;
/** Word types kept in the cache (beyond a document that alone has more). */
const CACHE_LIMIT = 100_000;
/** Most features localFeatures() gives one position. */
export const MAX_LOCAL_FEATURES = 32;

// Template ids: any distinct constants; changing one changes the model (bump FEATURE_VERSION).
export const FEATURE_VERSION = 3;
const PLAIN_START = (1 << LEX.STOPWORD) | (1 << LEX.DICT_LOWER);
const NAME_LIKE = (1 << LEX.FIRST_NAME) | (1 << LEX.MUNICIPALITY) | (1 << LEX.COUNTRY) | (1 << LEX.ORG_NAME) | (1 << LEX.ORG_HEAD) | (1 << LEX.CITY);
const PAD_LOWER = 0x9e37;
const PAD_SHAPE = 0x7f4a;
const T = {
  BIAS: 1, WORD: 2, LOWER: 3, SHAPE: 4, SHORT_SHAPE: 5, PRE: 6, SUF: 10, LEN: 20, FLAG: 21, CAP_FLAG: 22, CLUSTER: 23,
  FIRST: 30, FIRST_SHAPE: 31, FIRST_FLAG: 32, FIRST_LOWER: 33,
  WIN_LOWER: 40, WIN_SHAPE: 50, WIN_FLAG: 60, WIN_CLUSTER: 70, BIGRAM_L: 80, BIGRAM_R: 81, SHAPE_TRI: 82,
  SPAN: 90, DOC: 120, RUN: 140, QUOTE: 141, FLAG_SET: 142,
} as const;

export function wordShape(word: string): string {
  let out = '';
  for (const ch of word) {
    if (/\p{Lu}/u.test(ch)) out += 'X';
    else if (/\p{Ll}/u.test(ch)) out += 'x';
    else if (/\p{N}/u.test(ch)) out += 'd';
    else out += ch;
  }
  return out;
}

function shortShape(shape: string): string {
  return shape.replace(/(.)\1+/g, '$1');
}

export class FeatureExtractor {
  private readonly cache = new WordTable<TypeInfo>();
  /** Lower-case form -> lowerId, emptied with the cache. */
  private readonly lowerIds = new Map<string, number>();
  /** While a document's word types are being looked up, the cache is not emptied (lowerIds stay comparable). */
  private holdCache = false;

  constructor(
    private readonly lexicon: Lexicon | null,
    private readonly clusters: ClusterTable | null,
    private readonly options: FeatureOptions = ALL_FEATURES,
  ) {
    this.padding = WINDOW_OFFSETS.map((d) => (options.window ? [mix(T.WIN_LOWER + d + 2, PAD_LOWER), mix(T.WIN_SHAPE + d + 2, PAD_SHAPE)] : []));
  }

  /** The word type of `word`, made and cached (`hash`: hashString(word)). */
  private info(word: string, hash: number): TypeInfo {
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const short = shortShape(shape);
    const fold = foldHash(word);
    const cap = /^\p{Lu}/u.test(word);
    const flags = this.lexicon && this.options.lexicon ? this.lexicon.flags(fold) : 0;
    const clusters = (this.options.clusters && this.clusters?.get(lower)) || [];
    const own: number[] = [mix(T.WORD, hash), mix(T.LOWER, hashString(lower)), mix(T.SHAPE, hashString(shape)), mix(T.SHORT_SHAPE, hashString(short))];
    own.push(mix(T.LEN, Math.min(word.length, 12)));
    if (this.options.affixes) {
      for (let n = 1; n <= 4; n++) {
        if (lower.length > n) {
          own.push(mix(T.PRE + n, hashString(lower.slice(0, n))));
          own.push(mix(T.SUF + n, hashString(lower.slice(-n))));
        }
      }
    }
    for (let c = 0; c < LEX_COUNT; c++) {
      if (flags & (1 << c)) {
        own.push(mix(T.FLAG, c));
        own.push(mix(T.CAP_FLAG, c * 4 + (cap ? 1 : 0) + (shape.length > 1 && !/x/.test(shape) ? 2 : 0)));
      }
    }
    // All lexicon categories at once: lets the model weigh combinations (a place name that is also a first name).
    if (flags) own.push(mix(T.FLAG_SET, flags * 2 + (cap ? 1 : 0)));
    // "Capitalised, yet an ordinary lower-case Dutch word" and "capitalised and unknown" are the cues the issue asks for.
    if (this.lexicon && this.options.lexicon && cap) own.push(mix(T.CAP_FLAG, 100 + (flags & (1 << LEX.DICT_LOWER) ? 1 : 0) + (flags & (1 << LEX.DICT_CAP) ? 2 : 0)));
    for (let k = 0; k < clusters.length; k++) own.push(mix(T.CLUSTER + k * 1000, clusters[k]));
    const lowerHash = hashString(lower);
    const shapeHash = hashString(short);
    const asNeighbour = WINDOW_OFFSETS.map((d) => {
      const f: number[] = [];
      if (!this.options.window) return f;
      f.push(mix(T.WIN_LOWER + d + 2, lowerHash), mix(T.WIN_SHAPE + d + 2, shapeHash));
      if (d === -1 || d === 1) {
        for (let c = 0; c < LEX_COUNT; c++) if (flags & (1 << c)) f.push(mix(T.WIN_FLAG + d + 2, c));
        for (let k = 0; k < clusters.length; k++) f.push(mix(T.WIN_CLUSTER + d + 2 + k * 1000, clusters[k]));
      }
      return f;
    });
    const longerStarts = this.lexicon && this.options.lexicon ? this.lexicon.spanStarts(fold) : 0;
    const spanStarts = longerStarts | flags;
    const quote = /^["“”„'‘’«»]$/.test(word);
    const digitLetter = (/\d/.test(word) && /\p{L}/u.test(word)) || (!cap && /\p{Lu}/u.test(word));
    const lowerStart = /^\p{Ll}/u.test(word);
    let lowerId = this.lowerIds.get(lower);
    if (lowerId === undefined) this.lowerIds.set(lower, (lowerId = this.lowerIds.size));
    const info: TypeInfo = { word, id: nextTypeId++, own, asNeighbour, lower: lowerHash, shape: shapeHash, fold, flags, spanStarts, longerStarts, cap, lowerWord: lower, lowerId, lowerStart, quote, digitLetter, vectors: [], packedAt: -1, packedBy: -1 };
    if (this.cache.size > CACHE_LIMIT && !this.holdCache) this.clearCache();
    this.cache.add(word, hash, info);
    return info;
  }

  /**
   * A sentence with no capitalised word except an ordinary sentence-initial one (a stopword or a
   * dictionary word that is no known name), no letter-digit mix, and at least four tokens: the tagger
   * skips it as all O. A first word (other than a stopword) that the document also capitalises mid-sentence is a name.
   */
  isPlain(infos: readonly TypeInfo[], capitalisedElsewhere?: { has(lowerHash: number): boolean }): boolean {
    if (infos.length < 4) return false; // headings and captions: a lone capitalised word there is often a name
    for (let i = 0; i < infos.length; i++) {
      const t = infos[i];
      if (t.digitLetter) return false;
      if (!t.cap) continue;
      if (i > 0 || !this.lexicon || !this.options.lexicon) return false;
      if ((t.flags & PLAIN_START) === 0 || (t.flags & NAME_LIKE) !== 0 || t.word.length < 2) return false;
      if ((t.flags & (1 << LEX.STOPWORD)) === 0 && capitalisedElsewhere?.has(t.lower)) return false;
    }
    return true;
  }

  private clearCache(): void {
    this.cache.clear();
    this.lowerIds.clear();
  }

  /**
   * The word types of every sentence of one document, all with comparable lowerIds (the cache is
   * emptied, if need be, before, never during).
   */
  typeInfosOfDocument(doc: readonly (readonly string[])[]): TypeInfo[][] {
    let tokens = 0;
    for (const words of doc) tokens += words.length;
    this.openDocument(tokens);
    try {
      return doc.map((words) => this.typeInfos(words));
    } finally {
      this.holdCache = false;
    }
  }

  /**
   * typeInfosOfDocument() of a tokenised text: sentence s is tokens[starts[s] .. starts[s + 1]) (token
   * k at text[tokenStarts[k] .. tokenEnds[k]), its word's hashString in tokenHashes[k] when given); a
   * word seen before costs no substring.
   */
  typeInfosOfText(text: string, tokenStarts: Int32Array, tokenEnds: Int32Array, starts: readonly number[], tokenHashes?: Int32Array): TypeInfo[][] {
    const sentences = starts.length - 1;
    this.openDocument(starts[sentences] - starts[0]);
    try {
      const cache = this.cache;
      const out: TypeInfo[][] = new Array(sentences);
      for (let s = 0; s < sentences; s++) {
        const from = starts[s];
        const row: TypeInfo[] = new Array(starts[s + 1] - from);
        for (let i = 0; i < row.length; i++) {
          const start = tokenStarts[from + i];
          const end = tokenEnds[from + i];
          const hash = tokenHashes ? tokenHashes[from + i] >>> 0 : WordTable.hashRange(text, start, end);
          row[i] = cache.findRange(text, start, end, hash) ?? this.info(text.slice(start, end), hash);
        }
        out[s] = row;
      }
      return out;
    } finally {
      this.holdCache = false;
    }
  }

  /** Before a document's word types: room for its `tokens` in the cache, which then holds until the document is done. */
  private openDocument(tokens: number): void {
    if (this.cache.size + tokens > CACHE_LIMIT) this.clearCache();
    this.holdCache = true;
  }

  typeInfos(words: readonly string[]): TypeInfo[] {
    const cache = this.cache;
    const out: TypeInfo[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const hash = WordTable.hash(word);
      out[i] = cache.find(word, hash) ?? this.info(word, hash);
    }
    return out;
  }

  /** Features a missing neighbour (before the start, after the end) gives at window index k. */
  readonly padding: number[][];

  /** Features of position i that do not come from one word type alone: bias, sentence start, bigrams, context features. */
  positionFeatures(infos: readonly TypeInfo[], i: number, context: readonly (number[] | undefined)[], out: number[]): void {
    out.push(T.BIAS);
    const local = this.localScratch;
    const count = this.localFeatures(infos, i, local);
    for (let k = 0; k < count; k++) out.push(local[k]);
    const own = context[i];
    if (own) for (const f of own) out.push(f);
  }

  private readonly localScratch = new Uint32Array(MAX_LOCAL_FEATURES);

  /**
   * The position features that need no sentence-context pass (sentence start, bigrams; not the bias),
   * written to `out` (at least MAX_LOCAL_FEATURES long); returns their number.
   */
  localFeatures(infos: readonly TypeInfo[], i: number, out: Uint32Array): number {
    const n = infos.length;
    const t = infos[i];
    let k = 0;
    if (i === 0) {
      out[k++] = mix(T.FIRST, 1);
      out[k++] = mix(T.FIRST_SHAPE, t.shape);
      out[k++] = mix(T.FIRST_LOWER, t.lower);
      const flags = t.flags;
      if (flags) for (let c = 0; c < LEX_COUNT; c++) if (flags & (1 << c)) out[k++] = mix(T.FIRST_FLAG, c);
    }
    if (this.options.window) {
      const prevLower = i > 0 ? infos[i - 1].lower : PAD_LOWER;
      const prevShape = i > 0 ? infos[i - 1].shape : PAD_SHAPE;
      const nextLower = i + 1 < n ? infos[i + 1].lower : PAD_LOWER;
      const nextShape = i + 1 < n ? infos[i + 1].shape : PAD_SHAPE;
      out[k++] = mix(T.BIGRAM_L, mix(prevLower, t.lower));
      out[k++] = mix(T.BIGRAM_R, mix(t.lower, nextLower));
      out[k++] = mix(T.SHAPE_TRI, mix(mix(prevShape, t.shape), nextShape));
    }
    return k;
  }

  /**
   * Feature hashes for every token of a sentence, flattened (training): token i owns
   * feats[offsets[i] .. offsets[i+1]). `extra` adds per-token hashes (the second pass's document features).
   */
  sentence(words: readonly string[], extra?: readonly (readonly number[])[]): { offsets: Uint32Array; feats: Uint32Array } {
    const n = words.length;
    const infos = this.typeInfos(words);
    const out: number[] = [];
    const offsets = new Uint32Array(n + 1);
    const spans = this.contextFeatures(infos);
    for (let i = 0; i < n; i++) {
      offsets[i] = out.length;
      for (const f of infos[i].own) out.push(f);
      WINDOW_OFFSETS.forEach((d, k) => {
        const j = i + d;
        for (const f of j >= 0 && j < n ? infos[j].asNeighbour[k] : this.padding[k]) out.push(f);
      });
      this.positionFeatures(infos, i, spans, out);
      if (extra) for (const f of extra[i]) out.push(f);
    }
    offsets[n] = out.length;
    return { offsets, feats: Uint32Array.from(out) };
  }

  /**
   * Sentence-context features per token: BILU position inside the longest lexicon match of each span
   * category, position and length of the run of capitalised words, and being inside quotes.
   */
  contextFeatures(infos: readonly TypeInfo[]): (number[] | undefined)[] {
    const feats: (number[] | undefined)[] = new Array(infos.length);
    this.eachContextFeature(infos, (i, f) => {
      const list = feats[i];
      if (list) list.push(f);
      else feats[i] = [f];
    });
    return feats;
  }

  /** contextFeatures() handed one at a time to `push` (token index, feature); each token's in the same order. */
  eachContextFeature(infos: readonly TypeInfo[], push: (i: number, f: number) => void): void {
    if (this.contextTokens.length < infos.length * MAX_CONTEXT_FEATURES) {
      this.contextTokens = new Int32Array(infos.length * MAX_CONTEXT_FEATURES);
      this.contextFeats = new Uint32Array(infos.length * MAX_CONTEXT_FEATURES);
    }
    const tokens = this.contextTokens;
    const feats = this.contextFeats;
    const count = this.contextFeatureList(infos, tokens, feats);
    for (let k = 0; k < count; k++) push(tokens[k], feats[k]);
  }

  private contextTokens = new Int32Array(0);
  private contextFeats = new Uint32Array(0);
  /** Scratch of contextFeatureList(): the indices of the tokens that start a lexicon entry. */
  private starters = new Int32Array(64);

  /**
   * contextFeatures() as a flat list: feature k is feats[k], of token tokens[k] (both at least
   * infos.length * MAX_CONTEXT_FEATURES long); returns the count. Each token's in the same order.
   */
  contextFeatureList(infos: readonly TypeInfo[], tokens: Int32Array, feats: Uint32Array): number {
    const n = infos.length;
    let count = 0;
    let runStart = 0;
    let inQuote = false;
    for (let i = 0; i <= n; i++) {
      if (i < n && infos[i].quote) inQuote = !inQuote;
      else if (i < n && inQuote) {
        tokens[count] = i;
        feats[count++] = QUOTE_FEATURES[infos[i].cap ? 1 : 0];
      }
      if (i < n && infos[i].cap) continue;
      const len = i - runStart;
      for (let k = runStart; k < i; k++) {
        const pos = len === 1 ? 3 : k === runStart ? 0 : k === i - 1 ? 2 : 1;
        tokens[count] = k;
        feats[count++] = RUN_FEATURES[pos * 8 + Math.min(len, 5) + (runStart === 0 ? 64 : 0)];
      }
      runStart = i + 1;
    }
    if (!this.lexicon || !this.options.lexicon) return count;
    const lexicon = this.lexicon;
    // the tokens that start some lexicon entry (few): each category's walk visits only those
    if (this.starters.length < n) this.starters = new Int32Array(Math.max(n, 2 * this.starters.length));
    const starters = this.starters;
    let starterCount = 0;
    let anyStart = 0;
    for (let i = 0; i < n; i++) {
      const starts = infos[i].spanStarts & SPAN_CATEGORY_BITS;
      if (starts === 0) continue;
      anyStart |= starts;
      starters[starterCount++] = i;
    }
    for (const category of SPAN_CATEGORIES) {
      const bit = 1 << category;
      if ((anyStart & bit) === 0) continue;
      let coveredUntil = 0;
      for (let s = 0; s < starterCount; s++) {
        const i = starters[s];
        const first = infos[i];
        if ((first.spanStarts & bit) === 0) continue;
        // one token: the word's own flags already hold that lexicon key; longer matches only where some entry goes on
        let best = first.flags & bit ? 1 : 0;
        if (first.longerStarts & bit) {
          let key = keyNext(keyStart(category), first.fold);
          for (let len = 2; len <= MAX_SPAN && i + len <= n; len++) {
            key = keyNext(key, infos[i + len - 1].fold);
            if (lexicon.has(key)) best = len;
            if (!lexicon.has(prefixKey(key))) break;
          }
        }
        if (best === 0 || i + best <= coveredUntil) continue;
        coveredUntil = i + best;
        for (let k = 0; k < best; k++) {
          const pos = best === 1 ? 3 : k === 0 ? 0 : k === best - 1 ? 2 : 1;
          tokens[count] = i + k;
          feats[count++] = SPAN_FEATURES[category * 4 + pos];
        }
      }
    }
    return count;
  }
}

/** The lexicon categories of SPAN_CATEGORIES, as bits. */
const SPAN_CATEGORY_BITS = SPAN_CATEGORIES.reduce<number>((bits, c) => bits | (1 << c), 0);
/** Most sentence-context features of one token: inside quotes, the capitalised run, one lexicon span per category. */
export const MAX_CONTEXT_FEATURES = 2 + SPAN_CATEGORIES.length;
// The context features' hashes, made once.
const QUOTE_FEATURES = Uint32Array.of(mix(T.QUOTE, 0), mix(T.QUOTE, 1));
const RUN_FEATURES = Uint32Array.from({ length: 128 }, (_, v) => mix(T.RUN, v));
const SPAN_FEATURES = Uint32Array.from({ length: LEX_COUNT * 4 }, (_, k) => mix(T.SPAN + Math.floor(k / 4), k % 4));

export { T as TEMPLATES };
/** The feature every token has. */
export const BIAS_FEATURE: number = T.BIAS;
