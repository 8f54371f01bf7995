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

export function uniqueIdConstraintName(label: string): string {
  return `${label.toLowerCase()}_id_unique`;
}

const fulltextCreate =
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS ` +
  `FOR (n:${ENTITY_LABELS.join('|')}) ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
  // Not eventually consistent: a search right after an import sees the imported entities.
  `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}', \`fulltext.eventually_consistent\`: false } }`;

interface FulltextIndexRow {
  labelsOrTypes: string[];
  properties: string[];
  options: { indexConfig?: Record<string, unknown> };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** True when an existing entitySearch index has the labels, properties and analyzer we want. */
function fulltextMatches(row: FulltextIndexRow): boolean {
  const config = row.options.indexConfig ?? {};
  return sameSet(row.labelsOrTypes, ENTITY_LABELS)
    && sameSet(row.properties, FULLTEXT_PROPERTIES)
    && config['fulltext.analyzer'] === FULLTEXT_ANALYZER
    && config['fulltext.eventually_consistent'] === false;
}

/**
 * Creates the constraints and the full-text index if they are missing (safe to run again), and
 * waits until every index is online. An entitySearch index with another definition (e.g. from an
 * older version) is dropped and rebuilt.
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
    // replacing a document finds its relationships by documentId (graph/write.ts removeDocumentFacts)
    for (const type of RELATION_TYPES) {
      await session.run(`CREATE INDEX ${type.toLowerCase()}_document IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.documentId)`);
    }
    const existing = await session.run(
      'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options',
      { name: FULLTEXT_INDEX },
    );
    const row = existing.records[0]?.toObject() as FulltextIndexRow | undefined;
    if (row && !fulltextMatches(row)) await session.run(`DROP INDEX ${FULLTEXT_INDEX}`);
    await session.run(fulltextCreate);
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: awaitSeconds });
  } finally {
    await session.close();
  }
}

