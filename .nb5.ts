import { readFileSync, readdirSync } from 'node:fs';
import { normaliseBlocks } from './import/normalise.ts';
import { splitSentences } from './import/sentences.ts';
import { segment } from './import/segment.ts';
import { MENTION_EXTRACTORS, RELATION_LINKERS, dropOverlaps } from './import/extract/index.ts';
import { addPersonNameMentions, resolveDocument } from './import/resolve.ts';
import { linkPeople } from './import/extract/person-links.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
const docs = files.map(t => {
  const ctxs = segment(normaliseBlocks(t)).map((s, i) => ({ documentId: 'x', section: { id: 'x#' + i, ordinal: i, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) })) as any[];
  const raw = ctxs.map(c => MENTION_EXTRACTORS.flatMap(([, f]) => f(c)));
  const mentions = addPersonNameMentions(ctxs, raw.map(dropOverlaps));
  const cands = ctxs.map((c, i) => RELATION_LINKERS.flatMap(([, f]) => f(c, mentions[i])));
  return { ctxs, raw, mentions, cands };
});
for (let k = 0; k < 30; k++) for (const d of docs) { addPersonNameMentions(d.ctxs, d.raw); d.ctxs.forEach((c, i) => linkPeople(c, d.mentions[i])); resolveDocument(d.ctxs, d.mentions, d.cands); }
