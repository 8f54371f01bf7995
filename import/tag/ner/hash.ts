/** 32-bit hashing for feature templates: strings once per word type, then cheap integer mixing. */

/** FNV-1a's offset basis and prime (32-bit); the tokeniser hashes with them inline while it reads. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units text[start .. end), seeded. */
export function hashRange(text: string, start: number, end: number, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, seeded. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  return hashRange(text, 0, text.length, seed);
}

/** Combine two 32-bit values (murmur3 finaliser over a ^ rotated b). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1) ^ (b >>> 15)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic PRNG (mulberry32) for shuffling and cluster initialisation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}

/** A set of 32-bit integers in typed arrays (open addressing), emptied and reused rather than made anew. */
export class Uint32Set {
  private keys = new Uint32Array(64);
  private used = new Uint8Array(64);
  private shift = 26; // 32 - log2(table size)
  private count = 0;

  /** Empties the set (a table grown far beyond the usual size is let go). */
  reset(): void {
    if (this.keys.length > 1 << 16) {
      this.keys = new Uint32Array(64);
      this.used = new Uint8Array(64);
      this.shift = 26;
    } else this.used.fill(0);
    this.count = 0;
  }

  add(key: number): void {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.used[i]) {
      if (this.keys[i] === key) return;
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.keys[i] = key;
    if (2 * ++this.count > this.keys.length) this.grow();
  }

  has(key: number): boolean {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.used[i]) {
      if (this.keys[i] === key) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  private grow(): void {
    const { keys, used } = this;
    this.keys = new Uint32Array(2 * keys.length);
    this.used = new Uint8Array(2 * keys.length);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (used[i]) this.add(keys[i]);
  }
}
