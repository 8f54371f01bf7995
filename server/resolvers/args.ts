/**
 * Argument checks shared by the resolvers. Out-of-range values are refused with an error that
 * names the limit, never quietly changed: a caller must know when its question cannot be asked.
 * (Literal page sizes in the query are refused earlier, during validation: server/protection.ts.)
 */
import { badInput } from '../errors.ts';

/** Server-side limit on `first` and `limit`. */
export const MAX_PAGE = 500;
export const MAX_OFFSET = 100_000;
export const MAX_SEARCH_LENGTH = 500;

/** An integer argument within [min, max]; absent: the fallback. */
export function intInRange(value: number | null | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (value < min || value > max) {
    throw badInput(`\`${name}\` must be between ${min} and ${max} (got ${value}).`, { limit: max });
  }
  return value;
}

/** A page size: 0 to MAX_PAGE. */
export function pageSize(value: number | null | undefined, fallback: number, name = 'first'): number {
  return intInRange(value, fallback, name, 0, MAX_PAGE);
}

export function offsetArg(value: number | null | undefined): number {
  return intInRange(value, 0, 'offset', 0, MAX_OFFSET);
}

export function boundedInt(value: number | null | undefined, fallback: number, name: string, max: number): number {
  return intInRange(value, fallback, name, 0, max);
}

export function searchText(value: string): string {
  if (value.length > MAX_SEARCH_LENGTH) throw badInput(`The search text is too long (at most ${MAX_SEARCH_LENGTH} characters).`);
  return value;
}
