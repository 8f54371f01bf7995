/**
 * Whole-response cache for identical GraphQL requests: Yoga's response-cache plugin
 * (@graphql-yoga/plugin-response-cache), in memory, the same for every caller (the API is
 * public and read-only). The graph only changes on import, so entries are not timed out but
 * keyed by the read cache's generation (graph/queries/run.ts), which changes when the graph
 * does (checked at most once a second): an import makes every older entry unreachable, and the
 * LRU drops them. Answers with errors are not kept (the plugin's default).
 */
import { createInMemoryCache, hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { QueryCache, ReadContext } from '../graph/queries/run.ts';

const MAX_ENTRIES = 500;

export function responseCache(read: ReadContext & { cache: QueryCache }): Plugin {
  return useResponseCache({
    session: () => null,
    cache: createInMemoryCache({ max: MAX_ENTRIES }),
    ttl: Infinity,
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    async buildResponseCacheKey({ documentString, variableValues, operationName }) {
      try {
        await read.cache.ensureFresh(read);
      } catch {
        // Neo4j unreachable: execution reports it field by field, and error answers are not kept.
      }
      return hashSHA256(`${read.cache.generation}|${documentString}|${JSON.stringify(variableValues ?? {})}|${operationName ?? ''}`);
    },
  });
}
