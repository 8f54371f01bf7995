/**
 * Word -> value, in typed arrays (open addressing), looked up by a string or by a range of a text:
 * a word already in the table costs no substring, and no string hashing by the engine.
 * Keys are hashed with hashString (FNV-1a), so a caller can reuse the hash for its own features.
 */
import { hashRange, hashString } from './hash.ts';

export class WordTable<V> {
  /** Table position -> entry, -1 when empty. */
  private slots = new Int32Array(1 << 12).fill(-1);
  private shift = 20; // 32 - log2(slots.length)
  /** Per entry: its word's hash, word and value. */
  private hashes = new Int32Array(1 << 11);
  private words: string[] = [];
  private values: V[] = [];

  get size(): number {
    return this.words.length;
  }

  clear(): void {
    this.slots = new Int32Array(1 << 12).fill(-1);
    this.shift = 20;
    this.hashes = new Int32Array(1 << 11);
    this.words = [];
    this.values = [];
  }

  /** The hash the table files text[start .. end) under: hashString of that word. */
  static hashRange(text: string, start: number, end: number): number {
    return hashRange(text, start, end);
  }

  static hash(word: string): number {
    return hashString(word);
  }

  /** The value of the word text[start .. end), whose hashRange is `hash`. */
  findRange(text: string, start: number, end: number, hash: number): V | undefined {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let i = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const e = slots[i];
      if (e < 0) return undefined;
      if (this.hashes[e] !== (hash | 0)) continue;
      const word = this.words[e];
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return this.values[e];
    }
  }

  /** The value of `word`, whose hash is `hash`. */
  find(word: string, hash: number): V | undefined {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const e = slots[i];
      if (e < 0) return undefined;
      if (this.hashes[e] === (hash | 0) && this.words[e] === word) return this.values[e];
    }
  }

  /** Files a word that is not in the table yet. */
  add(word: string, hash: number, value: V): void {
    const e = this.words.length;
    if (e === this.hashes.length) {
      const hashes = new Int32Array(2 * e);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.words.push(word);
    this.values.push(value);
    this.hashes[e] = hash | 0;
    if (2 * (e + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(e);
  }

  private place(e: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = Math.imul(this.hashes[e], 0x9e3779b1) >>> this.shift;
    while (slots[i] >= 0) i = (i + 1) & mask;
    slots[i] = e;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    this.shift = 32 - Math.log2(size);
    for (let e = 0; e < this.words.length; e++) this.place(e);
  }
}
