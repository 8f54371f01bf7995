import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadConfig, type GraphConfig } from './config.ts';
import { Neo4jSetupError, Neo4jStartError, PortBusyError } from './embedded/errors.ts';
import { javaBinary } from './embedded/java.ts';
import { ensureLauncher } from './embedded/jars.ts';
import { checkLogin } from './embedded/login.ts';
import { passwordFile, resolvePassword } from './embedded/password.ts';
import { isPortFree } from './embedded/ports.ts';
import {
  LAUNCHER_CLASS, findLaunchers, isAlive, launcherLog, neo4jDebugLog, readState, removeState,
  type LauncherState,
} from './embedded/state.ts';

export * from './embedded/errors.ts';
export { findFreePort, isPortFree } from './embedded/ports.ts';

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when an already running launcher for this data dir was found and reused. */
  reused: boolean;
  pid: number;
  port: number;
  dataDir: string;
  /** Milliseconds from the call to "Bolt accepts our login". */
  readyMs: number;
  /** Stops the server if this call started it (a reused one belongs to its starter: no-op). */
  stop(): Promise<void>;
}

export interface EmbeddedOptions extends Partial<GraphConfig> {
  /** One-line progress messages (only the first-run download); default: console.log. */
  log?: (line: string) => void;
  /** Keep running after this process exits (for `npm run neo4j -- start --detach`). */
  detach?: boolean;
  /** How long to wait for Neo4j to come up; default 180 s. */
  startTimeoutMs?: number;
}

/*
 * Smaller C2 inlining limits (JDK 17 defaults: 325 / 15 / 2500). Neo4j, Lucene and the Scala
 * Cypher runtime are a large code base whose hot paths only settle after millions of rows: with
 * the defaults the C2 compiler threads burnt more CPU than the Bolt worker during the first
 * imports (bench:import 10x, three passes: 26 C2 CPU s against 24 worker CPU s), CPU that the
 * extraction threads need on a small machine. With these limits C2 took 14 CPU s, the JVM as a
 * whole 25% less, and the warm worker was no slower (4.0 against 4.3 CPU s a pass).
 */
/*
 * C2 compiles a method after four times the calls and loops of the JDK 17 defaults (5000 calls, 15000 calls and
 * loops, 40000 loop iterations; tier 3's C1 code with its profile runs meanwhile): the import's code base is wide and
 * most of it is warm rather than hot. With the defaults the JVM's compiler threads still took 20 CPU s of 65 in a
 * cold 100x write after a warm-up (bench/write-path.ts), and kept compiling on every new size of import. With these,
 * bench:import 1 10 100 (cold and forced passes) spent 28.0 compiler CPU s against 35.3, and 125.9 JVM CPU s against
 * 137.8 over all its passes; the hot loops still reach C2, later. (C1 alone, -XX:TieredStopAtLevel=1, took no compiler
 * CPU but made the steady state slow: a forced 100x write cost 62 JVM CPU s against 34.)
 */
const C2_THRESHOLD_ARGS = ['-XX:Tier4InvocationThreshold=20000', '-XX:Tier4MinInvocationThreshold=2400', '-XX:Tier4CompileThreshold=60000', '-XX:Tier4BackEdgeThreshold=160000'];
const JIT_ARGS = ['-XX:FreqInlineSize=100', '-XX:MaxInlineLevel=9', '-XX:InlineSmallCode=1000', ...C2_THRESHOLD_ARGS];

/**
 * The JVM's log of every collection and safepoint pause (logs/gc.log in the data dir, four files
 * of 16 MB at most), as Neo4j's own start script keeps one: a stall in the API can then be told
 * apart from (or traced to) a pause of Neo4j. bench:soak reads it per minute.
 */
export function gcLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'gc.log');
}

/*
 * JVM flags: fixed heap, fail fast on OOM, the GC log, and the module openings Neo4j's own start
 * script passes on Java 17+ (for its page cache and Netty).
 */
