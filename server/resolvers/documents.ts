/** Documents, sections, passages and subgraph edges. */
import type { DocumentRow } from '../../graph/queries/model.ts';
import type { SectionRow } from '../../graph/queries/documents.ts';
import type { ArticleRow } from '../../graph/queries/articles.ts';
import type { PassageRow } from '../../graph/queries/model.ts';
import type { GraphEdgeRow } from '../../graph/queries/subgraph.ts';
import { EVIDENCE_CAP } from '../../graph/queries/model.ts';
import type { ApiContext } from '../context.ts';
import { pageSize } from './args.ts';

export const documentResolvers = {
  Document: {
    title: (d: DocumentRow) => d.title ?? d.file ?? d.id,
    file: (d: DocumentRow) => d.file ?? d.id,
    sections: (d: DocumentRow, _: unknown, ctx: ApiContext) => ctx.loaders.sectionsOf().load(d.id),
    articles: (d: DocumentRow, _: unknown, ctx: ApiContext) => ctx.loaders.articlesOf().load(d.id),
  },
  Article: {
    title: (a: ArticleRow) => a.title ?? '',
    document: async (a: ArticleRow, _: unknown, ctx: ApiContext) => ctx.loaders.document.load(a.documentId),
    sections: async (a: ArticleRow, _: unknown, ctx: ApiContext) => (await ctx.loaders.section.loadMany(a.sectionIds)).filter((s) => s && !(s instanceof Error)),
  },
  Mention: {
    // relation evidence names its article; a plain mention stands in its section's article
    article: async (m: PassageRow, _: unknown, ctx: ApiContext) =>
      m.articleId ? ctx.loaders.article.load(m.articleId) : m.sectionId ? ctx.loaders.articleOfSection.load(m.sectionId) : null,
    kind: (m: PassageRow) => m.kind ?? null,
  },
  Section: {
    document: async (s: SectionRow, _: unknown, ctx: ApiContext) => ctx.loaders.document.load(s.documentId),
    article: async (s: SectionRow, _: unknown, ctx: ApiContext) => ctx.loaders.articleOfSection.load(s.id),
    // Section lists leave the text out; fetch it only when asked for.
    text: async (s: SectionRow, _: unknown, ctx: ApiContext) =>
      s.text !== undefined ? (s.text ?? '') : ((await ctx.loaders.section.load(s.id))?.text ?? ''),
  },
  GraphEdge: {
    evidence: async (e: GraphEdgeRow, { first }: { first?: number | null }, ctx: ApiContext) =>
      (await ctx.loaders.edgeEvidence().load(e.id)).slice(0, Math.min(pageSize(first, 3), EVIDENCE_CAP)),
  },
};
