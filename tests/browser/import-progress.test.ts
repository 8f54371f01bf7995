/**
 * The import's progress in the explorer, in real Chromium against the real server: while the
 * server reports an import running (as `npm start` does, through /health), the header says how
 * many files are done and which is being read; when it ends, the header says what it did and a
 * button asks the current question again. The status is the server's importStatus hook, driven
 * by the test so that the states come in a known order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeTestDriver } from '../setup/neo4j.ts';
import { idle, openExplorer, type ExplorerSession, type RunningApp } from './support.ts';

let status: Record<string, unknown> | undefined;
let session: ExplorerSession;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  session = await openExplorer({ importStatus: () => status });
  ({ app, page } = session);
}, 300_000);

afterAll(async () => {
  await session?.close();
  await closeTestDriver();
});

const line = () => page.locator('#import-status');

describe('import progress in the explorer', () => {
  it('shows a running import, then its outcome with a button that re-asks the question', async () => {
    status = { state: 'running', files: 5, done: 2, bytes: 312_000, current: ['/data/corpus/tijdschrift.md'], created: 2, replaced: 0, unchanged: 0, skipped: 0 };
    await page.goto(app.baseUrl);
    await idle(page);
    await expect.poll(() => line().textContent(), { timeout: 10_000 }).toContain('2 van 5 bestanden');
    expect(await line().textContent()).toContain('tijdschrift.md');
    expect(await line().textContent()).not.toContain('/data/corpus');
    expect(await line().getAttribute('data-state')).toBe('running');

    status = { ...status, done: 4, current: ['/data/corpus/andere.md'] };
    await expect.poll(() => line().textContent(), { timeout: 10_000 }).toContain('4 van 5 bestanden');

    status = { state: 'done', files: 5, done: 5, bytes: 640_000, current: [], created: 3, replaced: 1, unchanged: 0, skipped: 1 };
    await expect.poll(() => line().getAttribute('data-state'), { timeout: 10_000 }).toBe('done');
    expect(await line().textContent()).toContain('3 nieuw, 1 vervangen, 0 ongewijzigd, 1 overgeslagen');

    const asked = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST', { timeout: 10_000 });
    await line().getByRole('button', { name: 'Graaf vernieuwen' }).click();
    await asked;
    await idle(page);
    expect(await line().isHidden()).toBe(true);
  });

  it('says nothing about an import that had finished before the page was opened', async () => {
    status = { state: 'done', files: 5, done: 5, bytes: 640_000, current: [], created: 0, replaced: 0, unchanged: 5, skipped: 0 };
    const health = page.waitForResponse((r) => r.url().endsWith('/health'));
    await page.goto(app.baseUrl);
    await health;
    await idle(page);
    await page.waitForTimeout(300); // the answer has been rendered
    expect(await line().isHidden()).toBe(true);
  });

  it('reports a failed import as an alert', async () => {
    status = { state: 'running', files: 3, done: 0, bytes: 0, current: [] };
    await page.goto(app.baseUrl);
    await expect.poll(() => line().getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
    status = { state: 'failed', files: 3, done: 1, error: 'Neo4j is niet bereikbaar' };
    await expect.poll(() => line().getAttribute('role'), { timeout: 10_000 }).toBe('alert');
    expect(await line().textContent()).toContain('Import mislukt: Neo4j is niet bereikbaar');
  });
});
