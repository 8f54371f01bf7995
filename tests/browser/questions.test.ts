/**
 * The four questions as a policy adviser asks them, in real Chromium with every host but
 * 127.0.0.1 blocked (so nothing may come from a CDN): search that finds what people type,
 * passage search, related initiatives not carried by a hub, paths that avoid themes, the theme
 * view with four kinds, a CSV export with its evidence, a hub expanded a page at a time, and
 * GraphiQL working offline. Entities are picked from the data through the API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeTestDriver } from '../setup/neo4j.ts';
import { dutchStem, foldText } from '../../graph/text/dutch.ts';
import { artifactsDir, chooseInSearch, idle, nodeIds, openExplorer, type ExplorerSession, type RunningApp } from './support.ts';

interface Ref { id: string; name: string; type?: string }
interface Member { weight: number; entity: Ref; evidence: { snippet: string; section: string | null; document: { title: string } }[] }

let session: ExplorerSession;
let app: RunningApp;
let page: Page;
/** Requests to any host but 127.0.0.1 (all aborted). */
const blocked: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `${name}.png`) });

beforeAll(async () => {
  session = await openExplorer();
  ({ app, page } = session);
  await session.browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
}, 300_000);

afterAll(async () => {
  await session?.close();
  await closeTestDriver();
});

