/**
 * Word-list membership baked into the model file: a two-probe bit set over hashed (category, folded
 * tokens) keys. Built at training time from general Dutch knowledge (see lexicon-sources.ts), so that
 * tagging needs no word list at run time and the model cannot drift from the lists it was trained with.
 */
import { hashString, mix } from './hash.ts';

export const LEX = {
  DICT_LOWER: 0, // the lower-cased form is an ordinary Dutch word (OpenTaal, with inflections)
  DICT_CAP: 1, // the dictionary lists it capitalised: a name, place or brand
  FIRST_NAME: 2,
  MUNICIPALITY: 3,
  ORG_HEAD: 4, // Stichting, Vereniging, Ministerie, Welzijn, ...
  ROLE: 5, // wethouder, directeur, ...
  PARTICLE: 6, // van, de, van der, el, ...
  STOPWORD: 7,
  ORG_NAME: 8, // a known organisation name or alias
  NAME_PART: 9, // a token inside a known municipality or organisation name
} as const;
export type LexCategory = (typeof LEX)[keyof typeof LEX];
export const LEX_COUNT = 10;
/** Categories matched as multi-token spans (longest match wins), with their longest length. */
export const SPAN_CATEGORIES: readonly LexCategory[] = [LEX.MUNICIPALITY, LEX.ORG_NAME, LEX.ROLE, LEX.ORG_HEAD, LEX.PARTICLE];
export const MAX_SPAN = 6;

/** Lower-case, diacritics removed, curly quotes straight, ĳ as ij. */
export function foldToken(text: string): string {
  if (/^[\x21-\x7e]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´]/g, "'").toLowerCase();
}

export function foldHash(text: string): number {
  return hashString(foldToken(text));
}

/** Key of a (category, token sequence): the same incremental hash the tagger computes over its tokens. */
export function keyStart(category: number): number {
  return mix(0x1ec5, category + 1);
}
export function keyNext(key: number, tokenFoldHash: number): number {
  return mix(key, tokenFoldHash);
}
export function keyOf(category: number, foldedTokenHashes: readonly number[]): number {
  let k = keyStart(category);
  for (const h of foldedTokenHashes) k = keyNext(k, h);
  return k;
}

export class Lexicon {
  readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(readonly log2Bits: number, bits?: Uint32Array) {
    this.bits = bits ?? new Uint32Array(2 ** (log2Bits - 5));
    if (this.bits.length !== 2 ** (log2Bits - 5)) throw new Error('lexicon bit set has the wrong size');
    this.mask = 2 ** log2Bits - 1;
  }

  add(key: number): void {
    const a = key & this.mask;
    const b = mix(key, 0x5bd1e995) & this.mask;
    this.bits[a >>> 5] |= 1 << (a & 31);
    this.bits[b >>> 5] |= 1 << (b & 31);
  }

  has(key: number): boolean {
    const a = key & this.mask;
    if ((this.bits[a >>> 5] & (1 << (a & 31))) === 0) return false;
    const b = mix(key, 0x5bd1e995) & this.mask;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** Bit mask of the single-token categories of one token. */
  flags(tokenFoldHash: number): number {
    let f = 0;
    for (let c = 0; c < LEX_COUNT; c++) if (this.has(keyNext(keyStart(c), tokenFoldHash))) f |= 1 << c;
    return f;
  }
}
