/**
 * Lookup index over the known organisations: printed form -> organisation, matched word by word
 * like the municipality index. Acronyms ("VNG", "PvdA", "ZonMw") match only in their exact
 * capitals; names match case-insensitively but must start as printed (capital or "ministerie").
 */
import { knownOrgs, type KnownOrg } from './known.ts';

export interface KnownForm {
  org: KnownOrg;
  printed: string;
  /** Exact capitals required (acronyms and CamelCase short names). */
  exactCase: boolean;
}

export interface KnownIndex {
  forms: Map<string, KnownForm[]>;
  /** First word of every form -> whether a form of two or more words starts with it (else no longer name is tried). */
  firstWords: Map<string, boolean>;
  maxWords: number;
  /** Every folded prefix of two or more words of a multi-word form: a longer name is tried only while the words so far begin one. */
  prefixes: Set<string>;
  /** Name folded without spaces -> org, for e-mail and web domains ("movisie", "platform31"). */
  byCompactName: Map<string, KnownOrg>;
}

const NEEDS_CLEANING = /[’`\s]{2}|[’`\t\n]/;

export function foldOrg(text: string): string {
  const lower = text.toLowerCase();
  return NEEDS_CLEANING.test(lower) ? lower.replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim() : lower;
}

function isAcronymLike(s: string): boolean {
  // "VNG", "GGD", "PvdA", "ZonMw", "J&V", "G40": few letters, several capitals
  const caps = (s.match(/\p{Lu}/gu) ?? []).length;
  return !/\s/.test(s) && s.length <= 8 && caps >= 2;
}

let cached: KnownIndex | null = null;

export function knownIndex(): KnownIndex {
  if (cached) return cached;
  const forms = new Map<string, KnownForm[]>();
  const firstWords = new Map<string, boolean>();
  const byCompactName = new Map<string, KnownOrg>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  const add = (printed: string, org: KnownOrg) => {
    const p = printed.replace(/^(?:het|de|een) (?=\p{Lu})/u, '').trim();
    // a form without any capital ("de politie") is an ordinary phrase in running text
    if (p.length < 2 || !/[\p{Lu}\d]/u.test(p)) return;
    const key = foldOrg(p);
    const list = forms.get(key) ?? [];
    if (list.some((f) => f.org === org)) return;
    list.push({ org, printed: p, exactCase: isAcronymLike(p) });
    forms.set(key, list);
    const words = key.split(' ');
    firstWords.set(words[0], firstWords.get(words[0]) === true || words.length > 1);
    for (let k = 2; k <= words.length; k++) prefixes.add(words.slice(0, k).join(' '));
    maxWords = Math.max(maxWords, words.length);
  };
  for (const org of knownOrgs().orgs) {
    add(org.name, org);
    for (const a of org.aliases) add(a, org);
    const compact = org.name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (compact.length >= 4 && !byCompactName.has(compact)) byCompactName.set(compact, org);
    for (const a of org.aliases) {
      const c = a.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (c.length >= 3 && !byCompactName.has(c)) byCompactName.set(c, org);
    }
  }
  for (const [domain, org] of knownOrgs().domains) byCompactName.set(domain, org);
  cached = { forms, firstWords, maxWords, prefixes, byCompactName };
  return cached;
}
