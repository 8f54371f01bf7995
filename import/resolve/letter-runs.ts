/**
 * The maximal runs of letters and digits of a text (/[\p{L}\p{N}]+/gu), found without a regular
 * expression: no match object and no substring per run, so that a caller that wants only some runs
 * (those that start with a given code unit) pays for the others only a scan of their characters.
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Per BMP code unit: 0 not yet known, 1 a letter or digit, 2 not (surrogates are read as pairs). */
const unitClass = new Uint8Array(65536);

function isLetterOrDigitUnit(c: number): boolean {
  let k = unitClass[c];
  if (k === 0) unitClass[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Code units taken by the letter or digit at `at` (1, or 2 for a surrogate pair), 0 when none stands there. */
function letterOrDigitAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && at + 1 < text.length) {
    const d = text.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(at, at + 2)) ? 2 : 0;
  }
  if (c >= 0xd800 && c <= 0xdfff) return 0; // a lone surrogate is no letter
  return isLetterOrDigitUnit(c) ? 1 : 0;
}

/** Hands `visit` the [start, end) of every maximal run of letters and digits of `text`, in order. */
export function eachLetterDigitRun(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = letterOrDigitAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step !== 0) {
      i += step;
      step = i < n ? letterOrDigitAt(text, i) : 0;
    }
    visit(start, i);
  }
}