function jvmArgs(heap: string, dataDir: string): string[] {
  return [
    `-Xms${heap}`, `-Xmx${heap}`,
    `-Xlog:gc*,safepoint:file="${gcLogFile(dataDir)}":time,uptime,level,tags:filecount=4,filesize=16m`,
    '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-XX:-OmitStackTraceInFastThrow', '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024', '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true', '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED', '--add-opens=java.base/java.lang=ALL-UNNAMED',
    ...JIT_ARGS,
    // NEO4J_JVM_ARGS: extra flags, last so that they win (e.g. for A/B runs of the ones above)
    ...(process.env.NEO4J_JVM_ARGS ?? '').split(/\s+/).filter(Boolean),
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function wrongPasswordHint(dataDir: string, fromEnv: boolean): string {
  return fromEnv
    ? `NEO4J_PASSWORD does not match the password the store in ${dataDir} was created with (unset it to use the stored one, or delete that folder to start afresh).`
    : `the password stored in ${passwordFile(dataDir)} does not match the store in ${dataDir}; set NEO4J_PASSWORD to the right one (or delete that folder to start afresh).`;
}

/** Waits until a launcher in `pids` has written launcher.json (it is then ready). */
async function waitForState(dataDir: string, pids: number[], deadline: number): Promise<LauncherState | undefined> {
  while (Date.now() < deadline) {
    const state = readState(dataDir);
    if (state && pids.includes(state.pid)) return state;
    if (!pids.some(isAlive)) return undefined;
    await sleep(200);
  }
  return undefined;
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function launcherError(dataDir: string): string {
  const errorLine = tail(launcherLog(dataDir), 200).split('\n').reverse().find((l) => l.includes('[launcher] ERROR'));
  return errorLine ? `: ${errorLine.replace(/^.*\[launcher\] ERROR /, '')}` : '';
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Sends SIGTERM to a launcher pid and waits until it has gone (SIGKILL after `timeoutMs`). */
export async function stopLauncherPid(pid: number, timeoutMs = 60_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts (or finds) the project's own Neo4j: the Java launcher as a child process, Bolt on
 * 127.0.0.1:<port>, data in the configured folder, authentication on. Resolves once Bolt accepts
 * our login. The child stops when stop() is called, on SIGTERM/SIGINT, and when this process
 * dies (it watches its stdin), unless `detach` is set.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const began = performance.now();
  const { log = console.log, detach = false, startTimeoutMs = 180_000, ...overrides } = opts;
  const config = loadConfig(overrides);
  const { dataDir, database } = config;
  const user = 'neo4j';
  if (config.user !== user) {
    throw new Neo4jSetupError(`The embedded Neo4j always has user "neo4j"; NEO4J_USER=${config.user} only applies together with NEO4J_URI.`);
  }
  // Owner-only: the folder holds the generated password and the store.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = resolvePassword(dataDir, config.password);
  const hint = wrongPasswordHint(dataDir, Boolean(config.password));
  const deadline = Date.now() + startTimeoutMs;

  const running = findLaunchers(dataDir);
  if (running.length > 0) {
    const state = await waitForState(dataDir, running, deadline);
    if (state) {
      const uri = `bolt://127.0.0.1:${state.port}`;
      await checkLogin(uri, user, password, hint);
      return {
        uri, user, password, database, reused: true, pid: state.pid, port: state.port, dataDir,
        readyMs: performance.now() - began,
        stop: async () => {},
      };
    }
  }
  removeState(dataDir);

  const port = config.boltPort;
  if (!(await isPortFree(port))) {
    throw new PortBusyError(`Bolt port ${port} on 127.0.0.1 is already in use by another program; set NEO4J_BOLT_PORT to a free port (or NEO4J_URI to use a server that is already running).`);
  }

  const build = await ensureLauncher(config.jarsDir, log);
  const logFile = launcherLog(dataDir);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'a');
  fs.writeSync(logFd, `\n=== ${new Date().toISOString()} starting Neo4j on 127.0.0.1:${port} (heap ${config.heap}, page cache ${config.pageCache})\n`);
  let child: ChildProcess;
  try {
    child = spawn(javaBinary(), [
      ...jvmArgs(config.heap, dataDir),
      LAUNCHER_CLASS,
      '--home', dataDir,
      '--port', String(port),
      '--pagecache', config.pageCache,
      '--database', database,
      ...(detach ? [] : ['--watch-stdin']),
    ], {
      cwd: dataDir,
      env: { ...process.env, CLASSPATH: build.classpath, NEO4J_LAUNCH_PASSWORD: password },
      stdio: [detach ? 'ignore' : 'pipe', logFd, logFd],
      detached: detach,
    });
  } finally {
    fs.closeSync(logFd);
  }
  // Neither the child nor its stdin pipe keeps this process alive; when this process exits the
  // pipe closes and the launcher shuts Neo4j down.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.stdin?.on('error', () => {});
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 60_000))) child.kill('SIGKILL');
  };

  while (Date.now() < deadline) {
    if (spawnError) throw new Neo4jStartError(`Could not run Java to start Neo4j (${spawnError.message}).`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Neo4jStartError(`Neo4j failed to start${launcherError(dataDir)}; see ${logFile} and ${neo4jDebugLog(dataDir)}.`);
    }
    const state = readState(dataDir);
    if (state && state.pid === child.pid) {
      const uri = `bolt://127.0.0.1:${port}`;
      try {
        await checkLogin(uri, user, password, hint);
      } catch (error) {
        await stop();
        throw error;
      }
      return {
        uri, user, password, database, reused: false, pid: child.pid!, port, dataDir,
        readyMs: performance.now() - began,
        stop,
      };
    }
    await sleep(200);
  }
  await stop();
  throw new Neo4jStartError(`Neo4j did not become ready within ${Math.round(startTimeoutMs / 1000)} s; see ${logFile} and ${neo4jDebugLog(dataDir)}.`);
}

/** Stops whatever launcher serves this data dir (also one started by another process). */
export async function stopEmbeddedNeo4j(dataDir = loadConfig().dataDir): Promise<number[]> {
  const pids = findLaunchers(dataDir);
  await Promise.all(pids.map((pid) => stopLauncherPid(pid)));
  removeState(dataDir);
  return pids;
}
