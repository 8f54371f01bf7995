/** Query root resolvers: argument checks and caps here, the reading in graph/queries. */
import type { EntityType } from '../../import/types.ts';
import { listEntities } from '../../graph/queries/entities.ts';
import { searchEntities } from '../../graph/queries/search.ts';
import { programmeExists, relatedProgrammes } from '../../graph/queries/related.ts';
import { EDGES_PER_LIMIT, MAX_DEPTH, MAX_EDGES, MAX_PATH_LENGTH, neighbourhood, shortestPath, type SubgraphRow } from '../../graph/queries/subgraph.ts';
import { stats } from '../../graph/queries/stats.ts';
import { documents } from '../../graph/queries/documents.ts';
import { entityBundle } from '../../graph/queries/entity-bundle.ts';
import type { ApiContext } from '../context.ts';
import type { GraphQLResolveInfo } from '../graphql.ts';
import { primeEntityBundle } from '../loaders.ts';
import { childParts, entityParts } from '../lookahead.ts';
import { badInput, notFound } from '../errors.ts';
import { MAX_PAGE, boundedInt, intInRange, offsetArg, pageSize, searchText } from './args.ts';

interface ListArgs {
  search?: string | null;
  first?: number | null;
  offset?: number | null;
}

interface SearchArgs {
  query: string;
  types?: EntityType[] | null;
  first?: number | null;
  offset?: number | null;
}

const list = (type: EntityType) => async (_: unknown, args: ListArgs, ctx: ApiContext) => {
  const first = pageSize(args.first, 50);
  const offset = offsetArg(args.offset);
  const search = args.search?.trim();
  if (search) {
    const hits = await searchEntities(ctx.read, { query: searchText(search), types: [type], first, offset });
    return hits.map((h) => h.entity);
  }
  return listEntities(ctx.read, type, first, offset);
};

async function searchHits(args: SearchArgs, ctx: ApiContext) {
  const query = searchText(args.query);
  if (query.trim() === '') return [];
  return searchEntities(ctx.read, { query, types: args.types, first: pageSize(args.first, 20), offset: offsetArg(args.offset) });
}

export const queryResolvers = {
  // Paths never cap their edges.
  Subgraph: {
    edgesOmitted: (s: SubgraphRow) => s.edgesOmitted ?? 0,
    edgesPerNode: (s: SubgraphRow) => s.edgesPerNode ?? null,
  },
  Query: {
    people: list('PERSON'),
    organisations: list('ORGANISATION'),
    municipalities: list('MUNICIPALITY'),
    programmes: list('PROGRAMME'),
    themes: list('THEME'),

    // The entity and the lists the query asks of it, in one round trip when it asks any.
    entity: async (_: unknown, { id }: { id: string }, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const parts = entityParts(info, id);
      if (parts.length === 0) return ctx.loaders.entity.load(id);
      const bundle = await entityBundle(ctx.read, id, parts);
      if (bundle) primeEntityBundle(ctx.loaders, bundle, parts);
      return bundle?.entity ?? null;
    },

    entities: (_: unknown, { ids }: { ids: string[] }, ctx: ApiContext) => {
      if (ids.length > MAX_PAGE) throw badInput(`At most ${MAX_PAGE} ids at once.`);
      return ctx.loaders.entity.loadMany(ids);
    },

    search: async (_: unknown, args: SearchArgs, ctx: ApiContext) => (await searchHits({ ...args, offset: 0 }, ctx)).map((h) => h.entity),

    searchHits: (_: unknown, args: SearchArgs, ctx: ApiContext) => searchHits(args, ctx),

    // The page and the lists asked of each programme (e.g. its municipalities) in one round trip.
    relatedProgrammes: async (_: unknown, args: { id: string; first?: number | null }, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const parts = childParts(info, 'programme', 'Programme');
      const related = await relatedProgrammes(ctx.read, args.id, pageSize(args.first, 10), parts);
      for (const r of related) primeEntityBundle(ctx.loaders, { entity: r.programme, parts: r.parts }, parts);
      if (related.length === 0 && !(await programmeExists(ctx.read, args.id))) {
        throw notFound(`No programme with id "${args.id}".`);
      }
      return related;
    },

    neighbourhood: async (
      _: unknown,
      args: { id: string; depth?: number | null; types?: EntityType[] | null; limit?: number | null; maxEdges?: number | null },
      ctx: ApiContext,
    ) => {
      const depth = boundedInt(args.depth, 1, 'depth', MAX_DEPTH);
      const limit = intInRange(args.limit, 150, 'limit', 1, MAX_PAGE);
      const maxEdges = intInRange(args.maxEdges, EDGES_PER_LIMIT * limit, 'maxEdges', 1, MAX_EDGES);
      const subgraph = await neighbourhood(ctx.read, { id: args.id, depth, types: args.types ?? null, limit, maxEdges });
      if (!subgraph) throw notFound(`No entity with id "${args.id}".`);
      return subgraph;
    },

    path: async (_: unknown, args: { from: string; to: string; maxLength?: number | null }, ctx: ApiContext) => {
      const maxLength = boundedInt(args.maxLength, 6, 'maxLength', MAX_PATH_LENGTH);
      const result = await shortestPath(ctx.read, args.from, args.to, maxLength);
      if (result.found) return result.subgraph;
      if (result.missing.length > 0) throw notFound(`No entity with id ${result.missing.map((id) => `"${id}"`).join(' or ')}.`);
      return null;
    },

    documents: (_: unknown, __: unknown, ctx: ApiContext) => documents(ctx.read),
    document: (_: unknown, { id }: { id: string }, ctx: ApiContext) => ctx.loaders.document.load(id),
    section: (_: unknown, { id }: { id: string }, ctx: ApiContext) => ctx.loaders.section.load(id),
    article: (_: unknown, { id }: { id: string }, ctx: ApiContext) => ctx.loaders.article.load(id),
    stats: (_: unknown, __: unknown, ctx: ApiContext) => stats(ctx.read),
  },
};
