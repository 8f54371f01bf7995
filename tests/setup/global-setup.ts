import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { loadConfig, projectRoot } from '../../graph/config.ts';
import { importPaths } from '../../import/run-import.ts';
import { createDriver } from '../../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/embedded.ts';
import { ensureSchema } from '../../graph/schema.ts';
import type { TestNeo4j } from './context.ts';
import { TEST_DIR_PREFIX, removeStaleTestDirs } from './stale-dirs.ts';

/**
 * With NEO4J_URI set, the tests use that server. Otherwise this starts our own Neo4j on a free
 * port with its data in a fresh temporary folder, for the whole run, and removes both at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let tempDir: string | undefined;
  let neo4j: TestNeo4j;

  if (config.uri) {
    neo4j = { uri: config.uri, user: config.user, password: config.password ?? '', database: config.database, embedded: false };
  } else {
    removeStaleTestDirs();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), TEST_DIR_PREFIX));
    try {
      embedded = await startEmbeddedNeo4j({
        dataDir: tempDir,
        boltPort: await findFreePort(),
        user: 'neo4j',
        log: (line) => console.log(`[tests] ${line}`),
      });
    } catch (error) {
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
    console.log(`[tests] Neo4j ready in ${(embedded.readyMs / 1000).toFixed(1)} s at ${embedded.uri} (data in ${tempDir})`);
    neo4j = {
      uri: embedded.uri, user: embedded.user, password: embedded.password, database: embedded.database, embedded: true,
    };
  }

  const teardown = async () => {
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
    try {
      await ensureSchema(driver, neo4j.database);

      // The bundled corpus, imported once: API and browser tests read it; tests that write
      // use their own documents and restore what they change.
      const summary = await importPaths([path.join(projectRoot, 'corpus')], { driver, database: neo4j.database });
      console.log(`[tests] corpus: ${summary.created} imported, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped in ${summary.seconds.toFixed(1)} s`);
    } finally {
      await driver.close();
    }
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('neo4j', neo4j);
  // Also in this process' env, for anything that runs in the main process.
  setEnv(neo4j);
  return teardown;
}

export function setEnv(neo4j: TestNeo4j): void {
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_USER = neo4j.user;
  process.env.NEO4J_PASSWORD = neo4j.password;
  process.env.NEO4J_DATABASE = neo4j.database;
}
