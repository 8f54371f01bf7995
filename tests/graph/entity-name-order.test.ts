/**
 * An entity's display name does not depend on the order in which the writer gets its documents:
 * extraction threads finish in any order, so two forms of one entity ("toolkit Zorgpad" and
 * "Toolkit Zorgpad") must end as the same name either way. Against the real Neo4j of the test run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { deleteDocument, preferredName, writeExtraction } from '../../graph/write.ts';
import type { ExtractionResult } from '../../import/types.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const database = testNeo4j().database;
const entityId = 'programme:test-naamvolgorde-zorgpad';

afterAll(closeTestDriver);

function documentNaming(docId: string, name: string): ExtractionResult {
  const section = `${docId}#0`;
  return {
    document: { id: docId, file: `${docId}.txt`, path: `${docId}.txt`, title: docId, published: null, sha256: docId, sections: [{ id: section, ordinal: 0, title: 'Intro', text: `Over ${name}.` }] },
    entities: [{ id: entityId, type: 'PROGRAMME', name, aliases: [], props: {}, mentions: [{ sectionId: section, count: 1, snippets: [`Over ${name}.`] }] }],
    relations: [],
  };
}

const lower = documentNaming('test-naamvolgorde-a', 'toolkit Zorgpad');
const capital = documentNaming('test-naamvolgorde-b', 'Toolkit Zorgpad');

async function stored(): Promise<{ name: string; aliases: string[]; searchText: string } | null> {
  const res = await driver.executeQuery('MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.aliases AS aliases, e.searchText AS searchText', { id: entityId }, { database });
  const r = res.records[0];
  return r ? { name: r.get('name'), aliases: r.get('aliases'), searchText: r.get('searchText') } : null;
}

async function writeInOrder(first: ExtractionResult, second: ExtractionResult) {
  await writeExtraction(driver, database, first);
  await writeExtraction(driver, database, second);
  const after = await stored();
  await deleteDocument(driver, database, first.document.id);
  await deleteDocument(driver, database, second.document.id);
  return after;
}

describe('entity names and document order', () => {
  it('prefers a capitalised form, then the first by code point', () => {
    expect(preferredName('toolkit Zorgpad', 'Toolkit Zorgpad')).toBe('Toolkit Zorgpad');
    expect(preferredName('Toolkit Zorgpad', 'toolkit Zorgpad')).toBe('Toolkit Zorgpad');
    expect(preferredName('Sociaal domein', 'Sociaal Domein')).toBe(preferredName('Sociaal Domein', 'Sociaal domein'));
    expect(preferredName('Zorg-pad', 'Zorg pad')).toBe('Zorg pad');
  });

  it('gives the same name, aliases and search text whichever document is written first', async () => {
    const lowerFirst = await writeInOrder(lower, capital);
    const capitalFirst = await writeInOrder(capital, lower);
    expect(lowerFirst).toEqual({ name: 'Toolkit Zorgpad', aliases: ['toolkit Zorgpad'], searchText: 'Toolkit Zorgpad | Toolkit Zorgpad | toolkit Zorgpad' });
    expect(capitalFirst).toEqual(lowerFirst);
    expect(await stored()).toBeNull();
  });
});
