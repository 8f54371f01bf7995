/**
 * The read stage's limits, in a module of their own: the main thread needs them without loading
 * the format readers (PDF, DOCX, HTML parsers: about 200 MB of resident memory), which only the
 * pool's threads use.
 */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
