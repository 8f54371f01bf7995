/**
 * The type stage's contest between overlapping mentions: every span keeps one type. Mentions of
 * different types that overlap compete (the longer one wins); a municipality that lost to an
 * organisation name it stands in is kept apart.
 */
import type { EntityType } from '../types.ts';
import type { EntityMention } from '../model.ts';
import { IntervalIndex } from './interval-index.ts';

/** When mentions of different types overlap, the longer one wins (ties: by type priority). Themes never compete. */
const TYPE_PRIORITY: Record<EntityType, number> = { ORGANISATION: 0, PROGRAMME: 1, PERSON: 2, MUNICIPALITY: 3, THEME: 4 };

const NON_SPACE = /\S/;

export function dropOverlaps(mentions: EntityMention[]): EntityMention[] {
  const themes: EntityMention[] = [];
  const others: EntityMention[] = [];
  for (const m of mentions) {
    if (!m || !(m.end > m.start) || typeof m.name !== 'string' || !NON_SPACE.test(m.name)) continue;
    (m.type === 'THEME' ? themes : others).push(m);
  }
  others.sort((a, b) => b.end - b.start - (a.end - a.start) || TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type] || a.start - b.start);
  const kept: EntityMention[] = [];
  // characters already claimed by a kept mention: checking and marking cost the mention's length, so this stays linear
  let maxEnd = 0;
  for (const m of others) if (m.end > maxEnd) maxEnd = m.end;
  const claimed = new Uint8Array(maxEnd);
  const overlaps = (s: number, e: number): boolean => {
    for (let k = s; k < e; k++) if (claimed[k]) return true;
    return false;
  };
  // an organisation named inside a person-like span ("Eindredactie: Communicatie Movisie") is the organisation,
  // and a person-like span that starts with a municipality ("Amsterdam Zuidoost", "Utrecht Overvecht") is a place
  const orgEndsByStart = new Map<number, number[]>();
  const muniStarts = new Map<number, number>();
  for (const m of others) {
    if (m.type === 'ORGANISATION') {
      const ends = orgEndsByStart.get(m.start);
      if (ends) ends.push(m.end);
      else orgEndsByStart.set(m.start, [m.end]);
    } else if (m.type === 'MUNICIPALITY') muniStarts.set(m.start, Math.min(m.end, muniStarts.get(m.start) ?? Infinity));
  }
  const orgInside = (p: EntityMention): boolean => {
    if (orgEndsByStart.size === 0) return false;
    for (let k = p.start; k < p.end; k++) {
      const ends = orgEndsByStart.get(k);
      if (ends && ends.some((e) => e <= p.end && e - k < p.end - p.start)) return true;
    }
    return false;
  };
  // equal (start, end, type) sort next to each other: a repeat of the previous mention is skipped
  let prev: EntityMention | undefined;
  for (const m of others) {
    const repeat = prev !== undefined && prev.start === m.start && prev.end === m.end && prev.type === m.type;
    prev = m;
    if (repeat) continue;
    if (m.type === 'PERSON') {
      const muniEnd = muniStarts.get(m.start);
      if ((muniEnd !== undefined && muniEnd < m.end) || orgInside(m)) continue;
    }
    if (overlaps(m.start, m.end)) continue;
    kept.push(m);
    claimed.fill(1, m.start, m.end);
  }
  return [...kept, ...themes].sort((a, b) => a.start - b.start);
}

/** The municipality mentions that lost the overlap contest to an organisation name they stand inside. */
export function municipalitiesInOrganisationNames(found: EntityMention[], kept: EntityMention[]): EntityMention[] {
  const organisations = kept.filter((m) => m.type === 'ORGANISATION');
  if (organisations.length === 0) return [];
  const organisationSpans = new IntervalIndex(organisations);
  const keptMunicipalities = new Set(kept.filter((m) => m.type === 'MUNICIPALITY').map((m) => m.start));
  const out: EntityMention[] = [];
  for (const m of found) {
    if (m.type !== 'MUNICIPALITY' || keptMunicipalities.has(m.start)) continue;
    if (!organisationSpans.contains(m.start, m.end)) continue;
    keptMunicipalities.add(m.start);
    out.push(m);
  }
  return out;
}
