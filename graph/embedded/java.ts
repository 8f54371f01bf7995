import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { JavaMissingError } from './errors.ts';

export const MIN_JAVA = 17;

function jdkTool(name: 'java' | 'javac'): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', name) : name;
}

export const javaBinary = (): string => jdkTool('java');
export const javacBinary = (): string => jdkTool('javac');

/** Major version from `java -version` / `javac -version` output ("1.8.0_392" -> 8, "17.0.15" -> 17). */
export function parseJavaMajor(output: string): number | undefined {
  const match = /(?:version "|javac )(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function versionOf(tool: string): number | undefined {
  const result = spawnSync(tool, ['-version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  return parseJavaMajor(`${result.stderr}\n${result.stdout}`);
}

/** Checks that `java` (and, to compile the launcher, `javac`) of version 17+ are available. */
export function checkJava(needCompiler: boolean): number {
  const java = javaBinary();
  const major = versionOf(java);
  if (major === undefined) {
    throw new JavaMissingError(
      `Java ${MIN_JAVA} or newer is needed to run Neo4j but "${java}" was not found; install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  if (major < MIN_JAVA) {
    throw new JavaMissingError(
      `Neo4j 5 needs Java ${MIN_JAVA} or newer but "${java}" is Java ${major}; install a newer JDK or point JAVA_HOME at one.`,
    );
  }
  if (needCompiler && versionOf(javacBinary()) === undefined) {
    throw new JavaMissingError(
      `The Java compiler "${javacBinary()}" was not found; install a full JDK ${MIN_JAVA}+ (e.g. apt-get install openjdk-17-jdk-headless), not only a JRE.`,
    );
  }
  return major;
}
