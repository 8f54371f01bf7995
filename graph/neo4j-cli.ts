/**
 * Developer commands for the project's own Neo4j:
 *   npm run neo4j -- start [--detach] [--port N] [--data-dir DIR]
 *   npm run neo4j -- status
 *   npm run neo4j -- stop
 *   npm run neo4j -- install   (download the jars and compile the launcher; CI does this up front)
 */
import path from 'node:path';

import { Command } from 'commander';

import { ConfigError, loadConfig, type GraphConfig } from './config.ts';
import { Neo4jSetupError, startEmbeddedNeo4j, stopEmbeddedNeo4j } from './embedded.ts';
import { ensureLauncher, neo4jVersion } from './embedded/jars.ts';
import { checkLogin } from './embedded/login.ts';
import { passwordFile, resolvePassword } from './embedded/password.ts';
import { findLaunchers, readState } from './embedded/state.ts';
import { ensureSchema } from './schema.ts';
import { createDriver } from './driver.ts';

interface CommonOptions {
  port?: string;
  dataDir?: string;
}

function configFrom(options: CommonOptions): GraphConfig {
  // The flags go through the same checks as the env vars they stand for.
  const env = { ...process.env };
  if (options.port !== undefined) env.NEO4J_BOLT_PORT = options.port;
  if (options.dataDir !== undefined) env.NEO4J_DATA_DIR = path.resolve(options.dataDir);
  return loadConfig({}, env);
}

function secretSource(config: GraphConfig): string {
  return config.password ? 'password from NEO4J_PASSWORD' : `password in ${passwordFile(config.dataDir)}`;
}

async function start(options: CommonOptions & { detach?: boolean; schema?: boolean }): Promise<void> {
  const config = configFrom(options);
  if (config.uri) {
    console.log(`NEO4J_URI is set (${config.uri}): nothing to start.`);
    return;
  }
  const neo4j = await startEmbeddedNeo4j({ ...config, detach: options.detach });
  if (options.schema !== false) {
    const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
    try {
      await ensureSchema(driver, neo4j.database);
    } finally {
      await driver.close();
    }
  }
  const seconds = (neo4j.readyMs / 1000).toFixed(1);
  const what = neo4j.reused ? `already running (pid ${neo4j.pid})` : `ready in ${seconds} s (pid ${neo4j.pid})`;
  console.log(`Neo4j ${what} at ${neo4j.uri}, user ${neo4j.user}, database ${neo4j.database}, ${secretSource(config)}; data in ${neo4j.dataDir}.`);
  if (neo4j.reused || options.detach) return;

  console.log('Press Ctrl-C to stop.');
  // Keep this process (and so the launcher, which watches our stdin) alive until a signal.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping Neo4j…`);
    clearInterval(keepAlive);
    await neo4j.stop();
    console.log('Neo4j stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function status(options: CommonOptions): Promise<void> {
  const config = configFrom(options);
  if (config.uri) {
    const driver = createDriver(config.uri, config.user, config.password ?? '');
    try {
      await driver.verifyConnectivity({ database: config.database });
      console.log(`Neo4j at ${config.uri} (NEO4J_URI) answers for user ${config.user}.`);
    } finally {
      await driver.close();
    }
    return;
  }
  const pids = findLaunchers(config.dataDir);
  const state = readState(config.dataDir);
  if (pids.length === 0) {
    console.log(`Neo4j is not running for ${config.dataDir}.`);
    process.exitCode = 3;
    return;
  }
  if (!state || !pids.includes(state.pid)) {
    console.log(`Neo4j is starting for ${config.dataDir} (pid ${pids.join(', ')}).`);
    return;
  }
  const uri = `bolt://127.0.0.1:${state.port}`;
  const password = resolvePassword(config.dataDir, config.password);
  await checkLogin(uri, 'neo4j', password, 'check NEO4J_PASSWORD.');
  console.log(`Neo4j is running at ${uri} (pid ${state.pid}, since ${state.startedAt}), ${secretSource(config)}; data in ${config.dataDir}.`);
}

async function stop(options: CommonOptions): Promise<void> {
  const config = configFrom(options);
  const pids = await stopEmbeddedNeo4j(config.dataDir);
  console.log(pids.length ? `Stopped Neo4j (pid ${pids.join(', ')}).` : `Neo4j was not running for ${config.dataDir}.`);
}

async function install(): Promise<void> {
  const config = loadConfig();
  const began = Date.now();
  const build = await ensureLauncher(config.jarsDir, console.log);
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(build.built
    ? `Neo4j ${neo4jVersion()} jars and launcher ready in ${seconds} s (cache ${config.jarsDir}).`
    : `Neo4j ${neo4jVersion()} jars and launcher already in ${config.jarsDir}.`);
}

function run<T>(action: (options: T) => Promise<void>) {
  return async (options: T) => {
    try {
      await action(options);
    } catch (error) {
      const message = error instanceof Neo4jSetupError || error instanceof ConfigError
        ? error.message
        : `Unexpected error: ${(error as Error).message ?? error}`;
      console.error(message);
      process.exit(1);
    }
  };
}

const program = new Command('neo4j').description("Manage the project's own Neo4j (ignored when NEO4J_URI is set)");
const withCommon = (command: Command) => command
  .option('-p, --port <port>', 'Bolt port (default NEO4J_BOLT_PORT or 7687)')
  .option('-d, --data-dir <dir>', 'data folder (default NEO4J_DATA_DIR or .data/neo4j)');

withCommon(program.command('start').description('start Neo4j (or find the running one); stays in the foreground until Ctrl-C'))
  .option('--detach', 'leave Neo4j running in the background (stop it with `npm run neo4j -- stop`)')
  .option('--no-schema', 'do not create the constraints and the full-text index')
  .action(run(start));
program.command('install').description('download the Neo4j jars (Maven) and compile the launcher, if not done yet')
  .action(run(install));
withCommon(program.command('status').description('tell whether Neo4j runs and accepts our login'))
  .action(run(status));
withCommon(program.command('stop').description('stop the Neo4j that serves the data folder'))
  .action(run(stop));

await program.parseAsync();
