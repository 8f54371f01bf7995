/**
 * Hashed feature extraction. Per word type (cached): word, lower case, shape, affixes, lexicon flags,
 * clusters. Per position: window ±2 of lower-case words and shapes, bigrams, sentence start, the
 * multi-token gazetteer matches (BILU position inside the longest match) and, in the second pass,
 * document-level features. Every feature is a 32-bit hash; the model masks it to its table size.
 */
import { hashString, mix } from './hash.ts';
import { LEX, LEX_COUNT, type Lexicon, MAX_SPAN, SPAN_CATEGORIES, foldHash, keyNext, keyStart } from './lexicon.ts';

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

interface TypeInfo {
  own: number[];
  lower: number;
  shape: number;
  fold: number;
  flags: number;
  clusters: readonly number[];
  cap: boolean;
}

// Template ids: any distinct constants; changing one changes the model (bump FEATURE_VERSION).
export const FEATURE_VERSION = 1;
const T = {
  BIAS: 1, WORD: 2, LOWER: 3, SHAPE: 4, SHORT_SHAPE: 5, PRE: 6, SUF: 10, LEN: 20, FLAG: 21, CAP_FLAG: 22, CLUSTER: 23,
  FIRST: 30, FIRST_SHAPE: 31, FIRST_FLAG: 32, FIRST_LOWER: 33,
  WIN_LOWER: 40, WIN_SHAPE: 50, WIN_FLAG: 60, WIN_CLUSTER: 70, BIGRAM_L: 80, BIGRAM_R: 81, SHAPE_TRI: 82,
  SPAN: 90, DOC: 120,
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
  private readonly cache = new Map<string, TypeInfo>();

  constructor(
    private readonly lexicon: Lexicon | null,
    private readonly clusters: ClusterTable | null,
    private readonly options: FeatureOptions = ALL_FEATURES,
  ) {}

  private info(word: string): TypeInfo {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const short = shortShape(shape);
    const fold = foldHash(word);
    const cap = /^\p{Lu}/u.test(word);
    const flags = this.lexicon && this.options.lexicon ? this.lexicon.flags(fold) : 0;
    const clusters = (this.options.clusters && this.clusters?.get(lower)) || [];
    const own: number[] = [mix(T.WORD, hashString(word)), mix(T.LOWER, hashString(lower)), mix(T.SHAPE, hashString(shape)), mix(T.SHORT_SHAPE, hashString(short))];
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
    // "Capitalised, yet an ordinary lower-case Dutch word" and "capitalised and unknown" are the cues the issue asks for.
    if (this.lexicon && this.options.lexicon && cap) own.push(mix(T.CAP_FLAG, 100 + (flags & (1 << LEX.DICT_LOWER) ? 1 : 0) + (flags & (1 << LEX.DICT_CAP) ? 2 : 0)));
    for (let k = 0; k < clusters.length; k++) own.push(mix(T.CLUSTER + k * 1000, clusters[k]));
    const info: TypeInfo = { own, lower: hashString(lower), shape: hashString(short), fold, flags, clusters, cap };
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(word, info);
    return info;
  }

  /**
   * Feature hashes for every token of a sentence, flattened: token i owns feats[offsets[i] .. offsets[i+1]).
   * `extra` adds per-token feature hashes (the document features of the second pass).
   */
  sentence(words: readonly string[], extra?: readonly (readonly number[])[]): { offsets: Uint32Array; feats: Uint32Array } {
    const n = words.length;
    const infos = words.map((w) => this.info(w));
    const out: number[] = [];
    const offsets = new Uint32Array(n + 1);
    const spanFeats = this.lexicon && this.options.lexicon ? this.spanMatches(infos) : null;
    const PAD_LOWER = 0x9e37;
    const PAD_SHAPE = 0x7f4a;
    for (let i = 0; i < n; i++) {
      offsets[i] = out.length;
      const t = infos[i];
      out.push(T.BIAS);
      for (const f of t.own) out.push(f);
      if (i === 0) {
        out.push(mix(T.FIRST, 1), mix(T.FIRST_SHAPE, t.shape), mix(T.FIRST_LOWER, t.lower));
        for (let c = 0; c < LEX_COUNT; c++) if (t.flags & (1 << c)) out.push(mix(T.FIRST_FLAG, c));
      }
      if (this.options.window) {
        for (let d = -2; d <= 2; d++) {
          if (d === 0) continue;
          const j = i + d;
          const nb = j >= 0 && j < n ? infos[j] : null;
          out.push(mix(T.WIN_LOWER + d + 2, nb ? nb.lower : PAD_LOWER));
          out.push(mix(T.WIN_SHAPE + d + 2, nb ? nb.shape : PAD_SHAPE));
          if (nb && (d === -1 || d === 1)) {
            for (let c = 0; c < LEX_COUNT; c++) if (nb.flags & (1 << c)) out.push(mix(T.WIN_FLAG + d + 2, c));
            for (let k = 0; k < nb.clusters.length; k++) out.push(mix(T.WIN_CLUSTER + d + 2 + k * 1000, nb.clusters[k]));
          }
        }
        const prev = i > 0 ? infos[i - 1] : null;
        const next = i + 1 < n ? infos[i + 1] : null;
        out.push(mix(T.BIGRAM_L, mix(prev ? prev.lower : PAD_LOWER, t.lower)));
        out.push(mix(T.BIGRAM_R, mix(t.lower, next ? next.lower : PAD_LOWER)));
        out.push(mix(T.SHAPE_TRI, mix(mix(prev ? prev.shape : PAD_SHAPE, t.shape), next ? next.shape : PAD_SHAPE)));
      }
      if (spanFeats) for (const f of spanFeats[i]) out.push(f);
      if (extra) for (const f of extra[i]) out.push(f);
    }
    offsets[n] = out.length;
    return { offsets, feats: Uint32Array.from(out) };
  }

  /** BILU position of each token inside the longest lexicon match of each span category. */
  private spanMatches(infos: TypeInfo[]): number[][] {
    const n = infos.length;
    const feats: number[][] = infos.map(() => []);
    const lexicon = this.lexicon!;
    for (const category of SPAN_CATEGORIES) {
      let coveredUntil = 0;
      for (let i = 0; i < n; i++) {
        let key = keyStart(category);
        let best = 0;
        for (let len = 1; len <= MAX_SPAN && i + len <= n; len++) {
          key = keyNext(key, infos[i + len - 1].fold);
          if (lexicon.has(key)) best = len;
        }
        if (best === 0 || i + best <= coveredUntil) continue;
        coveredUntil = i + best;
        for (let k = 0; k < best; k++) {
          const pos = best === 1 ? 3 : k === 0 ? 0 : k === best - 1 ? 2 : 1;
          feats[i + k].push(mix(T.SPAN + category, pos));
        }
      }
    }
    return feats;
  }
}

export { T as TEMPLATES };
