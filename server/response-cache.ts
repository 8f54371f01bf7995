/**
 * Whole-response cache for identical GraphQL requests (same query text, variables and operation
 * name), on top of the read cache: it lives exactly as long as the read cache's generation, so it
 * is dropped when the graph changes. Looked up after validation (a refused query never waits for
 * the database) and before execution; only answers without errors are kept. A hit skips
 * execution and serialisation.
 */
import type { Plugin } from 'graphql-yoga';
import type { QueryCache, ReadContext } from '../graph/queries/run.ts';

const MAX_ENTRIES = 500;
/** Larger answers are not worth the memory. */
const MAX_BYTES = 512 * 1024;

interface Params {
  query?: string;
  variables?: unknown;
  operationName?: string;
}

export function responseCache(read: ReadContext & { cache: QueryCache }): Plugin {
  const entries = new Map<string, string>();
  let generation = -1;

  const keyOf = (params: Params | undefined) =>
    params?.query && params.query.length <= 20_000
      ? JSON.stringify([params.query, params.variables ?? null, params.operationName ?? null])
      : undefined;

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const key = keyOf((args.contextValue as { params?: Params }).params);
      if (!key) return undefined;
      try {
        await read.cache.ensureFresh(read);
      } catch {
        return undefined; // database unreachable: let execution report it field by field
      }
      if (read.cache.generation !== generation) {
        entries.clear();
        generation = read.cache.generation;
      }
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        setResultAndStopExecution({ data: {}, stringify: () => hit } as never);
        return undefined;
      }
      const startedIn = generation;
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in (result as object)) return;
          const single = result as { errors?: readonly unknown[] };
          if (single.errors && single.errors.length > 0) return;
          if (startedIn !== generation) return;
          const body = JSON.stringify(result);
          if (body.length > MAX_BYTES) return;
          entries.set(key, body);
          if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        },
      };
    },
  };
}
