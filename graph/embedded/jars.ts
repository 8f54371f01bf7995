import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { EXPECTED_DOWNLOAD_BYTES, watchDownload } from './download-progress.ts';
import path from 'node:path';

import { projectRoot } from '../config.ts';
import { MavenMissingError, Neo4jSetupError } from './errors.ts';
import { checkJava, javacBinary } from './java.ts';

export const POM = path.join(projectRoot, 'graph', 'neo4j', 'pom.xml');
export const LAUNCHER_SOURCE = path.join(
  projectRoot, 'graph', 'neo4j', 'src', 'main', 'java', 'sociaalkg', 'neo4j', 'Launcher.java',
);

export interface LauncherBuild {
  /** Class path for `java`: compiled launcher first, then the Neo4j jars. */
  classpath: string;
  /** Whether this call had to run Maven/javac. */
  built: boolean;
}

/** The Neo4j version pinned in the pom. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  return match?.[1] ?? 'unknown';
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** What the cache was built from: the pom decides the jars, the source the compiled launcher. */
interface Stamp {
  pom: string;
  launcher: string;
}

function currentStamp(): Stamp {
  return { pom: sha256(POM), launcher: sha256(LAUNCHER_SOURCE) };
}

function readStamp(file: string): Partial<Stamp> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stamp>;
  } catch {
    return {};
  }
}

function paths(jarsDir: string) {
  return {
    repo: path.join(jarsDir, 'm2'),
    classpathFile: path.join(jarsDir, 'classpath.txt'),
    classes: path.join(jarsDir, 'classes'),
    stamp: path.join(jarsDir, 'build.stamp'),
    lock: path.join(jarsDir, 'build.lock'),
    log: path.join(jarsDir, 'build.log'),
  };
}

/** The cached jar list, when it was resolved from the current pom and every jar is still there. */
function cachedJars(jarsDir: string): string | undefined {
  const p = paths(jarsDir);
  try {
    if (readStamp(p.stamp).pom !== currentStamp().pom) return undefined;
    const jars = fs.readFileSync(p.classpathFile, 'utf8').trim();
    return jars.split(path.delimiter).every((jar) => fs.existsSync(jar)) ? jars : undefined;
  } catch {
    return undefined;
  }
}

function readyBuild(jarsDir: string): LauncherBuild | undefined {
  const p = paths(jarsDir);
  const jars = cachedJars(jarsDir);
  if (!jars || readStamp(p.stamp).launcher !== currentStamp().launcher) return undefined;
  if (!fs.existsSync(path.join(p.classes, 'sociaalkg', 'neo4j', 'Launcher.class'))) return undefined;
  return { classpath: [p.classes, jars].join(path.delimiter), built: false };
}

function run(command: string, args: string[], logFile: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      fs.appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n${output}\n`);
      resolve({ code: code ?? 1, output });
    });
  });
}

function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  return lines.find((l) => l.startsWith('[ERROR]')) ?? lines.at(-1) ?? '';
}

/** A lock is held while its owner lives; a lock without owner pid yet is young (just created). */
function isLockHeld(lockDir: string): boolean {
  try {
    const owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    if (!owner) throw new Error('no owner yet');
    process.kill(owner, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return true;
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs < 30_000;
    } catch {
      return false;
    }
  }
}

async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!isLockHeld(lockDir)) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Neo4jSetupError(`Timed out waiting for another process to build the Neo4j launcher (lock ${lockDir}).`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure the Neo4j jars are in the cache and the launcher is compiled; Maven and javac run
 * only on the first use (or when the pom or launcher source changed).
 */
export async function ensureLauncher(jarsDir: string, log: (line: string) => void): Promise<LauncherBuild> {
  const ready = readyBuild(jarsDir);
  if (ready) {
    checkJava(false);
    return ready;
  }
  checkJava(true);
  fs.mkdirSync(jarsDir, { recursive: true });
  const p = paths(jarsDir);
  return withLock(p.lock, async () => {
    const builtMeanwhile = readyBuild(jarsDir);
    if (builtMeanwhile) return builtMeanwhile;

    const version = neo4jVersion();
    fs.rmSync(p.log, { force: true });
    let jars = cachedJars(jarsDir);
    if (jars) {
      log(`Compiling the Neo4j ${version} launcher…`);
    } else {
      if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
        throw new MavenMissingError(
          'Maven ("mvn") is needed once to download the Neo4j jars but was not found; install it (e.g. apt-get install maven) or set NEO4J_URI to use an existing Neo4j server.',
        );
      }
      const downloaded = fs.existsSync(path.join(p.repo, 'org', 'neo4j', 'neo4j', version, `neo4j-${version}.jar`));
      log(downloaded
        ? `Resolving the Neo4j ${version} jars…`
        : `Downloading Neo4j ${version} jars (first run only, about ${Math.round(EXPECTED_DOWNLOAD_BYTES / 1_000_000)} MB from Maven Central into ${p.repo})…`);
      const stopProgress = downloaded ? () => {} : watchDownload(p.repo, log);
      const mvn = await run('mvn', [
        '-q', '-B', '--no-transfer-progress',
        `-Dmaven.repo.local=${p.repo}`,
        '-f', POM,
        'dependency:build-classpath',
        `-Dmdep.outputFile=${p.classpathFile}`,
      ], p.log).finally(stopProgress);
      if (mvn.code !== 0) {
        throw new Neo4jSetupError(
          `Maven could not resolve the Neo4j jars (${lastLine(mvn.output)}); see ${p.log}.`,
        );
      }
      jars = fs.readFileSync(p.classpathFile, 'utf8').trim();
      fs.writeFileSync(p.stamp, JSON.stringify({ pom: currentStamp().pom }));
    }
    fs.rmSync(p.classes, { recursive: true, force: true });
    const javac = await run(javacBinary(), [
      '--release', '17', '-nowarn', '-cp', jars, '-d', p.classes, LAUNCHER_SOURCE,
    ], p.log);
    if (javac.code !== 0) {
      throw new Neo4jSetupError(`Compiling the Neo4j launcher failed (${lastLine(javac.output)}); see ${p.log}.`);
    }
    fs.writeFileSync(p.stamp, JSON.stringify(currentStamp()));
    return { classpath: [p.classes, jars].join(path.delimiter), built: true };
  });
}
