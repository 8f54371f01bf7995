/**
 * The write stage: documents' facts into Neo4j, several whole documents per transaction, each skipped when the stored
 * document has the same text and extractor fingerprint. The Cypher lives in graph/write.ts.
 */
export { documentLookups, isCurrent, settleEntities, writeDocuments, writeExtraction, type StoredVersion, type WriteStatus } from '../../graph/write.ts';
export { refreshDerivedData } from '../../graph/derived-data.ts';
export { contentHash, extractorVersion } from './extractor-version.ts';
