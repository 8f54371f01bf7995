import fs from 'node:fs';
import path from 'node:path';

/** Written by the Java launcher once Bolt listens; removed when it shuts down. */
export interface LauncherState {
  pid: number;
  port: number;
  startedAt: string;
}

export const LAUNCHER_CLASS = 'sociaalkg.neo4j.Launcher';

export function stateFile(dataDir: string): string {
  return path.join(dataDir, 'launcher.json');
}

export function launcherLog(dataDir: string): string {
  return path.join(dataDir, 'logs', 'launcher.log');
}

export function neo4jDebugLog(dataDir: string): string {
  return path.join(dataDir, 'logs', 'debug.log');
}

/** A store is new when its system database has never been created. */
export function isNewStore(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'data', 'databases', 'system'));
}

export function readState(dataDir: string): LauncherState | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(stateFile(dataDir), 'utf8')) as LauncherState;
    return Number.isInteger(parsed.pid) && Number.isInteger(parsed.port) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function removeState(dataDir: string): void {
  fs.rmSync(stateFile(dataDir), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

/**
 * Pids of our launcher processes serving this data dir (found through /proc, so a launcher that
 * is still starting, and has not written launcher.json yet, is found too).
 */
export function findLaunchers(dataDir: string): number[] {
  const home = path.resolve(dataDir);
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const args = commandLine(Number(entry));
    if (!args?.includes(LAUNCHER_CLASS)) continue;
    const homeIndex = args.indexOf('--home');
    if (homeIndex >= 0 && path.resolve(args[homeIndex + 1] ?? '') === home) pids.push(Number(entry));
  }
  return pids;
}

/** True when pid is a live launcher for this data dir (guards against a recycled pid). */
export function isOurLauncher(pid: number, dataDir: string): boolean {
  return isAlive(pid) && findLaunchers(dataDir).includes(pid);
}
