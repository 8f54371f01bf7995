/**
 * Looks at what a query asks of an `entity(id)` result, so that the entity and those lists can be
 * read in one round trip (graph/queries/entity-bundle.ts) and handed to the field resolvers
 * through their loaders. Only what the resolvers would read the same way is taken: a field under
 * @skip/@include or with an out-of-range `first` is left to its resolver (which reports it).
 */
import { LINK_SUBQUERY, type LinkField } from '../graph/queries/entities.ts';
import type { BundlePart } from '../graph/queries/entity-bundle.ts';
import { Kind, getArgumentValues, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from './graphql.ts';
import { MAX_PAGE } from './resolvers/args.ts';

const ENTITY_TYPES = new Set(['Person', 'Organisation', 'Municipality', 'Programme', 'Theme']);

/** (type condition or null for the interface, field) pairs of a selection set, through fragments. */
function selectedFields(set: SelectionSetNode, info: GraphQLResolveInfo, type: string | null, out: { type: string | null; node: FieldNode }[]): boolean {
  for (const sel of set.selections) {
    if (sel.directives && sel.directives.length > 0) return false;
    if (sel.kind === Kind.FIELD) out.push({ type, node: sel });
    else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (!selectedFields(sel.selectionSet, info, sel.typeCondition?.name.value ?? type, out)) return false;
    } else {
      const fragment = info.fragments[sel.name.value];
      if (!fragment || !selectedFields(fragment.selectionSet, info, fragment.typeCondition.name.value, out)) return false;
    }
  }
  return true;
}

function firstArg(info: GraphQLResolveInfo, typeName: string, node: FieldNode): number | undefined {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return undefined;
  const def = type.getFields()[node.name.value];
  if (!def) return undefined;
  if (!def.args.some((a) => a.name === 'first')) return MAX_PAGE;
  try {
    const value = getArgumentValues(def, node, info.variableValues).first;
    return typeof value === 'number' && value >= 0 && value <= MAX_PAGE ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Ids are `person:…`, `theme:…` (graph model): the prefix names the type whose fragment will be resolved. */
const TYPE_OF_PREFIX: Record<string, string> = {
  person: 'Person',
  organisation: 'Organisation',
  municipality: 'Municipality',
  programme: 'Programme',
  theme: 'Theme',
};

/**
 * The lists to read with entity `id`, or [] when the query asks none (or asks in a way left to the
 * resolvers). Only the fragment of the type the id names is read ahead: a query written for every
 * type (as the explorer's is) would otherwise make one large query that Neo4j is slow to plan.
 * Should an id's prefix not match its type, that fragment's lists just go through their loaders.
 */
export function entityParts(info: GraphQLResolveInfo, id: string): BundlePart[] {
  return partsOf(info, info.fieldNodes, TYPE_OF_PREFIX[id.slice(0, id.indexOf(':'))]);
}

/**
 * The lists asked of the `field` (e.g. `programme`) of each item of the current field's result
 * (e.g. relatedProgrammes), an object of type `type`: read with the items in one round trip.
 */
export function childParts(info: GraphQLResolveInfo, field: string, type: string): BundlePart[] {
  const fields: { type: string | null; node: FieldNode }[] = [];
  for (const node of info.fieldNodes) {
    if (!node.selectionSet || !selectedFields(node.selectionSet, info, null, fields)) return [];
  }
  const children = fields.filter((f) => f.node.name.value === field && f.type === null).map((f) => f.node);
  if (children.some((c) => c.directives && c.directives.length > 0)) return [];
  return partsOf(info, children, type);
}

function partsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[], wantedType: string | undefined): BundlePart[] {
  const fields: { type: string | null; node: FieldNode }[] = [];
  for (const node of nodes) {
    if (!node.selectionSet || !selectedFields(node.selectionSet, info, null, fields)) return [];
  }
  const parts: BundlePart[] = [];
  const seen = new Set<string>();
  const add = (key: string, part: BundlePart | undefined) => {
    if (!part || seen.has(key)) return;
    seen.add(key);
    parts.push(part);
  };
  for (const { type: condition, node } of fields) {
    const name = node.name.value;
    if (name === 'mentions') {
      const first = firstArg(info, condition && ENTITY_TYPES.has(condition) ? condition : 'Person', node);
      if (first !== undefined) add(`mentions:${first}`, { kind: 'mentions', first });
      continue;
    }
    // Fields selected on the object type itself (no type condition) belong to `wantedType`.
    const type = condition ?? (nodes === info.fieldNodes ? null : wantedType ?? null);
    if (!type || type !== wantedType) continue;
    const first = firstArg(info, type, node);
    if (first === undefined) continue;
    const field = `${type}.${name}`;
    if (name === 'themes' && type !== 'Theme') add(`${field}:${first}`, { kind: 'themes', label: type, first });
    else if (field === 'Theme.people') add(`${field}:${first}`, { kind: 'themePeople', first });
    else if (field in LINK_SUBQUERY) add(`${field}:${first}`, { kind: 'link', field: field as LinkField, first });
  }
  return parts;
}
