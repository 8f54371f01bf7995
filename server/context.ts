import type { ReadContext } from '../graph/queries/run.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver gets: how to read the graph, and this request's loaders. */
export interface ApiContext {
  read: ReadContext;
  loaders: Loaders;
}
