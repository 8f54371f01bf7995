/**
 * Imports files into the graph: check each file, extract its facts (pure), write them (one
 * transaction per document). A file that cannot be read or extracted is reported and skipped;
 * the others still import.
 */
import type { Driver } from 'neo4j-driver';
import { extractDocument } from './pipeline.ts';
import { checkFile, discoverFiles, DEFAULT_MAX_FILE_BYTES, type FileCheck } from './read/files.ts';
import { contentHash, documentWithContent, extractorVersion, isCurrent, storedVersion, writeExtraction, type WriteStatus } from './write/index.ts';
import { documentId } from './ids.ts';

export interface SkippedFile {
  path: string;
  reason: string;
  detail: string;
}

export interface ImportSummary {
  files: number;
  created: number;
  replaced: number;
  unchanged: number;
  skipped: SkippedFile[];
  entities: Record<string, number>;
  relations: number;
  /** Articles of the documents written (see segment/articles.ts). */
  articles: number;
  bytes: number;
  seconds: number;
}

export interface ImportOptions {
  driver: Driver;
  database: string;
  force?: boolean;
  maxFileBytes?: number;
  onStart?: (totalFiles: number) => void;
  onFile?: (path: string, outcome: WriteStatus | 'skipped') => void;
}

export async function importPaths(paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { files, problems } = await discoverFiles(paths);
  const summary: ImportSummary = {
    files: files.length,
    created: 0,
    replaced: 0,
    unchanged: 0,
    skipped: problems.map(toSkipped),
    entities: {},
    relations: 0,
    articles: 0,
    bytes: 0,
    seconds: 0,
  };
  options.onStart?.(files.length);
  // content already imported in this run under another path: sha256 -> that path
  const seen = new Map<string, string>();
  for (const { path, relativePath } of files) {
    const check = await checkFile(path, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!check.ok) {
      summary.skipped.push(toSkipped(check));
      options.onFile?.(path, 'skipped');
      continue;
    }
    const sha256 = contentHash(check.text);
    const twin = seen.get(sha256) ?? (await documentWithContent(options.driver, options.database, sha256, documentId(relativePath)));
    if (twin) {
      summary.skipped.push({ path, reason: 'duplicate', detail: `same text as ${twin}, which is imported` });
      options.onFile?.(path, 'skipped');
      continue;
    }
    seen.set(sha256, relativePath);
    summary.bytes += check.bytes;
    const version = extractorVersion();
    if (!options.force && isCurrent(await storedVersion(options.driver, options.database, documentId(relativePath)), sha256, version)) {
      summary.unchanged++;
      options.onFile?.(path, 'unchanged');
      continue;
    }
    let result;
    try {
      result = extractDocument(relativePath, check.text);
    } catch (err) {
      summary.skipped.push({ path, reason: 'extraction failed', detail: (err as Error).message });
      options.onFile?.(path, 'skipped');
      continue;
    }
    const outcome = await writeExtraction(options.driver, options.database, result, { force: options.force, extractorVersion: version });
    summary[outcome.status]++;
    if (outcome.status !== 'unchanged') {
      for (const e of result.entities) summary.entities[e.type] = (summary.entities[e.type] ?? 0) + 1;
      summary.relations += result.relations.length;
      summary.articles += result.document.articles?.length ?? 0;
    }
    options.onFile?.(path, outcome.status);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function toSkipped(check: FileCheck): SkippedFile {
  return check.ok ? { path: check.path, reason: 'ok', detail: '' } : { path: check.path, reason: check.reason, detail: check.detail };
}
