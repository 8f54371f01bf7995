import { findPeople } from './import/extract/people.ts';
import { splitSentences } from './import/sentences.ts';
const text = process.argv[2];
const ctx:any = { documentId: 'x', section: { id: 'x#1', ordinal: 1, title: '', text }, text, sentences: splitSentences(text) };
console.log(JSON.stringify(findPeople(ctx)));
