/** Why a path was not imported: one reason and one line of detail, shown to the user as is. */
export type SkipReason =
  | 'not found'
  | 'unsupported type'
  | 'not a regular file'
  | 'outside the import root'
  | 'symlink loop'
  | 'hidden'
  | 'empty'
  | 'binary'
  | 'not UTF-8'
  | 'too large'
  | 'not language'
  | 'not Dutch'
  | 'unreadable'
  | 'duplicate'
  | 'too slow'
  | 'extraction failed';

export interface Skipped {
  path: string;
  reason: SkipReason;
  detail: string;
}

export function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
