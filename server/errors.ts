/**
 * The API's error vocabulary. Every error a caller sees carries a stable `extensions.code`;
 * nothing else of an unexpected failure (no message, no stack) leaves the server.
 */
import { GraphQLError } from './graphql.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions?: Record<string, unknown>) => apiError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string) => apiError('NOT_FOUND', message);

/** Neo4j driver error codes that mean "the database cannot be reached right now". */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

function neo4jCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return null;
}

/** Classifies a failure that did not come from our own resolvers' checks. */
export function classify(error: unknown): { code: ErrorCode; message: string } {
  const code = neo4jCode(error);
  const name = error instanceof Error ? error.name : '';
  if (code && (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.Database'))) {
    return { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable right now; try again shortly.' };
  }
  if (code && /TransactionTimedOut|Transaction\.Terminated|LockClient\.Stopped/.test(code)) {
    return { code: 'TIMEOUT', message: 'The query took too long and was stopped.' };
  }
  if (name === 'TimeoutError') return { code: 'TIMEOUT', message: 'The query took too long and was stopped.' };
  // graph/queries/run.ts ReadGate: waited too long for a turn at the database.
  if (name === 'BusyError') return { code: 'TIMEOUT', message: 'The server is busy; try again shortly.' };
  return { code: 'INTERNAL', message: 'Internal server error.' };
}
