/**
 * Errors that stop the embedded Neo4j from starting. Each carries one sentence that tells the
 * user what to do; CLIs print `message` only (no stack) for any Neo4jSetupError.
 */
export class Neo4jSetupError extends Error {
  override name = 'Neo4jSetupError';
}

export class JavaMissingError extends Neo4jSetupError {
  override name = 'JavaMissingError';
}

export class MavenMissingError extends Neo4jSetupError {
  override name = 'MavenMissingError';
}

export class PortBusyError extends Neo4jSetupError {
  override name = 'PortBusyError';
}

export class WrongPasswordError extends Neo4jSetupError {
  override name = 'WrongPasswordError';
}

export class Neo4jStartError extends Neo4jSetupError {
  override name = 'Neo4jStartError';
}
