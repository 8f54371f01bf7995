/**
 * Pathological inputs for extraction, made on the spot at a chosen size: the shapes that once
 * made extraction grow faster than the file (a flood of capitalised tokens, one huge heading,
 * one sentence repeated, one enormous line). Shared by bench:extract and the hostile-file probe.
 */
import { prng } from './prng.ts';

const SENTENCE = 'Kim Putters van Movisie sprak in Zaanstad over eenzaamheid. ';

function capitalisedWords(count: number, seed: number): string[] {
  const random = prng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 3 + Math.floor(random() * 6);
    let w = letters[Math.floor(random() * 26)].toUpperCase();
    for (let k = 1; k < length; k++) w += letters[Math.floor(random() * 26)];
    words.push(w);
  }
  return words;
}

/** `count` capitalised made-up words separated by spaces, wrapped every dozen words. */
export function capitalisedTokens(count: number): string {
  const words = capitalisedWords(count, 7);
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' '));
  return lines.join('\n');
}

/** One markdown heading of about `bytes` bytes (capitalised words), then a short paragraph. */
export function hugeHeading(bytes: number): string {
  return `# ${capitalisedWords(Math.ceil(bytes / 7), 11).join(' ')}\n\n${SENTENCE}`;
}

/** One sentence naming a person, an organisation and a municipality, repeated `times` times in one paragraph. */
export function repeatedSentence(times: number): string {
  return SENTENCE.repeat(times);
}

/** About `bytes` bytes of varied Dutch sentences on one line, no line break at all. */
export function singleLine(bytes: number, base: string): string {
  const flat = base.replace(/\s+/g, ' ');
  return flat.repeat(Math.ceil(bytes / flat.length)).slice(0, bytes);
}

export const PATHOLOGICAL_SHAPES = ['capitalised tokens', 'huge heading', 'repeated sentence', 'single line'] as const;
export type PathologicalShape = (typeof PATHOLOGICAL_SHAPES)[number];

/** A pathological text of the given shape and about `bytes` bytes. */
export function pathological(shape: PathologicalShape, bytes: number, base: string): string {
  switch (shape) {
    case 'capitalised tokens':
      return capitalisedTokens(Math.round(bytes / 7));
    case 'huge heading':
      return hugeHeading(bytes);
    case 'repeated sentence':
      return repeatedSentence(Math.round(bytes / SENTENCE.length));
    case 'single line':
      return singleLine(bytes, base);
  }
}
