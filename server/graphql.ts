/**
 * graphql-js for the server, always the CommonJS build that graphql-yoga and @graphql-tools load
 * (Node resolves 'graphql' to index.js). Under vitest a bare 'graphql' import from our own files
 * resolves to index.mjs instead, a second copy whose GraphQLError/schema classes the first copy
 * rejects ("Cannot use GraphQLEnumType from another module or realm"). In Node both are the same.
 */
export { GraphQLError, Kind, getArgumentValues, isObjectType, printSchema, visit } from 'graphql/index.js';
export type { DocumentNode, FieldNode, GraphQLResolveInfo, GraphQLSchema, OperationDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql/index.js';
