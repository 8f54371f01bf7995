/** One clear sentence for errors that reach a command line; a stack trace only with DEBUG set. */
export function describeError(err: unknown): string {
  if (process.env.DEBUG) return err instanceof Error ? (err.stack ?? err.message) : String(err);
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    if (code === 'ServiceUnavailable') return `Neo4j is not reachable: ${err.message.split('\n')[0]}`;
    if (code === 'Neo.ClientError.Security.Unauthorized') return 'Neo4j refused the user name or password (check NEO4J_USER and NEO4J_PASSWORD).';
    return err.message.split('\n')[0];
  }
  return String(err);
}
