/**
 * Evidence integrity over the whole imported corpus, read back from Neo4j: a sentence-level passage
 * names both ends of its relation (a name or alias of each; a theme by a word of its vocabulary), and an
 * article-level passage names its source and carries the title of its article. No relation lacks evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEvidence, type EvidenceRow } from '../../graph/queries/integrity.ts';
import { EntityNames } from '../../import/resolve/evidence.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { ensureCorpus } from './harness.ts';

let rows: EvidenceRow[];
let names: EntityNames;

beforeAll(async () => {
  const driver = testDriver();
  const { database } = testNeo4j();
  await ensureCorpus(driver, database);
  rows = await allEvidence({ driver, database, timeoutMs: 60_000 });
  const entities = new Map<string, { id: string; type: string; name: string; aliases: string[] }>();
  for (const r of rows) for (const e of [r.from, r.to]) entities.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [] });
  names = new EntityNames(entities.values());
});

afterAll(async () => {
  await closeTestDriver();
});

describe('evidence integrity (whole graph)', () => {
  it('every sentence-level passage names both ends', () => {
    const sentence = rows.filter((r) => r.kind === 'SENTENCE');
    const bad = sentence.filter((r) => !(names.named(r.from.id, r.quote) && names.named(r.to.id, r.quote)));
    console.log(`sentence-level evidence naming both ends: ${sentence.length - bad.length}/${sentence.length}`);
    expect(sentence.length).toBeGreaterThan(100);
    expect(bad.map((r) => `${r.type} ${r.from.name} -> ${r.to.name}: ${r.quote}`)).toEqual([]);
  });

  it('every article-level passage names its source and carries its article title', () => {
    const article = rows.filter((r) => r.kind === 'ARTICLE');
    const titled = article.filter((r) => typeof r.articleTitle === 'string' && r.articleTitle.length > 0);
    const introduces = article.filter((r) => names.named(r.from.id, r.quote));
    console.log(`article-level evidence with its article title: ${titled.length}/${article.length}; naming the source: ${introduces.length}/${article.length}`);
    expect(article.length).toBeGreaterThan(100);
    expect(titled.length).toBe(article.length);
    expect(introduces.length).toBe(article.length);
  });

  it('only the two kinds exist', () => {
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['SENTENCE', 'ARTICLE']));
  });
});
