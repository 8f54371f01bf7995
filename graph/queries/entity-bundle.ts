/**
 * One entity with the lists a query asks of it (links, mentions, theme links, theme -> people)
 * in one round trip, instead of one query per field. Built from the same inner subqueries as the
 * per-field batch queries (entities.ts, themes.ts), so both give the same answers.
 */
import { LINK_SUBQUERY, MENTIONS_SUBQUERY, type LinkField } from './entities.ts';
import { LABEL, entityProjection, type EntityRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import { DIRECT_THEMES_SUBQUERY, MUNICIPALITY_THEMES_SUBQUERY, THEME_PEOPLE_SUBQUERY } from './themes.ts';

export type BundlePart =
  | { kind: 'link'; field: LinkField; first: number }
  | { kind: 'mentions'; first: number }
  | { kind: 'themes'; label: string; first: number }
  | { kind: 'themePeople'; first: number };

const LABELS = new Set(Object.values(LABEL));

/** The subquery of one part over the bound entity `e`, with its page size in `$p<i>`; returns `items`. */
function partCypher(part: BundlePart, i: number): string {
  let inner: string;
  switch (part.kind) {
    case 'mentions':
      inner = MENTIONS_SUBQUERY;
      break;
    case 'link': {
      const { from, cypher } = LINK_SUBQUERY[part.field];
      inner = `WITH e AS src WHERE src:${from} ${cypher}`;
      break;
    }
    case 'themes':
      if (!LABELS.has(part.label)) throw new Error(`unknown label ${part.label}`);
      inner = part.label === 'Municipality' ? `WITH e AS m WHERE m:Municipality ${MUNICIPALITY_THEMES_SUBQUERY}` : `WITH e AS src WHERE src:${part.label} ${DIRECT_THEMES_SUBQUERY}`;
      break;
    case 'themePeople':
      inner = `WITH e AS t WHERE t:Theme ${THEME_PEOPLE_SUBQUERY}`;
      break;
  }
  return `CALL (e) { ${inner.replaceAll('$first', `$p${i}`)} }`;
}

/**
 * The subqueries of `parts` over the bound entity `e` (keeping the variables `carry`), ending
 * with `parts`: the list of each part's items, in order. Page sizes in `$p0`, `$p1`...
 * (bundleParams).
 */
export function bundlePartsCypher(parts: readonly BundlePart[], carry: readonly string[] = []): string {
  const keep = ['e', ...carry];
  const steps = parts.map((part, i) => `${partCypher(part, i)}\n  WITH ${[...keep, ...parts.slice(0, i).map((_, j) => `p${j}`)].join(', ')}, items AS p${i}`);
  return `${steps.join('\n  ')}
  WITH ${keep.join(', ')}, [${parts.map((_, i) => `p${i}`).join(', ')}] AS parts`;
}

export function bundleParams(parts: readonly BundlePart[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  parts.forEach((part, i) => (params[`p${i}`] = int(part.first)));
  return params;
}

/**
 * The Cypher of a set of parts depends only on their kinds and fields (page sizes are
 * parameters): built once per shape, not per request. Bounded: shapes are chosen by callers.
 */
export function byShape(build: (parts: readonly BundlePart[]) => string): (parts: readonly BundlePart[]) => string {
  const built = new Map<string, string>();
  return (parts) => {
    const shape = parts.map((p) => (p.kind === 'link' ? p.field : p.kind === 'themes' ? `themes:${p.label}` : p.kind)).join(',');
    let cypher = built.get(shape);
    if (cypher === undefined) {
      cypher = build(parts);
      if (built.size >= 500) built.clear();
      built.set(shape, cypher);
    }
    return cypher;
  };
}

export const entityBundleCypher = byShape(
  (parts) => `
  MATCH (e:Entity {id: $id})
  ${bundlePartsCypher(parts)}
  RETURN ${entityProjection('e')} AS entity, parts`,
);

export interface EntityBundle {
  entity: EntityRow;
  /** The items of each part, in the order asked. */
  parts: unknown[][];
}

export async function entityBundle(ctx: ReadContext, id: string, parts: readonly BundlePart[]): Promise<EntityBundle | null> {
  const params = { id, ...bundleParams(parts) };
  const rows = await readRows(ctx, entityBundleCypher(parts), params);
  if (rows.length === 0) return null;
  return { entity: rows[0].entity as EntityRow, parts: rows[0].parts as unknown[][] };
}
