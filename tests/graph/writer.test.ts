/**
 * The writer against the real Neo4j of the test run (with the bundled corpus imported by the
 * global setup): idempotent, incremental, and an edited document replaces its old facts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument, writeExtraction } from '../../graph/write.ts';
import { MENTION_SNIPPETS } from '../../graph/snippet-places.ts';
import { graphCounts } from '../../graph/queries/stats.ts';
import { importPaths } from '../../import/run-import.ts';
import { extractDocument } from '../../import/pipeline.ts';
import type { ExtractionResult } from '../../import/types.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const corpus = join(projectRoot, 'corpus');
const driver = testDriver();
const database = testNeo4j().database;

afterAll(closeTestDriver);

async function relationCount(documentId: string): Promise<number> {
  const res = await driver.executeQuery(
    'MATCH (:Entity)-[r]->(:Entity) WHERE r.documentId = $documentId RETURN count(r) AS n',
    { documentId },
    { database },
  );
  return res.records[0].get('n') as number;
}

async function entityIds(documentId: string): Promise<string[]> {
  const res = await driver.executeQuery(
    `MATCH (e:Entity)-[:MENTIONED_IN]->(:Section)-[:PART_OF]->(:Document {id: $documentId})
     RETURN DISTINCT e.id AS id ORDER BY id`,
    { documentId },
    { database },
  );
  return res.records.map((r) => r.get('id') as string);
}

function syntheticDocument(version: 'old' | 'new'): ExtractionResult {
  const docId = 'test-writer-doc';
  const section = `${docId}#0`;
  const person = version === 'old' ? 'person:test-oud-persoon' : 'person:test-nieuw-persoon';
  return {
    document: { id: docId, file: `${docId}.txt`, path: `${docId}.txt`, title: 'Testdocument', published: null, sha256: version, sections: [{ id: section, ordinal: 0, title: 'Intro', text: 'tekst' }] },
    entities: [
      { id: person, type: 'PERSON', name: version === 'old' ? 'Oud Persoon' : 'Nieuw Persoon', aliases: [], props: { roles: [version === 'old' ? 'wethouder' : 'directeur'] }, mentions: [{ sectionId: section, count: 2, snippets: ['tekst'] }] },
      { id: 'organisation:test-stichting', type: 'ORGANISATION', name: 'Test Stichting', aliases: version === 'old' ? ['TS-oud'] : ['TS'], props: { kind: 'stichting' }, mentions: [{ sectionId: section, count: 1, snippets: ['tekst'] }] },
    ],
    relations: [{ type: 'WORKS_FOR', from: person, to: 'organisation:test-stichting', role: null, weight: 1, evidence: [{ sectionId: section, quote: 'tekst' }] }],
  };
}

describe('graph writer', () => {
  it('imported the corpus: five documents with entities and relations', async () => {
    const counts = await graphCounts(driver, database);
    expect(counts.documents).toBe(5);
    expect(counts.people).toBeGreaterThan(50);
    expect(counts.relations).toBeGreaterThan(50);
  });

  it('a second import changes nothing, and a forced rewrite leaves identical counts', async () => {
    const before = await graphCounts(driver, database);
    const again = await importPaths([corpus], { driver, database });
    expect(again.unchanged).toBe(5);
    expect(await graphCounts(driver, database)).toEqual(before);
    const forced = await importPaths([corpus], { driver, database, force: true });
    expect(forced.replaced).toBe(5);
    expect(await graphCounts(driver, database)).toEqual(before);
  });

  it('replacing a document removes its old entities, aliases, roles and relations', async () => {
    const baseline = await graphCounts(driver, database);
    expect((await writeExtraction(driver, database, syntheticDocument('old'))).status).toBe('created');
    expect((await writeExtraction(driver, database, syntheticDocument('old'))).status).toBe('unchanged');
    expect((await writeExtraction(driver, database, syntheticDocument('new'))).status).toBe('replaced');

    const res = await driver.executeQuery(
      `OPTIONAL MATCH (old:Person {id: 'person:test-oud-persoon'})
       MATCH (o:Organisation {id: 'organisation:test-stichting'})<-[r:WORKS_FOR]-(p:Person)
       RETURN old IS NULL AS oldGone, o.aliases AS aliases, collect(p.id) AS workers, collect(p.roles) AS roles`,
      {},
      { database },
    );
    const row = res.records[0].toObject();
    expect(row.oldGone).toBe(true);
    expect(row.aliases).toEqual(['TS']);
    expect(row.workers).toEqual(['person:test-nieuw-persoon']);
    expect(row.roles).toEqual([['directeur']]);

    await deleteDocument(driver, database, 'test-writer-doc');
    expect(await graphCounts(driver, database)).toEqual(baseline);
  });

  it('an edited corpus file replaces its old facts exactly, and the original restores them', async () => {
    const file = '004_095f4ecd3cd81d18.txt';
    const documentId = '004_095f4ecd3cd81d18';
    const baseline = await graphCounts(driver, database);
    const fullEntities = await entityIds(documentId);

    const dir = mkdtempSync(join(tmpdir(), 'kg-edit-'));
    try {
      const text = readFileSync(join(corpus, file), 'utf8');
      const shortened = text.slice(0, Math.floor(text.length / 3));
      writeFileSync(join(dir, file), shortened);
      const edited = await importPaths([join(dir, file)], { driver, database });
      expect(edited.replaced).toBe(1);

      // The graph holds exactly what the extractor reads in the edited text: nothing of the old version.
      const expected = extractDocument(file, shortened);
      const inGraph = await entityIds(documentId);
      expect(inGraph).toEqual([...new Set(expected.entities.map((e) => e.id))].sort());
      expect(inGraph.length).toBeLessThan(fullEntities.length);
      expect(await relationCount(documentId)).toBe(new Set(expected.relations.map((r) => `${r.type} ${r.from} ${r.to}`)).size);

      copyFileSync(join(corpus, file), join(dir, file));
      const restored = await importPaths([join(dir, file)], { driver, database });
      expect(restored.replaced).toBe(1);
      expect(await entityIds(documentId)).toEqual(fullEntities);
      expect(await graphCounts(driver, database)).toEqual(baseline);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores where the snippets stand in the section text, and reads back the same snippets', async () => {
    const docId = 'test-writer-snippets';
    const texts = [
      'Één café in Zwolle. De wethouder Zoë Brink opende het café. Daarna sprak Brink.',
      'Een glimlach 😀 van Zoë Brink. Brink ging naar huis.',
    ];
    const snippets = [
      ['De wethouder Zoë Brink opende het café.', 'Niet in de tekst.', 'Daarna sprak Brink.'],
      ['Brink ging naar huis.'],
    ];
    const sections = texts.map((text, i) => ({ id: `${docId}#${i}`, ordinal: i, title: `Deel ${i}`, text }));
    const result: ExtractionResult = {
      document: { id: docId, file: `${docId}.txt`, path: `${docId}.txt`, title: 'Snippets', published: null, sha256: 'snippets', sections },
      entities: [{
        id: 'person:test-zoe-brink', type: 'PERSON', name: 'Zoë Brink', aliases: [], props: {},
        mentions: sections.map((s, i) => ({ sectionId: s.id, count: snippets[i].length, snippets: snippets[i] })),
      }],
      relations: [],
    };
    try {
      await writeExtraction(driver, database, result, { force: true });
      const res = await driver.executeQuery(
        `MATCH (:Entity {id: 'person:test-zoe-brink'})-[m:MENTIONED_IN]->(s:Section)
         RETURN ${MENTION_SNIPPETS('m', 's')} AS snippets, m.snippets AS strings ORDER BY s.ordinal`,
        {},
        { database },
      );
      expect(res.records.map((r) => r.get('snippets'))).toEqual(snippets);
      // only what the text does not hold as written is stored as a string (after an emoji, JS and Cypher count apart)
      expect(res.records.map((r) => r.get('strings'))).toEqual([['Niet in de tekst.'], ['Brink ging naar huis.']]);
    } finally {
      await deleteDocument(driver, database, docId);
    }
  });

  it('a broken file is reported and skipped while the others import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-broken-'));
    try {
      writeFileSync(join(dir, 'leeg.txt'), '');
      writeFileSync(join(dir, 'binair.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a]));
      copyFileSync(join(corpus, '003_013320122c8a32e8.txt'), join(dir, '003_013320122c8a32e8.txt'));
      const summary = await importPaths([dir], { driver, database });
      expect(summary.skipped.map((s) => s.reason).sort()).toEqual(['binary', 'empty']);
      expect(summary.unchanged).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
