/**
 * "Wie werkt hieraan?" for every kind: the people, organisations, programmes or municipalities
 * of a theme, ranked by the weight of their WORKS_ON links (summed over documents), each with
 * the passages behind it. A municipality works on a theme through what is in it: programmes
 * running there, organisations based there, people holding office there.
 */
import { EVIDENCE_SUBQUERY, LABEL, entityProjection, type EntityRow, type EntityType, type PassageRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';

export interface ThemeMemberRow {
  entity: EntityRow;
  weight: number;
  evidence: PassageRow[];
}

const RANK_AND_PROVE = `
    ORDER BY weight DESC, x.name, x.id
    LIMIT $first
    ${EVIDENCE_SUBQUERY}
    RETURN collect({entity: ${entityProjection('x')}, weight: weight, evidence: evidence}) AS items`;

const DIRECT = (label: string) => `
  UNWIND $ids AS id
  MATCH (t:Theme {id: id})
  CALL (t) {
    MATCH (x:${label})-[r:WORKS_ON]->(t)
    WITH x, sum(r.weight) AS weight, collect(r) AS rels
    ${RANK_AND_PROVE}
  }
  RETURN id, items`;

const MUNICIPALITIES = `
  UNWIND $ids AS id
  MATCH (t:Theme {id: id})
  CALL (t) {
    MATCH (x:Municipality)<-[:RUNS_IN|BASED_IN|HOLDS_OFFICE_IN]-(member:Entity)-[r:WORKS_ON]->(t)
    WITH x, r
    WITH DISTINCT x, r
    WITH x, sum(r.weight) AS weight, collect(r) AS rels
    ${RANK_AND_PROVE}
  }
  RETURN id, items`;

/** For each theme id: its members of `type`, strongest first. */
export async function themeMembers(
  ctx: ReadContext,
  type: EntityType,
  ids: readonly string[],
  first: number,
): Promise<Map<string, ThemeMemberRow[]>> {
  if (type === 'THEME') return new Map(ids.map((id) => [id, []]));
  const cypher = type === 'MUNICIPALITY' ? MUNICIPALITIES : DIRECT(LABEL[type]);
  const rows = await readRows(ctx, cypher, { ids, first: int(first) });
  return new Map(rows.map((r) => [
    r.id as string,
    (r.items as ThemeMemberRow[]).sort((a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name)),
  ]));
}
