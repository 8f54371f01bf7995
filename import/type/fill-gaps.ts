/**
 * Where the tagger's typed spans meet the rules' mentions: a high-precision rule is surer, so a
 * tagger span that overlaps any kept rule mention (themes aside) is dropped; the others are added.
 */
import type { EntityMention } from '../model.ts';
import { IntervalIndex } from './interval-index.ts';

/** Where the kept rule mentions stand (themes aside): a tagger mention overlapping one of them is dropped. */
export function ruleCover(kept: readonly EntityMention[]): IntervalIndex {
  return new IntervalIndex(kept.filter((m) => m.type !== 'THEME'));
}

/** `taken`: ruleCover(kept), when the caller has made it already (to type only the spans that can stay). */
export function fillGaps(kept: EntityMention[], proposed: EntityMention[], taken: IntervalIndex = ruleCover(kept)): EntityMention[] {
  if (!proposed.length) return kept;
  const added = proposed.filter((p) => !taken.overlaps(p.start, p.end));
  if (!added.length) return kept;
  // the tagger's own spans do not overlap one another
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
