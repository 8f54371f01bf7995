/**
 * Everything the graph holds, in a canonical order and without import timestamps (nor the pair
 * links' refresh counter, `epoch`, graph/pair-links.ts): two graphs
 * with the same fingerprint are the same graph (nodes, their properties, every relationship).
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { MENTION_SNIPPETS } from '../../graph/snippet-places.ts';

const PARTS = {
  documents: 'MATCH (d:Document) RETURN d {.*, importedAt: null} AS row ORDER BY d.id',
  sections: 'MATCH (s:Section)-[:PART_OF]->(d:Document) OPTIONAL MATCH (s)-[:IN_ARTICLE]->(a:Article) RETURN [d.id, a.id, s {.*}] AS row ORDER BY s.id',
  articles: 'MATCH (a:Article)-[:PART_OF]->(d:Document) RETURN [d.id, a {.*}] AS row ORDER BY a.id',
  entities: 'MATCH (e:Entity) RETURN [labels(e), e {.*}] AS row ORDER BY e.id',
  // the snippets as text, however they are stored (graph/snippet-places.ts)
  mentions: `MATCH (e:Entity)-[m:MENTIONED_IN]->(s:Section) RETURN [e.id, s.id, m {.*, snippets: ${MENTION_SNIPPETS('m', 's')}, snippetAt: null}] AS row ORDER BY e.id, s.id`,
  relations: 'MATCH (a:Entity)-[r]->(b:Entity) RETURN [type(r), a.id, b.id, r {.*, epoch: null}] AS row ORDER BY type(r), a.id, b.id, r.documentId',
} as const;

export type Fingerprint = Record<keyof typeof PARTS, { count: number; sha256: string }>;

/** Property maps with their keys sorted, so that equal maps print equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return typeof value === 'object' && value !== null ? String(value) : value;
}

export async function graphFingerprint(driver: Driver, database: string): Promise<Fingerprint> {
  const out = {} as Fingerprint;
  for (const [name, query] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
    const res = await driver.executeQuery(query, {}, { database });
    const hash = createHash('sha256');
    for (const r of res.records) hash.update(JSON.stringify(canonical(r.get('row'))) + '\n');
    out[name] = { count: res.records.length, sha256: hash.digest('hex').slice(0, 16) };
  }
  return out;
}
