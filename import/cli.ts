/**
 * `npm run import -- [files or folders…]` — imports .md/.txt files (default: the bundled corpus).
 * Exit codes: 0 all imported (or unchanged), 2 some files were skipped, 1 the import could not run.
 */
import { Command } from 'commander';
import { relative } from 'node:path';
import { connectGraph, closeDriver } from '../graph/driver.ts';
import { ensureSchema } from '../graph/schema.ts';
import { graphCounts, type StatsRow } from '../graph/queries/stats.ts';
import { projectRoot } from '../graph/config.ts';
import { importPaths, type ImportSummary } from './run-import.ts';
import { DEFAULT_MAX_FILE_BYTES } from './read/limits.ts';
import { progressDisplay } from './progress.ts';
import { describeError } from './errors.ts';

const program = new Command()
  .name('npm run import --')
  .description('Import Dutch documents (PDF, DOCX, HTML, markdown, text) into the knowledge graph')
  .argument('[paths...]', 'files or folders to import', [`${projectRoot}/corpus`])
  .option('--force', 're-import files even when they are unchanged')
  .option('--max-file-mb <n>', 'skip files larger than this (IMPORT_MAX_FILE_MB)', process.env.IMPORT_MAX_FILE_MB ?? String(DEFAULT_MAX_FILE_BYTES / 1024 / 1024))
  .option('--seconds-per-mb <n>', 'time budget per file for reading and extraction (IMPORT_SECONDS_PER_MB)')
  .option('--workers <n>', 'threads for reading and extraction (IMPORT_WORKERS; default one per core)')
  .option('--no-progress', 'no progress bar')
  .action(run);

async function run(paths: string[], opts: { force?: boolean; maxFileMb: string; progress: boolean; secondsPerMb?: string; workers?: string }): Promise<void> {
  const maxFileBytes = Number(opts.maxFileMb) * 1024 * 1024;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) {
    console.error(`--max-file-mb must be a positive number, got "${opts.maxFileMb}".`);
    process.exitCode = 1;
    return;
  }
  const connection = await connectGraph();
  try {
    await ensureSchema(connection.driver, connection.database);
    const display = opts.progress ? progressDisplay() : null;
    const summary = await importPaths(paths, {
      driver: connection.driver,
      database: connection.database,
      force: opts.force,
      maxFileBytes,
      secondsPerMb: positive(opts.secondsPerMb),
      threads: positive(opts.workers),
      ...display?.callbacks,
    });
    display?.stop();
    printSummary(summary, await graphCounts(connection.driver, connection.database));
    process.exitCode = summary.skipped.length > 0 ? 2 : 0;
  } finally {
    await closeDriver();
  }
}

function positive(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got "${value}"`);
  return n;
}

function printSummary(summary: ImportSummary, totals: StatsRow): void {
  for (const s of summary.skipped) {
    console.error(`skipped ${relative(process.cwd(), s.path) || s.path}: ${s.reason} — ${s.detail}`);
  }
  const entities = Object.entries(summary.entities).map(([type, n]) => `${n} ${type.toLowerCase()}`).join(', ');
  console.log(
    `Imported ${summary.created + summary.replaced + summary.unchanged} of ${summary.files} files ` +
      `(${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped) in ${summary.seconds.toFixed(1)} s` +
      (entities ? `; written: ${entities}, ${summary.relations} relations` : ''),
  );
  console.log(
    `Graph now: ${totals.documents} documents, ${totals.people} people, ${totals.organisations} organisations, ` +
      `${totals.municipalities} municipalities, ${totals.programmes} programmes, ${totals.themes} themes, ${totals.relations} relations.`,
  );
}

program.parseAsync().catch(async (err) => {
  console.error(describeError(err));
  await closeDriver().catch(() => {});
  process.exitCode = 1;
});
