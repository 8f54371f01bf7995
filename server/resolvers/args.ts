/** Argument checks shared by the resolvers: page sizes are capped, nonsense is refused clearly. */
import { badInput } from '../errors.ts';

/** Server-side cap on `first` and `limit`. */
export const MAX_PAGE = 500;
export const MAX_OFFSET = 100_000;
export const MAX_SEARCH_LENGTH = 500;

/** A page size: negative is an error, above MAX_PAGE is capped. */
export function pageSize(value: number | null | undefined, fallback: number, name = 'first'): number {
  if (value === null || value === undefined) return fallback;
  if (value < 0) throw badInput(`\`${name}\` must be 0 or more.`);
  return Math.min(value, MAX_PAGE);
}

export function offsetArg(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (value < 0) throw badInput('`offset` must be 0 or more.');
  if (value > MAX_OFFSET) throw badInput(`\`offset\` must be at most ${MAX_OFFSET}.`);
  return value;
}

export function boundedInt(value: number | null | undefined, fallback: number, name: string, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (value < 0) throw badInput(`\`${name}\` must be 0 or more.`);
  return Math.min(value, max);
}

export function searchText(value: string): string {
  if (value.length > MAX_SEARCH_LENGTH) throw badInput(`The search text is too long (at most ${MAX_SEARCH_LENGTH} characters).`);
  return value;
}
