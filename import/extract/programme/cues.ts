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
  actie: 'campagne',
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
  toolkit: 'methode',
  training: 'methode',
  masterclass: 'methode',
  app: 'platform',
  deal: 'programma',
  project: 'project',
};

export const CUE_HEADS = Object.keys(CUE_KINDS).sort((a, b) => b.length - a.length);
export const NAME_HEAD_LIST = Object.keys(NAME_HEADS).sort((a, b) => b.length - a.length);

/** The kind implied by a lower-case cue word (possibly a compound or a plural), or null. */
export function cueKind(word: string): ProgrammeKind | null {
  const w = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  for (const head of CUE_HEADS) {
    if (w.endsWith(head) || w.endsWith(head + 's') || w.endsWith(head + 'en') || w.endsWith(head + "'s")) return CUE_KINDS[head];
  }
  return null;
}

/** The kind implied by the head of a capitalised name (its last word or compound part), or null. */
export function nameHeadKind(word: string): ProgrammeKind | null {
  const w = word.toLowerCase();
  for (const head of NAME_HEAD_LIST) {
    if (w.endsWith(head) && w.length > head.length) return NAME_HEADS[head];
  }
  return null;
}

export function isNameHead(word: string): boolean {
  return NAME_HEADS[word.toLowerCase()] !== undefined;
}

/** Regex source for a lower-case word ending in a cue head (compounds and plurals included). */
export function cueWordSource(): string {
  const heads = CUE_HEADS.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return `[\\p{Ll}]*(?:-[\\p{Ll}]+)?(?:${heads})(?:s|en|'s)?`;
}
