import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { WrongPasswordError } from './errors.ts';
import { isNewStore } from './state.ts';

export const PASSWORD_FILE = 'password';

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE);
}

/**
 * The password for user neo4j of the embedded server: the given one (NEO4J_PASSWORD), else the
 * one generated on an earlier first start, else (new store only) a fresh one, stored in the data
 * dir with owner-only permissions before Neo4j first starts.
 */
export function resolvePassword(dataDir: string, given: string | undefined): string {
  if (given) return given;
  const file = passwordFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  if (!isNewStore(dataDir)) {
    throw new WrongPasswordError(
      `The Neo4j store in ${dataDir} was created with a password that is not stored there; set NEO4J_PASSWORD to it (or delete that folder to start afresh).`,
    );
  }
  const password = randomBytes(18).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return password;
}
