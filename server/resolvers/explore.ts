/** Resolvers of the explorer's extras: passage search, alternative paths, ranked neighbours, theme members. */
import type { EntityType } from '../../import/types.ts';
import { EVIDENCE_CAP, type PassageRow } from '../../graph/queries/model.ts';
import { searchPassages } from '../../graph/queries/passages.ts';
import { MAX_PATHS, shortestPaths } from '../../graph/queries/paths.ts';
import { neighbourPage } from '../../graph/queries/neighbours.ts';
import { MAX_PATH_LENGTH } from '../../graph/queries/subgraph.ts';
import type { EntityRow } from '../../graph/queries/model.ts';
import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { boundedInt, offsetArg, pageSize, searchText } from './args.ts';

interface PathsArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  avoidTypes?: EntityType[] | null;
  avoidHubs?: boolean | null;
  first?: number | null;
}

export const exploreResolvers = {
  Query: {
    passages: async (_: unknown, args: { query: string; first?: number | null; offset?: number | null }, ctx: ApiContext) => {
      const query = searchText(args.query);
      if (query.trim() === '') return [];
      return searchPassages(ctx.read, { query, first: pageSize(args.first, 20), offset: offsetArg(args.offset) });
    },

    paths: async (_: unknown, args: PathsArgs, ctx: ApiContext) => {
      const maxLength = boundedInt(args.maxLength, 6, 'maxLength', MAX_PATH_LENGTH);
      const first = boundedInt(args.first, 3, 'first', MAX_PATHS);
      if (first === 0) return [];
      const [from, to] = await ctx.loaders.entity.loadMany([args.from, args.to]);
      const missing = [args.from, args.to].filter((_, i) => ![from, to][i] || [from, to][i] instanceof Error);
      if (missing.length) throw notFound(`No entity with id ${missing.map((id) => `"${id}"`).join(' or ')}.`);
      return shortestPaths(ctx.read, {
        from: args.from, to: args.to, maxLength, first,
        avoidTypes: args.avoidTypes ?? [], avoidHubs: args.avoidHubs ?? false,
      });
    },

    neighbours: async (_: unknown, args: { id: string; first?: number | null; offset?: number | null }, ctx: ApiContext) => {
      const page = await neighbourPage(ctx.read, args.id, pageSize(args.first, 25), offsetArg(args.offset));
      if (!page) throw notFound(`No entity with id "${args.id}".`);
      return page;
    },
  },
  Theme: {
    members: (e: EntityRow, args: { type: EntityType; first?: number | null }, ctx: ApiContext) =>
      ctx.loaders.themeMembers(args.type, pageSize(args.first, 20)).load(e.id),
  },
  ThemeMember: {
    evidence: (m: { evidence: PassageRow[] }, { first }: { first?: number | null }) =>
      m.evidence.slice(0, Math.min(pageSize(first, 3), EVIDENCE_CAP)),
  },
};
