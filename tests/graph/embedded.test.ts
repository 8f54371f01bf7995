import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createDriver } from '../../graph/driver.ts';
import {
  JavaMissingError, MavenMissingError, Neo4jStartError, PortBusyError, WrongPasswordError,
  findFreePort, startEmbeddedNeo4j, stopEmbeddedNeo4j, type EmbeddedNeo4j,
} from '../../graph/embedded.ts';
import { findLaunchers, isAlive } from '../../graph/embedded/state.ts';
import { projectRoot } from '../../graph/config.ts';

// Small memory for the extra servers these tests start; each start can take a while on a busy machine.
const quiet = { log: () => {}, heap: '256m', pageCache: '64m' };
const SLOW = 240_000;
const tempDirs: string[] = [];
const started: EmbeddedNeo4j[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sociaal-kg-embedded-'));
  tempDirs.push(dir);
  return dir;
}

async function start(options: Parameters<typeof startEmbeddedNeo4j>[0]): Promise<EmbeddedNeo4j> {
  const neo4j = await startEmbeddedNeo4j({ ...quiet, ...options });
  started.push(neo4j);
  return neo4j;
}

async function query(neo4j: EmbeddedNeo4j, cypher: string, params: Record<string, unknown> = {}) {
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  try {
    const { records } = await driver.executeQuery(cypher, params, { database: neo4j.database });
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  return !isAlive(pid);
}

afterAll(async () => {
  for (const neo4j of started.reverse()) await neo4j.stop();
  for (const dir of tempDirs) {
    await stopEmbeddedNeo4j(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, SLOW);

describe('startEmbeddedNeo4j on a new data folder without NEO4J_PASSWORD', () => {
  const dataDir = tempDir();
  let first: EmbeddedNeo4j;
  let port: number;
  const savedPassword = process.env.NEO4J_PASSWORD;

  beforeAll(async () => {
    delete process.env.NEO4J_PASSWORD;
    port = await findFreePort();
    first = await start({ dataDir, boltPort: port });
  }, SLOW);

  afterEach(() => {
    delete process.env.NEO4J_PASSWORD;
  });

  afterAll(() => {
    process.env.NEO4J_PASSWORD = savedPassword;
  });

  it('starts a real server on 127.0.0.1 with a generated password stored owner-only', async () => {
    expect(first.reused).toBe(false);
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    const passwordFile = path.join(dataDir, 'password');
    expect(fs.readFileSync(passwordFile, 'utf8').trim()).toBe(first.password);
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(await query(first, 'RETURN 1 + 1 AS two')).toEqual([{ two: 2 }]);
    expect(findLaunchers(dataDir)).toEqual([first.pid]);
  });

  it('reuses the running server for a second start on the same folder', async () => {
    const second = await start({ dataDir, boltPort: await findFreePort() });
    expect(second.reused).toBe(true);
    expect(second.pid).toBe(first.pid);
    expect(second.port).toBe(port);
    expect(findLaunchers(dataDir)).toEqual([first.pid]);
  });

  it('rejects a wrong password with one clear sentence', async () => {
    const attempt = startEmbeddedNeo4j({ ...quiet, dataDir, boltPort: port, password: 'not-the-password' });
    await expect(attempt).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(attempt).rejects.toThrow(/rejected the password for user neo4j; NEO4J_PASSWORD does not match/);
    expect(isAlive(first.pid)).toBe(true);
  });

  it('keeps the data across a stop and a new start', async () => {
    await query(first, 'CREATE (:Kept {id: "kept"})');
    await first.stop();
    expect(await waitUntilGone(first.pid, 30_000)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'launcher.json'))).toBe(false);

    const again = await start({ dataDir, boltPort: port });
    expect(again.reused).toBe(false);
    expect(again.pid).not.toBe(first.pid);
    expect(await query(again, 'MATCH (n:Kept) RETURN n.id AS id')).toEqual([{ id: 'kept' }]);
    await again.stop();
  }, SLOW);
});

describe('startEmbeddedNeo4j errors', () => {
  it('reports a Bolt port that something else uses', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const attempt = startEmbeddedNeo4j({ ...quiet, dataDir: tempDir(), boltPort: port, password: 'x-password' });
      await expect(attempt).rejects.toBeInstanceOf(PortBusyError);
      await expect(attempt).rejects.toThrow(`Bolt port ${port} on 127.0.0.1 is already in use by another program`);
    } finally {
      blocker.close();
    }
  });

  it('reports a server that fails to start and points to its log', async () => {
    const dataDir = tempDir();
    // A heap far too small for the JVM: the launcher exits at once.
    const attempt = startEmbeddedNeo4j({ ...quiet, dataDir, boltPort: await findFreePort(), password: 'x-password', heap: '1k' });
    await expect(attempt).rejects.toBeInstanceOf(Neo4jStartError);
    await expect(attempt).rejects.toThrow(path.join(dataDir, 'logs', 'launcher.log'));
  });

  it('reports missing Java', async () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-java-home';
    try {
      const attempt = startEmbeddedNeo4j({ ...quiet, dataDir: tempDir(), boltPort: await findFreePort(), password: 'x-password' });
      await expect(attempt).rejects.toBeInstanceOf(JavaMissingError);
      await expect(attempt).rejects.toThrow(/^Java 17 or newer is needed to run Neo4j but "\/nonexistent-java-home\/bin\/java" was not found/);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });

  it('reports missing Maven when the jars still have to be downloaded', async () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    // Keep java and javac reachable through JAVA_HOME, but nothing else on PATH.
    const javaHome = path.dirname(path.dirname(fs.realpathSync(whichJava())));
    process.env.JAVA_HOME = javaHome;
    process.env.PATH = '/nonexistent-bin';
    try {
      const attempt = startEmbeddedNeo4j({
        ...quiet, dataDir: tempDir(), jarsDir: tempDir(), boltPort: await findFreePort(), password: 'x-password',
      });
      await expect(attempt).rejects.toBeInstanceOf(MavenMissingError);
      await expect(attempt).rejects.toThrow(/^Maven \("mvn"\) is needed once to download the Neo4j jars but was not found/);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved.JAVA_HOME;
    }
  });
});

function whichJava(): string {
  const dirs = (process.env.JAVA_HOME ? [path.join(process.env.JAVA_HOME, 'bin')] : [])
    .concat((process.env.PATH ?? '').split(path.delimiter));
  for (const dir of dirs) {
    const candidate = path.join(dir, 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('java not found on PATH');
}

describe('the launcher dies with its parent', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`leaves no Neo4j behind when the parent gets ${signal}`, async () => {
      const dataDir = tempDir();
      const port = await findFreePort();
      const parent = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests', 'setup', 'start-and-wait.ts')], {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: '', NEO4J_HEAP: quiet.heap, NEO4J_PAGECACHE: quiet.pageCache, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: 'parent-test' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const ready = await new Promise<string>((resolve, reject) => {
        let out = '';
        parent.stdout!.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.trim());
        });
        parent.once('exit', (code) => reject(new Error(`parent exited early (${code}): ${out}`)));
      });
      const { pid } = JSON.parse(ready) as { pid: number };
      expect(findLaunchers(dataDir)).toEqual([pid]);

      parent.kill(signal);
      expect(await waitUntilGone(pid, 60_000)).toBe(true);
      expect(findLaunchers(dataDir)).toEqual([]);
    }, SLOW);
  }
});
