/** `npm run eval -- --extract-conll [--conll-docs FILE]`: CoNLL articles scored through the whole extraction. */
import { extractDocument } from '../pipeline.ts';
import { emptyConllScore, f1, readConllArticles, scoreConllArticle } from './conll-docs.ts';

export function printConllExtraction(path: string): void {
  const articles = readConllArticles(path);
  const score = emptyConllScore();
  for (const [i, a] of articles.entries()) scoreConllArticle(a, extractDocument(`conll-${i}.txt`, a.text), score);
  console.log(`${path}: ${articles.length} articles through extractDocument, distinct names per article`);
  console.log('  type                 gold  pred  found correct  precision recall   F1');
  const label = { PER: 'PER  -> person', ORG: 'ORG  -> org/programme', LOC: 'LOC  -> municipality' } as const;
  for (const t of ['PER', 'ORG', 'LOC'] as const) {
    const c = score[t];
    const p = c.predicted ? c.correct / c.predicted : 0;
    const r = c.gold ? c.found / c.gold : 0;
    console.log(`  ${label[t].padEnd(20)} ${String(c.gold).padStart(4)} ${String(c.predicted).padStart(5)} ${String(c.found).padStart(6)} ${String(c.correct).padStart(7)}  ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(6)} ${f1(c).toFixed(3).padStart(6)}`);
  }
}
