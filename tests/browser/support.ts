/**
 * What the browser tests need around the page: the built client, the real server on a free
 * port over the test Neo4j (the corpus imported when the database is empty), a GraphQL
 * helper to pick test entities from the data, and small waits on the page.
 */
import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { testDriver, testNeo4j } from '../setup/neo4j.ts';
import { launchChromium, type Browser } from './chromium.ts';
import { createApp } from '../../server/app.ts';
import { clientDist, ensureClientBuilt } from '../../server/client-build.ts';
import { projectRoot } from '../../graph/config.ts';
import { importPaths } from '../../import/run-import.ts';

export const artifactsDir = join(projectRoot, 'tests', 'artifacts');

export interface RunningApp {
  baseUrl: string;
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startApp(driver: Driver, database: string, options: { importStatus?: () => unknown } = {}): Promise<RunningApp> {
  await ensureClientBuilt();
  // warmed like npm start: the first neighbourhood a test asks is not the one that plans it
  const server: Server = createApp({ driver, database, clientDir: clientDist, importStatus: options.importStatus, warmUp: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  }

  // The corpus is imported once per test database; an unchanged document is skipped anyway.
  const { stats } = await gql<{ stats: { documents: number } }>('{ stats { documents } }');
  if (stats.documents === 0) await importPaths([join(projectRoot, 'corpus')], { driver, database });

  mkdirSync(artifactsDir, { recursive: true });
  return {
    baseUrl,
    gql,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface ExplorerSession {
  app: RunningApp;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** What a browser test file starts from: the real server over the test Neo4j, and Chromium with one page. */
export async function openExplorer(options: { importStatus?: () => unknown } = {}): Promise<ExplorerSession> {
  const app = await startApp(testDriver(), testNeo4j().database, options);
  const browser = await launchChromium().catch(async (error) => { await app.close(); throw error; });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    app, browser, page,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Waits until no request or layout is running in the page. */
export async function idle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy !== 'true', undefined, { timeout });
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__explorer!.nodeIds().sort());
}

export async function waitForNodes(page: Page, expected: string[], timeout = 30_000): Promise<void> {
  const want = [...expected].sort();
  try {
    await page.waitForFunction((ids) => {
      const have = window.__explorer?.nodeIds().sort() ?? [];
      return have.length === ids.length && have.every((id, i) => id === ids[i]);
    }, want, { timeout });
  } catch (error) {
    const have = await nodeIds(page).catch(() => [] as string[]);
    const missing = want.filter((id) => !have.includes(id));
    const extra = have.filter((id) => !want.includes(id));
    throw new Error(`graph on screen differs: missing ${JSON.stringify(missing.slice(0, 10))} (${missing.length}), extra ${JSON.stringify(extra.slice(0, 10))} (${extra.length}); ${(error as Error).message}`);
  }
}

/** Clicks a node where it is drawn. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const node = window.__explorer!.cy.getElementById(nodeId);
    const box = document.getElementById('graph')!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

/** Types into a search box and chooses the option with this id. */
export async function chooseInSearch(page: Page, inputId: string, text: string, id: string): Promise<void> {
  await page.fill(`#${inputId}`, text);
  const option = page.locator(`#${inputId}-lijst [role="option"][data-id="${id}"]`);
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
}

export function countText(nodes: number, edges: number): string {
  return `${nodes} ${nodes === 1 ? 'knoop' : 'knopen'}, ${edges} ${edges === 1 ? 'verbinding' : 'verbindingen'}`;
}

/** Sets the "Minimale sterkte" slider to `value` (beyond its range if need be), as a user's drag would. */
export async function setMinimumStrength(page: Page, value: number): Promise<void> {
  await page.locator('#min-sterkte').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.max = String(Math.max(Number(input.max), Math.ceil(v)));
    input.step = 'any';
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
