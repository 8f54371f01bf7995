/**
 * The explorer in real Chromium against the real server and the test Neo4j with the corpus
 * imported. Entities are picked from the data through the API, never hard-coded.
 * Screenshots of each step are kept in tests/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { launchChromium, type Browser } from './chromium.ts';
import {
  artifactsDir, chooseInSearch, clickNode, countText, idle, nodeIds, setMinimumStrength, startApp, waitForNodes, type RunningApp,
} from './support.ts';

interface Ref { id: string; name: string }
interface Sub { nodes: { id: string; type: string; label: string }[]; edges: { id: string; source: string; target: string; type: string; weight: number | null }[] }

/** Neighbours shown per expansion (client/src/app.ts NEIGHBOUR_PAGE). */
const NEIGHBOUR_PAGE = 25;

let app: RunningApp;
let browser: Browser;
let page: Page;

/** The person the tour starts from, a neighbour to expand, and what the API says about both. */
let focus: Ref;
let focusGraph: Sub;
let neighbour: Ref;
let neighbourGraph: Sub;

const neighbourhood = async (id: string) =>
  (await app.gql<{ neighbourhood: Sub }>(
    'query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) { nodes { id type label } edges { id source target type weight } } }', { id },
  )).neighbourhood;

const shot = (name: string, p: Page = page) => p.screenshot({ path: join(artifactsDir, `${name}.png`) });

beforeAll(async () => {
  app = await startApp(testDriver(), testNeo4j().database);
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());

  // Among the most mentioned people, the first whose neighbourhood holds a neighbour that
  // itself has neighbours not yet on screen (so that expanding shows something new). Both
  // fit in one page of the explorer's expansion (the entity and its 25 strongest neighbours).
  const { people } = await app.gql<{ people: Ref[] }>('{ people(first: 25) { id name } }');
  for (const person of people) {
    const graph = await neighbourhood(person.id);
    if (graph.nodes.length < 3 || graph.nodes.length > NEIGHBOUR_PAGE + 1) continue;
    const onScreen = new Set(graph.nodes.map((n) => n.id));
    for (const node of graph.nodes) {
      if (node.id === person.id) continue;
      const next = await neighbourhood(node.id);
      // Within one page, so that one expansion shows the whole neighbourhood.
      if (next.nodes.length <= NEIGHBOUR_PAGE + 1 && next.nodes.some((n) => !onScreen.has(n.id))) {
        focus = person;
        focusGraph = graph;
        neighbour = { id: node.id, name: node.label };
        neighbourGraph = next;
        break;
      }
    }
    if (focus) break;
  }
  if (!focus) throw new Error('The data has no person with a neighbour that has further neighbours: is the corpus imported?');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await closeTestDriver();
});

