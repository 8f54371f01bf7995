import type { Driver } from 'neo4j-driver';
import { RELATION_TYPES } from './write.ts';

/** Labels of the entity nodes (each entity also carries :Entity). */
export const ENTITY_LABELS = ['Person', 'Organisation', 'Municipality', 'Programme', 'Theme'] as const;

/** Every label whose `id` is unique. */
export const UNIQUE_ID_LABELS = ['Document', 'Section', 'Article', ...ENTITY_LABELS, 'Entity'] as const;

export const FULLTEXT_INDEX = 'entitySearch';
export const FULLTEXT_PROPERTIES = ['name', 'searchText'] as const;
/** Lower-cases and strips diacritics (ASCII folding): "piezo" finds "PiëzoMethodiek". */
export const FULLTEXT_ANALYZER = 'standard-folding';

/**
 * The same names and aliases, stemmed the Dutch way: "eenzame" finds "eenzaamheid". On
 * searchText only (it starts with the name): Neo4j keeps one index per labels-and-properties.
 */
export const DUTCH_ENTITY_INDEX = 'entitySearchDutch';
/** Section titles and texts (the passages), stemmed the Dutch way. */
export const PASSAGE_INDEX = 'passageSearch';
export const PASSAGE_PROPERTIES = ['title', 'text'] as const;
export const DUTCH_ANALYZER = 'dutch';

export interface FulltextIndexSpec {
  name: string;
  labels: readonly string[];
  properties: readonly string[];
  analyzer: string;
}

export const FULLTEXT_INDEXES: readonly FulltextIndexSpec[] = [
  { name: FULLTEXT_INDEX, labels: ENTITY_LABELS, properties: FULLTEXT_PROPERTIES, analyzer: FULLTEXT_ANALYZER },
  { name: DUTCH_ENTITY_INDEX, labels: ENTITY_LABELS, properties: ['searchText'], analyzer: DUTCH_ANALYZER },
  { name: PASSAGE_INDEX, labels: ['Section'], properties: PASSAGE_PROPERTIES, analyzer: DUTCH_ANALYZER },
];

export function uniqueIdConstraintName(label: string): string {
  return `${label.toLowerCase()}_id_unique`;
}

function fulltextCreate(spec: FulltextIndexSpec): string {
  return `CREATE FULLTEXT INDEX ${spec.name} IF NOT EXISTS ` +
    `FOR (n:${spec.labels.join('|')}) ON EACH [${spec.properties.map((p) => `n.${p}`).join(', ')}] ` +
    // Not eventually consistent: a search right after an import sees the imported nodes.
    `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${spec.analyzer}', \`fulltext.eventually_consistent\`: false } }`;
}

interface FulltextIndexRow {
  labelsOrTypes: string[];
  properties: string[];
  options: { indexConfig?: Record<string, unknown> };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** True when an existing full-text index has the labels, properties and analyzer of its spec. */
function fulltextMatches(row: FulltextIndexRow, spec: FulltextIndexSpec): boolean {
  const config = row.options.indexConfig ?? {};
  return sameSet(row.labelsOrTypes, spec.labels)
    && sameSet(row.properties, spec.properties)
    && config['fulltext.analyzer'] === spec.analyzer
    && config['fulltext.eventually_consistent'] === false;
}

/**
 * Creates the constraints and the full-text indexes if they are missing (safe to run again),
 * and waits until every index is online. A full-text index with another definition (e.g. from
 * an older version) is dropped and rebuilt.
 */
export async function ensureSchema(driver: Driver, database: string, awaitSeconds = 300): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const label of UNIQUE_ID_LABELS) {
      await session.run(
        `CREATE CONSTRAINT ${uniqueIdConstraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      );
    }
    // duplicate detection looks documents up by their text hash
    await session.run('CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)');
    // the pair links' ledger, one per document (graph/pair-links.ts)
    await session.run('CREATE CONSTRAINT pairledger_document_unique IF NOT EXISTS FOR (l:PairLedger) REQUIRE l.documentId IS UNIQUE');
    // replacing a document finds its relationships by documentId (graph/write.ts removeDocumentFacts)
    for (const type of RELATION_TYPES) {
      await session.run(`CREATE INDEX ${type.toLowerCase()}_document IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.documentId)`);
    }
    for (const spec of FULLTEXT_INDEXES) {
      const existing = await session.run(
        'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options',
        { name: spec.name },
      );
      const row = existing.records[0]?.toObject() as FulltextIndexRow | undefined;
      if (row && !fulltextMatches(row, spec)) await session.run(`DROP INDEX ${spec.name}`);
      await session.run(fulltextCreate(spec));
    }
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: awaitSeconds });
  } finally {
    await session.close();
  }
}
