/**
 * The relate stage's organisation linker: where an organisation is based (BASED_IN).
 */
import type { EntityMention, RelationCandidate, RelationLinker, SectionContext } from '../model.ts';
import { sectionMunicipalities } from '../tag/rules/municipalities.ts';
import { foldForm, municipalityIndex } from '../tag/rules/municipality/index-data.ts';

const BASED_AFTER = /^(?:,? (?:in|uit|te|gevestigd in|gevestigd te|voor) (?:de |het )?(?:gemeenten? |regio )?| \((?:regio |gemeente )?)$/i;
const LIST_JOIN = /^(?:, | en |, en )$/;

/**
 * BASED_IN: an organisation and a municipality printed together — "X in Utrecht", "X uit
 * Amersfoort", "Welzijn Oost (Deventer)", "Welzijn Oost (regio Deventer)", "Werkorganisatie Noord, voor de gemeenten
 * Aa en Hunze, Assen en Tynaarlo", a reference "Bussum, Uitgeverij Noord", or the municipality inside the
 * name ("Zwolse Voedselbank", "Kenniswerkplaats Tilburg", "Leefbaar Best").
 * Municipality mentions come from the section again because one inside an organisation name
 * loses the overlap contest; a name inside an organisation name needs no context of its own.
 */
export const linkOrganisations: RelationLinker = (ctx: SectionContext, mentions: EntityMention[]) => {
  const out: RelationCandidate[] = [];
  const orgs = mentions.filter((m) => m.type === 'ORGANISATION');
  if (!orgs.length) return out;
  const munis = sectionMunicipalities(ctx);
  const seen = new Set<string>();
  const add = (org: EntityMention, muni: { name: string; start: number; end: number }) => {
    const key = `${org.name}|${muni.name}`;
    if (seen.has(key) || org.props?.kind === 'ministerie') return;
    seen.add(key);
    out.push({
      type: 'BASED_IN',
      from: { type: 'ORGANISATION', name: org.name },
      to: { type: 'MUNICIPALITY', name: muni.name },
      start: Math.min(org.start, muni.start),
      end: Math.max(org.end, muni.end),
    });
  };
  const text = ctx.text;
  // only municipalities near the organisation can be linked by these rules: a window of the start-sorted list,
  // found by binary search, not a pass over every municipality per organisation (that was quadratic)
  const sorted = isSortedByStart(munis) ? munis : [...munis].sort((a, b) => a.start - b.start);
  for (const org of orgs) {
    let inside = false;
    for (let k = firstStartingAtOrAfter(sorted, org.start - NEAR_BEFORE); k < sorted.length && sorted[k].start <= org.end + 40; k++) {
      const munis = sorted;
      const muni = munis[k];
      if (muni.start >= org.start && muni.end <= org.end) {
        add(org, muni);
        inside = true;
        continue;
      }
      // after the name: "X in Utrecht", and the rest of a list "voor de gemeenten A, B en C"
      if (muni.start > org.end && muni.start - org.end <= 40 && BASED_AFTER.test(text.slice(org.end, muni.start))) {
        add(org, muni);
        for (let j = k + 1; j < munis.length && LIST_JOIN.test(text.slice(munis[j - 1].end, munis[j].start)); j++) add(org, munis[j]);
      }
      // a reference: "Bussum, Uitgeverij Noord." / "Den Haag: Sociaal en Cultureel Planbureau."
      if (muni.end + 2 === org.start && /^(?:, |: )$/.test(text.slice(muni.end, org.start)) && /^(?:\.|\s*$|\n)/.test(text.slice(org.end, org.end + 1))) {
        add(org, muni);
      }
    }
    if (!inside) {
      const named = municipalityInName(org.surface);
      if (named) add(org, { name: named, start: org.start, end: org.end });
    }
  }
  return out;
};

/** A municipality printed as the first or last word(s) of an organisation name ("Leefbaar Best", "Hogeschool Rotterdam"). */
/** How far before an organisation a linked municipality can start: "Den Haag: X" (the longest municipality name and ': '). */
const NEAR_BEFORE = 80;

function isSortedByStart(items: { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].start < items[i - 1].start) return false;
  return true;
}

function firstStartingAtOrAfter(items: { start: number }[], position: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function municipalityInName(name: string): string | null {
  const words = name.split(' ');
  if (words.length < 2) return null;
  const idx = municipalityIndex();
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    for (const part of [words.slice(words.length - n).join(' '), words.slice(0, n).join(' ')]) {
      const forms = idx.forms.get(foldForm(part));
      const form = forms && forms.length === 1 ? forms[0] : null;
      if (form && form.kind !== 'merged' && /^\p{Lu}/u.test(part)) return form.municipality.name;
    }
  }
  return null;
}