describe('explorer in Chromium', () => {
  it('searches with type-ahead and opens the chosen entity with its neighbours', async () => {
    await page.goto(app.baseUrl + '/');
    await expect(page.locator('label[for="zoeken"]').textContent()).resolves.toBe('Zoeken');

    const { search } = await app.gql<{ search: Ref[] }>('query($q: String!) { search(query: $q, first: 12) { id name } }', { q: focus.name });
    const index = search.findIndex((hit) => hit.id === focus.id);
    expect(index).toBeGreaterThanOrEqual(0);

    await page.fill('#zoeken', focus.name);
    await page.locator('#zoeken-lijst [role="option"]').first().waitFor({ state: 'visible' });
    await expect(page.getAttribute('#zoeken', 'aria-expanded')).resolves.toBe('true');
    const optionIds = await page.locator('#zoeken-lijst [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(optionIds).toEqual(search.map((hit) => hit.id));

    // Keyboard: the first option is active; move to ours and choose it with Enter.
    for (let i = 0; i < index; i++) await page.press('#zoeken', 'ArrowDown');
    await expect(page.getAttribute('#zoeken', 'aria-activedescendant')).resolves.toBe(await page.locator('#zoeken-lijst [role="option"]').nth(index).getAttribute('id'));
    await page.press('#zoeken', 'Enter');

    await waitForNodes(page, focusGraph.nodes.map((n) => n.id));
    await idle(page);
    await expect(page.locator('#status').textContent()).resolves.toBe(countText(focusGraph.nodes.length, focusGraph.edges.length));
    expect(new URL(page.url()).searchParams.get('focus')).toBe(focus.id);
    await expect(page.locator('#legend input[type="checkbox"]').count()).resolves.toBe(5);
    await shot('01-zoeken-en-openen');
  });

  it('shows the details of the selected node with its links and a passage behind it', async () => {
    const { entity } = await app.gql<{ entity: { name: string; mentions: { snippet: string; document: { title: string } }[] } }>(
      'query($id: ID!) { entity(id: $id) { name mentions(first: 8) { snippet document { title } } } }', { id: focus.id },
    );
    expect(entity.mentions.length).toBeGreaterThan(0);
    await page.locator('#details .details-title').filter({ hasText: entity.name }).waitFor();
    const quotes = await page.locator('#details .passage blockquote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(entity.mentions.map((m) => m.snippet)).toContain(quotes[0]);
    const sources = await page.locator('#details .passage cite').allTextContents();
    expect(entity.mentions.map((m) => m.document.title)).toContain(sources[0]);
    // Every neighbour on screen is listed among the links.
    const linked = await page.locator('#details .links button.link').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(linked.length).toBeGreaterThan(0);
    await shot('02-details');

    // A relation shows its two ends and the passages behind it: click the edge whose middle
    // lies farthest from any node, so that the click cannot land on a node.
    const picked = await page.evaluate(() => {
      const cy = window.__explorer!.cy;
      const box = document.getElementById('graph')!.getBoundingClientRect();
      let best: { source: string; target: string; type: string; x: number; y: number; clearance: number } | null = null;
      cy.edges().forEach((e) => {
        const mid = e.renderedMidpoint();
        let clearance = Infinity;
        cy.nodes().forEach((n) => {
          const p = n.renderedPosition();
          clearance = Math.min(clearance, Math.hypot(p.x - mid.x, p.y - mid.y) - n.renderedWidth() / 2);
        });
        if (!best || clearance > best.clearance) {
          best = { source: e.data('source'), target: e.data('target'), type: e.data('type'), x: box.left + mid.x, y: box.top + mid.y, clearance };
        }
      });
      return best!;
    });
    expect(picked.clearance).toBeGreaterThan(4);
    const edge = picked;
    const { path } = await app.gql<{ path: { edges: { type: string; evidence: { snippet: string }[] }[] } | null }>(
      'query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 1) { edges { type evidence(first: 5) { snippet } } } }', { a: edge.source, b: edge.target },
    );
    const snippets = (path?.edges ?? []).filter((e) => e.type === edge.type).flatMap((e) => e.evidence.map((m) => m.snippet));
    const point = { x: picked.x, y: picked.y };
    await page.mouse.click(point.x, point.y);
    await page.locator('#details h2').filter({ hasText: 'Verbinding' }).waitFor();
    const ends = await page.locator('#details .edge-line button.link').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ends).toEqual([edge.source, edge.target]);
    if (snippets.length) {
      await page.locator('#details .edge-passages .passage').first().waitFor();
      expect(snippets).toContain(await page.locator('#details .edge-passages blockquote').first().textContent());
    } else {
      await page.locator('#details .edge-passages').filter({ hasText: 'Geen fragmenten' }).waitFor();
    }
    await shot('02b-verbinding-details');
  });

  it('expands a neighbour without moving what is on screen', async () => {
    const before = await page.evaluate(() => window.__explorer!.positions());
    await clickNode(page, neighbour.id);
    await page.waitForFunction((id) => window.__explorer!.selected() === id, neighbour.id);
    await page.click('#knop-uitbreiden');
    const union = [...new Set([...focusGraph.nodes, ...neighbourGraph.nodes].map((n) => n.id))];
    await waitForNodes(page, union);
    await idle(page);
    const after = await page.evaluate(() => window.__explorer!.positions());
    for (const [id, p] of Object.entries(before)) {
      expect(Math.abs(after[id].x - p.x), id).toBeLessThan(0.5);
      expect(Math.abs(after[id].y - p.y), id).toBeLessThan(0.5);
    }
    expect(new URL(page.url()).searchParams.get('uitgebreid')).toBe(neighbour.id);
    await shot('03-uitbreiden');
  });

  it('hides a node and undoes that with Ctrl+Z', async () => {
    const all = await nodeIds(page);
    await page.focus('#graph');
    await page.keyboard.press('ArrowRight');
    const chosen = await page.evaluate(() => window.__explorer!.selected());
    expect(chosen).not.toBeNull();
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => window.__explorer!.nodeIds().length === n, all.length - 1);
    expect(await nodeIds(page)).not.toContain(chosen);
    expect(new URL(page.url()).searchParams.get('verborgen')).toBe(chosen);
    await page.keyboard.press('Control+z');
    await waitForNodes(page, all);
    expect(new URL(page.url()).searchParams.get('verborgen')).toBeNull();
  });

  it('filters by type and edge strength through the legend and exports the graph as PNG', async () => {
    const types = await page.evaluate(() => window.__explorer!.cy.nodes().map((n) => n.data('type') as string));
    const type = types.find((t) => t !== 'PERSON') ?? 'PERSON';
    const ofType = types.filter((t) => t === type).length;
    const total = types.length;
    await page.uncheck(`#type-${type.toLowerCase()}`);
    await page.waitForFunction((n) => window.__explorer!.counts().nodes === n, total - ofType);
    expect(await page.locator('#status').textContent()).toMatch(new RegExp(`^${total - ofType} knop`));
    expect(new URL(page.url()).searchParams.get('typen')).not.toContain(type);
    await page.check(`#type-${type.toLowerCase()}`);
    await page.waitForFunction((n) => window.__explorer!.counts().nodes === n, total);

    // "Minimale sterkte" hides the edges weaker than the chosen value.
    const edges = [...new Map([...focusGraph.edges, ...neighbourGraph.edges].map((e) => [e.id, e])).values()];
    const weights = edges.map((e) => e.weight ?? 1).sort((a, b) => a - b);
    const threshold = weights[Math.floor(weights.length / 2)];
    const strong = edges.filter((e) => (e.weight ?? 1) >= threshold).length;
    expect(strong).toBeLessThanOrEqual(edges.length);
    await setMinimumStrength(page, threshold);
    await page.waitForFunction((n) => window.__explorer!.counts().edges === n, strong);
    expect(Number(new URL(page.url()).searchParams.get('sterkte'))).toBe(threshold);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.__explorer!.counts().edges === n, edges.length);

    const download = page.waitForEvent('download');
    await page.click('#knop-png');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const target = join(artifactsDir, 'export.png');
    await file.saveAs(target);
    const bytes = readFileSync(target);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('ranks the people of a theme, with their evidence, in list and graph', async () => {
    const { themes } = await app.gql<{ themes: Ref[] }>('{ themes(first: 60) { id name } }');
    type Member = { weight: number; entity: Ref; evidence: { snippet: string }[] };
    let best: { theme: Ref; people: Member[] } | null = null;
    for (const theme of themes) {
      const { entity } = await app.gql<{ entity: { members: Member[] } }>(
        'query($id: ID!) { entity(id: $id) { ... on Theme { members(type: PERSON, first: 25) { weight entity { id name } evidence(first: 3) { snippet } } } } }', { id: theme.id },
      );
      if (!best || entity.members.length > best.people.length) best = { theme, people: entity.members };
    }
    expect(best?.people.length ?? 0).toBeGreaterThan(0);
    const { theme, people } = best!;

    await page.click('#tab-themas');
    await chooseInSearch(page, 'thema-kiezen', theme.name, theme.id);
    await page.locator('#thema-personen li').first().waitFor();
    await idle(page);
    const names = await page.locator('#thema-personen .rank-name').allTextContents();
    expect(names).toEqual(people.map((p) => p.entity.name));
    const weights = await page.locator('#thema-personen .weight').allTextContents();
    const numbers = weights.map((w) => Number(w.replace(/\./g, '').replace(',', '.')));
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    if (people.some((p) => p.evidence.length)) await expect(page.locator('#thema-personen details.evidence').count()).resolves.toBeGreaterThan(0);
    const onScreen = await nodeIds(page);
    for (const id of [theme.id, ...people.map((p) => p.entity.id)]) expect(onScreen).toContain(id);
    expect(new URL(page.url()).searchParams.get('thema')).toBe(theme.id);
    await shot('04-themas');
  });

  it('shows similar initiatives in other municipalities with the reasons', async () => {
    const { programmes } = await app.gql<{ programmes: Ref[] }>('{ programmes(first: 80) { id name } }');
    type Related = { score: number; programme: Ref; sharedThemes: Ref[]; sharedOrganisations: Ref[] };
    let source: Ref | null = null;
    let related: Related[] = [];
    for (const programme of programmes) {
      const data = await app.gql<{ relatedProgrammes: Related[] }>(
        'query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score programme { id name } sharedThemes { id name } sharedOrganisations { id name } } }', { id: programme.id },
      );
      if (data.relatedProgrammes.length > related.length) { source = programme; related = data.relatedProgrammes; }
      if (related.length >= 3) break;
    }
    expect(source, 'a programme with related programmes').not.toBeNull();

    await page.click('#tab-vergelijkbaar');
    await chooseInSearch(page, 'programma-zoeken', source!.name, source!.id);
    await page.locator('#vergelijkbare-lijst li').first().waitFor();
    await idle(page);
    const names = await page.locator('#vergelijkbare-lijst .rank-name').allTextContents();
    expect(names).toEqual(related.map((r) => r.programme.name));
    const firstReasons = await page.locator('#vergelijkbare-lijst li').first().locator('.reason').allTextContents();
    for (const shared of [...related[0].sharedThemes, ...related[0].sharedOrganisations]) {
      expect(firstReasons.join(' ')).toContain(shared.name);
    }
    const ids = await nodeIds(page);
    for (const id of [source!.id, ...related.map((r) => r.programme.id)]) expect(ids).toContain(id);
    await shot('05-vergelijkbare-initiatieven');
  });

  it('finds the shortest path between two entities', async () => {
    // A target two or more steps away from the focus person.
    const { neighbourhood: wide } = await app.gql<{ neighbourhood: Sub }>(
      'query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 300) { nodes { id type label } edges { id source target type } } }', { id: focus.id },
    );
    const near = new Set(focusGraph.nodes.map((n) => n.id));
    const far = wide.nodes.find((n) => !near.has(n.id));
    expect(far, 'an entity two steps from the focus').toBeDefined();
    const { path, paths } = await app.gql<{ path: Sub | null; paths: Sub[] }>(
      `query($a: ID!, $b: ID!) {
        path(from: $a, to: $b) { nodes { id type label } edges { id source target type } }
        paths(from: $a, to: $b, first: 3) { nodes { id type label } edges { id source target type } }
      }`, { a: focus.id, b: far!.id },
    );
    expect(path?.nodes.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(paths[0].nodes.length).toBe(path!.nodes.length);

    await page.click('#tab-verbinding');
    await chooseInSearch(page, 'verbinding-van', focus.name, focus.id);
    await chooseInSearch(page, 'verbinding-naar', far!.label, far!.id);
    await page.locator('#verbinding-stappen > li').first().waitFor();
    await idle(page);
    await expect(page.locator('#verbinding-stappen > li').count()).resolves.toBe(path!.nodes.length);
    // The graph shows the shortest path and its alternatives.
    await waitForNodes(page, [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)))]);
    await expect(page.locator('#paneel-verbinding .path-alternative').count()).resolves.toBe(paths.length);
    const steps = await page.locator('#verbinding-stappen > li > button.link').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(steps).toEqual(paths[0].nodes.map((n) => n.id));
    expect(steps[0]).toBe(focus.id);
    expect(steps.at(-1)).toBe(far!.id);
    const url = new URL(page.url());
    expect([url.searchParams.get('van'), url.searchParams.get('naar')]).toEqual([focus.id, far!.id]);
    await shot('06-verbinding');
  });

  it('restores the view from a link: expansions, selection and filters', async () => {
    const types = new Set([...focusGraph.nodes, ...neighbourGraph.nodes].map((n) => n.type));
    const dropped = [...types].find((t) => t !== 'PERSON') ?? [...types][0];
    const keep = ['PERSON', 'ORGANISATION', 'MUNICIPALITY', 'PROGRAMME', 'THEME'].filter((t) => t !== dropped);
    const link = `${app.baseUrl}/?weergave=verkennen&focus=${focus.id}&uitgebreid=${neighbour.id}&selectie=${neighbour.id}&typen=${keep.join(',')}`;

    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(link);
      const union = [...new Map([...focusGraph.nodes, ...neighbourGraph.nodes].map((n) => [n.id, n])).values()];
      await waitForNodes(fresh, union.map((n) => n.id));
      await idle(fresh);
      await fresh.waitForFunction((id) => window.__explorer!.selected() === id, neighbour.id);
      await fresh.locator('#details .details-title').filter({ hasText: neighbour.name }).waitFor();
      await expect(fresh.isChecked(`#type-${dropped.toLowerCase()}`)).resolves.toBe(false);
      const visible = union.filter((n) => n.type !== dropped).length;
      await expect(fresh.evaluate(() => window.__explorer!.counts().nodes)).resolves.toBe(visible);
      expect(await fresh.locator('#status').textContent()).toMatch(new RegExp(`^${visible} knop`));
      await shot('07-deeplink', fresh);

      // A theme link opens the theme view with its ranking.
      const themeId = new URL(page.url()).searchParams.get('thema');
      if (themeId) {
        await fresh.goto(`${app.baseUrl}/?weergave=themas&thema=${encodeURIComponent(themeId)}`);
        await fresh.locator('#thema-personen li').first().waitFor();
        const { entity } = await app.gql<{ entity: Ref }>('query($id: ID!) { entity(id: $id) { id name } }', { id: themeId });
        await expect(fresh.inputValue('#thema-kiezen')).resolves.toBe(entity.name);
        await expect(fresh.getAttribute('#tab-themas', 'aria-selected')).resolves.toBe('true');
      }
    } finally {
      await fresh.close();
    }
  });

  it('says so when the server is slow or unreachable, instead of a blank page', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.route('**/graphql', (route) => route.abort('connectionrefused'));
      await fresh.goto(`${app.baseUrl}/?weergave=verkennen&focus=${focus.id}`);
      await fresh.locator('#message').filter({ hasText: 'niet bereikbaar' }).waitFor();
      await expect(fresh.locator('h1').textContent()).resolves.toContain('Kennisgraaf');
      await expect(fresh.getAttribute('#message', 'role')).resolves.toBe('alert');
      await shot('08-server-onbereikbaar', fresh);

      // Once the server answers again, "Opnieuw proberen" loads the view.
      await fresh.unroute('**/graphql');
      await fresh.click('#message button.retry');
      await waitForNodes(fresh, focusGraph.nodes.map((n) => n.id));

      await fresh.route('**/graphql', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await fresh.goto(`${app.baseUrl}/?weergave=verkennen&focus=${focus.id}`);
      await fresh.locator('#message').filter({ hasText: 'Laden…' }).waitFor({ timeout: 5000 });
      await waitForNodes(fresh, focusGraph.nodes.map((n) => n.id));
    } finally {
      await fresh.close();
    }
  });

  it('is usable from the keyboard with a visible focus', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(app.baseUrl + '/');
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await fresh.keyboard.press('Tab');
        reached = await fresh.evaluate(() => document.activeElement?.id === 'zoeken');
      }
      expect(reached).toBe(true);
      const outline = await fresh.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
    } finally {
      await fresh.close();
    }
  });
});
