/**
 * A larger graph for benchmarks: copies of the imported corpus, as if the same magazines had been
 * written about other people, organisations and programmes in the same municipalities and on the
 * same themes. Copy k gets new documents, sections, people, organisations and programmes (ids and
 * names suffixed with "~k" / " k") with all their relations and mentions; themes and
 * municipalities are shared, so they gather k times the links (theme -> people, neighbourhoods
 * and related programmes grow with the copies). Only for throwaway bench databases.
 */
import { refreshDerivedData } from './derived-data.ts';
import neo4j, { type Driver } from 'neo4j-driver';
import { RELATION_PATTERN } from './queries/model.ts';

/** Entity labels that are copied; the others (Theme, Municipality) are shared by every copy. */
const COPIED_LABELS = ['Person', 'Organisation', 'Programme'] as const;
const ORIGINAL = `NOT x.id CONTAINS '~'`;

/** The id of `n`'s counterpart in the copy: itself for shared entities. */
const COPY_ID = (n: string) => `CASE WHEN ${n}:Theme OR ${n}:Municipality THEN ${n}.id ELSE ${n}.id + sfx END`;
/** Each statement reads the originals once and writes every copy of the batch `$ks`. */
const EACH_COPY = `UNWIND $ks AS k WITH *, '~' + k AS sfx`;

// Labels are set after the new id: the unique-id constraints are checked as each property is set.
const COPY_DOCUMENTS = `
  MATCH (x:Document) WHERE ${ORIGINAL}
  ${EACH_COPY}
  CREATE (c) SET c = properties(x), c.id = x.id + sfx, c.file = x.file + sfx, c.sha256 = x.sha256 + sfx, c:Document`;

const COPY_SECTIONS = `
  MATCH (x:Section)-[:PART_OF]->(d:Document) WHERE ${ORIGINAL}
  ${EACH_COPY}
  MATCH (cd:Document {id: d.id + sfx})
  CREATE (c)-[:PART_OF]->(cd) SET c = properties(x), c.id = x.id + sfx, c:Section REMOVE c.documentId`;

const COPY_ENTITIES = (label: string) => `
  MATCH (x:${label}) WHERE ${ORIGINAL}
  ${EACH_COPY}
  CREATE (c) SET c = properties(x), c.id = x.id + sfx, c.name = x.name + ' ' + k,
    c.searchText = coalesce(x.searchText, '') + ' ' + k, c:Entity:${label}
  // the original's summary of its links (graph/pair-links.ts) names the original's neighbours: the copy's is written by the refresh
  REMOVE c.outLinks`;

const COPY_RELATIONS = (type: string) => `
  MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE NOT a.id CONTAINS '~' AND NOT b.id CONTAINS '~'
    AND NOT ((a:Theme OR a:Municipality) AND (b:Theme OR b:Municipality))
  ${EACH_COPY}
  MATCH (ca:Entity {id: ${COPY_ID('a')}}), (cb:Entity {id: ${COPY_ID('b')}})
  CREATE (ca)-[c:${type}]->(cb)
  SET c = properties(r), c.documentId = r.documentId + sfx, c.sectionIds = [s IN coalesce(r.sectionIds, []) | s + sfx]`;

const COPY_MENTIONS = `
  MATCH (e:Entity)-[m:MENTIONED_IN]->(x:Section) WHERE ${ORIGINAL}
  ${EACH_COPY}
  MATCH (ce:Entity {id: ${COPY_ID('e')}}), (cs:Section {id: x.id + sfx})
  CREATE (ce)-[c:MENTIONED_IN]->(cs) SET c = properties(m) REMOVE c.documentId`;

const COPIES_PRESENT = `MATCH (d:Document) WHERE d.id CONTAINS '~' RETURN count(d) AS n`;

/**
 * Grows the graph to `scale` times the imported corpus (copies 1 .. scale-1), one transaction
 * per ten copies. Copies already present are kept; `progress` is told after each copy.
 */
export async function growToScale(driver: Driver, database: string, scale: number, progress: (done: number, total: number) => void = () => {}): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const originals = (await session.run(`MATCH (d:Document) WHERE NOT d.id CONTAINS '~' RETURN count(d) AS n`)).records[0].get('n');
    const present = Number((await session.run(COPIES_PRESENT)).records[0].get('n')) / Math.max(1, Number(originals));
    const BATCH = 10;
    for (let from = Math.round(present) + 1; from < scale; from += BATCH) {
      const ks = Array.from({ length: Math.min(BATCH, scale - from) }, (_, i) => String(from + i));
      await session.executeWrite(async (tx) => {
        await tx.run(COPY_DOCUMENTS, { ks });
        await tx.run(COPY_SECTIONS, { ks });
        for (const label of COPIED_LABELS) await tx.run(COPY_ENTITIES(label), { ks });
        for (const type of RELATION_PATTERN.split('|')) await tx.run(COPY_RELATIONS(type), { ks });
        await tx.run(COPY_MENTIONS, { ks });
      });
      progress(from + ks.length - 1, scale - 1);
    }
  } finally {
    await session.close();
  }
  // as the importer does after an import: the copies get their pair links, the grown graph's hubs rank their neighbours once
  await refreshDerivedData(driver, database);
}
