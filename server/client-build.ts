/** Builds the Vite client when client/dist is missing or older than its sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../graph/config.ts';

export const clientRoot = join(projectRoot, 'client');
export const clientDist = join(clientRoot, 'dist');

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function clientIsStale(): boolean {
  const built = join(clientDist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(clientRoot, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Returns true when it built. */
export async function ensureClientBuilt(): Promise<boolean> {
  if (!clientIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(clientRoot, 'vite.config.ts'), root: clientRoot, logLevel: 'warn' });
  return true;
}
