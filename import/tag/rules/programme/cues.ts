/**
 * Dutch cue words that announce a named programme, project, method, platform or campaign,
 * and the programme kind each implies. Cue words are matched as the END of a lower-case
 * word, so compounds count too ("voorlichtingsprogramma", "screeningsinstrument",
 * "weerbaarheidstraining", "wooninitiatief").
 */

export type ProgrammeKind = 'programma' | 'project' | 'initiatief' | 'methode' | 'platform' | 'campagne' | 'anders';

/** Cue head -> kind. Order does not matter; the longest matching head wins. */
const CUE_KINDS: Record<string, ProgrammeKind> = {
  programma: 'programma',
  agenda: 'programma',
  deal: 'programma',
  project: 'project',
  pilot: 'project',
  traject: 'project',
  trajecten: 'project',
  experiment: 'project',
  initiatief: 'initiatief',
  methode: 'methode',
  methodiek: 'methode',
  training: 'methode',
  cursus: 'methode',
  leergang: 'methode',
  masterclass: 'methode',
  instrument: 'methode',
  tool: 'methode',
  toolkit: 'methode',
  interventie: 'methode',
  module: 'methode',
  quickscan: 'methode',
  scan: 'methode',
  spel: 'methode',
  toepassing: 'methode',
  handboek: 'methode',
  handreiking: 'anders',
  lemniscaat: 'methode',
  model: 'methode',
  systeem: 'methode',
  begeleidingstraject: 'methode',
  platform: 'platform',
  website: 'platform',
  app: 'platform',
  databank: 'platform',
  kennisbank: 'platform',
  keuzewijzer: 'platform',
  crowdfunding: 'platform',
  campagne: 'campagne',
  map: 'methode',
  charter: 'initiatief',
  alliantie: 'initiatief',
  aanpak: 'methode',
  gezinsaanpak: 'methode',
  week: 'campagne',
  activiteit: 'initiatief',
  accommodatie: 'initiatief',
  rapport: 'anders',
  notitie: 'anders',
  publicatie: 'anders',
  onderzoek: 'anders',
  onderzoeksverslag: 'anders',
  dossier: 'anders',
  boek: 'anders',
  brochure: 'anders',
  congres: 'anders',
  conferentie: 'anders',
  bijeenkomst: 'anders',
  symposium: 'anders',
  festival: 'anders',
  debat: 'anders',
  titel: 'anders',
  noemer: 'anders',
  regeling: 'programma',
  subsidieregeling: 'programma',
  evenement: 'anders',
  film: 'anders',
  plek: 'initiatief',
  ontmoetingsplek: 'initiatief',
  ontwikkelplek: 'initiatief',
};

/** Heads that make a capitalised compound a programme name on their own (Kwaliteitskompas, Mama Café). */
const NAME_HEADS: Record<string, ProgrammeKind> = {
  methode: 'methode',
  methodiek: 'methode',
  aanpak: 'methode',
  wijzer: 'platform',
  kompas: 'methode',
  academie: 'platform',
  lab: 'initiatief',
  labs: 'initiatief',
  'café': 'initiatief',
  cafe: 'initiatief',
  spreekuur: 'anders',
  prijs: 'anders',
  debat: 'anders',
  congres: 'anders',
  congrestival: 'anders',
  festival: 'anders',
  scan: 'methode',
  quickscan: 'methode',
  gids: 'platform',
  spel: 'methode',
  programma: 'programma',
  wiel: 'methode',
  plein: 'methode',
  calculator: 'methode',
  arena: 'methode',
  agenda: 'programma',
  akkoord: 'initiatief',
  challenge: 'campagne',
  monitor: 'methode',
  systeem: 'methode',
  toolkit: 'methode',
  training: 'methode',
  masterclass: 'methode',
  app: 'platform',
  deal: 'programma',
  project: 'project',
};

/** Heads whose plural is formed with -en (others would turn verbs into cues: "spelen", "toolen"). */
const PLURAL_EN = new Set(['project', 'traject', 'experiment', 'instrument', 'rapport', 'boek', 'initiatief', 'platform', 'programma', 'congres', 'debat']);

export const CUE_HEADS = Object.keys(CUE_KINDS).sort((a, b) => b.length - a.length);
export const NAME_HEAD_LIST = Object.keys(NAME_HEADS).sort((a, b) => b.length - a.length);

const cueCache = new Map<string, ProgrammeKind | null>();

/** The kind implied by a cue word (possibly a compound, a plural or capitalised), or null. */
export function cueKind(word: string): ProgrammeKind | null {
  const cached = cueCache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase();
  // most words are plain letters: nothing to strip
  if (!PLAIN_LOWER.test(w)) w = w.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, '').replace(/'s$/, '');
  // the longest head the word ends with, read backwards on the trie (the heads are a-z only)
  let kind = CUE_TRIE.longestAt(w, 0, w.length);
  if (!kind && w.endsWith('s')) kind = CUE_TRIE.longestAt(w, 0, w.length - 1);
  if (!kind && w.endsWith('en')) kind = PLURAL_EN_TRIE.longestAt(w, 0, w.length - 2);
  if (cueCache.size > 50000) cueCache.clear();
  cueCache.set(word, kind);
  return kind;
}

