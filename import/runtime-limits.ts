/**
 * V8 heap settings of the threads that extract documents (import/workers/pool.ts) and of the
 * extraction bench (bench/extract.ts), which must run extraction under the same settings.
 *
 * Extraction allocates about 200 bytes per byte of text (tokens, substrings, per-sentence arrays),
 * nearly all of it dead within one document. With V8's default young generation (16 MB semi-spaces
 * on 64-bit) that is a scavenge every 2-3 MB of heap, and each copies the document's live
 * intermediate results again; larger semi-spaces let most of them die before a scavenge, so the
 * collector runs a quarter as often. Cost: up to 3 x EXTRACTION_SEMI_SPACE_MB of young generation
 * per extracting thread (reserved as needed; V8 grows the semi-spaces from 1 MB only when
 * scavenges keep surviving).
 */
export const EXTRACTION_SEMI_SPACE_MB = 64;

/**
 * V8 sizes the young generation as three semi-spaces (two for copying, one's worth for large new
 * objects), so this Worker resource limit gives a thread the semi-space size above: the same as
 * running it with `--max-semi-space-size=EXTRACTION_SEMI_SPACE_MB`.
 */
export const EXTRACTION_YOUNG_GENERATION_MB = 3 * EXTRACTION_SEMI_SPACE_MB;

/** The Worker `resourceLimits` of an extracting thread (for piscina's `resourceLimits` option). */
export const EXTRACTION_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: EXTRACTION_YOUNG_GENERATION_MB } as const;

/** The node flag that gives a whole process the same young generation (the bench's child processes). */
export const EXTRACTION_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${EXTRACTION_SEMI_SPACE_MB}`];
