/**
 * The pool's threads run task.ts as one ES module bundled by esbuild, not as its ~70 TypeScript
 * modules loaded through tsx: under tsx every thread starts its own loader-hooks thread and sends
 * each module through it (about 0.25 CPU s per thread, paid by every import, small or not).
 *
 * The bundle is the same code: esbuild is what tsx transpiles with; packages stay outside it (loaded
 * from node_modules as before, the format readers still on their first file), and each module's
 * `import.meta.url` is its own source file's URL, so that data files are found beside the sources.
 * It is written to node_modules/.cache and rebuilt when a source file changes (sizes and mtimes are
 * checked at each pool start). Without esbuild, or when the build fails, the threads load task.ts
 * through tsx as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  filename: string;
  execArgv: string[];
}

const SOURCE = fileURLToPath(new URL('./task.ts', import.meta.url));
const ROOT = resolve(dirname(SOURCE), '..', '..');
// inside the project, so that the bundle's imports of packages resolve from its node_modules
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'sociaal-kg');
const MANIFEST = join(CACHE_DIR, 'extract-task.json');

interface Manifest {
  file: string;
  /** source path (relative to the project) -> "size:mtimeMs" when bundled */
  inputs: Record<string, string>;
}

const TSX_ENTRY: WorkerEntry = { filename: pathToFileURL(SOURCE).href, execArgv: ['--import', 'tsx'] };

const stamp = (path: string) => {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
};

/** The bundle when the manifest's sources are unchanged, else null. */
function upToDate(): string | null {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    for (const [path, was] of Object.entries(manifest.inputs)) if (stamp(join(ROOT, path)) !== was) return null;
    statSync(manifest.file);
    return manifest.file;
  } catch {
    return null;
  }
}

async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: join(CACHE_DIR, 'extract-task.mjs'),
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].contents;
  const file = join(CACHE_DIR, `extract-task-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(CACHE_DIR, { recursive: true });
  // written whole under a temporary name first: a thread of another process never loads half a file
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(process.cwd(), input);
    inputs[path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path] = stamp(path);
  }
  const manifest: Manifest = { file, inputs };
  writeFileSync(`${MANIFEST}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${MANIFEST}.${process.pid}.tmp`, MANIFEST);
  return file;
}

let entry: Promise<WorkerEntry> | undefined;

/** What the pool's threads run: the bundle (built or reused), or task.ts through tsx when it cannot be built. IMPORT_WORKER_BUNDLE=0 forces tsx. */
export function workerEntry(): Promise<WorkerEntry> {
  if (process.env.IMPORT_WORKER_BUNDLE === '0') return Promise.resolve(TSX_ENTRY);
  return (entry ??= (async () => {
    try {
      const file = upToDate() ?? (await bundle());
      return { filename: pathToFileURL(file).href, execArgv: [] };
    } catch {
      return TSX_ENTRY;
    }
  })());
}
