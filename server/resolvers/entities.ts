/** Field resolvers of the entity types and their link types: thin, everything goes through the loaders. */
import type { EntityType } from '../../import/types.ts';
import type { LinkField } from '../../graph/queries/entities.ts';
import { EVIDENCE_CAP, type EntityRow, type PassageRow } from '../../graph/queries/model.ts';
import type { ApiContext } from '../context.ts';
import { MAX_PAGE, pageSize } from './args.ts';

type First = { first?: number | null };

const TYPE_NAME: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Municipality',
  PROGRAMME: 'Programme',
  THEME: 'Theme',
};

const common = {
  aliases: (e: EntityRow) => e.aliases ?? [],
  mentionCount: (e: EntityRow) => e.mentionCount ?? 0,
  mentions: (e: EntityRow, { first }: First, ctx: ApiContext) => ctx.loaders.mentions(pageSize(first, 10)).load(e.id),
  documents: (e: EntityRow, _: unknown, ctx: ApiContext) => ctx.loaders.documentsOf().load(e.id),
};

/** A list field without arguments: everything, up to the server cap. */
const link = (field: LinkField) => (e: EntityRow, _: unknown, ctx: ApiContext) => ctx.loaders.links(field, MAX_PAGE).load(e.id);

const rankedLink = (field: LinkField, fallback: number) => (e: EntityRow, { first }: First, ctx: ApiContext) =>
  ctx.loaders.links(field, pageSize(first, fallback)).load(e.id);

const themes = (kind: 'direct' | 'municipality') => (e: EntityRow, { first }: First, ctx: ApiContext) =>
  ctx.loaders.themeLinks(kind, pageSize(first, 10)).load(e.id);

const evidence = (link: { evidence: PassageRow[] }, { first }: First) =>
  link.evidence.slice(0, Math.min(pageSize(first, 3), EVIDENCE_CAP));

export const entityResolvers = {
  Entity: {
    __resolveType: (e: EntityRow) => TYPE_NAME[e.type] ?? null,
  },
  Person: {
    ...common,
    roles: (e: EntityRow) => e.roles ?? [],
    organisations: link('Person.organisations'),
    municipalities: link('Person.municipalities'),
    themes: themes('direct'),
  },
  Organisation: {
    ...common,
    people: link('Organisation.people'),
    municipalities: link('Organisation.municipalities'),
    programmes: link('Organisation.programmes'),
    themes: themes('direct'),
  },
  Municipality: {
    ...common,
    people: link('Municipality.people'),
    organisations: link('Municipality.organisations'),
    programmes: link('Municipality.programmes'),
    themes: themes('municipality'),
  },
  Programme: {
    ...common,
    organisations: link('Programme.organisations'),
    municipalities: link('Programme.municipalities'),
    themes: themes('direct'),
  },
  Theme: {
    ...common,
    people: (e: EntityRow, { first }: First, ctx: ApiContext) => ctx.loaders.themePeople(pageSize(first, 20)).load(e.id),
    programmes: rankedLink('Theme.programmes', 20),
    organisations: rankedLink('Theme.organisations', 20),
    municipalities: rankedLink('Theme.municipalities', 20),
  },
  ThemeLink: { evidence },
  PersonThemeLink: { evidence },
};
