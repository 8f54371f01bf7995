/**
 * The theme view in real Chromium: the people of a theme ranked with their weight and where the link
 * comes from (a sentence, or the article with its title), and "Minimale sterkte" removing the weaker
 * edges from the canvas. The theme is picked from the data through the API, never hard-coded.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeTestDriver } from '../setup/neo4j.ts';
import { artifactsDir, idle, setMinimumStrength, openExplorer, type ExplorerSession, type RunningApp } from './support.ts';

interface Ref { id: string; name: string }
interface Link { weight: number; person: Ref; evidence: { kind: string; article: { title: string } | null }[] }
/** The theme view lists 25 of each kind: people, organisations, programmes, municipalities. */
const KINDS = ['PERSON', 'ORGANISATION', 'PROGRAMME', 'MUNICIPALITY'] as const;

let session: ExplorerSession;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  session = await openExplorer();
  ({ app, page } = session);
}, 300_000);

afterAll(async () => {
  await session?.close();
  await closeTestDriver();
});

describe('theme view: weights and evidence', () => {
  it('lists ranked people with weight and evidence kind; a higher minimum strength removes edges', async () => {
    // the theme whose first 25 people have the most distinct weights, so that a threshold splits them
    const { themes } = await app.gql<{ themes: Ref[] }>('{ themes(first: 60) { id name } }');
    let best: { theme: Ref; people: Link[]; all: number[] } | null = null;
    for (const theme of themes) {
      const { entity } = await app.gql<{ entity: Record<string, { weight: number; entity: Ref; evidence: Link['evidence'] }[]> }>(
        `query($id: ID!) { entity(id: $id) { ... on Theme { ${KINDS.map((k) => `${k}: members(type: ${k}, first: 25) { weight entity { id name } evidence(first: 3) { kind article { title } } }`).join(' ')} } } }`,
        { id: theme.id },
      );
      const people = entity.PERSON.map((m) => ({ weight: m.weight, person: m.entity, evidence: m.evidence }));
      const all = KINDS.flatMap((k) => entity[k].map((m) => m.weight));
      const distinct = (l: Link[]) => new Set(l.map((p) => p.weight)).size;
      if (!best || distinct(people) > distinct(best.people)) best = { theme, people, all };
    }
    const { theme, people, all } = best!;
    expect(new Set(people.map((p) => p.weight)).size).toBeGreaterThan(1);

    await page.goto(`${app.baseUrl}/?weergave=themas&thema=${encodeURIComponent(theme.id)}`);
    await page.locator('#thema-personen li').first().waitFor();
    await idle(page);
    expect(await page.locator('#thema-personen .rank-name').allTextContents()).toEqual(people.map((p) => p.person.name));
    const shown = (await page.locator('#thema-personen .weight').allTextContents()).map((w) => Number(w.replace(/\./g, '').replace(',', '.')));
    expect([...shown].sort((a, b) => b - a)).toEqual(shown);

    // each person's first evidence says whether it is a sentence or the article (with its title)
    const kinds = await page.locator('#thema-personen > li').evaluateAll((items) =>
      items.map((li) => {
        const label = li.querySelector(':scope > .evidence-kind');
        return label ? { kind: label.getAttribute('data-kind'), text: label.textContent } : null;
      }),
    );
    people.forEach((p, i) => {
      const first = p.evidence[0];
      if (!first) return expect(kinds[i]).toBeNull();
      expect(kinds[i]?.kind).toBe(first.kind);
      if (first.kind === 'ARTICLE') expect(kinds[i]?.text).toContain(first.article!.title);
      else expect(kinds[i]?.text).toBe('Uit de zin');
    });
    expect(people.some((p) => p.evidence[0]?.kind === 'ARTICLE')).toBe(true);

    const onScreen = await page.evaluate(() => window.__explorer!.nodeIds());
    for (const id of [theme.id, ...people.map((p) => p.person.id)]) expect(onScreen).toContain(id);
    await page.waitForFunction((n) => window.__explorer!.counts().edges === n, all.length);
    await page.screenshot({ path: join(artifactsDir, 'thema-gewichten.png') });

    // raise "Minimale sterkte" to the median weight: the weaker edges leave the canvas
    const weights = people.map((p) => p.weight).sort((a, b) => a - b);
    const threshold = weights.find((w) => w > weights[0])!;
    const strong = all.filter((w) => w >= threshold).length;
    expect(strong).toBeLessThan(all.length);
    await setMinimumStrength(page, threshold);
    await page.waitForFunction((n) => window.__explorer!.counts().edges === n, strong);
    expect(Number(new URL(page.url()).searchParams.get('sterkte'))).toBe(threshold);
    await page.screenshot({ path: join(artifactsDir, 'thema-gewichten-sterk.png') });
  });
});
