/** Is the database answering? Used by /ready. */
import { readRows, type ReadContext } from './run.ts';

export async function databaseAnswers(ctx: ReadContext): Promise<boolean> {
  try {
    const rows = await readRows(ctx, 'RETURN 1 AS ok');
    return rows[0]?.ok === 1;
  } catch {
    return false;
  }
}
