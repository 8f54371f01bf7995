/**
 * The data the read queries take from the per-document facts instead of recomputing it per request, in the order it
 * is brought up to date after the facts change (an import, a removed document, a grown synthetic graph):
 * 1. the pair links (graph/pair-links.ts): incremental, so a refresh with nothing changed costs nearly nothing;
 * 2. the hubs' ranked neighbour lists (graph/hub-neighbours.ts), which read the pair links;
 * 3. the large themes' programme lists (graph/theme-programmes.ts) for "related initiatives".
 * Steps 2 and 3 are rebuilt whole, so they are skipped when the caller knows no fact changed (step 2 not when its
 * lists were stored in an older shape).
 */
import type { Driver } from 'neo4j-driver';
import { hubListsOutdated, refreshHubNeighbours } from './hub-neighbours.ts';
import { refreshPairLinks } from './pair-links.ts';
import { refreshThemeProgrammes } from './theme-programmes.ts';

/** Seconds spent in each step. */
export interface DerivedRefresh {
  pairLinks: number;
  hubNeighbours: number;
  themeProgrammes: number;
}

export async function refreshDerivedData(driver: Driver, database: string, options: { factsChanged?: boolean } = {}): Promise<DerivedRefresh> {
  const timed = async (step: () => Promise<unknown>) => {
    const started = performance.now();
    await step();
    return (performance.now() - started) / 1000;
  };
  const factsChanged = options.factsChanged ?? true;
  return {
    pairLinks: await timed(() => refreshPairLinks(driver, database)),
    hubNeighbours: factsChanged || (await hubListsOutdated(driver, database)) ? await timed(() => refreshHubNeighbours(driver, database)) : 0,
    themeProgrammes: factsChanged ? await timed(() => refreshThemeProgrammes(driver, database)) : 0,
  };
}
