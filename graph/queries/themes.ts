/**
 * Theme links with their evidence: entity -> themes (ThemeLink) and theme -> people
 * (PersonThemeLink), ranked by weight summed over documents, each with the passages behind it.
 */
import { EVIDENCE_SUBQUERY, entityProjection, type EntityRow, type PassageRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';

export interface ThemeLinkRow {
  theme: EntityRow;
  weight: number;
  evidence: PassageRow[];
}

export interface PersonThemeLinkRow {
  person: EntityRow;
  weight: number;
  evidence: PassageRow[];
}

/** The themes t reached through WORKS_ON links r, ranked by summed weight, with their passages, as `items`. */
const RANKED_THEMES = `
    WITH t, sum(r.weight) AS weight, collect(r) AS rels
    ORDER BY weight DESC, t.name, t.id
    LIMIT $first
    ${EVIDENCE_SUBQUERY}
    RETURN collect({theme: ${entityProjection('t')}, weight: weight, evidence: evidence}) AS items`;

/** People, organisations and programmes work on themes directly (inner part: bound `src`, `$first`). */
export const DIRECT_THEMES_SUBQUERY = `
    MATCH (src)-[r:WORKS_ON]->(t:Theme)
    ${RANKED_THEMES}`;

const DIRECT_THEMES = `
  UNWIND $ids AS id
  MATCH (src:Entity {id: id})
  CALL (src) {${DIRECT_THEMES_SUBQUERY}
  }
  RETURN id, items`;

/**
 * A municipality works on a theme through what is in it: programmes that run there,
 * organisations based there and people holding office there.
 */
export const MUNICIPALITY_THEMES_SUBQUERY = `
    MATCH (m)<-[:RUNS_IN|BASED_IN|HOLDS_OFFICE_IN]-(x:Entity)
    WITH DISTINCT x
    MATCH (x)-[r:WORKS_ON]->(t:Theme)
    ${RANKED_THEMES}`;

const MUNICIPALITY_THEMES = `
  UNWIND $ids AS id
  MATCH (m:Municipality {id: id})
  CALL (m) {${MUNICIPALITY_THEMES_SUBQUERY}
  }
  RETURN id, items`;

export async function themeLinks(
  ctx: ReadContext,
  kind: 'direct' | 'municipality',
  ids: readonly string[],
  first: number,
): Promise<Map<string, ThemeLinkRow[]>> {
  const rows = await readRows(ctx, kind === 'direct' ? DIRECT_THEMES : MUNICIPALITY_THEMES, { ids, first: int(first) });
  return new Map(rows.map((r) => [r.id as string, byWeight(r.items as ThemeLinkRow[], (l) => l.theme.name)]));
}

/**
 * Inner part: bound `t`, `$first`. A theme of a large graph has thousands of people. A theme
 * with a stored ranking (`topPeople`, graph/hub-neighbours.ts: the same order, kept by the
 * importer) reads its first `$first` people from it and sums only their links. Any other theme
 * ranks its people on their summed weight alone first, and only those at or above the page's
 * lowest weight (the page and its ties) have their names read for the tie-break. Either way only
 * the page's people have their passages gathered.
 */
export const THEME_PEOPLE_SUBQUERY = `
    CALL (t) {
      WITH t WHERE t.topPeople IS NOT NULL
      UNWIND t.topPeople[..$first] AS personId
      MATCH (p:Person {id: personId})
      CALL (p, t) {
        MATCH (p)-[r:WORKS_ON]->(t)
        RETURN sum(r.weight) AS weight
      }
      RETURN p, weight
      UNION ALL
      WITH t WHERE t.topPeople IS NULL
      MATCH (p:Person)-[r:WORKS_ON]->(t)
      WITH t, p, sum(r.weight) AS weight
      WITH t, collect({p: p, weight: weight}) AS scored
      CALL (scored) {
        UNWIND scored AS x
        WITH x.weight AS w
        ORDER BY w DESC
        LIMIT $first
        RETURN min(w) AS cutoff
      }
      UNWIND scored AS x
      WITH x.p AS p, x.weight AS weight, cutoff
      WHERE weight >= cutoff
      RETURN p, weight
    }
    WITH t, p, weight
    ORDER BY weight DESC, p.name, p.id
    LIMIT $first
    CALL (p, t) {
      MATCH (p)-[r:WORKS_ON]->(t)
      RETURN collect(r) AS rels
    }
    ${EVIDENCE_SUBQUERY}
    RETURN collect({person: ${entityProjection('p')}, weight: weight, evidence: evidence}) AS items`;

const THEME_PEOPLE = `
  UNWIND $ids AS id
  MATCH (t:Theme {id: id})
  CALL (t) {${THEME_PEOPLE_SUBQUERY}
  }
  RETURN id, items`;

/** For each theme id: the people working on it, strongest first, with the passages that say so. */
export async function themePeople(ctx: ReadContext, ids: readonly string[], first: number): Promise<Map<string, PersonThemeLinkRow[]>> {
  const rows = await readRows(ctx, THEME_PEOPLE, { ids, first: int(first) });
  return new Map(rows.map((r) => [r.id as string, byWeight(r.items as PersonThemeLinkRow[], (l) => l.person.name)]));
}

/** collect() after a subquery keeps row order in practice, but the ranking is the point: make it certain. */
export function byWeight<T extends { weight: number }>(items: T[], name: (item: T) => string): T[] {
  return items.sort((a, b) => b.weight - a.weight || name(a).localeCompare(name(b)));
}
