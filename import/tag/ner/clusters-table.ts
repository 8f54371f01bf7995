/** Word clusters as stored in the model: word hash -> a fixed number of cluster ids per word. */
import { hashString } from './hash.ts';
import type { ClusterTable } from './features.ts';

export class HashedClusterTable implements ClusterTable {
  private readonly map = new Map<number, number[]>();

  constructor(
    readonly keys: Uint32Array,
    readonly values: Uint16Array,
    readonly perWord: number,
  ) {
    if (values.length !== keys.length * perWord) throw new Error('cluster table sizes disagree');
    for (let i = 0; i < keys.length; i++) this.map.set(keys[i], Array.from(values.subarray(i * perWord, (i + 1) * perWord)));
  }

  static fromMap(clusters: ReadonlyMap<string, readonly number[]>, perWord: number): HashedClusterTable {
    const words = [...clusters.keys()].sort();
    const keys = new Uint32Array(words.length);
    const values = new Uint16Array(words.length * perWord);
    words.forEach((w, i) => {
      keys[i] = hashString(w);
      values.set(clusters.get(w)!.slice(0, perWord), i * perWord);
    });
    return new HashedClusterTable(keys, values, perWord);
  }

  get size(): number {
    return this.keys.length;
  }

  get(lowerWord: string): readonly number[] | undefined {
    return this.map.get(hashString(lowerWord));
  }
}
