/**
 * A character of a text read at a position that may be outside it: '' (charAt) or NaN (charCodeAt)
 * there, as String.prototype.charAt/charCodeAt give, but without reading past the end. V8's optimised
 * code assumes in-bounds reads until one is not, then throws the function's optimised code away and
 * compiles it again; every extracting thread paid those recompilations (issue 13). Use these where a
 * position can be -1 or the text's length (the character before a match, the one after it).
 */
export function charAt(text: string, i: number): string {
  return i >= 0 && i < text.length ? text.charAt(i) : '';
}

export function charCodeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : NaN;
}
