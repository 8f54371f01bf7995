/** Mulberry32, the seeded PRNG the tagger trains with: every benchmark run builds the same synthetic data. */
export { seededRandom as prng } from '../import/tag/ner/hash.ts';
