import { readFileSync, readdirSync } from 'node:fs';
import { normaliseBlocks } from './import/normalise.ts';
const files = readdirSync('corpus').map(f => readFileSync('corpus/' + f, 'utf8'));
for (let i = 0; i < 40; i++) for (const t of files) normaliseBlocks(t);
