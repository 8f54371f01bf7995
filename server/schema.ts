/** The executable schema: the SDL in schema.graphql plus the resolvers. */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema, type GraphQLSchema } from './graphql.ts';
import { documentResolvers } from './resolvers/documents.ts';
import { entityResolvers } from './resolvers/entities.ts';
import { exploreResolvers } from './resolvers/explore.ts';
import { queryResolvers } from './resolvers/query.ts';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers: [queryResolvers, entityResolvers, documentResolvers, exploreResolvers],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}

/** The SDL as served at /schema.graphql. */
export function schemaSDL(schema: GraphQLSchema): string {
  return printSchema(schema);
}
