/**
 * Lists handed from one pipeline stage to the next, all of one kind of V8 array (packed, of objects).
 * V8 keeps arrays in several internal kinds: an empty `[]` holds small integers, a filled one objects,
 * and `.map()` gives a packed array while it runs in the interpreter but a holey one once optimised.
 * A function optimised for the kinds it has seen throws its code away and is compiled again when a new
 * kind arrives, and in an import that happens in every extracting thread, a few dozen times, to the
 * large linker functions too (issue 13). Copying the lists at the stage boundaries (a few hundred
 * pointers a document) gives every stage the same kind of list whatever the one before ran as.
 */

const OBJECT_KIND: unknown[] = [null];

/** An empty list of the object kind (pushing objects keeps its kind). */
export function emptyList<T>(): T[] {
  return OBJECT_KIND.slice(1) as T[];
}

/** `count` empty lists of the object kind, in a list of that kind. */
export function emptyLists<T>(count: number): T[][] {
  const out = emptyList<T[]>();
  for (let i = 0; i < count; i++) out.push(emptyList<T>());
  return out;
}

/** The same items in a fresh list of the object kind. */
export function packedList<T>(items: readonly T[]): T[] {
  const out = emptyList<T>();
  for (let i = 0; i < items.length; i++) out.push(items[i]);
  return out;
}

/** A list of lists, each level packedList'ed. */
export function packedLists<T>(lists: readonly (readonly T[])[]): T[][] {
  const out = emptyList<T[]>();
  for (let i = 0; i < lists.length; i++) out.push(packedList(lists[i]));
  return out;
}
