import { readFileSync, readdirSync } from 'node:fs';
import { normaliseBlocks } from './import/normalise.ts';
import { findPeople } from './import/extract/people.ts';
import { splitSentences } from './import/sentences.ts';
import { segment } from './import/segment.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
const segs = files.flatMap(t => segment(normaliseBlocks(t)));
const ctxs = segs.map(s => ({ documentId: 'x', section: { id: 'x#1', ordinal: 1, title: s.title, text: s.text }, text: s.text, sentences: splitSentences(s.text) }));
for (let i = 0; i < 40; i++) for (const c of ctxs) findPeople(c as any);