const PLAIN_LOWER = /^[a-z]+$/;

/**
 * The cue heads read backwards as a trie over a-z (the heads' only letters), so a word in a text is
 * looked up where it ends, without slicing it. Node 0 is the root; next[node * 26 + letter] is a
 * child (0: none), kinds[node] the kind of the head that ends there.
 */
class ReversedHeads {
  private next = new Int32Array(26);
  private kinds: (ProgrammeKind | null)[] = [null];

  constructor(heads: string[]) {
    for (const head of heads) {
      let node = 0;
      for (let i = head.length - 1; i >= 0; i--) {
        const slot = node * 26 + head.charCodeAt(i) - 97;
        node = this.next[slot] || this.addNode(slot);
      }
      this.kinds[node] = CUE_KINDS[head];
    }
  }

  /** A new node, the child at slot. */
  private addNode(slot: number): number {
    const node = this.kinds.length;
    this.kinds.push(null);
    if ((node + 1) * 26 > this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[slot] = node;
    return node;
  }

  /** The kind of the longest head that text[from, end) ends with (case-insensitively), or null. */
  longestAt(text: string, from: number, end: number): ProgrammeKind | null {
    let node = 0;
    let kind: ProgrammeKind | null = null;
    for (let i = end - 1; i >= from; i--) {
      const letter = lowerCode(text.charCodeAt(i)) - 97;
      if (letter < 0 || letter > 25) break;
      node = this.next[node * 26 + letter];
      if (!node) break;
      kind = this.kinds[node] ?? kind;
    }
    return kind;
  }
}

const CUE_TRIE = new ReversedHeads(Object.keys(CUE_KINDS));
const PLURAL_EN_TRIE = new ReversedHeads(Object.keys(CUE_KINDS).filter((h) => PLURAL_EN.has(h)));

/** Lower case of a letter in [A-ZÀ-ÖØ-Þ] (as toLowerCase), any other character unchanged. */
export function lowerCode(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}

function isLetterHyphenOrApostrophe(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 || c === 39;
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
}

/**
 * cueKind(text.slice(start, end)) without the slice and the cache lookup (the hot callers test a
 * word before every capital). Words of letters, hyphens and apostrophes are looked up in place,
 * anything else by cueKind.
 */
export function cueKindAt(text: string, start: number, end: number): ProgrammeKind | null {
  if (end - start < 3) return null; // every head is longer
  for (let i = start; i < end; i++) if (!isLetterHyphenOrApostrophe(text.charCodeAt(i))) return cueKind(text.slice(start, end));
  // as cueKind: no non-letters in front, no hyphens behind, no 's
  let from = start;
  while (from < end && (text.charCodeAt(from) === 45 || text.charCodeAt(from) === 39)) from++;
  let to = end;
  while (to > from && text.charCodeAt(to - 1) === 45) to--;
  const last = lowerCode(text.charCodeAt(to - 1));
  if (to - from >= 2 && last === 115 && text.charCodeAt(to - 2) === 39) to -= 2;
  const kind = CUE_TRIE.longestAt(text, from, to);
  if (kind || to - from < 2) return kind;
  const end1 = lowerCode(text.charCodeAt(to - 1));
  if (end1 === 115) {
    const singular = CUE_TRIE.longestAt(text, from, to - 1);
    if (singular) return singular;
  }
  if (end1 === 110 && lowerCode(text.charCodeAt(to - 2)) === 101) return PLURAL_EN_TRIE.longestAt(text, from, to - 2);
  return null;
}

/** The kind implied by the head of a capitalised name (its last word or compound part), or null. */
const headCache = new Map<string, ProgrammeKind | null>();

export function nameHeadKind(word: string): ProgrammeKind | null {
  const cached = headCache.get(word);
  if (cached !== undefined) return cached;
  const kind = computeNameHeadKind(word);
  if (headCache.size > 50000) headCache.clear();
  headCache.set(word, kind);
  return kind;
}

/** The name heads read backwards, one map per node (a head may hold any letter, "café"): a word is looked up from its end without slicing. */
interface SuffixNode {
  next: Map<number, SuffixNode>;
  kind: ProgrammeKind | null;
}

function suffixTrie(heads: Record<string, ProgrammeKind>): SuffixNode {
  const root: SuffixNode = { next: new Map(), kind: null };
  for (const [head, kind] of Object.entries(heads)) {
    let node = root;
    for (let i = head.length - 1; i >= 0; i--) {
      const c = head.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), kind: null }));
      node = child;
    }
    node.kind = kind;
  }
  return root;
}

const NAME_HEAD_TRIE = suffixTrie(NAME_HEADS);

/** The kind of the longest name head that the word ends with and that is shorter than the word. */
function computeNameHeadKind(word: string): ProgrammeKind | null {
  const w = word.toLowerCase();
  let node: SuffixNode | undefined = NAME_HEAD_TRIE;
  let kind: ProgrammeKind | null = null;
  // i > 0: the head must leave something in front of it
  for (let i = w.length - 1; i > 0; i--) {
    node = node.next.get(w.charCodeAt(i));
    if (!node) break;
    if (node.kind) kind = node.kind;
  }
  return kind;
}

export function isNameHead(word: string): boolean {
  return NAME_HEADS[word.toLowerCase()] !== undefined;
}
