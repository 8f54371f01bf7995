/**
 * What keeps the API safe for anonymous callers: query limits (graphql-armor), an execution
 * timeout, and error masking that leaves a stable code and a plain sentence only.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValidationContext } from './graphql.ts';
import type { Plugin } from 'graphql-yoga';
import { classify } from './errors.ts';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 20000,
  /** Server-side cap on `first` and `limit`. */
  maxPage: 500,
} as const;

const PAGE_ARGUMENTS = new Set(['first', 'limit']);
const INT_MAX = 2 ** 31 - 1;

/**
 * Refuses literal `first`/`limit` values above the server's page cap during validation, on the
 * query as sent (nothing is rewritten), with an error that names the limit. Values beyond the
 * GraphQL Int range are left to graphql-js's own Int check, which names that range. Values passed
 * as variables are checked by the resolvers with the same wording (server/resolvers/args.ts).
 */
export function pageArgumentLimits(max: number = LIMITS.maxPage): Plugin {
  const rule = (ctx: ValidationContext) => ({
    Document(document: DocumentNode) {
      visit(document, {
        Argument(node) {
          if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.INT) return;
          const value = Number(node.value.value);
          if (value > max && value <= INT_MAX) {
            ctx.reportError(
              new GraphQLError(`\`${node.name.value}\` must be at most ${max} (got ${value}).`, {
                nodes: [node],
                extensions: { code: 'BAD_USER_INPUT', limit: max },
              }),
            );
          }
        },
      });
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule as never);
    },
  };
}

/** Reports a limit violation as a validation error (all of them at once), not as a thrown exception. */
const report = (ctx: ValidationContext | null, error: GraphQLError) =>
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'BAD_USER_INPUT' } }));
const reported = { onReject: [report], propagateOnRejection: false };

export function armorPlugins(production: boolean): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reported },
    maxAliases: { n: LIMITS.maxAliases, ...reported },
    // Counted while parsing, before any validation context exists: this one throws.
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives, ...reported },
    costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true, ...reported },
    // Field suggestions ("did you mean ...") help in development and leak the schema in production.
    blockFieldSuggestion: { enabled: production },
  });
  return [...(armor.protect().plugins as Plugin[]), readOnly()];
}

/** The schema has no mutations; say so plainly instead of letting execution stumble on it. */
function readOnly(): Plugin {
  const rule = (ctx: ValidationContext) => ({
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation !== 'query') {
        ctx.reportError(
          new GraphQLError(`This API is read-only: ${node.operation}s are not supported.`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        );
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule as never);
    },
  };
}

/** Stops waiting for an execution after `ms` and answers TIMEOUT (the Neo4j query has its own timeout too). */
export function executionTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(
            () => resolve({ data: null, errors: [new GraphQLError(`The query took longer than ${ms} ms and was stopped.`, { extensions: { code: 'TIMEOUT' } })] }),
            ms,
          );
        });
        return Promise.race([Promise.resolve(executeFn(args)), timeout]).finally(() => clearTimeout(timer)) as ReturnType<typeof executeFn>;
      });
    },
  };
}

function isOwnGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && (error.originalError === undefined || error.originalError === null || error.originalError instanceof GraphQLError);
}

/**
 * Yoga's maskError hook: our own GraphQLErrors (bad input, not found, limits) pass as they are;
 * anything else becomes DATABASE_UNAVAILABLE, TIMEOUT or INTERNAL with a fixed sentence.
 * The original is logged on the server, never sent.
 */
/** @graphql-yoga/plugin-csrf-prevention's refusal, said so that a caller knows what to change. */
const CSRF_REFUSAL = 'Required CSRF header(s) not present';
const CSRF_EXPLAINED =
  'Refused: send the query as a POST with Content-Type: application/json (or application/graphql+json); ' +
  'a GET or form-encoded request needs the header X-GraphQL-Yoga-CSRF.';

export function maskError(error: unknown, _message: string): Error {
  if (error instanceof GraphQLError && error.message === CSRF_REFUSAL) {
    return new GraphQLError(CSRF_EXPLAINED, { extensions: { ...error.extensions, code: 'BAD_REQUEST' } });
  }
  if (isOwnGraphQLError(error)) {
    if (error.extensions?.code) return error;
    // graphql-js's own request errors (e.g. a variable of the wrong type) carry no code.
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
    });
  }
  const cause = error instanceof GraphQLError ? error.originalError : error;
  const { code, message } = classify(cause);
  if (code === 'INTERNAL') console.error('[api] unexpected error:', cause);
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    source: error instanceof GraphQLError ? error.source : undefined,
    positions: error instanceof GraphQLError ? error.positions : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code },
  });
}
