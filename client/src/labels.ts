/** Dutch words for what the graph holds. */
import type { EntityType } from './types.ts';

export const TYPE_LABEL: Record<EntityType, string> = {
  PERSON: 'Persoon',
  ORGANISATION: 'Organisatie',
  MUNICIPALITY: 'Gemeente',
  PROGRAMME: 'Programma',
  THEME: 'Thema',
};

export const TYPE_PLURAL: Record<EntityType, string> = {
  PERSON: 'Personen',
  ORGANISATION: 'Organisaties',
  MUNICIPALITY: 'Gemeenten',
  PROGRAMME: "Programma's",
  THEME: "Thema's",
};

const RELATION_LABEL: Record<string, string> = {
  WORKS_FOR: 'werkt voor',
  HOLDS_OFFICE_IN: 'bestuurder in',
  WORKS_ON: 'werkt aan',
  RUNS_IN: 'loopt in',
  RUN_BY: 'uitgevoerd door',
  BASED_IN: 'gevestigd in',
};

export function relationLabel(type: string): string {
  return RELATION_LABEL[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

/** "1 knoop" / "12 knopen", "1 verbinding" / "15 verbindingen". */
export function countLabel(nodes: number, edges: number): string {
  return `${nodes} ${nodes === 1 ? 'knoop' : 'knopen'}, ${edges} ${edges === 1 ? 'verbinding' : 'verbindingen'}`;
}

export function formatWeight(weight: number | null | undefined): string {
  if (weight === null || weight === undefined || !Number.isFinite(weight)) return '–';
  return weight.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
}
