import neo4j from 'neo4j-driver';

import { WrongPasswordError } from './errors.ts';

const AUTH_FAILURES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);

/** Logs in once over Bolt; a rejected password becomes a WrongPasswordError with `hint`. */
export async function checkLogin(uri: string, user: string, password: string, hint: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.getServerInfo();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (AUTH_FAILURES.has(code)) {
      const why = code.endsWith('AuthenticationRateLimit') ? ' (too many failed attempts, locked for a few seconds)' : '';
      throw new WrongPasswordError(`Neo4j at ${uri} rejected the password for user ${user}${why}; ${hint}`);
    }
    throw error;
  } finally {
    await driver.close();
  }
}
