import type { EntityType } from './types.ts';

/** Lower-case, strip diacritics, collapse everything that is not a letter or digit into '-'. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Stable entity id: type + normalised canonical name, so re-imports and other tools keep their links. */
export function entityId(type: EntityType, canonicalName: string): string {
  return `${type.toLowerCase()}:${slug(canonicalName)}`;
}

/**
 * Stable document id: the file's path relative to the import root ('/'-separated), so two files
 * never share a node. A `.txt` whose name has no other dot drops the extension (the bundled corpus
 * keeps the ids it always had: `000_3c8e….txt` -> `000_3c8e…`); every other name keeps its
 * extension (`x.md` beside `x.txt` -> `x.md` and `x`). A name without any dot gets a trailing '/',
 * the one character no file name can hold, so `x` never meets the `x` of `x.txt`.
 */
export function documentId(relativePath: string): string {
  const path = relativePath.split(/\/+/).filter((p) => p !== '' && p !== '.').join('/');
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const plainTxt = /^([^.]+)\.txt$/.exec(name);
  if (plainTxt) return path.slice(0, slash + 1) + plainTxt[1];
  return name.includes('.') ? path : `${path}/`;
}

export function sectionId(docId: string, ordinal: number): string {
  return `${docId}#${ordinal}`;
}

export function articleId(docId: string, ordinal: number): string {
  return `${docId}#a${ordinal}`;
}
