/**
 * The write stage: one document's facts into Neo4j in one transaction, skipped when the stored
 * document has the same text and extractor fingerprint. The Cypher lives in graph/write.ts.
 */
export { documentWithContent, isCurrent, storedVersion, writeExtraction, type WriteStatus } from '../../graph/write.ts';
export { contentHash, extractorVersion } from './extractor-version.ts';
