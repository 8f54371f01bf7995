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

const HEAD_LENGTHS = [...new Set(Object.keys(CUE_KINDS).map((h) => h.length))].sort((a, b) => b - a);
const cueCache = new Map<string, ProgrammeKind | null>();

function cueKindOfBare(w: string): ProgrammeKind | null {
  for (const len of HEAD_LENGTHS) {
    if (len > w.length) continue;
    const kind = CUE_KINDS[w.slice(w.length - len)];
    if (kind) return kind;
  }
  return null;
}

/** The kind implied by a cue word (possibly a compound, a plural or capitalised), or null. */
export function cueKind(word: string): ProgrammeKind | null {
  const cached = cueCache.get(word);
  if (cached !== undefined) return cached;
  const w = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}']+$/gu, '').replace(/'s$/, '');
  let kind = cueKindOfBare(w);
  if (!kind && w.endsWith('s')) kind = cueKindOfBare(w.slice(0, -1));
  if (!kind && w.endsWith('en')) {
    const stem = w.slice(0, -2);
    const head = HEAD_LENGTHS.map((len) => stem.slice(stem.length - len)).find((h) => CUE_KINDS[h] && PLURAL_EN.has(h));
    if (head) kind = CUE_KINDS[head];
  }
  if (cueCache.size > 50000) cueCache.clear();
  cueCache.set(word, kind);
  return kind;
}

const NAME_HEAD_LENGTHS = [...new Set(Object.keys(NAME_HEADS).map((h) => h.length))].sort((a, b) => b - a);

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

function computeNameHeadKind(word: string): ProgrammeKind | null {
  const w = word.toLowerCase();
  for (const len of NAME_HEAD_LENGTHS) {
    if (len >= w.length) continue;
    const kind = NAME_HEADS[w.slice(w.length - len)];
    if (kind) return kind;
  }
  return null;
}

export function isNameHead(word: string): boolean {
  return NAME_HEADS[word.toLowerCase()] !== undefined;
}
