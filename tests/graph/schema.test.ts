import { afterAll, describe, expect, it } from 'vitest';

import {
  DUTCH_ENTITY_INDEX, ENTITY_LABELS, FULLTEXT_ANALYZER, FULLTEXT_INDEX, FULLTEXT_INDEXES, PASSAGE_INDEX, UNIQUE_ID_LABELS, ensureSchema,
  uniqueIdConstraintName,
} from '../../graph/schema.ts';
import { buildLuceneQuery } from '../../graph/queries/search.ts';
import { closeTestDriver, testDriver, testId, testNeo4j } from '../setup/neo4j.ts';

const tag = testId('schema');

async function run<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await testDriver().executeQuery(cypher, params, { database: testNeo4j().database });
  return records.map((r) => r.toObject() as T);
}

async function schemaSnapshot() {
  const constraints = await run<{ name: string; labels: string[]; properties: string[]; type: string }>(
    'SHOW CONSTRAINTS YIELD name, labelsOrTypes AS labels, properties, type RETURN name, labels, properties, type ORDER BY name',
  );
  const indexes = await run<{ name: string; type: string; state: string; labels: string[]; properties: string[] }>(
    'SHOW INDEXES YIELD name, type, state, labelsOrTypes AS labels, properties RETURN name, type, state, labels, properties ORDER BY name',
  );
  return { constraints, indexes };
}

async function search(input: string): Promise<string[]> {
  const query = buildLuceneQuery(input);
  if (query === null) return [];
  const rows = await run<{ id: string }>(
    `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query) YIELD node
     WHERE node.tag = $tag RETURN node.id AS id ORDER BY id`,
    { query, tag },
  );
  return rows.map((r) => r.id);
}

describe('graph/schema', () => {
  afterAll(async () => {
    await run('MATCH (n {tag: $tag}) DETACH DELETE n', { tag });
    await ensureSchema(testDriver(), testNeo4j().database);
    await closeTestDriver();
  });

  it('creates a uniqueness constraint on id for every label, and is idempotent', async () => {
    await ensureSchema(testDriver(), testNeo4j().database);
    const first = await schemaSnapshot();
    await ensureSchema(testDriver(), testNeo4j().database);
    const second = await schemaSnapshot();
    expect(second).toEqual(first);

    for (const label of UNIQUE_ID_LABELS) {
      expect(first.constraints).toContainEqual({
        name: uniqueIdConstraintName(label), labels: [label], properties: ['id'], type: 'UNIQUENESS',
      });
    }
    const fulltext = first.indexes.find((i) => i.name === FULLTEXT_INDEX);
    expect(fulltext).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE', properties: ['name', 'searchText'] });
    expect([...fulltext!.labels].sort()).toEqual([...ENTITY_LABELS].sort());
    expect(first.indexes.every((i) => i.state === 'ONLINE')).toBe(true);
    for (const spec of FULLTEXT_INDEXES) {
      expect(first.indexes.find((i) => i.name === spec.name), spec.name).toMatchObject({ type: 'FULLTEXT', properties: [...spec.properties] });
    }
  });

  it('stems Dutch in the entity and passage indexes: "eenzame" finds "eenzaamheid"', async () => {
    await run(
      `CREATE (:Entity:Theme {id: $tag + ':eenzaam', tag: $tag, name: 'eenzaamheid', searchText: 'eenzaamheid'}),
              (:Section {id: $tag + ':sectie', tag: $tag, title: 'Ouderen', text: 'Veel ouderen voelen eenzaamheid.'})`,
      { tag },
    );
    const entities = await run<{ id: string }>(
      `CALL db.index.fulltext.queryNodes('${DUTCH_ENTITY_INDEX}', 'eenzame') YIELD node WHERE node.tag = $tag RETURN node.id AS id`, { tag },
    );
    expect(entities).toEqual([{ id: `${tag}:eenzaam` }]);
    const passages = await run<{ id: string }>(
      `CALL db.index.fulltext.queryNodes('${PASSAGE_INDEX}', '+eenzame +oudere') YIELD node WHERE node.tag = $tag RETURN node.id AS id`, { tag },
    );
    expect(passages).toEqual([{ id: `${tag}:sectie` }]);
  });

  it('rejects a second node with the same id', async () => {
    const id = `${tag}:unique`;
    await run('CREATE (:Entity:Theme {id: $id, tag: $tag, name: "Armoede"})', { id, tag });
    await expect(run('CREATE (:Entity:Theme {id: $id, tag: $tag, name: "Armoede"})', { id, tag }))
      .rejects.toThrow(/already exists/);
  });

  it('finds entities by name and alias regardless of case and diacritics', async () => {
    await run(
      `CREATE (:Entity:Programme {id: $tag + ':piezo', tag: $tag, name: 'PiëzoMethodiek', searchText: 'PiëzoMethodiek'}),
              (:Entity:Organisation {id: $tag + ':scp', tag: $tag, name: 'Sociaal en Cultureel Planbureau',
                                     searchText: 'Sociaal en Cultureel Planbureau SCP'}),
              (:Entity:Municipality {id: $tag + ':sudwest', tag: $tag, name: 'Súdwest-Fryslân', searchText: 'Súdwest-Fryslân'}),
              (:Section {id: $tag + ':section', tag: $tag, name: 'piezomethodiek in een sectie'})`,
      { tag },
    );
    // The index analyzer itself folds case and diacritics of a plain (non-wildcard) query.
    const raw = await run<{ id: string }>(
      `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', 'PIËZOMETHODIEK') YIELD node WHERE node.tag = $tag RETURN node.id AS id`,
      { tag },
    );
    expect(raw).toEqual([{ id: `${tag}:piezo` }]);
    expect(await search('piezo')).toEqual([`${tag}:piezo`]);
    expect(await search('Piëzo')).toEqual([`${tag}:piezo`]);
    expect(await search('PIEZOMETHODIEK')).toEqual([`${tag}:piezo`]);
    expect(await search('scp')).toEqual([`${tag}:scp`]);
    expect(await search('cultureel plan')).toEqual([`${tag}:scp`]);
    expect(await search('sudwest fryslan')).toEqual([`${tag}:sudwest`]);
    // Every word must match; a section is not in the index even though its name would match.
    expect(await search('cultureel zaanstad')).toEqual([]);
    expect(await search('zaanstad')).toEqual([]);
  });

  it(`rebuilds an ${FULLTEXT_INDEX} index that has another definition`, async () => {
    await run(`DROP INDEX ${FULLTEXT_INDEX}`);
    await run(`CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:Person) ON EACH [n.name] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'whitespace' } }`);
    await ensureSchema(testDriver(), testNeo4j().database);
    const [row] = await run<{ labels: string[]; analyzer: string }>(
      'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes AS labels, options WHERE name = $name RETURN labels, options.indexConfig[\'fulltext.analyzer\'] AS analyzer',
      { name: FULLTEXT_INDEX },
    );
    expect(row!.analyzer).toBe(FULLTEXT_ANALYZER);
    expect([...row!.labels].sort()).toEqual([...ENTITY_LABELS].sort());
  });
});
