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

/** Stable document id: the file name without extension. */
export function documentId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|txt)$/i, '');
}

export function sectionId(docId: string, ordinal: number): string {
  return `${docId}#${ordinal}`;
}

export function articleId(docId: string, ordinal: number): string {
  return `${docId}#a${ordinal}`;
}