async function typeahead(inputId: string, text: string): Promise<string[]> {
  // Empty first, so that the options shown afterwards answer this text, not the one before.
  await page.fill(`#${inputId}`, '');
  await page.locator(`#${inputId}-lijst`).waitFor({ state: 'hidden' });
  await page.fill(`#${inputId}`, text);
  await page.locator(`#${inputId}-lijst [role="option"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
  return page.locator(`#${inputId}-lijst [role="option"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
}

describe('the four questions, offline', () => {
  it('search puts a theme first when its name is typed, and finds two-word queries', async () => {
    await page.goto(app.baseUrl + '/');
    // Every one of the ten largest themes comes first when its name is typed, whatever else
    // (programmes, organisations) carries the same word in a longer name.
    const { themes } = await app.gql<{ themes: Ref[] }>('{ themes(first: 10) { id name } }');
    const eenzaamheid = (await app.gql<{ themes: Ref[] }>('{ themes(search: "eenzaamheid", first: 5) { id name } }'))
      .themes.find((t) => foldText(t.name) === 'eenzaamheid');
    expect(eenzaamheid, 'the corpus has the theme eenzaamheid').toBeDefined();
    for (const theme of [eenzaamheid!, ...themes]) {
      const ids = await typeahead('zoeken', theme.name);
      expect(ids[0], `"${theme.name}" should rank the theme first`).toBe(theme.id);
    }
    await typeahead('zoeken', 'eenzaamheid');
    await shot('q1-zoeken-eenzaamheid');

    // Two words, in the other order than in the name, find the entity (all words first).
    const { programmes } = await app.gql<{ programmes: Ref[] }>('{ programmes(first: 60) { id name } }');
    const twoWords = programmes.map((p) => ({ p, words: p.name.split(/\s+/).filter((w) => w.length >= 4) })).filter((x) => x.words.length >= 2).slice(0, 5);
    expect(twoWords.length).toBeGreaterThan(0);
    for (const { p, words } of twoWords) {
      const ids = await typeahead('zoeken', `${words[1]} ${words[0]}`);
      expect(ids, `"${words[1]} ${words[0]}" should find ${p.name}`).toContain(p.id);
    }
    const ids = await typeahead('zoeken', 'ouderen eenzaamheid');
    expect(ids.length).toBeGreaterThan(1);
  });

  it('passage search lists passages with the words marked and opens their entities', async () => {
    await page.click('#tab-fragmenten');
    await page.fill('#fragment-zoeken', 'eenzame ouderen');
    await page.press('#fragment-zoeken', 'Enter');
    await page.locator('#fragmenten-lijst li').first().waitFor();
    await idle(page);
    const { passages } = await app.gql<{ passages: { sectionId: string; matchedWords: string[] }[] }>(
      '{ passages(query: "eenzame ouderen", first: 20) { sectionId matchedWords } }',
    );
    const shown = await page.locator('#fragmenten-lijst li').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(shown).toEqual(passages.map((p) => p.sectionId));
    const marks = await page.locator('#fragmenten-lijst mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    // Every marked word is a query word by its Dutch stem ("eenzaamheid" for "eenzame").
    const stems = ['eenzame', 'ouderen'].map((w) => dutchStem(w));
    for (const m of marks) expect(stems).toContain(dutchStem(foldText(m)));
    expect(marks.map((m) => dutchStem(foldText(m)))).toContain(dutchStem('eenzame'));
    expect(new URL(page.url()).searchParams.get('zoekterm')).toBe('eenzame ouderen');
    await shot('q2-passages');

    const chip = page.locator('#fragmenten-lijst .chip').first();
    const id = (await chip.getAttribute('data-id'))!;
    await chip.click();
    await page.waitForFunction((want) => window.__explorer!.nodeIds().includes(want), id);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(id);
  });

  it('related initiatives are not carried by one shared organisation, and explain their score', async () => {
    // The organisation that runs the most programmes (the publisher, in this corpus) and the
    // programmes it runs: the place where a hub would drown the answer.
    type Related = { score: number; programme: Ref; reasons: { weight: number; entity: Ref & { type: string } }[]; sharedOrganisations: Ref[] };
    const { organisations } = await app.gql<{ organisations: (Ref & { programmes: Ref[] })[] }>('{ organisations(first: 100) { id name programmes { id name } } }');
    const hub = [...organisations].sort((a, b) => b.programmes.length - a.programmes.length)[0];
    expect(hub.programmes.length).toBeGreaterThan(5);
    let source: Ref | null = null;
    let related: Related[] = [];
    let checked = 0;
    for (const programme of hub.programmes) {
      const data = await app.gql<{ relatedProgrammes: Related[] }>(
        'query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score programme { id name } reasons { weight entity { id name type } } sharedOrganisations { id name } } }', { id: programme.id },
      );
      const top = data.relatedProgrammes;
      if (top.length === 0) continue;
      checked++;
      // Explained by an organisation = it is the heaviest reason of that match.
      const heaviest = new Map<string, number>();
      for (const r of top) {
        const main = r.reasons[0];
        if (main?.entity.type === 'ORGANISATION') heaviest.set(main.entity.id, (heaviest.get(main.entity.id) ?? 0) + 1);
        expect(r.score).toBeCloseTo(r.reasons.reduce((s, x) => s + x.weight, 0), 6);
      }
      // (A list of one or two is "explained" by whatever it shares: judge lists of four or more.)
      if (top.length >= 4) {
        for (const [org, count] of heaviest) expect(count, `${org} explains ${count} of the top ${top.length} for ${programme.id}`).toBeLessThanOrEqual(top.length / 2);
      }
      // The hub itself weighs (almost) nothing.
      for (const r of top) for (const x of r.reasons) if (x.entity.id === hub.id) expect(x.weight).toBeLessThan(1);
      if (top.length > related.length) { source = programme; related = top; }
    }
    expect(checked).toBeGreaterThan(2);

    await page.goto(`${app.baseUrl}/?weergave=vergelijkbaar`);
    await chooseInSearch(page, 'programma-zoeken', source!.name, source!.id);
    await page.locator('#vergelijkbare-lijst li').first().waitFor();
    await idle(page);
    expect(await page.locator('#vergelijkbare-lijst .rank-name').allTextContents()).toEqual(related.map((r) => r.programme.name));
    expect(await page.locator('#vergelijkbare-lijst .weight').first().getAttribute('title')).toMatch(/ln\(\(S − s/);
    await shot('q3-vergelijkbaar');
  });

  it('the path view can avoid themes and shows alternatives with evidence per step', async () => {
    type Path = { nodes: (Ref & { type: string; label: string })[] };
    // Two people who work on the same theme (so that the shortest path may run through it)
    // and also know each other some other way: among the people of the largest themes.
    const { themes } = await app.gql<{ themes: Ref[] }>('{ themes(first: 5) { id name } }');
    let pair: [Ref, Ref] | null = null;
    let tries = 0;
    outer: for (const theme of themes) {
      const { entity } = await app.gql<{ entity: { members: { entity: Ref }[] } }>(
        'query($id: ID!) { entity(id: $id) { ... on Theme { members(type: PERSON, first: 8) { entity { id name } } } } }', { id: theme.id },
      );
      const people = entity.members.map((m) => m.entity);
      for (const a of people) {
        for (const b of people) {
          if (a.id >= b.id || ++tries > 40) continue;
          const data = await app.gql<{ plain: Path[]; avoiding: Path[] }>(
            `query($a: ID!, $b: ID!) {
              plain: paths(from: $a, to: $b, first: 1) { nodes { id type label } }
              avoiding: paths(from: $a, to: $b, avoidTypes: [THEME], first: 1) { nodes { id type label } }
            }`, { a: a.id, b: b.id },
          );
          if (data.plain[0]?.nodes.some((n) => n.type === 'THEME') && data.avoiding.length > 0) { pair = [a, b]; break outer; }
        }
      }
    }
    expect(pair, 'two people whose shortest path runs through a theme, with a way around it').not.toBeNull();
    const [a, b] = pair!;

    await page.goto(`${app.baseUrl}/?weergave=verbinding&van=${a.id}&naar=${b.id}`);
    await page.locator('#verbinding-stappen li').first().waitFor();
    await idle(page);
    const withThemes = await page.evaluate(() => window.__explorer!.cy.nodes().map((n) => n.data('type') as string));
    expect(withThemes).toContain('THEME');
    await page.check('#vermijd-themas');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zonder-themas') === '1');
    await page.locator('#verbinding-stappen li').first().waitFor();
    await idle(page);
    const types = await page.evaluate(() => window.__explorer!.cy.nodes().map((n) => n.data('type') as string));
    expect(types.length).toBeGreaterThan(2);
    expect(types).not.toContain('THEME');
    const steps = await page.locator('#paneel-verbinding .path-steps li').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(steps).not.toContain('THEME');
    const alternatives = await page.locator('#paneel-verbinding .path-alternative').count();
    expect(alternatives).toBeGreaterThanOrEqual(1);
    await shot('q4-verbinding-zonder-themas');
  });

  it('the theme view ranks people, organisations, programmes and municipalities, and exports CSV with evidence', async () => {
    const kinds = ['PERSON', 'ORGANISATION', 'PROGRAMME', 'MUNICIPALITY'] as const;
    const lists = { PERSON: 'thema-personen', ORGANISATION: 'thema-organisaties', PROGRAMME: 'thema-programmas', MUNICIPALITY: 'thema-gemeenten' };
    const { themes } = await app.gql<{ themes: Ref[] }>('{ themes(first: 60) { id name } }');
    let chosen: { theme: Ref; members: Record<string, Member[]> } | null = null;
    for (const theme of themes) {
      const { entity } = await app.gql<{ entity: Record<string, Member[]> }>(
        `query($id: ID!) { entity(id: $id) { ... on Theme { ${kinds.map((k) => `${k}: members(type: ${k}, first: 25) { weight entity { id name } evidence(first: 3) { snippet section document { title } } }`).join(' ')} } } }`,
        { id: theme.id },
      );
      if (kinds.every((k) => entity[k].length > 0) && entity.PERSON.some((m) => m.evidence.length > 0)) { chosen = { theme, members: entity }; break; }
    }
    expect(chosen, 'a theme with members of all four kinds').not.toBeNull();
    const { theme, members } = chosen!;

    await page.goto(`${app.baseUrl}/?weergave=themas`);
    // The picker is search-as-you-type: a prefix of the name is enough.
    await chooseInSearch(page, 'thema-kiezen', theme.name.slice(0, Math.max(4, Math.ceil(theme.name.length / 2))), theme.id);
    await page.locator('#thema-personen li').first().waitFor();
    await idle(page);
    for (const kind of kinds) {
      const names = await page.locator(`#${lists[kind]} .rank-name`).allTextContents();
      expect(names, kind).toEqual(members[kind].map((m) => m.entity.name));
    }
    const types = new Set(await page.evaluate(() => window.__explorer!.cy.nodes().map((n) => n.data('type') as string)));
    for (const kind of kinds) expect(types.has(kind)).toBe(true);
    await shot('q5-themas-vier-soorten');

    const download = page.waitForEvent('download');
    await page.click('#export-thema-personen-csv');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const target = join(artifactsDir, 'thema-personen.csv');
    await file.saveAs(target);
    const csv = readFileSync(target, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r\n/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['rank', 'name', 'score', 'document', 'section', 'quote']));
    const evidence = members.PERSON.flatMap((m) => m.evidence);
    expect(rows.length).toBeGreaterThanOrEqual(members.PERSON.length);
    expect(csv).toContain(evidence[0].document.title.includes(',') ? `"${evidence[0].document.title}"` : evidence[0].document.title);
    const quote = evidence[0].snippet;
    expect(csv).toContain(/[",\n;]/.test(quote) ? `"${quote.replace(/"/g, '""')}"` : quote);

    // A theme on the canvas offers "Wie werkt hieraan?".
    await page.goto(`${app.baseUrl}/?weergave=verkennen&focus=${theme.id}&selectie=${theme.id}`);
    await page.locator('#details .details-who').click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('thema') === id, theme.id);
    await page.locator('#thema-personen li').first().waitFor();
  });

  it('expands a hub a page at a time, strongest neighbours first, and exports the graph', async () => {
    const { organisations } = await app.gql<{ organisations: Ref[] }>('{ organisations(first: 20) { id name } }');
    let hub: { id: string; total: number } | null = null;
    for (const o of organisations) {
      const { neighbours } = await app.gql<{ neighbours: { total: number } }>('query($id: ID!) { neighbours(id: $id, first: 1) { total } }', { id: o.id });
      if (!hub || neighbours.total > hub.total) hub = { id: o.id, total: neighbours.total };
    }
    expect(hub!.total).toBeGreaterThan(50);
    const { neighbours } = await app.gql<{ neighbours: { nodes: Ref[] } }>('query($id: ID!) { neighbours(id: $id, first: 25) { nodes { id } } }', { id: hub!.id });
    await page.goto(`${app.baseUrl}/?weergave=verkennen&focus=${hub!.id}`);
    await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0);
    await idle(page);
    expect(await nodeIds(page)).toEqual(neighbours.nodes.map((n) => n.id).sort());
    await page.locator('#message button.more').click();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length === 51);
    await shot('q6-hub-meer');

    const download = page.waitForEvent('download');
    await page.click('#knop-graphml');
    const file = await download;
    const target = join(artifactsDir, 'graaf.graphml');
    await file.saveAs(target);
    const graphml = readFileSync(target, 'utf8');
    expect((graphml.match(/<node /g) ?? []).length).toBe(51);
    const json = page.waitForEvent('download');
    await page.click('#knop-json');
    const jsonFile = await json;
    const cyjs = JSON.parse(readFileSync(await jsonFile.path(), 'utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } };
    expect(cyjs.elements.nodes.length).toBe(51);
  });

  it('GraphiQL renders and runs a query with no network', async () => {
    const query = '{ stats { documents themes } }';
    const { stats } = await app.gql<{ stats: { documents: number; themes: number } }>(query);
    const before = blocked.length;
    await page.goto(`${app.baseUrl}/graphql?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').filter({ hasText: `"documents": ${stats.documents}` }).waitFor({ timeout: 30_000 });
    await shot('q7-graphiql');
    expect(blocked.slice(before)).toEqual([]);
  });

  it('the landing page offers starting points that open each question', async () => {
    await page.goto(app.baseUrl + '/');
    await page.locator('#voorbeelden li').first().waitFor();
    const examples = await page.locator('#voorbeelden [data-example]').evaluateAll((els) => els.map((e) => e.getAttribute('data-example')));
    expect(examples).toEqual(expect.arrayContaining(['themas', 'vergelijkbaar', 'verbinding', 'fragmenten']));
    await expect(page.locator('#grootste-themas li').count()).resolves.toBeGreaterThan(2);
    await expect(page.locator('#nieuwste-documenten li').count()).resolves.toBeGreaterThan(0);
    await shot('q0-start');
    await page.locator('#voorbeelden [data-example="themas"]').click();
    await page.locator('#thema-personen, #thema-organisaties').first().waitFor();
    expect(new URL(page.url()).searchParams.get('weergave')).toBe('themas');
    expect(blocked).toEqual([]);
  });
});
